/**
 * Runs once before the test workers start: unpacks the packaged Chromium now, so two workers never
 * unpack it into the same place at once (it is written in place, not atomically).
 */
import { chromiumExecutable } from '../../dev/chromium';

export default async function setup(): Promise<void> {
  if (process.env.TESTKASE_SKIP_E2E === '1') return;
  await chromiumExecutable();
}

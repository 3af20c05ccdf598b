/**
 * Runs once before the test workers start. Unpacks the packaged Chromium (two workers never unpack it
 * into the same place at once: it is written in place, not atomically) and starts it as a browser
 * server that every e2e file connects to (test/e2e/support/rig.ts: sharedBrowser), instead of each
 * file launching its own. Each rig still gets its own browser contexts, so nothing a page stores —
 * cookies, storage, cache — is shared between suites.
 */
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../../dev/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser server's WebSocket endpoint; '' when the e2e suites are skipped. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TESTKASE_SKIP_E2E === '1') {
    project.provide('chromiumEndpoint', '');
    return undefined;
  }
  const server = await launchChromiumServer();
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

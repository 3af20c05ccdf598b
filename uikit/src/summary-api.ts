/**
 * The module's one call to the backend, `getIssueSummary`, typed by the function table and always
 * settled: an answer that is not the app's Result envelope, a rejected invoke or no answer in time
 * becomes a failure with a plain sentence, never an exception or an endless spinner.
 */
import { makeInvoke } from '@forge/bridge';
import type { AppError, Definitions, IssueSummary, Result } from '../../src/shared/definitions';

const invoke = makeInvoke<Definitions>();

/** Longer than the backend's own TestKase time budget, so its sentence usually wins. */
const CALL_TIMEOUT_MS = 30_000;

const unreachable: AppError = { code: 'UNAVAILABLE', message: 'The TestKase app did not answer. Check your connection and try again.' };
const garbled: AppError = { code: 'INTERNAL', message: 'The TestKase app sent an answer it could not read. Try again; if it keeps happening, tell your Jira admin.' };

function isSummaryResult(value: unknown): value is Result<IssueSummary> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; data?: { config?: { kind?: unknown } }; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return typeof v.data?.config?.kind === 'string';
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

export async function fetchSummary(timeoutMs = CALL_TIMEOUT_MS): Promise<Result<IssueSummary>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answer: unknown = await Promise.race([invoke('getIssueSummary'), timeout]);
    if (answer === 'timeout') return { ok: false, error: unreachable };
    return isSummaryResult(answer) ? answer : { ok: false, error: garbled };
  } catch {
    return { ok: false, error: unreachable };
  } finally {
    clearTimeout(timer);
  }
}

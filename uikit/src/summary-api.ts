/**
 * The module's one call to the backend, `getIssueSummary`, typed by the function table and always
 * settled (src/shared/call.ts, as the Custom UI's calls are): an answer that is not the app's Result
 * envelope, a rejected invoke or no answer in time becomes a failure with a plain sentence, never an
 * exception or an endless spinner.
 */
import { makeInvoke } from '@forge/bridge';
import type { Definitions, IssueSummary, Result } from '../../src/shared/definitions';
import { settle } from '../../src/shared/call';

const invoke = makeInvoke<Definitions>();

/** A summary carries its connection state: anything without one is not an answer this module can show. */
const isSummary = (data: unknown) => typeof (data as { connection?: { kind?: unknown } } | undefined)?.connection?.kind === 'string';

export function fetchSummary(timeoutMs?: number): Promise<Result<IssueSummary>> {
  return settle<IssueSummary>(() => invoke('getIssueSummary'), { readOnly: true, isAnswer: isSummary, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

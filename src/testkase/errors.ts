/**
 * Typed failures of a TestKase call. Messages are for logs and never contain the PAT:
 * they are built from status codes and paths only.
 */
export type TestKaseErrorKind =
  | 'UNAUTHORIZED' // 401: token revoked, expired or unknown
  | 'FORBIDDEN' // 403: the user's role does not allow it, or not a member of the project
  | 'NOT_FOUND' // 404
  | 'BAD_REQUEST' // 400/409/413/422: TestKase refused the input
  | 'RATE_LIMITED' // 429
  | 'UNAVAILABLE' // 5xx, timeout, network failure
  | 'BAD_RESPONSE'; // a body the contract does not describe

/**
 * Why an UNAVAILABLE call got no answer (none for a 5xx, which is an answer): TestKase did not answer
 * within the time (TIMEOUT), the connection failed (NETWORK), or the request was never sent because the
 * call's time budget was spent (NOT_SENT). A write NOT_SENT changed nothing; after TIMEOUT or NETWORK it
 * may have.
 */
export type NoAnswer = 'TIMEOUT' | 'NETWORK' | 'NOT_SENT';

export class TestKaseError extends Error {
  override readonly name = 'TestKaseError';
  constructor(
    readonly kind: TestKaseErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; code?: string; serverMessage?: string; noAnswer?: NoAnswer } = {},
  ) {
    super(message);
  }
}

export const isTestKaseError = (e: unknown, kind?: TestKaseErrorKind): e is TestKaseError =>
  e instanceof TestKaseError && (kind === undefined || e.kind === kind);

export function kindForStatus(status: number): TestKaseErrorKind {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'UNAVAILABLE';
  return 'BAD_REQUEST';
}

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 3600);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

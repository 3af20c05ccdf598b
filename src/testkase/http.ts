/**
 * One HTTP exchange with TestKase: timeout, bounded retries for idempotent reads, zod validation.
 *
 * Time budget: a resolver call must finish well under Forge's 25 s limit, so every client shares
 * one deadline; each attempt's timeout is clipped to what remains of it, and a Retry-After that
 * would overrun it is returned to the caller as RATE_LIMITED instead of being waited out.
 *
 * Distrust: redirects are not followed (the request carries the token); a body is read only up to
 * a byte limit, so one oversized answer cannot exhaust the function's memory; and nothing TestKase
 * sends reaches an error message without the token scrubbed out of it.
 */
import type { z } from 'zod';
import { ErrorBody } from './contract';
import type { Method } from './endpoint';
import { kindForStatus, parseRetryAfter, TestKaseError } from './errors';
import { readCapped, TooLarge } from './read-capped';
import { fromServer } from './server-text';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  /** Per attempt. */
  timeoutMs: number;
  /** Absolute time (ms since epoch) after which no new attempt starts. */
  deadline: number;
  /** Retries after the first attempt, for idempotent reads only. */
  maxRetries: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Observes every attempt (route, status, ms): used by the benchmark and tests. */
  onAttempt?: (event: AttemptEvent) => void;
  /** Largest successful body read, in bytes; default MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Aborted when the resolver call that made the client has answered (call-lifetime.ts): no attempt after that. */
  signal?: AbortSignal;
}

/**
 * A page of 100 test cases with 10,000-character descriptions is about 1 MB of JSON; 8 MiB leaves
 * room for that several times over while keeping a hostile or broken answer far from Forge's memory.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** An error body is only read for its code and message. */
const MAX_ERROR_BYTES = 64 * 1024;

interface AttemptEvent {
  method: string;
  path: string;
  status: number | 'timeout' | 'network';
  ms: number;
  attempt: number;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function request<T extends z.ZodType>(
  opts: HttpOptions,
  method: Method,
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  // Writes are never blindly retried: a timed-out POST may have been applied.
  const retries = method === 'GET' ? opts.maxRetries : 0;
  let lastError: TestKaseError | undefined;

  for (let attempt = 0; attempt <= retries; attempt++) {
    if (opts.signal?.aborted) throw new TestKaseError('UNAVAILABLE', `${method} ${path}: stopped, the call that made it has answered`);
    const remaining = opts.deadline - now();
    if (remaining <= 50) break;
    const started = now();
    const outcome = await attemptOnce(opts, method, path, body, Math.min(opts.timeoutMs, remaining));
    opts.onAttempt?.({ method, path, status: outcome.status, ms: now() - started, attempt });

    if (outcome.kind === 'ok') return parseBody(schema, outcome.text, method, path);
    lastError = outcome.error;
    const retryable =
      outcome.status === 'timeout' || outcome.status === 'network' || RETRYABLE_STATUS.has(outcome.status);
    if (!retryable || attempt === retries) break;

    const wait = outcome.error.details.retryAfterSeconds !== undefined
      ? outcome.error.details.retryAfterSeconds * 1000
      : Math.min(2000, 150 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    if (now() + wait + 50 >= opts.deadline) break; // waiting would overrun the budget: report it now
    await untilAborted(sleep(wait), opts.signal);
  }
  throw lastError ?? new TestKaseError('UNAVAILABLE', `${method} ${path}: no time left to reach TestKase`);
}

/** Waits for `pending`, or less when the signal aborts (the loop above then stops). */
function untilAborted(pending: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return pending;
  return new Promise<void>((done) => {
    const stop = () => done();
    signal.addEventListener('abort', stop, { once: true });
    void pending.then(() => {
      signal.removeEventListener('abort', stop);
      done();
    });
  });
}

type Outcome =
  | { kind: 'ok'; status: number; text: string }
  | { kind: 'error'; status: number | 'timeout' | 'network'; error: TestKaseError };

async function attemptOnce(
  opts: HttpOptions,
  method: string,
  path: string,
  body: unknown,
  timeoutMs: number,
): Promise<Outcome> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  opts.signal?.addEventListener('abort', stop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Race as well as abort: a platform fetch that ignores the signal must not hang the resolver.
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  const url = `${opts.baseUrl}${path}`;
  try {
    const exchange = (async (): Promise<Outcome> => {
      const response = await opts.fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${opts.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // Not 'error': that fails like a network error and would be retried. Not 'follow': the
        // request carries the token, and a redirect may point anywhere on (or off) the origin.
        redirect: 'manual',
        signal: controller.signal,
      });
      if (isRedirect(response)) {
        controller.abort(); // the body of a redirect is of no interest
        return { kind: 'error', status: response.status, error: new TestKaseError('BAD_RESPONSE', `${method} ${path}: answered with a redirect (HTTP ${response.status}), which is not followed; check TESTKASE_BASE_URL`) };
      }
      if (!response.ok) {
        // The status decides; an oversized error body is simply not looked at.
        const text = await readCapped(response, MAX_ERROR_BYTES, controller);
        return { kind: 'error', status: response.status, error: httpError(method, path, response, text === TooLarge ? '' : text, opts.token) };
      }
      const limit = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
      const text = await readCapped(response, limit, controller);
      if (text === TooLarge) {
        return { kind: 'error', status: response.status, error: new TestKaseError('BAD_RESPONSE', `${method} ${path}: the response is larger than ${limit} bytes`) };
      }
      return { kind: 'ok', status: response.status, text };
    })();
    exchange.catch(() => undefined); // settled later by the race; keep it from being "unhandled"
    const result = await Promise.race([exchange, timeout]);
    if (result === 'timeout') {
      return { kind: 'error', status: 'timeout', error: new TestKaseError('UNAVAILABLE', `${method} ${path}: timed out after ${timeoutMs} ms`) };
    }
    return result;
  } catch (e) {
    const reason = e instanceof Error ? e.name : 'error';
    return { kind: 'error', status: 'network', error: new TestKaseError('UNAVAILABLE', `${method} ${path}: network failure (${reason})`) };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', stop);
  }
}

/**
 * A 3xx (or an opaque redirect), or a platform fetch that followed one anyway despite `manual`.
 * `response.url` is not compared with the request: behind Forge's egress proxy it need not be ours.
 */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || response.redirected;
}

function httpError(method: string, path: string, response: Response, text: string, token: string): TestKaseError {
  const kind = kindForStatus(response.status);
  let code: string | undefined;
  let serverMessage: string | undefined;
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    // Both fields came from TestKase: a server that echoes the token back must not make us repeat it.
    if (parsed.success) {
      code = fromServer(parsed.data.error.code, token, 60) || undefined;
      serverMessage = fromServer(parsed.data.error.message, token, 300) || undefined;
    }
  } catch {
    // not JSON: the status says enough
  }
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  return new TestKaseError(kind, `${method} ${path}: HTTP ${response.status}${code ? ` ${code}` : ''}`, {
    status: response.status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(code ? { code } : {}),
    ...(serverMessage ? { serverMessage } : {}),
  });
}

function parseBody<T extends z.ZodType>(schema: T, text: string, method: string, path: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TestKaseError('BAD_RESPONSE', `${method} ${path}: the response is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new TestKaseError('BAD_RESPONSE', `${method} ${path}: the response does not match the contract (${where})`);
  }
  return parsed.data;
}

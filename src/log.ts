/**
 * The backend's only logger. Every line passes through `redact`: the tokens the current resolver call
 * knows (its scope), anything shaped like a TestKase PAT, and Bearer credentials are replaced, so a
 * token that slipped into an error — or that TestKase echoed back — never reaches Forge's logs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

// No word boundary before the prefix: `xtk_pat_…` or `_tk_pat_…` carry a token just the same.
const TOKEN_LIKE = /tk_pat_[A-Za-z0-9_\-.]+/g;
const BEARER = /(Bearer\s+)[^\s"']+/gi;
const REDACTED = '[redacted]';
/** Shorter strings are not credentials (a PAT has at least 20 characters) and would redact too much. */
const SECRET_MIN_LENGTH = 8;

const scope = new AsyncLocalStorage<Set<string>>();

/**
 * Runs one resolver call with its own set of known secrets. Everything the call logs, and its
 * result, is scrubbed of them — including tokens without the documented prefix.
 */
export function withSecretScope<T>(body: () => Promise<T>): Promise<T> {
  return scope.run(new Set(), body);
}

/** Marks a value (a PAT just read or received) as secret for the rest of the current call. */
export function rememberSecret(secret: string): void {
  if (secret.length >= SECRET_MIN_LENGTH) scope.getStore()?.add(secret);
}

/** Replaces every secret the current call knows. */
export function scrubKnownSecrets(text: string): string {
  let out = text;
  for (const secret of scope.getStore() ?? []) out = out.split(secret).join(REDACTED);
  return out;
}

export function redact(text: string): string {
  return scrubKnownSecrets(text).replace(TOKEN_LIKE, `tk_pat_${REDACTED}`).replace(BEARER, `$1${REDACTED}`);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

const line = (event: string, error: unknown) => redact(`[testkase] ${event}${error === undefined ? '' : ` — ${describe(error)}`}`);

export const log = {
  info(event: string): void {
    console.info(line(event, undefined));
  },
  warn(event: string, error?: unknown): void {
    console.warn(line(event, error));
  },
  error(event: string, error?: unknown): void {
    console.error(line(event, error));
  },
};

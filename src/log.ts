/**
 * The backend's only logger. Every line passes through `redact`, so a PAT that slipped into an
 * error message still never reaches Forge's logs.
 */
const TOKEN_LIKE = /\btk_pat_[A-Za-z0-9_\-.]+/g;
const BEARER = /(Bearer\s+)[^\s"']+/gi;

export function redact(text: string): string {
  return text.replace(TOKEN_LIKE, 'tk_pat_[redacted]').replace(BEARER, '$1[redacted]');
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

export const log = {
  warn(event: string, error?: unknown): void {
    console.warn(redact(`[testkase] ${event}${error === undefined ? '' : ` — ${describe(error)}`}`));
  },
  error(event: string, error?: unknown): void {
    console.error(redact(`[testkase] ${event}${error === undefined ? '' : ` — ${describe(error)}`}`));
  },
};

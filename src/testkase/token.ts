/**
 * PAT format and preview, shared by the backend (what it stores and shows) and the simulator
 * (what it mints and lists). TestKase documents the `tk_pat_` prefix and a first/last-characters
 * preview such as `tk_pat_a1b2…z7`.
 */
export const PAT_PREFIX = 'tk_pat_';

/** Loose on purpose: another version of TestKase's docs shows a different prefix. */
export const PAT_PATTERN = /^[A-Za-z0-9_\-.]{20,512}$/;

/** First 11 characters (prefix + 4), an ellipsis, the last 2: enough to recognise, useless to attack. */
export function tokenPreview(token: string): string {
  if (token.length <= 16) return `${token.slice(0, 4)}…`;
  return `${token.slice(0, PAT_PREFIX.length + 4)}…${token.slice(-2)}`;
}

/**
 * PAT format and the preview the app shows of a saved token. TestKase documents the `tk_pat_` prefix;
 * another version of its docs shows a different one, so no prefix is required anywhere.
 */
export const PAT_PREFIX = 'tk_pat_';

/** Loose on purpose: another version of TestKase's docs shows a different prefix. */
export const PAT_PATTERN = /^[A-Za-z0-9_\-.]{20,512}$/;

/** Lower-case words ending in `_` (`tk_pat_`, `tkp_`): what kind of token it is, not part of its secret. */
const KIND_PREFIX = /^(?:[a-z]{1,8}_){1,2}/;
/** A leading word counts as a prefix only if a credible secret follows it. */
const SECRET_MIN = 16;
/** Of the secret part the preview shows at most this many characters… */
const SHOWN_MAX = 4;
/** …and at most one character in this many, whatever the token's length. */
const SHOWN_SHARE = 5;

/**
 * The prefix, the first few characters of the secret part, an ellipsis: `tk_pat_a1b2…`. Enough to
 * recognise the token in TestKase's API Keys list (which starts the same way), useless to attack:
 * 4 characters of a 40-character secret, and never more than a fifth of a short one.
 */
export function tokenPreview(token: string): string {
  const word = token.match(KIND_PREFIX)?.[0] ?? '';
  const prefix = token.length - word.length >= SECRET_MIN ? word : '';
  const secret = token.slice(prefix.length);
  const shown = Math.min(SHOWN_MAX, Math.floor(secret.length / SHOWN_SHARE));
  return `${prefix}${secret.slice(0, shown)}…`;
}

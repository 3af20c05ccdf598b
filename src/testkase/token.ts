/**
 * PAT format and the preview the app shows of a saved token. TestKase documents the `tk_pat_` prefix;
 * another version of its docs shows a different one, so no prefix is required anywhere.
 */
export const PAT_PREFIX = 'tk_pat_';

/** Loose on purpose: another version of TestKase's docs shows a different prefix. */
export const PAT_PATTERN = /^[A-Za-z0-9_\-.]{20,512}$/;

/**
 * The prefixes known not to be secret: TestKase's documented `tk_pat_`, which says what kind of token it
 * is. Any other leading word (`abc_`, `tkp_`…) may be part of the secret and is counted as such.
 */
const KNOWN_PREFIXES = [PAT_PREFIX];
/** A known prefix counts as one only if a credible secret follows it. */
const SECRET_MIN = 16;
/** Of the secret part the preview shows at most this many characters… */
const SHOWN_MAX = 4;
/** …and at most one character in this many, whatever the token's length. */
const SHOWN_SHARE = 5;

/**
 * A known prefix, the first few characters of the secret part, an ellipsis: `tk_pat_a1b2…`. Enough to
 * recognise the token in TestKase's API Keys list (which starts the same way), useless to attack:
 * 4 characters of a 40-character secret, never more than a fifth of a short one, and of a token
 * without a known prefix never more than a fifth of the whole token.
 */
export function tokenPreview(token: string): string {
  const known = KNOWN_PREFIXES.find((p) => token.startsWith(p) && token.length - p.length >= SECRET_MIN) ?? '';
  const secret = token.slice(known.length);
  const shown = Math.min(SHOWN_MAX, Math.floor(secret.length / SHOWN_SHARE));
  return `${known}${secret.slice(0, shown)}…`;
}

/**
 * PAT minting and checking as TestKase documents it: `tk_pat_` + a long random string, shown once,
 * stored only as a hash, listed by preview.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PAT_PREFIX } from '../../src/testkase/token';

/** Expiry choices offered by TestKase's API Keys page. */
export const EXPIRY_DAYS = [7, 30, 60, 90, 180, 365] as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 40 base62 characters ≈ 238 bits; rejection sampling keeps the distribution uniform. */
export function mintToken(): string {
  let out = '';
  while (out.length < 40) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && out.length < 40) out += ALPHABET[byte % 62];
    }
  }
  return PAT_PREFIX + out;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * How TestKase lists a token on its API Keys page, as its docs show it (`tk_pat_a1b2…z7`): the
 * prefix and 4 characters, an ellipsis, the last 2. The app shows less of a saved token (see
 * `tokenPreview` in src/testkase/token.ts); this is TestKase's own listing, simulated as documented.
 */
export function listingPreview(token: string): string {
  return `${token.slice(0, PAT_PREFIX.length + 4)}…${token.slice(-2)}`;
}

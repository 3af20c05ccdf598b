/**
 * PAT minting and checking as TestKase documents it: `tk_pat_` + a long random string, shown once,
 * stored only as a hash, listed by preview.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PAT_PREFIX, tokenPreview } from '../../src/testkase/token';

/** Expiry choices offered by TestKase's API Keys page. */
export const EXPIRY_DAYS = [7, 30, 60, 90, 180, 365] as const;
export type ExpiryDays = (typeof EXPIRY_DAYS)[number];

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

export { tokenPreview };

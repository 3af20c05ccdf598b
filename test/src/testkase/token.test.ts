/** The preview of a saved token: a fixed small part of its secret, whatever the token's length or prefix. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAT_PATTERN, tokenPreview } from '../../../src/testkase/token';

/** What the preview reveals: the characters before the ellipsis, which must start the token. */
function revealed(token: string): string {
  const preview = tokenPreview(token);
  expect(preview.endsWith('…')).toBe(true);
  const shown = preview.slice(0, -1);
  expect(token.startsWith(shown)).toBe(true);
  return shown;
}

describe('tokenPreview', () => {
  it('shows the tk_pat_ prefix and 4 characters of a 40-character secret', () => {
    const token = 'tk_pat_' + 'Ab3dEFGHIJKLMNOPQRSTUVWXYZ0123456789wxyz';
    expect(tokenPreview(token)).toBe('tk_pat_Ab3d…');
  });

  it('keeps another documented prefix and does not require one', () => {
    expect(tokenPreview('tkp_' + 'Q'.repeat(36) + 'zz')).toBe('tkp_QQQQ…');
    expect(tokenPreview('X9' + 'a'.repeat(40))).toBe('X9aa…');
  });

  it('shows at most a fifth of a short token: 20 characters without a prefix → 4, tk_pat_ + 13 → 2 of the whole', () => {
    expect(revealed('ABCDEFGHIJKLMNOPQRST')).toBe('ABCD');
    // Too short a secret after it for `tk_pat_` to count as a prefix: the whole token is the secret.
    expect(revealed('tk_pat_ABCDEFGHIJKLM')).toBe('tk_p');
  });

  it('shows 4 characters of a 512-character token', () => {
    expect(revealed('Z'.repeat(512))).toHaveLength(4);
    expect(revealed('tk_pat_' + 'Z'.repeat(505))).toBe('tk_pat_ZZZZ');
  });

  it('counts at most two short lower-case words as the prefix, and only before a secret of 16 or more characters', () => {
    expect(revealed('abcdefgh_abcdefgh_ab')).toBe('abcd');
    expect(revealed('abc_defghijk_lmnopqrstuvwxyzabcdef')).toBe('abc_defghijk_lmno');
  });

  it('for any accepted token, reveals at most 4 characters after the prefix and at most a fifth of what follows it', () => {
    const body = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.'), minLength: 20, maxLength: 505 });
    fc.assert(
      fc.property(fc.constantFrom('', 'tk_pat_', 'tkp_', 'tk_'), body, (prefix, rest) => {
        const token = (prefix + rest).slice(0, 512);
        expect(token).toMatch(PAT_PATTERN);
        const shown = revealed(token);
        expect(shown.startsWith(prefix)).toBe(true);
        const secretShown = shown.length - prefix.length;
        expect(secretShown).toBeLessThanOrEqual(4);
        expect(secretShown).toBeLessThanOrEqual((token.length - prefix.length) / 5);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});

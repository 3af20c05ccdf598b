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

  it('shows only the known tk_pat_ prefix whole, and does not require one: any other leading word counts as secret', () => {
    expect(tokenPreview('tkp_' + 'Q'.repeat(36) + 'zz')).toBe('tkp_…');
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

  it('shows at most a fifth of a token whose leading lower-case words are not a known prefix (was: 17 of its 34 characters)', () => {
    expect(revealed('abcdefgh_abcdefgh_ab')).toBe('abcd');
    expect(revealed('abc_defghijk_lmnopqrstuvwxyzabcdef')).toBe('abc_');
    expect(revealed('abcdefgh_abcdefgh_' + 'Q'.repeat(16))).toBe('abcd'); // was the first 22 of its 34 characters
  });

  it('for any accepted token, reveals at most 4 characters after tk_pat_ and at most a fifth of what follows it; without tk_pat_, at most a fifth of the token', () => {
    const body = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.'), minLength: 20, maxLength: 505 });
    fc.assert(
      fc.property(fc.constantFrom('', 'tk_pat_', 'tkp_', 'tk_', 'abcdefgh_abcdefgh_'), body, (prefix, rest) => {
        const token = (prefix + rest).slice(0, 512);
        expect(token).toMatch(PAT_PATTERN);
        const shown = revealed(token);
        const known = prefix === 'tk_pat_' ? prefix : '';
        const secretShown = shown.length - known.length;
        expect(secretShown).toBeLessThanOrEqual(4);
        expect(secretShown).toBeLessThanOrEqual((token.length - known.length) / 5);
        if (!known) expect(shown.length).toBeLessThanOrEqual(token.length / 5);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});

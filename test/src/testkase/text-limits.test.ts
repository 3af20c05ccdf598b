/**
 * TestKase's texts get the maximum lengths the contract assumes (A21, testkase/sizes.ts), cut with an
 * ellipsis by code points before the app stores or shows them: a 70,000-character user name, e-mail and
 * token name made a 210 KB connection index entry (Forge allows 240 KiB per value) and a 5 MB admin page.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '../../../src/storage/keys';
import { clip, ELLIPSIS, TEXT_MAX } from '../../../src/testkase/sizes';
import { backendForFile, expectOk } from '../../support/backend';

const codePoints = (s: string) => [...s].length;

describe('clip', () => {
  it('keeps a text that fits, to the last code point', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('😀😀😀', 3)).toBe('😀😀😀'); // 6 UTF-16 units, 3 code points: it fits
    expect(clip('', 1)).toBe('');
  });

  it('cuts a longer one to max code points, the last of them an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe(`abc${ELLIPSIS}`);
    expect(codePoints(clip('x'.repeat(70_000), 255))).toBe(255);
    expect(clip('abcdef', 1)).toBe(ELLIPSIS);
  });

  it('never splits a surrogate pair: an emoji is kept whole or left out', () => {
    const cut = clip('a😀😀😀😀', 3);
    expect(cut).toBe(`a😀${ELLIPSIS}`);
    for (let max = 1; max < 12; max++) {
      const out = clip('😀x😀y😀z😀', max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no half of a pair
      expect(codePoints(out)).toBeLessThanOrEqual(max);
    }
  });
});

describe('TestKase texts past the contract', () => {
  const b = backendForFile();

  it('a 70,000-character name, e-mail and token name: the stored index entry stays small, and what is shown is cut with an ellipsis', async () => {
    const huge = (c: string) => c.repeat(70_000);
    const minted = b().sim.admin.createToken({ user: 'bob', name: 'Jira Plugin', days: 90 });
    b().sim.admin.overwriteText({ userId: 'bob', name: huge('B'), email: `${huge('e')}@acme.example` });
    b().sim.admin.overwriteText({ tokenId: minted.id, name: huge('t') });
    const me = 'acc-long-texts';
    const state = expectOk(await b().call(me, 'savePat', { token: minted.token }, 'global'));

    const entry = b().kvs.snapshot().data[keys.connection(me)];
    const stored = Buffer.byteLength(JSON.stringify(entry), 'utf8');
    expect(stored).toBeLessThan(2_000); // was 210 KB
    expect(entry).toMatchObject({ tokenName: `${'t'.repeat(TEXT_MAX.tokenName - 1)}${ELLIPSIS}`, testkaseUser: { name: `${'B'.repeat(TEXT_MAX.userName - 1)}${ELLIPSIS}` } });
    expect(codePoints((entry as { testkaseUser: { email: string } }).testkaseUser.email)).toBe(TEXT_MAX.email);

    expect(state.token?.testkaseUser?.name).toHaveLength(TEXT_MAX.userName);
    expect(state.token?.tokenName).toHaveLength(TEXT_MAX.tokenName);
    // Everything the app stored for the user is as small.
    for (const [key, value] of Object.entries(b().kvs.snapshot().data)) {
      if (key.startsWith('conn:') || key.includes(':cache:')) expect(Buffer.byteLength(JSON.stringify(value), 'utf8')).toBeLessThan(4_000);
    }
  });
});

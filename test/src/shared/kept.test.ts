/**
 * The kept copy's rules (src/shared/kept.ts, kept-write.ts): keyed by site, account and issue; never
 * shown past its age or in another shape; bounded per entry and per kind; dropped per issue or per
 * account; and a refused storage is simply not used.
 */
import { describe, expect, it } from 'vitest';
import { keptFate, KEPT_MAX_AGE_MS, KEPT_MAX_ENTRIES, KEPT_MAX_ENTRY_CHARS, readKept, type KeptKey } from '../../../src/shared/kept';
import { dropAccount, dropKept, keep } from '../../../src/shared/kept-write';

/** A Web Storage over a Map, with an optional quota in characters (as browsers count it, roughly). */
function memoryStorage(quota = Infinity): Storage {
  const m = new Map<string, string>();
  const used = () => [...m].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => {
      const before = m.get(k);
      m.set(k, v);
      if (used() > quota) {
        if (before === undefined) m.delete(k);
        else m.set(k, before);
        throw new DOMException('quota', 'QuotaExceededError');
      }
    },
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

const isRows = (d: unknown): d is { rows: number[] } => typeof d === 'object' && d !== null && Array.isArray((d as { rows?: unknown }).rows);
const key = (issue = 'DEMO-1', account = 'acc-a', site = 'site-1'): KeptKey => ({ site, account, issue });
const entry = (rows: number[], at = new Date().toISOString()) => ({ at, tokenSavedAt: '2026-12-01T10:00:00.000Z', data: { rows } });

describe('the kept copy', () => {
  it('is read back only for the same site, account and issue', () => {
    const storage = memoryStorage();
    expect(keep('panel', key(), entry([1, 2]), { storage })).toBe(true);
    expect(readKept('panel', key(), isRows, { storage })?.data).toEqual({ rows: [1, 2] });
    expect(readKept('panel', key('DEMO-2'), isRows, { storage })).toBeNull();
    expect(readKept('panel', key('DEMO-1', 'acc-b'), isRows, { storage })).toBeNull();
    expect(readKept('panel', key('DEMO-1', 'acc-a', 'site-2'), isRows, { storage })).toBeNull();
    expect(readKept('glance', key(), isRows, { storage })).toBeNull();
  });

  it('is not shown past its age, from the future, or in a shape this version does not know', () => {
    const storage = memoryStorage();
    const now = Date.now();
    keep('panel', key(), entry([1], new Date(now - KEPT_MAX_AGE_MS - 1).toISOString()), { storage });
    expect(readKept('panel', key(), isRows, { storage, now })).toBeNull();
    keep('panel', key(), entry([1], new Date(now + 3_600_000).toISOString()), { storage });
    expect(readKept('panel', key(), isRows, { storage, now })).toBeNull();
    keep('panel', key(), { at: new Date(now).toISOString(), tokenSavedAt: null, data: { other: true } }, { storage });
    expect(readKept('panel', key(), isRows, { storage, now })).toBeNull();
  });

  it('never keeps an entry past its size, and drops the older copy of that issue instead', () => {
    const storage = memoryStorage();
    keep('panel', key(), entry([1]), { storage });
    const huge = entry(Array.from({ length: KEPT_MAX_ENTRY_CHARS / 2 }, () => 7));
    expect(keep('panel', key(), huge, { storage })).toBe(false);
    expect(readKept('panel', key(), isRows, { storage })).toBeNull();
  });

  it(`keeps at most ${KEPT_MAX_ENTRIES} issues per kind, the oldest going first`, () => {
    const storage = memoryStorage();
    const t0 = Date.now() - 1_000_000;
    for (let i = 0; i <= KEPT_MAX_ENTRIES; i++) keep('panel', key(`DEMO-${i}`), entry([i], new Date(t0 + i * 1000).toISOString()), { storage });
    expect(readKept('panel', key('DEMO-0'), isRows, { storage })).toBeNull();
    for (let i = 1; i <= KEPT_MAX_ENTRIES; i++) expect(readKept('panel', key(`DEMO-${i}`), isRows, { storage })?.data).toEqual({ rows: [i] });
  });

  it('makes room in a full storage by dropping its other entries, and fails closed when it cannot', () => {
    const storage = memoryStorage(3_000);
    keep('panel', key('DEMO-1'), entry(Array.from({ length: 700 }, () => 1)), { storage });
    expect(keep('panel', key('DEMO-2'), entry(Array.from({ length: 700 }, () => 2)), { storage })).toBe(true);
    expect(readKept('panel', key('DEMO-1'), isRows, { storage })).toBeNull();
    expect(keep('panel', key('DEMO-3'), entry(Array.from({ length: 2_000 }, () => 3)), { storage })).toBe(false);
  });

  it('drops one issue, or every copy of an account on a site (both kinds), and nobody else’s', () => {
    const storage = memoryStorage();
    for (const kind of ['panel', 'glance'] as const) {
      keep(kind, key('DEMO-1'), entry([1]), { storage });
      keep(kind, key('DEMO-2'), entry([2]), { storage });
      keep(kind, key('DEMO-1', 'acc-b'), entry([3]), { storage });
    }
    dropKept('panel', key('DEMO-2'), { storage });
    expect(readKept('panel', key('DEMO-2'), isRows, { storage })).toBeNull();
    expect(readKept('glance', key('DEMO-2'), isRows, { storage })).not.toBeNull();
    dropAccount('site-1', 'acc-a', { storage });
    for (const kind of ['panel', 'glance'] as const) {
      expect(readKept(kind, key('DEMO-1'), isRows, { storage })).toBeNull();
      expect(readKept(kind, key('DEMO-1', 'acc-b'), isRows, { storage })?.data).toEqual({ rows: [3] });
    }
  });

  it('where the browser refuses storage, keeps nothing and shows nothing, without throwing', () => {
    const refusing = memoryStorage();
    for (const m of ['getItem', 'setItem', 'removeItem', 'key'] as const) refusing[m] = () => { throw new DOMException('denied', 'SecurityError'); };
    expect(keep('panel', key(), entry([1]), { storage: refusing })).toBe(false);
    expect(readKept('panel', key(), isRows, { storage: refusing })).toBeNull();
    expect(() => dropAccount('site-1', 'acc-a', { storage: refusing })).not.toThrow();
    expect(keep('panel', key(), entry([1]), { storage: null })).toBe(false);
  });

  it('stays while TestKase is slow or down, goes with the issue’s mapping, and with the account on any other state', () => {
    expect(keptFate({ kind: 'READY' })).toBe('keep');
    expect(keptFate({ kind: 'PAT_SAVED', reason: 'TESTKASE_UNAVAILABLE' })).toBe('keep');
    expect(keptFate({ kind: 'PAT_SAVED', reason: 'RATE_LIMITED' })).toBe('keep');
    expect(keptFate({ kind: 'PAT_SAVED', reason: 'MAPPING_LOST' })).toBe('dropIssue');
    expect(keptFate({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' })).toBe('dropAccount');
    expect(keptFate({ kind: 'NO_CONFIG' })).toBe('dropAccount');
    expect(keptFate({ kind: 'SUSPENDED' })).toBe('dropAccount');
  });
});

/**
 * The admin listing's rows and the one definition of its filters, order and search, used alike by the
 * live listing (a small site, read whole on each page) and by the snapshot a large site is listed from
 * (snapshot-build.ts), so both answer the same rows in the same order. Pure.
 */
import type { AdminConnection, ConnectionCounts, ConnectionHealth } from '../../shared/definitions';
import type { ParsedPayloadOf } from '../../shared/functions';
import type { ConnectionEntry } from '../../storage/token-store';
import type { Marks } from '../../storage/admin-marks';
import { normalizeName } from '../../connection/acting-identity';
import { healthOf } from '../connection-health';

export type Query = ParsedPayloadOf<'adminListConnections'>;
export type Filter = Query['health'];
export type SortKey = Query['sort'];
/** A row as listed, before Jira says who the account is; `hash` keys it in storage. */
export type Row = Omit<AdminConnection, 'jiraUser'> & { hash: string };

export const FILTERS: readonly Filter[] = ['ALL', 'WORKING', 'REJECTED', 'EXPIRED', 'NOT_CHECKED', 'SUSPENDED', 'EXPIRING_SOON', 'NOT_YOURS'];
export const SORT_KEYS: readonly SortKey[] = ['testkaseUser', 'tokenName', 'savedAt', 'lastValidatedAt', 'lastUsedAt', 'expiresAt', 'health'];

/** Ascending order of health: the ones that need attention first. */
const HEALTH_ORDER: Record<ConnectionHealth, number> = { EXPIRED: 0, REJECTED: 1, SUSPENDED: 2, NOT_CHECKED: 3, WORKING: 4 };

/**
 * Every listed connection: each index entry with the admin marks on its account, and a suspension
 * whose user has deleted their token since (the suspension still holds, so it is listed).
 */
export function rowsOf(entries: readonly { hash: string; entry: ConnectionEntry }[], marks: Marks, now: number): Row[] {
  const rows = entries.map(({ hash, entry }) => rowOf(hash, entry, marks, now));
  const listed = new Set(entries.map((e) => e.hash));
  for (const [hash, suspension] of marks.suspensions) {
    if (listed.has(hash)) continue;
    rows.push({
      hash,
      accountId: suspension.accountId,
      testkaseUser: null,
      tokenName: null,
      preview: '',
      savedAt: suspension.at,
      lastValidatedAt: null,
      lastCheckedAt: null,
      lastCheckResult: null,
      lastUsedAt: null,
      expiresAt: null,
      health: 'SUSPENDED',
      expiringSoon: false,
      tokenStored: false,
      suspended: { at: suspension.at, byName: suspension.byName },
      note: noteOf(marks, hash),
      notYours: null,
    });
  }
  return rows;
}

const noteOf = (marks: Marks, hash: string) => {
  const note = marks.notes.get(hash);
  return note ? { text: note.text, at: note.at } : null;
};

function rowOf(hash: string, e: ConnectionEntry, marks: Marks, now: number): Row {
  const suspension = marks.suspensions.get(hash);
  const mismatch = marks.mismatches.get(hash);
  // A finding about another token, or about a TestKase user the token no longer has, is not this one's.
  const stillTrue = mismatch && mismatch.version === e.version && (!e.testkaseUser || normalizeName(e.testkaseUser.name) === normalizeName(mismatch.testkaseUser.name));
  const { health, expiringSoon } = healthOf(e, now);
  return {
    hash,
    accountId: e.accountId,
    testkaseUser: e.testkaseUser,
    tokenName: e.tokenName,
    preview: e.preview,
    savedAt: e.savedAt,
    lastValidatedAt: e.lastValidatedAt,
    lastCheckedAt: e.lastCheckedAt,
    lastCheckResult: e.lastCheckResult,
    lastUsedAt: e.lastUsedAt,
    expiresAt: e.expiresAt,
    health: suspension ? 'SUSPENDED' : health,
    expiringSoon: !suspension && expiringSoon,
    tokenStored: true,
    suspended: suspension ? { at: suspension.at, byName: suspension.byName } : null,
    note: noteOf(marks, hash),
    notYours: stillTrue ? { by: mismatch.by, testkaseUser: mismatch.testkaseUser, at: mismatch.at } : null,
  };
}

/** Whether a row is in a filter (the state buttons). */
export function inFilter(row: Row, filter: Filter): boolean {
  switch (filter) {
    case 'ALL':
      return true;
    case 'EXPIRING_SOON':
      return row.expiringSoon;
    case 'NOT_YOURS':
      return row.notYours !== null;
    default:
      return row.health === filter;
  }
}

export function countsOf(rows: readonly Row[]): ConnectionCounts {
  const counts: ConnectionCounts = { ALL: 0, WORKING: 0, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, SUSPENDED: 0, EXPIRING_SOON: 0, NOT_YOURS: 0 };
  for (const r of rows) for (const f of FILTERS) if (inFilter(r, f)) counts[f] += 1;
  return counts;
}

// ---------- search: the start of any word ----------

/** Case, accents and spacing ignored (the identity comparison's normal form). */
export const normalizeText = (text: string) => normalizeName(text);

/** The texts a search looks in. */
export function searchedTexts(row: Row): string[] {
  return [row.testkaseUser?.name, row.testkaseUser?.email, row.tokenName, row.preview, row.accountId, row.note?.text].filter((v): v is string => !!v);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where words start in a normalized text: at 0 and after any character that is not a letter or digit
 * ("bob@acme.example" → bob…, acme…, example).
 */
export function wordStarts(normalized: string): number[] {
  const starts: number[] = [];
  const chars = [...normalized];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const isWord = WORD_CHAR.test(chars[i]!);
    const prevWord = i > 0 && WORD_CHAR.test(chars[i - 1]!);
    if (i === 0 || (isWord && !prevWord)) starts.push(offset);
    offset += chars[i]!.length;
  }
  return starts;
}

/** Whether the normalized needle starts a word of any searched text. */
export function matchesText(row: Row, needle: string): boolean {
  if (!needle) return true;
  return searchedTexts(row).some((text) => {
    const normalized = normalizeText(text);
    return wordStarts(normalized).some((p) => normalized.startsWith(needle, p));
  });
}

// ---------- order ----------

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

export function sortValue(r: Row, sort: SortKey): string | number | null {
  switch (sort) {
    case 'testkaseUser':
      return r.testkaseUser?.name ?? null;
    case 'tokenName':
      return r.tokenName;
    case 'health':
      return HEALTH_ORDER[r.health];
    default: {
      const t = time(r[sort]);
      return Number.isNaN(t) ? null : t;
    }
  }
}

const compareValues = (x: string | number, y: string | number) => (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));

/** Two rows' values (and accountIds) compared as the ascending order does: rows without a value last. */
function compareRows(x: string | number | null, xId: string, y: string | number | null, yId: string): number {
  const byAccount = () => (xId < yId ? -1 : xId > yId ? 1 : 0);
  if (x === null || y === null) return x === y ? byAccount() : x === null ? 1 : -1;
  return compareValues(x, y) || byAccount();
}

/**
 * The ascending order: by value, the accountId breaking ties (so pages never overlap), rows without a
 * value last. Descending is this order's valued part reversed, then the same rows without a value:
 * so one stored order answers both directions (snapshot-read.ts).
 */
function ascending(sort: SortKey): (a: Row, b: Row) => number {
  return (a, b) => compareRows(sortValue(a, sort), a.accountId, sortValue(b, sort), b.accountId);
}

/** The same order as row indexes, each row's value computed once (a snapshot sorts 100,000 rows seven times). */
export function ascendingIndexes(rows: readonly Row[], sort: SortKey): number[] {
  const values = rows.map((r) => sortValue(r, sort));
  return rows.map((_, i) => i).sort((a, b) => compareRows(values[a] ?? null, rows[a]!.accountId, values[b] ?? null, rows[b]!.accountId));
}

/** Rows in the query's order. */
export function ordered(rows: readonly Row[], sort: SortKey, direction: 'asc' | 'desc'): Row[] {
  const asc = [...rows].sort(ascending(sort));
  if (direction === 'asc') return asc;
  const valued = asc.filter((r) => sortValue(r, sort) !== null);
  return [...valued.reverse(), ...asc.slice(valued.length)];
}

/**
 * The Jira admin page's table: every stored connection, filtered, counted, sorted and cut to one page
 * here in the function, so the browser gets one page whatever the number of users. Forge's key-value
 * store cannot sort or filter by value, so each call reads the whole index (storage/connection-index.ts:
 * ⌈N / 1,600⌉ round trips) and works in memory; Jira is then asked who the page's accounts are, in
 * one request.
 */
import type { AdminConnection, AdminConnectionsPage, ConnectionCounts, ConnectionHealth, JiraUserSummary } from '../shared/definitions';
import type { ParsedPayloadOf } from '../shared/functions';
import { readIndex } from '../storage/connection-index';
import type { ConnectionEntry } from '../storage/token-store';
import { isJiraFailure } from '../jira/answer';
import { lookUpUsers } from '../jira/users';
import { log } from '../log';
import { healthOf } from './connection-health';

type Query = ParsedPayloadOf<'adminListConnections'>;
type Row = Omit<AdminConnection, 'jiraUser'>;

/** Ascending order of health: the ones that need attention first. */
const HEALTH_ORDER: Record<ConnectionHealth, number> = { EXPIRED: 0, REJECTED: 1, NOT_CHECKED: 2, WORKING: 3 };

export async function listConnections(query: Query, now = Date.now()): Promise<AdminConnectionsPage> {
  const { entries } = await readIndex();
  const rows = entries.map((e) => rowOf(e, now));
  const counts = countsOf(rows);
  const matching = rows.filter(matches(query));
  matching.sort(comparator(query));
  const pages = Math.max(1, Math.ceil(matching.length / query.pageSize));
  // A page past the end (the last rows were just removed) shows the last page instead of nothing.
  const page = Math.min(query.page, pages);
  const shown = matching.slice((page - 1) * query.pageSize, page * query.pageSize);

  let usersKnown = true;
  let users = new Map<string, JiraUserSummary>();
  try {
    if (shown.length > 0) users = await lookUpUsers(shown.map((r) => r.accountId));
  } catch (e) {
    if (!isJiraFailure(e)) throw e;
    log.warn('Jira did not say who the listed accounts are', e);
    usersKnown = false;
  }
  return {
    rows: shown.map((r) => ({ ...r, jiraUser: users.get(r.accountId) ?? null })),
    counts,
    matched: matching.length,
    page,
    pageSize: query.pageSize,
    usersKnown,
  };
}

function rowOf(e: ConnectionEntry, now: number): Row {
  return {
    accountId: e.accountId,
    testkaseUser: e.testkaseUser,
    tokenName: e.tokenName,
    preview: e.preview,
    savedAt: e.savedAt,
    lastValidatedAt: e.lastValidatedAt,
    lastCheckedAt: e.lastCheckedAt,
    lastUsedAt: e.lastUsedAt,
    expiresAt: e.expiresAt,
    ...healthOf(e, now),
  };
}

function countsOf(rows: readonly Row[]): ConnectionCounts {
  const counts: ConnectionCounts = { ALL: rows.length, WORKING: 0, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, EXPIRING_SOON: 0 };
  for (const r of rows) {
    counts[r.health] += 1;
    if (r.expiringSoon) counts.EXPIRING_SOON += 1;
  }
  return counts;
}

function matches({ health, text }: Query): (r: Row) => boolean {
  const needle = text.toLocaleLowerCase('en');
  return (r) => {
    if (health === 'EXPIRING_SOON' ? !r.expiringSoon : health !== 'ALL' && r.health !== health) return false;
    if (!needle) return true;
    return [r.testkaseUser?.name, r.testkaseUser?.email, r.tokenName, r.preview, r.accountId].some((v) => v?.toLocaleLowerCase('en').includes(needle));
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

/** The chosen order; rows without a value last either way; the accountId breaks ties, so pages never overlap. */
function comparator({ sort, direction }: Query): (a: Row, b: Row) => number {
  const sign = direction === 'asc' ? 1 : -1;
  const value = (r: Row): string | number | null => {
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
  };
  return (a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (order !== 0) return sign * order;
    }
    return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
  };
}

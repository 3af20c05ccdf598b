/**
 * The Jira admin page's table: every stored connection, filtered, counted, sorted and cut to one page
 * in the function, so the browser gets one page whatever the number of users — and a page reads at
 * most ~50 of Forge's 10 KB read units in at most 5 storage round trips:
 *
 * - a small site (every index shard within LISTING_SETTINGS.liveShardLimit: up to 640 connections) is
 *   read whole, live, in one round trip;
 * - a larger one is listed from a snapshot of every connection (listing/snapshot*.ts) whose time the
 *   page shows, rebuilt when it is older than LISTING_SETTINGS.staleAfterMs or on Refresh
 *   (adminRefreshListing). Until the first one exists the answer says BUILDING.
 *
 * Jira is then asked who the page's accounts are, in one request.
 */
import type { AdminConnectionsPage, JiraUserSummary, ListingSource } from '../shared/definitions';
import { readAllMarks } from '../storage/admin-marks';
import { probeIndex } from '../storage/connection-index';
import { pendingMeta, readMeta, writeMeta } from '../storage/listing-snapshot';
import { isJiraFailure } from '../jira/answer';
import { lookUpUsers } from '../jira/users';
import { log } from '../log';
import { countsOf, inFilter, matchesText, normalizeText, ordered, rowsOf, type Query, type Row } from './listing/rows';
import { LISTING_SETTINGS } from './listing/settings';
import { snapshotPage } from './listing/snapshot-read';

/** Snapshot values live a day (their time to live): an older pointer names values that are gone. */
const SNAPSHOT_USABLE_MS = 20 * 60 * 60 * 1000;

export async function listConnections(query: Query, now = Date.now()): Promise<AdminConnectionsPage> {
  // The admin marks (few keys, but more than one page of them on a large site) are read alongside the
  // rest and needed only for the page's rows: their paging never adds a round trip to the page's chain.
  const marksRead = readAllMarks();
  marksRead.catch(() => undefined); // awaited below; an early failure must not be "unhandled" meanwhile
  const meta = await readMeta();
  let listed: { rows: Row[]; counts: AdminConnectionsPage['counts']; matched: number; page: number; source: ListingSource };
  const usable = meta?.mode === 'SNAPSHOT' && meta.gen && meta.asOf && now - Date.parse(meta.asOf) < SNAPSHOT_USABLE_MS;
  if (usable) {
    const page = await snapshotPage(meta, query, marksRead);
    listed = { ...page, source: { kind: 'SNAPSHOT', asOf: meta.asOf!, stale: now - Date.parse(meta.asOf!) > LISTING_SETTINGS.staleAfterMs, changesSince: 0 } };
  } else if (meta?.mode === 'SNAPSHOT') {
    await marksRead;
    listed = building(meta.total);
  } else {
    const probe = await probeIndex(LISTING_SETTINGS.liveShardLimit);
    if (!probe.complete) {
      // Too many to read on every page: from now on the site is listed from a snapshot.
      await Promise.all([writeMeta(pendingMeta(probe.entries.length)), marksRead]);
      listed = building(probe.entries.length);
    } else {
      listed = { ...livePage(rowsOf(probe.entries, await marksRead, now), query), source: { kind: 'LIVE' } };
    }
  }

  let usersKnown = true;
  let users = new Map<string, JiraUserSummary>();
  const accounts = listed.rows.filter((r) => !r.gone).map((r) => r.accountId);
  try {
    if (accounts.length > 0) users = await lookUpUsers(accounts);
  } catch (e) {
    if (!isJiraFailure(e)) throw e;
    log.warn('Jira did not say who the listed accounts are', e);
    usersKnown = false;
  }
  return {
    rows: listed.rows.map(({ hash: _hash, ...r }) => ({ ...r, jiraUser: users.get(r.accountId) ?? null })),
    counts: listed.counts,
    matched: listed.matched,
    page: listed.page,
    pageSize: query.pageSize,
    usersKnown,
    source: listed.source,
  };
}

/** A small site's page: everything in memory, filtered, searched, sorted, cut. */
function livePage(rows: readonly Row[], query: Query) {
  const counts = countsOf(rows);
  const needle = normalizeText(query.text).slice(0, LISTING_SETTINGS.termMax);
  const matching = ordered(
    rows.filter((r) => inFilter(r, query.health) && matchesText(r, needle)),
    query.sort,
    query.direction,
  );
  const pages = Math.max(1, Math.ceil(matching.length / query.pageSize));
  // A page past the end (the last rows were just removed) shows the last page instead of nothing.
  const page = Math.min(query.page, pages);
  return { rows: matching.slice((page - 1) * query.pageSize, page * query.pageSize), counts, matched: matching.length, page };
}

function building(total: number) {
  return {
    rows: [],
    counts: { ALL: total, WORKING: 0, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, SUSPENDED: 0, EXPIRING_SOON: 0, NOT_YOURS: 0 },
    matched: 0,
    page: 1,
    source: { kind: 'BUILDING' } as const,
  };
}

/**
 * One read per issue page: the panel's own first screen serves the issue context glance on the same
 * page too (src/shared/app-events.ts names the events). Set up by the entry before React loads: as
 * soon as the frame knows it is the issue panel, it says it is reading; when its first getState
 * answers it hands the glance the summary; afterwards the panel hands it every changed list. A glance
 * that started first asks (SUMMARY_WANTED_EVENT) and gets whichever it is. Events failing (a host
 * without them) only cost the glance a read of its own.
 */
import { events } from '@forge/bridge';
import type { AppState, IssueSummary, Result } from '../../src/shared/definitions';
import { READING_EVENT, SUMMARY_EVENT, SUMMARY_WANTED_EVENT, type ReadingPayload, type SummaryPayload } from '../../src/shared/app-events';
import { coverageOf } from '../../src/shared/results';

let issueKey: string | null = null;
let latest: SummaryPayload | null = null;
/** The first read failed: the glance reads for itself. */
let failed = false;

const send = (event: string, payload: unknown) => {
  try {
    void events.emit(event, payload).catch(() => undefined);
  } catch {
    // no events on this host
  }
};

/** The summary getIssueSummary would answer, from the panel's first screen. */
function summaryOf(state: AppState): IssueSummary | null {
  if (!state.issueKey) return null;
  const coverage = state.linked && (state.linked.ok ? { ok: true as const, data: coverageOf(state.linked.data) } : state.linked);
  return { issueKey: state.issueKey, connection: state.connection, coverage, live: state.live ?? null };
}

/** Hands the glance a fresh summary (the first screen's, or one after the list changed). */
export function shareSummary(summary: IssueSummary, tokenSavedAt: string | null): void {
  latest = { issueKey: summary.issueKey, summary, tokenSavedAt, at: new Date().toISOString() };
  send(SUMMARY_EVENT, latest);
}

/** The issue panel's frame on `key`, with its first getState on its way. */
export function startSharing(key: string, first: Promise<Result<AppState>>): void {
  issueKey = key;
  send(READING_EVENT, { issueKey: key } satisfies ReadingPayload);
  try {
    void events
      .on(SUMMARY_WANTED_EVENT, () => {
        if (latest) send(SUMMARY_EVENT, latest);
        else if (failed) send(SUMMARY_EVENT, { issueKey: key, summary: null });
        else send(READING_EVENT, { issueKey: key } satisfies ReadingPayload);
      })
      .catch(() => undefined);
  } catch {
    // no events on this host
  }
  void first.then((r) => {
    const summary = r.ok ? summaryOf(r.data) : null;
    if (summary && summary.issueKey === issueKey) return shareSummary(summary, r.ok ? (r.data.token?.savedAt ?? null) : null);
    failed = true;
    send(SUMMARY_EVENT, { issueKey: key, summary: null });
  });
}

/**
 * Where the glance's summary comes from, and what keeps it current:
 * - its kept copy (src/shared/kept.ts, kind `glance`), shown at once and marked with its time;
 * - the issue panel on the same page, which hands over its own first screen's summary
 *   (src/shared/app-events.ts): the glance asks when it starts and waits a moment for the panel to
 *   say it is reading; only when no panel answers does it read for itself (getIssueSummary);
 * - live updates: when the panel feeds it, the panel's changed lists do; when it read for itself, it
 *   follows the issue's Realtime channel itself and reads again on each change (coalesced).
 */
import { events, Jira, realtime } from '@forge/bridge';
import { CONNECTION_CHANGED_EVENT, READING_EVENT, SUMMARY_EVENT, SUMMARY_WANTED_EVENT, TESTS_CHANGED_EVENT, type SummaryPayload } from '../../src/shared/app-events';
import type { IssueSummary, LiveAccess } from '../../src/shared/definitions';
import { keptFate, readKept, type Kept, type KeptKey } from '../../src/shared/kept';
import { dropAccount, dropKept, keep } from '../../src/shared/kept-write';

/** How long the glance waits for a panel on its page to say it is reading, before reading itself. */
export const PANEL_WAIT_MS = 250;
/** How long it waits for the summary a panel said it is reading, before reading itself after all. */
export const PANEL_READ_WAIT_MS = 10_000;

type Unsubscribe = () => void;

/** Subscribes to an app event; a host without events only loses what it carries. */
export function listen(event: string, callback: (payload: unknown) => void): Unsubscribe {
  let sub: Promise<{ unsubscribe: () => void }> | null = null;
  try {
    sub = events.on(event, callback);
  } catch {
    return () => undefined;
  }
  return () => void sub?.then((s) => s.unsubscribe(), () => undefined);
}

export function send(event: string, payload: unknown): void {
  try {
    void events.emit(event, payload).catch(() => undefined);
  } catch {
    // no events on this host
  }
}

export { CONNECTION_CHANGED_EVENT, READING_EVENT, SUMMARY_EVENT, SUMMARY_WANTED_EVENT, TESTS_CHANGED_EVENT };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A summary as the glance shows it: the backend's shape (the panel built it from its own answer). */
function isSummary(data: unknown): data is IssueSummary {
  return isObject(data) && typeof data.issueKey === 'string' && isObject(data.connection) && typeof data.connection.kind === 'string' && (data.coverage === null || isObject(data.coverage));
}

/** What the panel handed over, for this issue only; `summary: null` when its own read failed. */
export function panelSummary(payload: unknown, issueKey: string | null): { summary: IssueSummary | null; tokenSavedAt: string | null } | null {
  if (!isObject(payload) || typeof payload.issueKey !== 'string' || (issueKey !== null && payload.issueKey !== issueKey)) return null;
  const p = payload as Partial<SummaryPayload> & { summary: unknown };
  if (p.summary === null) return { summary: null, tokenSavedAt: null };
  return isSummary(p.summary) ? { summary: p.summary, tokenSavedAt: typeof p.tokenSavedAt === 'string' ? p.tokenSavedAt : null } : null;
}

// ---------- the kept copy ----------

/** A summary without its live access: the Realtime token is not kept. */
const keptShape = (s: IssueSummary): IssueSummary => ({ issueKey: s.issueKey, connection: s.connection, coverage: s.coverage });

export function readKeptSummary(key: KeptKey | null): Kept<IssueSummary> | null {
  return key ? readKept('glance', key, (d): d is IssueSummary => isSummary(d) && d.connection.kind === 'READY' && d.coverage?.ok === true) : null;
}

/** What a fresh summary does to the copies (as the panel's: src/shared/kept.ts, keptFate). */
export function settleKeptSummary(key: KeptKey | null, summary: IssueSummary, tokenSavedAt: string | null, shown: Kept<IssueSummary> | null): void {
  if (!key) return;
  const fate = keptFate(summary.connection);
  if (fate === 'dropAccount') return dropAccount(key.site, key.account);
  if (fate === 'dropIssue') return dropKept('glance', key);
  if (shown && tokenSavedAt !== null && shown.tokenSavedAt !== null && shown.tokenSavedAt !== tokenSavedAt) dropAccount(key.site, key.account);
  if (summary.connection.kind === 'READY' && summary.coverage?.ok) keep('glance', key, { at: new Date().toISOString(), tokenSavedAt, data: keptShape(summary) });
}

// ---------- live updates ----------

/** Follows the issue's channel (the panel's live.ts, for a glance without a panel); returns the unsubscribe. */
export function followLive(access: LiveAccess, onChange: () => void, sinceMs: number): Unsubscribe {
  let stopped = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  try {
    realtime
      .subscribe(
        access.channel,
        (_payload, error) => {
          if (!stopped && !error) onChange();
        },
        { token: access.token, contextOverrides: [Jira.Issue], replaySeconds: Math.ceil(sinceMs / 1000) + 1 },
      )
      .then(
        (s) => {
          if (stopped) void s.unsubscribe().catch(() => undefined);
          else unsubscribe = s.unsubscribe;
        },
        () => undefined, // Realtime refused: the glance stays as it is, and the next load tries again
      );
  } catch {
    // no Realtime on this host
  }
  return () => {
    stopped = true;
    void unsubscribe?.().catch(() => undefined);
  };
}

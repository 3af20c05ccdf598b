/**
 * The app's own bridge events (`events.emit` / `events.on` from @forge/bridge), which Forge delivers
 * between the app's modules on one page — the Custom UI issue panel and the UI Kit issue context — and
 * the Forge Realtime channel of an issue's live updates, which reaches every open module of that issue
 * in every browser. Names and payload shapes only, so either UI can import it without pulling anything
 * into its bundle.
 */
import type { IssueSummary } from './definitions';

/** The panel changed what the issue's summary counts (a result recorded, a case linked, unlinked or created). */
export const TESTS_CHANGED_EVENT = 'testkase:tests-changed';

/** The summary asks the panel to come into view (its "Open test cases" button). */
export const SHOW_PANEL_EVENT = 'testkase:show-panel';

/**
 * The panel learned that the user's connection changed (a call answered that the token or the mapping
 * is gone): the glance on the same page fetches its state again instead of keeping counts it can no
 * longer vouch for.
 */
export const CONNECTION_CHANGED_EVENT = 'testkase:connection-changed';
// ---------- one read per issue page (the panel's answer serves the glance too) ----------

/**
 * The panel, as soon as its first getState is on its way (before React loads): "I am reading this
 * issue's first screen". A glance that hears it waits for SUMMARY_EVENT instead of reading itself.
 */
export const READING_EVENT = 'testkase:reading';

/** A glance that has started: the panel answers with READING_EVENT or, if it has one, SUMMARY_EVENT. */
export const SUMMARY_WANTED_EVENT = 'testkase:summary-wanted';

/** The issue's summary, from the panel's own fresh answer (its first screen, or its list after any change). */
export const SUMMARY_EVENT = 'testkase:summary';

/** What the panel says with READING_EVENT. */
export interface ReadingPayload {
  issueKey: string;
}

/**
 * What the panel hands the glance: the summary getIssueSummary would answer, the live channel's access
 * (the same issue's, the same user's), and when it was read. The glance takes only a summary of its issue.
 */
export interface SummaryPayload {
  issueKey: string;
  summary: IssueSummary;
  /** The saved token's time (never the token): the glance's kept copy records it. */
  tokenSavedAt: string | null;
  at: string;
}

// ---------- live updates (Forge Realtime) ----------

/**
 * The issue's Realtime channel: scoped by Forge to the installation (the site) and, with the Jira.Issue
 * context override, to the issue; a token the resolver signs with the issue in its claims narrows it
 * further (src/realtime/). An event on it carries no test data: only "this issue's tests changed".
 */
export const LIVE_CHANNEL = 'testkase-issue-tests';

/** Everything an event on LIVE_CHANNEL says. */
export interface LiveEvent {
  change: 'tests';
}


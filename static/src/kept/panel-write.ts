/**
 * Writing the panel's kept copy (panel.ts reads it): after each fresh answer, and after the list
 * changed. Loaded after the first render.
 */
import type { AppState, LinkedTests } from '../../../src/shared/definitions';
import { keptFate, withoutEmail, type Kept, type KeptKey } from '../../../src/shared/kept';
import { dropAccount, dropKept, keep } from '../../../src/shared/kept-write';
import type { KeptPanel } from './panel';

/** The copy of a fresh READY answer with its linked cases, or null when there is nothing to keep. */
function keptOf(state: AppState): KeptPanel | null {
  const { connection, linked, issueKey } = state;
  if (connection.kind !== 'READY' || !issueKey || !linked?.ok) return null;
  return {
    issueKey,
    connection,
    actingAs: state.token?.testkaseUser?.name ?? null,
    linked: {
      ...linked.data,
      items: linked.data.items.map((t) => (t.latestExecution ? { ...t, latestExecution: { ...t.latestExecution, executedBy: withoutEmail(t.latestExecution.executedBy) } } : t)),
    },
  };
}

/**
 * What a fresh first screen does to the copies: keeps it (READY), keeps the old one (TestKase slow or
 * down), or drops the issue's or all of the account's (src/shared/kept.ts, keptFate). A copy read
 * with another token than the fresh answer's means the token was replaced: every copy goes.
 */
export function settleKept(key: KeptKey | null, state: AppState, shown: Kept<KeptPanel> | null, at = new Date().toISOString()): void {
  if (!key) return;
  const fate = keptFate(state.connection);
  if (fate === 'dropAccount') return dropAccount(key.site, key.account);
  if (fate === 'dropIssue') return dropKept('panel', key);
  const tokenSavedAt = state.token?.savedAt ?? null;
  if (shown && shown.tokenSavedAt !== tokenSavedAt) dropAccount(key.site, key.account);
  const data = keptOf(state);
  if (data) keep('panel', key, { at, tokenSavedAt, data });
}

/** Keeps the panel's list after it changed (a refresh, a write, a live update) on a copy of the same token. */
export function keepLinked(key: KeptKey | null, base: Omit<KeptPanel, 'linked'>, linked: LinkedTests, tokenSavedAt: string | null, at = new Date().toISOString()): void {
  if (!key) return;
  const state: AppState = { module: 'ISSUE_PANEL', issueKey: base.issueKey, jiraProjectKey: null, connection: base.connection, token: null, linked: { ok: true, data: linked } };
  const data = keptOf(state);
  if (data) keep('panel', key, { at, tokenSavedAt, data: { ...data, actingAs: base.actingAs } });
}

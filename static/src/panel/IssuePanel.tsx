/**
 * The issue panel: the first screen (the kept copy at once, then the fresh getState: first-screen.ts),
 * then the Test Cases / Test Cycles tabs. A kept copy and the fresh answer that replaces it render
 * through the same tree, so React keeps the same ReadyPanel: only what changed is touched.
 */
import { useMemo } from 'react';
import { globalPageUrl, openSettings, type UiContext } from '../context';
import { Loaded } from '../components/Loaded';
import type { Load } from '../load';
import { words } from '../../../src/shared/words/panel';
import type { AppState } from '../../../src/shared/definitions';
import { ConnectionMessage } from './ConnectionMessage';
import { ReadyPanel, type Stale } from './ReadyPanel';
import { useFirstScreen, type FirstView } from './first-screen';
import { unsavedRuns } from './drafts';

/** What Loaded shows: a kept copy is shown as the state it was, with what makes it stale beside it. */
function asLoad(view: FirstView, retry: () => void): { load: Load<AppState>; stale: Stale | null; tokenSavedAt: string | null } {
  switch (view.kind) {
    case 'loading':
      return { load: { status: 'loading' }, stale: null, tokenSavedAt: null };
    case 'error':
      return { load: { status: 'error', error: view.error }, stale: null, tokenSavedAt: null };
    case 'fresh':
      return { load: { status: 'ready', data: view.state }, stale: null, tokenSavedAt: view.state.token?.savedAt ?? null };
    case 'kept': {
      const { data, at, tokenSavedAt } = view.kept;
      const state: AppState = { module: 'ISSUE_PANEL', issueKey: data.issueKey, jiraProjectKey: null, connection: data.connection, token: null, linked: { ok: true, data: data.linked } };
      return { load: { status: 'ready', data: state }, stale: { at, failure: view.failure, retrying: view.retrying, onRetry: retry, actingAs: data.actingAs }, tokenSavedAt };
    }
  }
}

export default function IssuePanel({ ctx }: { ctx: UiContext }) {
  const { view, swappedAt, retry } = useFirstScreen(ctx);
  // Memoised: a kept copy's state must stay the same object until the fresh answer replaces it.
  const { load, stale, tokenSavedAt } = useMemo(() => asLoad(view, retry), [view, retry]);

  return (
    <div className="app issue-panel">
      <Loaded state={load} loadingLabel={words.app.loading} errorTitle={words.panel.loadFailed} onRetry={retry}>
        {({ connection, issueKey, linked, token }) =>
          connection.kind === 'READY' ? (
            <ReadyPanel
              ctx={ctx}
              connection={connection}
              issueKey={issueKey}
              initialLinked={linked}
              actingAs={stale ? stale.actingAs : (token?.testkaseUser?.name ?? null)}
              tokenSavedAt={tokenSavedAt}
              stale={stale}
              swappedAt={swappedAt}
              live={stale ? null : (view.kind === 'fresh' ? (view.state.live ?? null) : null)}
            />
          ) : (
            <ConnectionMessage
              connection={connection}
              canOpenSettings={globalPageUrl(ctx) !== null}
              onOpenSettings={() => void openSettings(ctx, issueKey)}
              onRetry={retry}
              unsaved={unsavedRuns({ cloudId: ctx.cloudId, accountId: ctx.accountId, issueKey })}
              timeZone={ctx.timezone}
              locale={ctx.locale}
            />
          )
        }
      </Loaded>
    </div>
  );
}

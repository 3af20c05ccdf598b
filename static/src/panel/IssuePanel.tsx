/** The issue panel: one `getState` for the first screen, then the Test Cases / Test Cycles tabs. */
import { useEffect } from 'react';
import { api, initialState, onConnectionLost } from '../api';
import { globalPageUrl, openSettings, type UiContext } from '../context';
import { Loaded } from '../components/Loaded';
import { useLoad } from '../load';
import { words } from '../../../src/shared/words/panel';
import { ConnectionMessage } from './ConnectionMessage';
import { ReadyPanel } from './ReadyPanel';

export default function IssuePanel({ ctx }: { ctx: UiContext }) {
  const panel = useLoad(api.getState, [], { firstFetch: initialState });
  const retry = () => void panel.reload();
  const { refresh } = panel;

  // A call answered that the token or the mapping is gone: what is on screen (and its write controls)
  // is stale. Re-check the state, so the state's one message and its next step replace the whole panel.
  useEffect(() => onConnectionLost(() => void refresh({ onError: 'show' })), [refresh]);

  return (
    <div className="app issue-panel">
      <Loaded state={panel.state} loadingLabel={words.app.loading} errorTitle={words.panel.loadFailed} onRetry={retry}>
        {({ connection, issueKey, linked, token }) =>
          connection.kind === 'READY' ? (
            <ReadyPanel ctx={ctx} connection={connection} issueKey={issueKey} initialLinked={linked} actingAs={token?.testkaseUser?.name ?? null} />
          ) : (
            <ConnectionMessage
              connection={connection}
              canOpenSettings={globalPageUrl(ctx) !== null}
              onOpenSettings={() => void openSettings(ctx, issueKey)}
              onRetry={retry}
            />
          )
        }
      </Loaded>
    </div>
  );
}

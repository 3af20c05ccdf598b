/** The issue panel: one `getState` for the first screen, then the Test Cases / Test Cycles tabs. */
import { useEffect } from 'react';
import { api, initialState, onConnectionLost } from '../api';
import { globalPageUrl, openSettings, type UiContext } from '../context';
import { Loaded } from '../components/Loaded';
import { useLoad } from '../load';
import { ConfigMessage } from './ConfigMessage';
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
      <Loaded state={panel.state} loadingLabel="Loading TestKase…" errorTitle="TestKase could not be loaded" onRetry={retry}>
        {({ config, issueKey, linked, token }) =>
          config.kind === 'READY' ? (
            <ReadyPanel ctx={ctx} config={config} issueKey={issueKey} initialLinked={linked} actingAs={token?.testkaseUser?.name ?? null} />
          ) : (
            <ConfigMessage
              config={config}
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

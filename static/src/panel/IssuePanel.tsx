/** The issue panel: one `getState` for the first screen, then the Test Cases / Test Cycles tabs. */
import { api, initialState } from '../api';
import { globalPageUrl, openSettings, type UiContext } from '../context';
import { Loaded } from '../components/Loaded';
import { useLoad } from '../load';
import { ConfigMessage } from './ConfigMessage';
import { ReadyPanel } from './ReadyPanel';

export default function IssuePanel({ ctx }: { ctx: UiContext }) {
  const panel = useLoad(api.getState, [], { firstFetch: initialState });
  const retry = () => void panel.reload();

  return (
    <div className="app issue-panel">
      <Loaded state={panel.state} loadingLabel="Loading TestKase…" errorTitle="TestKase could not be loaded" onRetry={retry}>
        {({ config, issueKey, linked }) =>
          config.kind === 'READY' ? (
            <ReadyPanel ctx={ctx} config={config} issueKey={issueKey} initialLinked={linked} />
          ) : (
            <ConfigMessage
              config={config}
              canOpenSettings={globalPageUrl(ctx) !== null}
              onOpenSettings={() => void openSettings(ctx)}
              onRetry={retry}
            />
          )
        }
      </Loaded>
    </div>
  );
}

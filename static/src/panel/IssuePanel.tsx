/** The issue panel: one `getState` for the first screen, then the Test Cases / Test Cycles tabs. */
import { useEffect, useState } from 'react';
import type { ConfigState } from '../../../src/shared/definitions';
import { api, initialState } from '../api';
import { globalPageUrl, openSettings, type UiContext } from '../context';
import { Loaded } from '../components/Loaded';
import { useLoad } from '../load';
import { ConfigMessage } from './ConfigMessage';
import { ReadyPanel } from './ReadyPanel';

/** CHECKING means TestKase has not answered yet: poll a few times, then hand over to the user. */
export const CHECK_POLL_MS = 2_000;
export const CHECK_POLLS = 5;

export default function IssuePanel({ ctx }: { ctx: UiContext }) {
  const panel = useLoad(api.getState, [], { firstFetch: initialState });
  const [polls, setPolls] = useState(0);

  const checking = panel.state.status === 'ready' && isChecking(panel.state.data.config);
  const { refresh } = panel;
  useEffect(() => {
    if (!checking || polls >= CHECK_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      // A poll that fails says so (with Retry) rather than keep "checking" on screen.
      void refresh({ onError: 'show' });
    }, CHECK_POLL_MS);
    return () => clearTimeout(timer);
  }, [checking, polls, refresh]);

  const retry = () => {
    setPolls(0);
    void panel.reload();
  };

  return (
    <div className="app issue-panel">
      <Loaded state={panel.state} loadingLabel="Loading TestKase…" errorTitle="TestKase could not be loaded" onRetry={retry}>
        {({ config, jiraProjectKey, issueKey, linked }) =>
          config.kind === 'READY' ? (
            <ReadyPanel ctx={ctx} config={config} issueKey={issueKey} initialLinked={linked} />
          ) : (
            <ConfigMessage
              config={config}
              projectKey={jiraProjectKey}
              canOpenSettings={globalPageUrl(ctx) !== null}
              onOpenSettings={() => void openSettings(ctx)}
              onRetry={retry}
              stillChecking={polls >= CHECK_POLLS}
            />
          )
        }
      </Loaded>
    </div>
  );
}

const isChecking = (c: ConfigState) => c.kind === 'PAT_SAVED' && c.reason === 'CHECKING';

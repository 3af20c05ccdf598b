/** The issue panel: one `getState` for the first screen, then the Test Cases / Test Cycles tabs. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState, ConfigState } from '../../../src/shared/definitions';
import { api, initialState } from '../api';
import { globalPageUrl, openSettings, type UiContext } from '../context';
import { Button } from '../components/Button';
import { Message } from '../components/Message';
import { Skeleton } from '../components/Spinner';
import { fromResult, type Load } from '../load';
import { ConfigMessage } from './ConfigMessage';
import { ReadyPanel } from './ReadyPanel';

/** CHECKING means TestKase has not answered yet: poll a few times, then hand over to the user. */
export const CHECK_POLL_MS = 2_000;
export const CHECK_POLLS = 5;

export default function IssuePanel({ ctx }: { ctx: UiContext }) {
  const [state, setState] = useState<Load<AppState>>({ status: 'loading' });
  const [polls, setPolls] = useState(0);

  const load = useCallback(async (quiet = false, first = false) => {
    if (!quiet) setState({ status: 'loading' });
    setState(fromResult(await (first ? initialState() : api.getState())));
  }, []);

  useEffect(() => {
    void load(false, true);
  }, [load]);

  const checking = state.status === 'ready' && isChecking(state.data.config);
  const pollTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!checking || polls >= CHECK_POLLS) return;
    pollTimer.current = setTimeout(() => {
      setPolls((n) => n + 1);
      void load(true);
    }, CHECK_POLL_MS);
    return () => clearTimeout(pollTimer.current);
  }, [checking, polls, load]);

  const retry = () => {
    setPolls(0);
    void load();
  };

  return <div className="app issue-panel">{render()}</div>;

  function render() {
    if (state.status === 'loading') return <Skeleton label="Loading TestKase…" />;
    if (state.status === 'error') {
      return (
        <Message tone="error" title="TestKase could not be loaded" actions={<Button onClick={retry}>Retry</Button>}>
          <p>{state.error.message}</p>
        </Message>
      );
    }
    const { config, jiraProjectKey, issueKey, linked } = state.data;
    if (config.kind !== 'READY') {
      return (
        <ConfigMessage
          config={config}
          projectKey={jiraProjectKey}
          canOpenSettings={globalPageUrl(ctx) !== null}
          onOpenSettings={() => void openSettings(ctx)}
          onRetry={retry}
          stillChecking={polls >= CHECK_POLLS}
        />
      );
    }
    return <ReadyPanel ctx={ctx} config={config} issueKey={issueKey} initialLinked={linked} />;
  }
}

const isChecking = (c: ConfigState) => c.kind === 'PAT_SAVED' && c.reason === 'CHECKING';

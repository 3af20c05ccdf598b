import { useEffect, useRef, useState } from 'react';
import type { AppError, CheckProgress, CheckTally } from '../../../src/shared/definitions';
import { api } from '../api';
import { Button } from '../components/Button';
import { Message } from '../components/Message';

type Run =
  | { status: 'idle' }
  | { status: 'running'; progress: CheckProgress | null; waitSeconds: number | null }
  | { status: 'done'; progress: CheckProgress }
  | { status: 'stopped'; progress: CheckProgress | null }
  | { status: 'failed'; progress: CheckProgress | null; error: AppError };

/** "100 working, 8 rejected…": only what was found. */
export function describeTally(tally: CheckTally): string {
  const parts = [
    [tally.WORKING, 'working'],
    [tally.REJECTED, 'rejected'],
    [tally.EXPIRED, 'expired'],
    [tally.UNREACHABLE, 'not checked (TestKase did not answer)'],
    [tally.GONE, 'removed meanwhile'],
  ] as const;
  const found = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return found.length > 0 ? found.join(', ') : 'nothing to check';
}

const sleep = (ms: number, stopped: () => boolean) =>
  new Promise<void>((resolve) => {
    const started = Date.now();
    const tick = () => (stopped() || Date.now() - started >= ms ? resolve() : setTimeout(tick, Math.min(250, ms)));
    tick();
  });

/**
 * "Check all now": the backend checks what fits in one invocation and says how far it got; this calls
 * again with the run id until the run is done, waiting when TestKase asked to slow down, and shows the
 * progress. Stopping leaves the run where it is (Continue picks it up).
 */
export function CheckAll({ onChecked }: { onChecked: () => void }) {
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const stop = useRef(false);
  useEffect(
    () => () => {
      stop.current = true; // leaving the page stops the run
    },
    [],
  );

  const go = async (from: CheckProgress | null) => {
    stop.current = false;
    let progress = from;
    setRun({ status: 'running', progress, waitSeconds: null });
    for (;;) {
      const r = await api.adminCheckAll(progress && !progress.done ? { runId: progress.runId } : {});
      if (!r.ok) return setRun(stop.current ? { status: 'stopped', progress } : { status: 'failed', progress, error: r.error });
      progress = r.data;
      if (stop.current && !progress.done) return setRun({ status: 'stopped', progress });
      if (progress.done) {
        setRun({ status: 'done', progress });
        onChecked();
        return;
      }
      const wait = progress.retryAfterSeconds ?? null;
      setRun({ status: 'running', progress, waitSeconds: wait });
      if (wait) await sleep(wait * 1000, () => stop.current);
      if (stop.current) return setRun({ status: 'stopped', progress });
    }
  };

  if (run.status === 'running') {
    const p = run.progress;
    return (
      <div className="check-all" role="status">
        <p className="check-all-line">
          {p ? `Checking tokens with TestKase: ${p.checked} of ${p.total}` : 'Starting the check…'}
          {run.waitSeconds ? ` — TestKase asked to wait ${run.waitSeconds} s, then the check goes on.` : ''}
        </p>
        <progress className="progress" max={p?.total || 1} value={p?.checked ?? 0} aria-label="Tokens checked" />
        <Button
          onClick={() => {
            stop.current = true;
          }}
        >
          Stop
        </Button>
      </div>
    );
  }

  return (
    <div className="check-all">
      {run.status === 'done' && (
        <Message tone="success" title={`Checked ${run.progress.total} ${run.progress.total === 1 ? 'token' : 'tokens'}`}>
          <p>{describeTally(run.progress.tally)}.</p>
        </Message>
      )}
      {run.status === 'stopped' && (
        <Message tone="info" title="Check stopped" actions={run.progress && <Button onClick={() => void go(run.progress)}>Continue</Button>}>
          <p>{run.progress ? `${run.progress.checked} of ${run.progress.total} tokens were checked; the rest keep their state.` : 'No token was checked.'}</p>
        </Message>
      )}
      {run.status === 'failed' && (
        <Message tone="error" title="The check could not go on" actions={<Button onClick={() => void go(run.progress)}>Try again</Button>}>
          <p>{run.error.message}</p>
        </Message>
      )}
      <div className="check-all-start">
        <Button appearance="primary" onClick={() => void go(null)}>
          Check all now
        </Button>
        <span className="muted small">Asks TestKase about every stored token and records its state. Tokens are never shown.</span>
      </div>
    </div>
  );
}

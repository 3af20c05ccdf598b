import { useEffect, useRef, useState } from 'react';
import type { AppError, CheckProgress } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { api } from '../api';
import { Button } from '../components/Button';
import { Message } from '../components/Message';

type Run =
  | { status: 'idle' }
  | { status: 'running'; progress: CheckProgress | null; waitSeconds: number | null }
  | { status: 'done'; progress: CheckProgress }
  | { status: 'stopped'; progress: CheckProgress | null }
  | { status: 'failed'; progress: CheckProgress | null; error: AppError };

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

  const said = words.admin;
  if (run.status === 'running') {
    const p = run.progress;
    return (
      <div className="check-all" role="status">
        <p className="check-all-line">
          {p ? said.checking({ checked: p.checked, total: p.total }) : said.starting}
          {run.waitSeconds ? said.waiting({ seconds: run.waitSeconds }) : ''}
        </p>
        <progress className="progress" max={p?.total || 1} value={p?.checked ?? 0} aria-label={said.checked} />
        <Button
          onClick={() => {
            stop.current = true;
          }}
        >
          {said.stop}
        </Button>
      </div>
    );
  }

  return (
    <div className="check-all">
      {run.status === 'done' && (
        <Message tone="success" title={said.checkedCount({ count: run.progress.total })}>
          <p>{said.tallySentence({ tally: said.tally({ tally: run.progress.tally }) })}</p>
        </Message>
      )}
      {run.status === 'stopped' && (
        <Message tone="info" title={said.stopped} actions={run.progress && <Button onClick={() => void go(run.progress)}>{said.continue}</Button>}>
          <p>{run.progress ? said.stoppedAt({ checked: run.progress.checked, total: run.progress.total }) : said.noneChecked}</p>
        </Message>
      )}
      {run.status === 'failed' && (
        <Message tone="error" title={said.checkFailed} actions={<Button onClick={() => void go(run.progress)}>{words.common.tryAgain}</Button>}>
          <p>{run.error.message}</p>
        </Message>
      )}
      <div className="check-all-start">
        <Button appearance="primary" onClick={() => void go(null)}>
          {said.checkAll}
        </Button>
        <span className="muted small">{said.checkAllHint}</span>
      </div>
    </div>
  );
}

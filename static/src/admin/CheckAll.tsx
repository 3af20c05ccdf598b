import { useEffect, useRef, useState } from 'react';
import type { AppError, CheckProgress } from '../../../src/shared/definitions';
import { words } from '../../../src/shared/words/admin';
import { api } from '../api';
import { Button } from '../components/Button';
import { DateTime } from '../components/DateTime';
import { Message } from '../components/Message';

/** Another tab or admin is checking right now: ask again after this long. */
const BUSY_RETRY_MS = 1_000;

type Run =
  | { status: 'idle' }
  | { status: 'running'; progress: CheckProgress | null; waitSeconds: number | null; stopping: boolean }
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
export function CheckAll({ onChecked, timeZone, locale }: { onChecked: () => void; timeZone: string; locale: string }) {
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
    setRun({ status: 'running', progress, waitSeconds: null, stopping: false });
    for (;;) {
      const r = await api.adminCheckAll(progress && !progress.done ? { runId: progress.runId } : {});
      if (!r.ok) return setRun(stop.current ? { status: 'stopped', progress } : { status: 'failed', progress, error: r.error });
      progress = r.data;
      if (progress.done) {
        setRun({ status: 'done', progress });
        onChecked();
        return;
      }
      if (progress.stopped || stop.current) return setRun({ status: 'stopped', progress });
      const wait = progress.retryAfterSeconds ?? null;
      setRun({ status: 'running', progress, waitSeconds: wait, stopping: false });
      if (wait) await sleep(wait * 1000, () => stop.current);
      else if (progress.busy) await sleep(BUSY_RETRY_MS, () => stop.current);
      if (stop.current) return setRun({ status: 'stopped', progress });
    }
  };

  /** Stop acts in the backend too (another tab's or admin's call checking now stops within about a second). */
  const askStop = (progress: CheckProgress | null) => {
    stop.current = true;
    setRun((r) => (r.status === 'running' ? { ...r, stopping: true } : r));
    if (progress) void api.adminCheckAll({ runId: progress.runId, stop: true });
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
        {p && !p.startedByCaller && <p className="muted small">{said.joined({ date: <DateTime key="at" iso={p.startedAt} timeZone={timeZone} locale={locale} /> })}</p>}
        <progress className="progress" max={p?.total || 1} value={p?.checked ?? 0} aria-label={said.checked} />
        <Button busy={run.stopping} busyLabel={said.stopping} onClick={() => askStop(p)}>
          {said.stop}
        </Button>
        <span className="muted small">{said.stopHint}</span>
      </div>
    );
  }

  return (
    <div className="check-all">
      {run.status === 'done' && <Outcome progress={run.progress} timeZone={timeZone} locale={locale} onRetry={() => void go(null)} />}
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

/**
 * A finished run: what TestKase answered. When it answered about none of the tokens, that is not a
 * success: nothing was checked, the states shown are as old as their last check (said), and Retry.
 */
function Outcome({ progress, timeZone, locale, onRetry }: { progress: CheckProgress; timeZone: string; locale: string; onRetry: () => void }) {
  const said = words.admin;
  const t = progress.tally;
  const answered = t.WORKING + t.REJECTED + t.EXPIRED;
  const since = progress.unreachableSince;
  const date = (iso: string, key: string) => <DateTime key={key} iso={iso} timeZone={timeZone} locale={locale} />;
  const dated =
    t.UNREACHABLE === 0 ? null : since?.oldest && since.newest ? (
      <p>{said.statesFrom({ oldest: date(since.oldest, 'oldest'), newest: date(since.newest, 'newest') })}</p>
    ) : (
      <p>{said.statesNever}</p>
    );
  const retry = <Button onClick={onRetry}>{words.common.tryAgain}</Button>;
  if (t.UNREACHABLE > 0 && answered === 0) {
    return (
      <Message tone="error" title={said.nothingCheckedTitle} actions={retry}>
        <p>{said.nothingChecked({ count: t.UNREACHABLE })}</p>
        {dated}
      </Message>
    );
  }
  return (
    <Message tone={t.UNREACHABLE > 0 ? 'warning' : 'success'} title={said.checkedCount({ count: answered })} actions={t.UNREACHABLE > 0 ? retry : undefined}>
      <p>{said.tallySentence({ tally: said.tally({ tally: t }) })}</p>
      {t.UNREACHABLE > 0 && <p>{said.someUnchecked({ count: t.UNREACHABLE })}</p>}
      {dated}
    </Message>
  );
}

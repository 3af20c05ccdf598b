/** One cycle: this issue's test cases in it (result, who, when, comment, bugs), run them, add the missing ones. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Cycle, CycleExecutions, Execution } from '../../../../src/shared/definitions';
import { api } from '../../api';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { DateTime, ZoneNote } from '../../components/DateTime';
import { focusSoon } from '../../components/focus';
import { IssueKeys } from '../../components/IssueKeys';
import { Loaded } from '../../components/Loaded';
import { LongText } from '../../components/LongText';
import { StatusLozenge } from '../../components/Lozenge';
import { ShowMore, usePaged } from '../../components/ShowMore';
import { Spinner } from '../../components/Spinner';
import { useLoad } from '../../load';
import { NoticeView, type Notice } from '../NoticeView';
import { useRefreshable } from '../refresh';
import { executedOf, executedRows } from './counts';

const RunPanel = lazy(() => import('../run/RunPanel'));
const ReportBug = lazy(() => import('../bug/ReportBug').then((m) => ({ default: m.ReportBug })));

export function CycleDetail({
  ctx,
  cycle,
  canWrite,
  issueKey,
  titles,
  active,
  onBack,
  onChanged,
}: {
  ctx: UiContext;
  cycle: Cycle;
  canWrite: boolean;
  issueKey: string | null;
  /** Titles of the issue's linked test cases, by id (executions carry only the id). */
  titles: ReadonlyMap<string, string>;
  active: boolean;
  onBack: () => void;
  onChanged: (executed: boolean) => void;
}) {
  const executions = useLoad(() => api.listCycleExecutions({ cycleId: cycle.id }), [cycle.id]);
  const [running, setRunning] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const rows = usePaged(executions.state.status === 'ready' ? executions.state.data.items : []);
  useRefreshable(active ? executions.refresh : null);

  // Opening a cycle replaces the list: focus moves to its heading, not to the page body.
  useEffect(() => heading.current?.focus(), []);

  const add = async (ids: string[]) => {
    setAdding(ids.length === 1 ? (ids[0] ?? null) : 'all');
    setNotice(null);
    const r = await api.addToCycle({ cycleId: cycle.id, testCaseIds: ids });
    if (r.ok) {
      await executions.refresh();
      onChanged(false);
      const added = r.data.added.length;
      const already = r.data.alreadyInCycle.length;
      setNotice({
        tone: 'success',
        text: `Added ${added === 1 ? r.data.added[0] : `${added} test cases`} to ${cycle.name}.${already ? ` ${already} already in the cycle.` : ''}`,
      });
    } else {
      setNotice({ tone: 'error', text: r.error.message });
    }
    setAdding(null);
  };

  const recorded = (execution: Execution) => {
    executions.update((d) => ({ ...d, items: d.items.map((e) => (e.testCaseId === execution.testCaseId ? execution : e)) }));
    onChanged(true);
  };

  return (
    <section className="tab-body" aria-labelledby="tk-cycle-title">
      <div className="detail-head">
        <Button appearance="subtle" onClick={onBack}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M10 3.5 5.5 8 10 12.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Back to cycles
        </Button>
      </div>
      <h3 id="tk-cycle-title" className="detail-title" tabIndex={-1} ref={heading}>
        {cycle.name} <span className="mono muted">{cycle.id}</span>
      </h3>
      {cycle.environment && <p className="muted">Environment: {cycle.environment}</p>}
      {cycle.description && <LongText text={cycle.description} className="muted" />}
      <NoticeView notice={notice} />
      <Loaded state={executions.state} loadingLabel="Loading executions…" errorTitle="The cycle could not be loaded" onRetry={() => void executions.reload()}>
        {body}
      </Loaded>
    </section>
  );

  function body({ items, notInCycle, cycle: whole }: CycleExecutions) {
    return (
      <>
        <p className="cycle-counts">
          This issue: {executedRows(items)}/{items.length} executed · Cycle: {executedOf(whole)}/{whole.total} executed
        </p>
        {items.length === 0 ? (
          <p className="empty">None of this issue’s test cases are in this cycle yet.</p>
        ) : (
          <>
            <ZoneNote timeZone={ctx.timezone} locale={ctx.locale} />
            <ul className="exec-list" ref={listRef} aria-label={`This issue’s test cases in ${cycle.name}`}>
              {rows.visible.map((e) => (
                <li key={e.testCaseId} className="exec-row">
                  <div className="exec-main">
                    <p className="exec-case">
                      <span className="mono">{e.testCaseId}</span> <span className="case-title">{titles.get(e.testCaseId) ?? ''}</span>
                    </p>
                    <StatusLozenge status={e.status} />
                  </div>
                  <p className="exec-when muted">
                    {/* Not Executed is not an execution: nobody executed it, at no time. */}
                    Executed by {e.status !== 'NOT_EXECUTED' && e.executedBy ? e.executedBy.name : '—'} ·{' '}
                    {e.status !== 'NOT_EXECUTED' && e.executedAt ? <DateTime iso={e.executedAt} timeZone={ctx.timezone} locale={ctx.locale} /> : '—'}
                  </p>
                  {e.comment && <LongText text={e.comment} className="comment" />}
                  <IssueKeys keys={e.defects} />
                  {canWrite && (
                    <div className="exec-actions">
                      <Button appearance={running === e.testCaseId ? 'primary' : 'default'} aria-expanded={running === e.testCaseId} data-run={e.testCaseId} onClick={() => setRunning((cur) => (cur === e.testCaseId ? null : e.testCaseId))}>
                        Run<span className="visually-hidden"> {e.testCaseId}</span>
                      </Button>
                      {e.status === 'FAIL' && running !== e.testCaseId && (
                        <Suspense fallback={null}>
                          <ReportBug ctx={ctx} issueKey={issueKey} testCase={{ id: e.testCaseId, title: titles.get(e.testCaseId) ?? '' }} cycle={cycle} execution={e} detail={null} appearance="default" onChanged={recorded} />
                        </Suspense>
                      )}
                    </div>
                  )}
                  {canWrite && running === e.testCaseId && (
                    <Suspense fallback={<Spinner label="Loading…" />}>
                      <RunPanel
                        ctx={ctx}
                        issueKey={issueKey}
                        testCase={{ id: e.testCaseId, title: titles.get(e.testCaseId) ?? '' }}
                        cycle={cycle}
                        last={e}
                        onRecorded={recorded}
                        onClose={() => {
                          setRunning(null);
                          focusSoon(() => listRef.current?.querySelector<HTMLElement>(`[data-run="${e.testCaseId}"]`));
                        }}
                      />
                    </Suspense>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what="test cases" />
        {notInCycle.length > 0 && (
          <div className="not-in-cycle">
            <h4 className="subheading">Linked test cases not in this cycle</h4>
            <ul className="result-list">
              {notInCycle.map((id) => (
                <li key={id} className="result-row">
                  <span className="mono nowrap">{id}</span>
                  <span className="title-cell">{titles.get(id) ?? ''}</span>
                  {canWrite && (
                    <Button busy={adding === id} busyLabel="Adding…" disabled={adding !== null} onClick={() => void add([id])}>
                      Add to cycle<span className="visually-hidden"> {id}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            {canWrite && notInCycle.length > 1 && (
              <Button busy={adding === 'all'} busyLabel="Adding…" disabled={adding !== null} onClick={() => void add(notInCycle)}>
                Add all {notInCycle.length} to cycle
              </Button>
            )}
          </div>
        )}
      </>
    );
  }
}

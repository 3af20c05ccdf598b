/** One cycle: this issue's test cases in it (result, who, when, comment, bugs), run them, add the missing ones. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Cycle, CycleExecutions, Execution } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/cycles';
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
      setNotice({ tone: 'success', text: words.cycles.added({ added, first: r.data.added[0], already, name: cycle.name }) });
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
          {words.cycles.back}
        </Button>
      </div>
      <h3 id="tk-cycle-title" className="detail-title" tabIndex={-1} ref={heading}>
        {cycle.name} <span className="mono muted">{cycle.id}</span>
      </h3>
      {cycle.environment && <p className="muted">{words.cycles.environmentOf({ environment: cycle.environment })}</p>}
      {cycle.description && <LongText text={cycle.description} className="muted" />}
      <NoticeView notice={notice} />
      <Loaded state={executions.state} loadingLabel={words.cycles.executionsLoading} errorTitle={words.cycles.loadCycleFailed} onRetry={() => void executions.reload()}>
        {body}
      </Loaded>
    </section>
  );

  function body({ items, notInCycle, cycle: whole }: CycleExecutions) {
    const said = words.cycles;
    return (
      <>
        <p className="cycle-counts">{said.counts({ issueExecuted: executedRows(items), issueTotal: items.length, executed: executedOf(whole), total: whole.total })}</p>
        {items.length === 0 ? (
          <p className="empty">{said.noneOfIssue}</p>
        ) : (
          <>
            <ZoneNote timeZone={ctx.timezone} locale={ctx.locale} />
            <ul className="exec-list" ref={listRef} aria-label={said.issueCases({ name: cycle.name })}>
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
                    {said.executedByAt({
                      name: e.status !== 'NOT_EXECUTED' && e.executedBy ? e.executedBy.name : words.common.none,
                      at: e.status !== 'NOT_EXECUTED' && e.executedAt ? <DateTime key="at" iso={e.executedAt} timeZone={ctx.timezone} locale={ctx.locale} /> : words.common.none,
                    })}
                  </p>
                  {e.comment && <LongText text={e.comment} className="comment" />}
                  <IssueKeys keys={e.defects} />
                  {canWrite && (
                    <div className="exec-actions">
                      <Button appearance={running === e.testCaseId ? 'primary' : 'default'} aria-expanded={running === e.testCaseId} data-run={e.testCaseId} onClick={() => setRunning((cur) => (cur === e.testCaseId ? null : e.testCaseId))}>
                        {words.common.run}
                        <span className="visually-hidden">{words.common.which({ id: e.testCaseId })}</span>
                      </Button>
                      {e.status === 'FAIL' && running !== e.testCaseId && (
                        <Suspense fallback={null}>
                          <ReportBug ctx={ctx} issueKey={issueKey} testCase={{ id: e.testCaseId, title: titles.get(e.testCaseId) ?? '' }} cycle={cycle} execution={e} detail={null} appearance="default" onChanged={recorded} />
                        </Suspense>
                      )}
                    </div>
                  )}
                  {canWrite && running === e.testCaseId && (
                    <Suspense fallback={<Spinner />}>
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
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what={words.common.testCases} />
        {notInCycle.length > 0 && (
          <div className="not-in-cycle">
            <h4 className="subheading">{said.notInCycle}</h4>
            <ul className="result-list">
              {notInCycle.map((id) => (
                <li key={id} className="result-row">
                  <span className="mono nowrap">{id}</span>
                  <span className="title-cell">{titles.get(id) ?? ''}</span>
                  {canWrite && (
                    <Button busy={adding === id} busyLabel={words.common.adding} disabled={adding !== null} onClick={() => void add([id])}>
                      {words.common.addToCycle}
                      <span className="visually-hidden">{words.common.which({ id })}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            {canWrite && notInCycle.length > 1 && (
              <Button busy={adding === 'all'} busyLabel={words.common.adding} disabled={adding !== null} onClick={() => void add(notInCycle)}>
                {said.addAll({ count: notInCycle.length })}
              </Button>
            )}
          </div>
        )}
      </>
    );
  }
}

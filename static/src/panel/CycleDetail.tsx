/** One cycle: this issue's test cases in it (status, who, when, comment), add missing ones, execute. */
import { Fragment, useState } from 'react';
import { ShowMore, usePaged } from '../components/ShowMore';
import type { Cycle, CycleExecutions, Execution } from '../../../src/shared/definitions';
import { api } from '../api';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { DateTime } from '../components/DateTime';
import { Loaded } from '../components/Loaded';
import { StatusLozenge } from '../components/Lozenge';
import { STATUS_LABEL, UI_LIMITS } from '../labels';
import { useLoad } from '../load';
import { ExecuteForm } from './ExecuteForm';
import { NoticeView, type Notice } from './NoticeView';

export function CycleDetail({
  ctx,
  cycle,
  canWrite,
  titles,
  onBack,
  onChanged,
}: {
  ctx: UiContext;
  cycle: Cycle;
  canWrite: boolean;
  /** Titles of the issue's linked test cases, by id (executions carry only the id). */
  titles: ReadonlyMap<string, string>;
  onBack: () => void;
  onChanged: (executed: boolean) => void;
}) {
  const executions = useLoad(() => api.listCycleExecutions({ cycleId: cycle.id }), [cycle.id]);
  const [executing, setExecuting] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const rows = usePaged(executions.state.status === 'ready' ? executions.state.data.items : []);

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

  const saved = (execution: Execution) => {
    setExecuting(null);
    executions.update((d) => ({ ...d, items: d.items.map((e) => (e.testCaseId === execution.testCaseId ? execution : e)) }));
    setNotice({ tone: 'success', text: `Saved ${STATUS_LABEL[execution.status]} for ${execution.testCaseId}.` });
    onChanged(true);
  };

  return (
    <section className="tab-body" aria-label={`Test cycle ${cycle.name}`}>
      <div className="detail-head">
        <Button appearance="subtle" onClick={onBack}>
          ← Back to cycles
        </Button>
        <h2 className="detail-title">{cycle.name}</h2>
        <span className="mono muted">{cycle.id}</span>
      </div>
      {cycle.description && <p className="muted description">{cycle.description}</p>}
      <NoticeView notice={notice} />
      <Loaded state={executions.state} loadingLabel="Loading executions…" errorTitle="The cycle could not be loaded" onRetry={() => void executions.reload()}>
        {body}
      </Loaded>
    </section>
  );

  function body({ items, notInCycle }: CycleExecutions) {
    const cols = canWrite ? 6 : 5;
    return (
      <>
        {items.length === 0 ? (
          <p className="empty">None of this issue’s test cases are in this cycle yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Test case</th>
                <th scope="col">Status</th>
                <th scope="col">Executed by</th>
                <th scope="col">Executed at</th>
                <th scope="col">Comment</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.visible.map((e) => (
                <Fragment key={e.testCaseId}>
                  <tr>
                    <td>
                      <span className="mono nowrap">{e.testCaseId}</span>
                      {titles.get(e.testCaseId) && <span className="title-cell block">{titles.get(e.testCaseId)}</span>}
                    </td>
                    <td className="nowrap">
                      <StatusLozenge status={e.status} />
                    </td>
                    <td>{e.executedBy?.name ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      {e.executedAt ? <DateTime iso={e.executedAt} timeZone={ctx.timezone} locale={ctx.locale} /> : <span className="muted">—</span>}
                    </td>
                    <td className="comment-cell">{e.comment ?? ''}</td>
                    {canWrite && (
                      <td className="nowrap actions-cell">
                        <Button
                          appearance={executing === e.testCaseId ? 'primary' : 'default'}
                          aria-expanded={executing === e.testCaseId}
                          onClick={() => setExecuting((cur) => (cur === e.testCaseId ? null : e.testCaseId))}
                        >
                          Execute<span className="visually-hidden"> {e.testCaseId}</span>
                        </Button>
                      </td>
                    )}
                  </tr>
                  {canWrite && executing === e.testCaseId && (
                    <tr className="execute-row">
                      <td colSpan={cols}>
                        <ExecuteForm cycleId={cycle.id} testCaseId={e.testCaseId} current={e.status} onSaved={saved} onCancel={() => setExecuting(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what="executions" />
        {notInCycle.length > 0 && (
          <div className="not-in-cycle">
            <h3 className="subheading">Linked test cases not in this cycle</h3>
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
              <Button busy={adding === 'all'} busyLabel="Adding…" disabled={adding !== null} onClick={() => void add(notInCycle.slice(0, UI_LIMITS.addToCycleMax))}>
                Add all {notInCycle.length} to cycle
              </Button>
            )}
          </div>
        )}
      </>
    );
  }
}

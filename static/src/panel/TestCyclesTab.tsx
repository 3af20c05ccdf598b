/** Test Cycles tab (lazy): the project's cycles with progress; open one to run this cases. */
import { useState } from 'react';
import { ShowMore, usePaged } from '../components/ShowMore';
import type { Cycle, LinkedTests } from '../../../src/shared/definitions';
import { api } from '../api';
import type { UiContext } from '../context';
import { Button } from '../components/Button';
import { Loaded } from '../components/Loaded';
import { Lozenge } from '../components/Lozenge';
import { StatusBar } from '../components/StatusBar';
import { useLoad, type Load } from '../load';
import { CreateCycleForm } from './CreateCycleForm';
import { CycleDetail } from './CycleDetail';
import { NoticeView, type Notice } from './NoticeView';

const executedOf = (c: Cycle) => c.total - c.counts.NOT_EXECUTED;

export default function TestCyclesTab({
  ctx,
  canWrite,
  linked,
  onExecuted,
}: {
  ctx: UiContext;
  canWrite: boolean;
  linked: Load<LinkedTests>;
  /** A result was recorded: the Test Cases tab's latest statuses are stale. */
  onExecuted: () => void;
}) {
  const cycles = useLoad(api.listCycles, []);
  const [open, setOpen] = useState<Cycle | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [dirty, setDirty] = useState(false);
  const rows = usePaged(cycles.state.status === 'ready' ? cycles.state.data : []);

  const back = () => {
    setOpen(null);
    // Progress changed while the cycle was open: refresh the counts behind the list.
    if (dirty) {
      setDirty(false);
      void cycles.refresh();
    }
  };

  if (open) {
    const titles = new Map(linked.status === 'ready' ? linked.data.items.map((t) => [t.id, t.title] as const) : []);
    return (
      <CycleDetail
        ctx={ctx}
        cycle={open}
        canWrite={canWrite}
        titles={titles}
        onBack={back}
        onChanged={(executed) => {
          setDirty(true);
          if (executed) onExecuted();
        }}
      />
    );
  }

  return (
    <section className="tab-body" aria-label="Test cycles">
      {canWrite && (
        <div className="toolbar">
          <Button
            appearance={creating ? 'primary' : 'default'}
            aria-expanded={creating}
            onClick={() => {
              setNotice(null);
              setCreating((c) => !c);
            }}
          >
            Create cycle
          </Button>
        </div>
      )}
      {canWrite && creating && (
        <CreateCycleForm
          onCancel={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            cycles.update((list) => [c, ...list.filter((x) => x.id !== c.id)]);
            setNotice({ tone: 'success', text: `Created the cycle “${c.name}”.` });
          }}
        />
      )}
      <NoticeView notice={notice} />
      <Loaded state={cycles.state} loadingLabel="Loading test cycles…" errorTitle="Test cycles could not be loaded" onRetry={() => void cycles.reload()}>
        {list}
      </Loaded>
    </section>
  );

  function list(all: Cycle[]) {
    if (all.length === 0) return <p className="empty">This TestKase project has no test cycles yet.</p>;
    return (
      <>
        <ul className="cycle-list">
          {rows.visible.map((c) => (
            <li key={c.id} className="cycle-row">
              <div className="cycle-head">
                <Button appearance="link" onClick={() => setOpen(c)} aria-label={`Open cycle ${c.name}`}>
                  {c.name}
                </Button>
                <span className="mono muted">{c.id}</span>
                {c.isMaster && <Lozenge tone="info">Master</Lozenge>}
                {c.environment && <Lozenge>{c.environment}</Lozenge>}
                <span className="cycle-progress-text">
                  {executedOf(c)}/{c.total} executed
                </span>
              </div>
              <StatusBar counts={c.counts} label={`Progress of ${c.name}`} />
            </li>
          ))}
        </ul>
        <ShowMore hidden={rows.hidden} onShowMore={rows.showMore} what="cycles" />
      </>
    );
  }
}

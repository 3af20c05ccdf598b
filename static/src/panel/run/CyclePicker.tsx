/**
 * Which cycle a run goes into: a cycle holding the test case (the most recently active non-master one
 * first), or another cycle of the project — then Save adds the case to it first and records there.
 * What the picker shows is what Save uses: the form reads the target from here, never an older choice.
 */
import { useEffect, useId } from 'react';
import type { Cycle, CycleList, Result } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import { Loaded } from '../../components/Loaded';
import { useLoad, type Load } from '../../load';

const ADD = '__add';

/** Where Save records: not known yet, not loadable, "another cycle" with none chosen, a cycle holding the case, or one to add it to first. */
export type CycleTarget =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'choose' }
  | { kind: 'in'; cycle: Cycle }
  | { kind: 'add'; cycle: Cycle };

/** The default: the most recently active cycle that is not the master one (the list comes newest first). */
function defaultCycle(items: readonly Cycle[]): Cycle | null {
  return items.find((c) => !c.isMaster) ?? items[0] ?? null;
}

interface Lists {
  holding: CycleList;
  others: Cycle[];
}

/** Both lists, loaded at once: the choice is offered when both are known, so nothing appears under the person's pointer later. */
function both(holding: Load<CycleList>, all: Load<CycleList>): Load<Lists> {
  if (holding.status === 'error') return holding;
  if (all.status === 'error') return all;
  if (holding.status === 'loading' || all.status === 'loading') return { status: 'loading' };
  const held = new Set(holding.data.items.map((c) => c.id));
  return { status: 'ready', data: { holding: holding.data, others: all.data.items.filter((c) => !held.has(c.id)) } };
}

export function CyclePicker({
  testCaseId,
  target,
  prefer,
  onChange,
}: {
  testCaseId: string;
  target: CycleTarget;
  /** The cycle to start with when it is offered (Run next's cycle, or a kept draft's). */
  prefer?: string | null;
  onChange: (target: CycleTarget) => void;
}) {
  const holding = useLoad(() => api.listCycles({ containing: testCaseId }), [testCaseId]);
  const all = useLoad((): Promise<Result<CycleList>> => api.listCycles({}), []);
  const lists = both(holding.state, all.state);

  useEffect(() => {
    if (lists.status === 'error') {
      onChange({ kind: 'failed' });
      return;
    }
    if (lists.status !== 'ready' || (target.kind !== 'loading' && target.kind !== 'failed')) return;
    const { holding: h, others } = lists.data;
    const preferred = prefer ? h.items.find((c) => c.id === prefer) : undefined;
    const toAdd = prefer ? others.find((c) => c.id === prefer) : undefined;
    const first = defaultCycle(h.items);
    onChange(preferred ? { kind: 'in', cycle: preferred } : toAdd ? { kind: 'add', cycle: toAdd } : first ? { kind: 'in', cycle: first } : { kind: 'choose' });
    // Only when the lists arrive (or fail): a later choice is the person's.
  }, [lists.status]);

  const retry = () => {
    if (holding.state.status === 'error') void holding.reload();
    if (all.state.status === 'error') void all.reload();
  };
  return (
    <Loaded state={lists} loadingLabel={words.run.cyclesLoading} errorTitle={words.common.cyclesFailed} onRetry={retry}>
      {(l) => <Choose lists={l} testCaseId={testCaseId} target={target} onChange={onChange} />}
    </Loaded>
  );
}

function Choose({ lists, testCaseId, target, onChange }: { lists: Lists; testCaseId: string; target: CycleTarget; onChange: (t: CycleTarget) => void }) {
  const id = useId();
  const { holding, others } = lists;
  const adding = target.kind === 'add' || target.kind === 'choose';
  return (
    <div className="cycle-picker">
      {holding.items.length === 0 ? (
        <p className="muted">{others.length > 0 ? words.run.inNoCycle({ id: testCaseId }) : words.run.noCycleAtAll}</p>
      ) : (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-cycle`}>
            {words.common.testCycle}
          </label>
          <select
            id={`${id}-cycle`}
            className="input select"
            value={adding ? ADD : target.kind === 'in' ? target.cycle.id : ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              const cycle = holding.items.find((c) => c.id === v);
              onChange(v === ADD || !cycle ? { kind: 'choose' } : { kind: 'in', cycle });
            }}
          >
            {holding.items.map((c) => (
              <option key={c.id} value={c.id}>
                {words.common.cycleOption(c)}
              </option>
            ))}
            {/* Offered only when there is another cycle to add it to. */}
            {others.length > 0 && <option value={ADD}>{words.run.addToAnother}</option>}
          </select>
        </div>
      )}
      {(adding || holding.items.length === 0) && others.length > 0 && (
        <div className="field add-to-cycle">
          <label className="field-label" htmlFor={`${id}-other`}>
            {words.run.addTo({ id: testCaseId })}
          </label>
          <select
            id={`${id}-other`}
            className="input select"
            value={target.kind === 'add' ? target.cycle.id : ''}
            onChange={(e) => {
              const cycle = others.find((c) => c.id === e.currentTarget.value);
              onChange(cycle ? { kind: 'add', cycle } : { kind: 'choose' });
            }}
          >
            <option value="">{words.common.chooseCycle}</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {words.common.cycleOption(c)}
              </option>
            ))}
          </select>
          {target.kind === 'add' && <p className="field-hint">{words.run.addsFirst({ id: testCaseId, name: target.cycle.name })}</p>}
        </div>
      )}
    </div>
  );
}

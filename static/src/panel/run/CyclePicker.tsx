/**
 * Which cycle a run goes into: the cycles holding the test case, the most recently active non-master
 * one first; or another cycle it is added to on the way.
 */
import { useEffect, useId, useState } from 'react';
import type { Cycle, CycleList } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { Loaded } from '../../components/Loaded';
import { Message } from '../../components/Message';
import { useLoad } from '../../load';

const ADD = '__add';

/** The default: the most recently active cycle that is not the master one (the list comes newest first). */
function defaultCycle(items: readonly Cycle[]): Cycle | null {
  return items.find((c) => !c.isMaster) ?? items[0] ?? null;
}

export function CyclePicker({ testCaseId, value, onChange }: { testCaseId: string; value: Cycle | null; onChange: (c: Cycle | null) => void }) {
  const holding = useLoad(() => api.listCycles({ containing: testCaseId }), [testCaseId]);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (holding.state.status === 'ready' && value === null) {
      const first = defaultCycle(holding.state.data.items);
      if (first) onChange(first);
      else setAdding(true);
    }
    // Only when the list arrives: a later choice is the person's.
  }, [holding.state.status]);

  return (
    <Loaded state={holding.state} loadingLabel={words.run.cyclesLoading} errorTitle={words.common.cyclesFailed} onRetry={() => void holding.reload()}>
      {(list) => (
        <Choose
          list={list}
          testCaseId={testCaseId}
          value={value}
          adding={adding}
          setAdding={setAdding}
          onChange={onChange}
          onAdded={(c) => {
            holding.update((l) => ({ items: [c, ...l.items.filter((x) => x.id !== c.id)], total: l.total + 1 }));
            setAdding(false);
            onChange(c);
          }}
        />
      )}
    </Loaded>
  );
}

function Choose({
  list,
  testCaseId,
  value,
  adding,
  setAdding,
  onChange,
  onAdded,
}: {
  list: CycleList;
  testCaseId: string;
  value: Cycle | null;
  adding: boolean;
  setAdding: (on: boolean) => void;
  onChange: (c: Cycle | null) => void;
  onAdded: (c: Cycle) => void;
}) {
  const id = useId();
  return (
    <div className="cycle-picker">
      {list.items.length === 0 ? (
        <p className="muted">{words.run.inNoCycle({ id: testCaseId })}</p>
      ) : (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-cycle`}>
            {words.common.testCycle}
          </label>
          <select
            id={`${id}-cycle`}
            className="input select"
            value={adding ? ADD : (value?.id ?? '')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === ADD) {
                setAdding(true);
                return;
              }
              setAdding(false);
              onChange(list.items.find((c) => c.id === v) ?? null);
            }}
          >
            {list.items.map((c) => (
              <option key={c.id} value={c.id}>
                {words.common.cycleOption(c)}
              </option>
            ))}
            <option value={ADD}>{words.run.addToAnother}</option>
          </select>
        </div>
      )}
      {adding && <AddToCycle testCaseId={testCaseId} exclude={new Set(list.items.map((c) => c.id))} onAdded={onAdded} />}
    </div>
  );
}

/** Adds the test case to another cycle of the project, then the run goes there. */
function AddToCycle({ testCaseId, exclude, onAdded }: { testCaseId: string; exclude: ReadonlySet<string>; onAdded: (c: Cycle) => void }) {
  const id = useId();
  const all = useLoad(() => api.listCycles({}), []);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (cycles: readonly Cycle[]) => {
    const cycle = cycles.find((c) => c.id === chosen);
    if (!cycle) {
      setError(words.run.chooseCycleToAdd);
      return;
    }
    setBusy(true);
    setError(null);
    const r = await api.addToCycle({ cycleId: cycle.id, testCaseIds: [testCaseId] });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    onAdded(cycle);
  };

  return (
    <Loaded state={all.state} loadingLabel={words.common.loadingCycles} errorTitle={words.common.cyclesFailed} onRetry={() => void all.reload()}>
      {({ items }) => {
        const others = items.filter((c) => !exclude.has(c.id));
        if (others.length === 0) return <p className="muted">{words.run.noOtherCycle}</p>;
        return (
          <div className="add-to-cycle">
            <label className="field-label" htmlFor={`${id}-other`}>
              {words.run.addTo({ id: testCaseId })}
            </label>
            <div className="input-row">
              <select id={`${id}-other`} className="input select" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                <option value="">{words.common.chooseCycle}</option>
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <Button busy={busy} busyLabel={words.common.adding} onClick={() => void add(others)}>
                {words.common.addToCycle}
              </Button>
            </div>
            {error && (
              <Message tone="error">
                <p>{error}</p>
              </Message>
            )}
          </div>
        );
      }}
    </Loaded>
  );
}

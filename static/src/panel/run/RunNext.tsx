/**
 * Run next: after a result is saved, the next test case of the issue not run yet in the same cycle
 * (after this one in the cycle's order, then from the top), one action away.
 */
import type { Cycle } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';
import { Button } from '../../components/Button';
import { useLoad } from '../../load';

export interface RunNextProps {
  cycle: Cycle;
  testCaseId: string;
  /** Whether the panel can open that case's run form where the person is (it is on screen). */
  canRun: (testCaseId: string) => boolean;
  onRunNext: (testCaseId: string, cycle: Cycle) => void;
}

export function RunNext({ cycle, testCaseId, canRun, onRunNext }: RunNextProps) {
  const rows = useLoad(() => api.listCycleExecutions({ cycleId: cycle.id }), [cycle.id]);
  // As tall as the button that replaces it, so the row of actions keeps its height.
  if (rows.state.status === 'loading') {
    return (
      <span className="muted run-next-line" role="status">
        {words.run.nextLoading}
      </span>
    );
  }
  if (rows.state.status === 'error') {
    return (
      <p className="muted run-next-line">
        {words.run.nextFailed({ name: cycle.name })}{' '}
        <Button appearance="subtle" onClick={() => void rows.reload()}>
          {words.common.retry}
        </Button>
      </p>
    );
  }
  const items = rows.state.data.items;
  const at = items.findIndex((e) => e.testCaseId === testCaseId);
  const ordered = [...items.slice(at + 1), ...items.slice(0, Math.max(0, at))];
  const next = ordered.find((e) => e.testCaseId !== testCaseId && e.status === 'NOT_EXECUTED' && canRun(e.testCaseId));
  if (!next) return <p className="muted run-next-line">{words.run.noneLeft({ name: cycle.name })}</p>;
  return (
    <Button appearance="primary" onClick={() => onRunNext(next.testCaseId, cycle)}>
      {words.run.runNext({ id: next.testCaseId })}
    </Button>
  );
}

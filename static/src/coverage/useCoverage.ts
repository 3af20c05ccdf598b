/**
 * A scope's rows, loaded step by step (one invoke each, chained by the backend's cursor): the first
 * rows show after the first step, later steps add to them, and the progress says how far it got. A
 * failed step keeps what was loaded and can be tried again from where it stopped. Changing the scope
 * drops everything and starts over; an answer for an older scope is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoverageRow, CoverageScope, CoverageTally } from '../../../src/shared/coverage';
import { addTallies, emptyTally } from '../../../src/shared/coverage';
import type { AppError, ConnectionView } from '../../../src/shared/definitions';
import { api } from '../api';

type Phase = 'loading' | 'complete' | 'failed';

export interface ScopeLoad {
  phase: Phase;
  /** The connection state of the last answer (null until one came). */
  connection: ConnectionView | null;
  rows: CoverageRow[];
  /** The tally of everything loaded (rows' tally, or the steps' tallies with `counts`). */
  tally: CoverageTally;
  approximateTotal: number | null;
  notVisible: number;
  /** Steps answered so far. */
  steps: number;
  error: AppError | null;
}

const initial = (): ScopeLoad => ({ phase: 'loading', connection: null, rows: [], tally: emptyTally(), approximateTotal: null, notVisible: 0, steps: 0, error: null });

export function useCoverage(scope: CoverageScope | null, options: { jiraProjectKey?: string; counts?: boolean } = {}): ScopeLoad & { retry: () => void } {
  const [state, setState] = useState<ScopeLoad>(initial);
  const [attempt, setAttempt] = useState(0);
  /** Where a failed load resumes: the cursor of the step that failed (null: the first). */
  const resumeAt = useRef<{ key: string; cursor: string | null } | null>(null);
  const key = scope ? JSON.stringify([scope, options.jiraProjectKey ?? null, options.counts ?? false]) : '';

  useEffect(() => {
    if (!scope) return undefined;
    let live = true;
    const resuming = resumeAt.current?.key === key ? resumeAt.current.cursor : null;
    if (resuming === null) setState(initial());
    else setState((s) => ({ ...s, phase: 'loading', error: null }));
    resumeAt.current = null;
    void (async () => {
      let cursor = resuming;
      for (;;) {
        const r = await api.getCoveragePage({ scope, ...(cursor ? { cursor } : {}), ...(options.jiraProjectKey ? { jiraProjectKey: options.jiraProjectKey } : {}), ...(options.counts ? { detail: 'COUNTS' as const } : {}) });
        if (!live) return;
        if (!r.ok) {
          resumeAt.current = { key, cursor };
          setState((s) => ({ ...s, phase: 'failed', error: r.error }));
          return;
        }
        const step = r.data;
        const next = step.connection.kind === 'READY' ? step.next : null;
        setState((s) => ({
          phase: next ? 'loading' : 'complete',
          connection: step.connection,
          rows: step.rows.length ? [...s.rows, ...step.rows] : s.rows,
          tally: addTallies(s.tally, step.tally),
          approximateTotal: s.steps === 0 ? step.approximateTotal : s.approximateTotal,
          notVisible: s.notVisible + step.notVisible,
          steps: s.steps + 1,
          error: null,
        }));
        if (!next) return;
        cursor = next;
      }
    })();
    return () => {
      live = false;
    };
    // `key` stands for the scope and the options: the effect runs again when it, or the attempt, changes.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}

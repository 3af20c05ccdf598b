/** Running a linked test case: the run form, then what was saved (with "Report bug" after a Fail). */
import { useState } from 'react';
import type { Cycle, Execution, TestCaseDetail } from '../../../../src/shared/definitions';
import type { UiContext } from '../../context';
import { RunForm, type RunTarget } from './RunForm';
import { SavedResult } from './SavedResult';
import type { RunNextProps } from './RunNext';

export default function RunPanel({
  ctx,
  issueKey,
  testCase,
  cycle,
  initialCycle,
  last,
  next,
  onRecorded,
  onClose,
}: {
  ctx: UiContext;
  issueKey: string | null;
  testCase: RunTarget;
  /** Fixed when run from a cycle; otherwise chosen in the form. */
  cycle?: Cycle;
  /** Offered first in the form (Run next keeps the cycle). */
  initialCycle?: Cycle;
  /** The latest result in that cycle, when the caller has it. */
  last?: Execution | null;
  /** Run next: which cases the caller can open a run of, and how. */
  next?: Omit<RunNextProps, 'cycle' | 'testCaseId'>;
  /** A result was recorded, or a bug added to one: show it where the case is listed. */
  onRecorded: (execution: Execution) => void;
  onClose: () => void;
}) {
  const [saved, setSaved] = useState<{ execution: Execution; cycle: Cycle; detail: TestCaseDetail | null } | null>(null);
  if (saved) {
    return (
      <SavedResult
        ctx={ctx}
        issueKey={issueKey}
        testCase={testCase}
        cycle={saved.cycle}
        execution={saved.execution}
        detail={saved.detail}
        onChanged={(execution) => {
          setSaved({ ...saved, execution });
          onRecorded(execution);
        }}
        onDone={onClose}
        {...(next ? { next } : {})}
      />
    );
  }
  return (
    <RunForm
      ctx={ctx}
      testCase={testCase}
      {...(cycle ? { cycle } : {})}
      {...(initialCycle ? { initialCycle } : {})}
      {...(last !== undefined ? { last } : {})}
      draftScope={{ cloudId: ctx.cloudId, accountId: ctx.accountId, issueKey }}
      onSaved={(execution, c, detail) => {
        setSaved({ execution, cycle: c, detail });
        onRecorded(execution);
      }}
      onCancel={onClose}
    />
  );
}

/** What was just saved, in words, with "Report bug" after a Fail and the way back. */
import { useLayoutEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import { useFormFocus } from '../../components/form-focus';
import { Message } from '../../components/Message';
import type { Cycle } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { ReportBug, type BugReportTarget } from '../bug/ReportBug';
import { ResultSummary } from '../details/ResultSummary';
import { RunNext, type RunNextProps } from './RunNext';

export function SavedResult({
  canReport = true,
  onDone,
  next,
  ...report
}: BugReportTarget & {
  /** The whole cycle (Run next looks for the next case in it), not only what a bug report names. */
  cycle: Cycle;
  canReport?: boolean;
  onDone: () => void;
  /** Run next, where the panel offers it. */
  next?: Omit<RunNextProps, 'cycle' | 'testCaseId'>;
}) {
  const { ctx, testCase, cycle, execution } = report;
  const keys = useFormFocus<HTMLDivElement>(onDone);
  const heading = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <div className="card saved-result" ref={keys.ref} onKeyDown={keys.onKeyDown}>
      <div ref={heading} tabIndex={-1}>
        <Message tone="success">
          <p>{words.run.saved({ status: words.status[execution.status], id: testCase.id, cycle: cycle.name })}</p>
        </Message>
      </div>
      <ResultSummary ctx={ctx} result={execution} />
      <div className="form-actions">
        {canReport && execution.status === 'FAIL' && (
          <ReportBug {...report} />
        )}
        <Button appearance="subtle" onClick={onDone}>
          {words.common.done}
        </Button>
        {/* Last: its answer arrives after the rest is drawn, and must not move Done or Report bug under the pointer. */}
        {next && <RunNext cycle={cycle} testCaseId={testCase.id} {...next} />}
      </div>
    </div>
  );
}

/** What was just saved, in words, with "Report bug" after a Fail and the way back. */
import { useEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import { useFormFocus } from '../../components/form-focus';
import { Message } from '../../components/Message';
import { words } from '../../../../src/shared/words/run';
import { ReportBug, type BugReportTarget } from '../bug/ReportBug';
import { ResultSummary } from '../details/ResultSummary';

export function SavedResult({
  canReport = true,
  onDone,
  ...report
}: BugReportTarget & {
  canReport?: boolean;
  onDone: () => void;
}) {
  const { ctx, testCase, cycle, execution } = report;
  const keys = useFormFocus<HTMLDivElement>(onDone);
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
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
      </div>
    </div>
  );
}

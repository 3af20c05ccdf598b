/** What was just saved, in words, with "Report bug" after a Fail and the way back. */
import { useEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import { useFormFocus } from '../../components/form-focus';
import { Message } from '../../components/Message';
import { STATUS_LABEL } from '../../labels';
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
          <p>
            Saved {STATUS_LABEL[execution.status]} for {testCase.id} in {cycle.name}.
          </p>
        </Message>
      </div>
      <ResultSummary ctx={ctx} result={execution} />
      <div className="form-actions">
        {canReport && execution.status === 'FAIL' && (
          <ReportBug {...report} />
        )}
        <Button appearance="subtle" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

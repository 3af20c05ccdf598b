/** What was just saved, in words, with "Report bug" after a Fail and the way back. */
import { useEffect, useRef } from 'react';
import type { Cycle, Execution, TestCaseDetail } from '../../../../src/shared/definitions';
import type { UiContext } from '../../context';
import { Button } from '../../components/Button';
import { useFormFocus } from '../../components/form-focus';
import { Message } from '../../components/Message';
import { STATUS_LABEL } from '../../labels';
import { ReportBug } from '../bug/ReportBug';
import { ResultSummary } from '../details/ResultSummary';

export function SavedResult({
  ctx,
  issueKey,
  testCase,
  cycle,
  execution,
  detail,
  canReport = true,
  onChanged,
  onDone,
}: {
  ctx: UiContext;
  issueKey: string | null;
  testCase: { id: string; title: string };
  cycle: Cycle;
  execution: Execution;
  detail: TestCaseDetail | null;
  canReport?: boolean;
  onChanged: (execution: Execution) => void;
  onDone: () => void;
}) {
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
          <ReportBug ctx={ctx} issueKey={issueKey} testCase={testCase} cycle={cycle} execution={execution} detail={detail} onChanged={onChanged} />
        )}
        <Button appearance="subtle" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

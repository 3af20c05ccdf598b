/**
 * What Jira's Create Issue dialog is prefilled with after a Fail: this issue's project, the summary
 * "[TC-2] Apply a percentage discount code fails", and a description with where it was found, the
 * steps with their expected and actual results, the comment and the cycle's environment.
 */
import type { Cycle, Execution, TestCaseDetail } from '../../../../src/shared/definitions';
import { STATUS_LABEL } from '../../labels';
import { doc, heading, orderedList, paragraph, strong, type AdfDoc } from './adf';

/** Jira's limit for a summary. */
const SUMMARY_MAX = 255;

export function bugSummary(testCaseId: string, title: string): string {
  const prefix = `[${testCaseId}] `;
  const suffix = ' fails';
  const room = SUMMARY_MAX - prefix.length - suffix.length;
  const cut = title.length > room ? `${title.slice(0, room - 1).replace(/\s+\S*$/, '')}…` : title;
  return `${prefix}${cut}${suffix}`;
}

export function bugDescription({
  issueKey,
  testCase,
  detail,
  execution,
  cycle,
}: {
  issueKey: string | null;
  testCase: { id: string; title: string };
  detail: TestCaseDetail | null;
  execution: Execution;
  cycle: Cycle;
}): AdfDoc {
  const byOrder = new Map(execution.stepResults.map((s) => [s.order, s]));
  const steps = detail ? [...detail.steps].sort((a, b) => a.order - b.order) : [];
  return doc([
    paragraph(
      'Found while running the TestKase test case ',
      strong(`${testCase.id} ${testCase.title}`),
      issueKey ? ` for ${issueKey}` : '',
      ` in the test cycle ${cycle.name} (${cycle.id}). Result: ${STATUS_LABEL[execution.status]}.`,
    ),
    paragraph(strong('Environment: '), cycle.environment ?? 'not given in the cycle'),
    ...(detail?.preconditions ? [heading('Preconditions'), paragraph(detail.preconditions)] : []),
    ...(steps.length
      ? [
          heading('Steps to reproduce'),
          orderedList(
            steps.map((s) => {
              const r = byOrder.get(s.order);
              return [
                paragraph(s.action),
                paragraph(strong('Expected: '), s.expectedResult),
                paragraph(strong('Actual: '), r ? `${STATUS_LABEL[r.status]}${r.actualResult ? `: ${r.actualResult}` : ''}` : 'not executed'),
              ];
            }),
          ),
        ]
      : []),
    ...(execution.comment ? [heading('Tester’s comment'), paragraph(execution.comment)] : []),
    paragraph(`TestKase result ${execution.id}${execution.executedBy ? `, recorded by ${execution.executedBy.name}` : ''}${execution.executedAt ? ` at ${execution.executedAt} (UTC)` : ''}.`),
  ]);
}

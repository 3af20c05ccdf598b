/**
 * What Jira's Create Issue dialog is prefilled with after a Fail: this issue's project, the summary
 * "[TC-2] Apply a percentage discount code fails", and a description with where it was found, the
 * steps with their expected and actual results, the comment and the cycle's environment.
 */
import type { Cycle, Execution, TestCaseDetail } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { doc, heading, orderedList, paragraph, strong, type AdfDoc } from './adf';

/** Jira's limit for a summary. */
const SUMMARY_MAX = 255;

/** "[TC-2] Apply a percentage discount code fails", the title cut at a word so the summary fits Jira's limit. */
export function bugSummary(testCaseId: string, title: string): string {
  const room = SUMMARY_MAX - words.bug.summary({ id: testCaseId, title: '' }).length;
  const cut = title.length > room ? `${title.slice(0, room - 1).replace(/\s+\S*$/, '')}…` : title;
  return words.bug.summary({ id: testCaseId, title: cut });
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
  const said = words.bug;
  return doc([
    paragraph(
      ...said.foundWhile({
        testCase: strong(`${testCase.id} ${testCase.title}`),
        issueKey,
        cycle: cycle.name,
        cycleId: cycle.id,
        result: words.status[execution.status],
      }),
    ),
    paragraph(strong(said.environment), cycle.environment ?? said.noEnvironment),
    ...(detail?.preconditions ? [heading(said.preconditions), paragraph(detail.preconditions)] : []),
    ...(steps.length
      ? [
          heading(said.steps),
          orderedList(
            steps.map((s) => {
              const r = byOrder.get(s.order);
              return [
                paragraph(s.action),
                paragraph(strong(said.expected), s.expectedResult),
                paragraph(strong(said.actual), r ? said.actualResult({ status: words.status[r.status], text: r.actualResult }) : said.notExecuted),
              ];
            }),
          ),
        ]
      : []),
    ...(execution.comment ? [heading(said.comment), paragraph(execution.comment)] : []),
    paragraph(said.footer({ id: execution.id, by: execution.executedBy?.name ?? null, at: execution.executedAt })),
  ]);
}

/**
 * Whether a TestKase filters a cycle's executions by Jira issue key (assumption A40), remembered per
 * base URL for the life of the function instance: a TestKase that answered without the filter once is
 * asked the old way (A11 with `testCaseIds`) from then on, without a wasted request; the change is
 * logged once.
 */
import { log } from '../log';

const known = new Map<string, boolean>();

/** False once this TestKase has shown it ignores `jiraIssueKey` on executions. */
export const mayFilterByIssue = (baseUrl: string): boolean => known.get(baseUrl) !== false;

export function filterByIssueAnswered(baseUrl: string, supported: boolean): void {
  if (known.get(baseUrl) === supported) return;
  known.set(baseUrl, supported);
  log.info(
    supported
      ? `TestKase at ${baseUrl} filters a cycle's executions by Jira issue key (A40)`
      : `TestKase at ${baseUrl} does not filter a cycle's executions by Jira issue key (A40): asking by test case ids instead`,
  );
}

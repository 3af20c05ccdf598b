/** The issue the settings page was opened from (the panel adds `?returnTo=DEMO-1`), for "Back to DEMO-1". */
import { JIRA_ISSUE_KEY } from '../../../src/shared/facts';
import { RETURN_TO } from '../context';

/** The issue key in a settings-page location's query, when it is one (anything else is ignored). */
export function returnToIssue(search: string): string | null {
  const key = new URLSearchParams(search).get(RETURN_TO);
  return key && JIRA_ISSUE_KEY.test(key) ? key : null;
}

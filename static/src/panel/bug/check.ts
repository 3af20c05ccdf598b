/**
 * Bug keys checked with Jira before they are recorded on a result (getJiraIssues: as the signed-in
 * user, so an issue they may not browse is "not found" as Jira says it). A key Jira has no issue for
 * is refused; one that is not a bug of this issue's project (OTHER-1, a story) is flagged with what
 * it is, and the tester may record it anyway; if Jira cannot say, that is flagged the same way.
 */
import type { JiraIssueInfo } from '../../../../src/shared/definitions';
import { words } from '../../../../src/shared/words/run';
import { api } from '../../api';

export type KeyCheck =
  /** Every key is an issue; `doubts` says, one sentence each, what is not a bug of this project (empty: all are). */
  | { ok: true; found: JiraIssueInfo[]; doubts: string[] }
  /** Some keys are not issues the tester can see: nothing may be recorded until they are changed. */
  | { ok: false; error: string };

/** What Jira says each key is (the keys already well-formed, at most a result's bugs). */
export async function checkBugKeys(keys: readonly string[]): Promise<KeyCheck> {
  const r = await api.getJiraIssues({ refs: [...keys] });
  if (!r.ok) return { ok: true, found: [], doubts: [words.bug.checkFailed({ why: r.error.message })] };
  const missing = r.data.items.filter((i) => !i.issue).map((i) => i.ref);
  if (missing.length) return { ok: false, error: words.bug.notInJira({ keys: missing }) };
  const found = r.data.items.flatMap((i) => (i.issue ? [i.issue] : []));
  return { ok: true, found, doubts: found.flatMap((i) => (i.isBug && i.inThisProject ? [] : [whatItIs(i)])) };
}

/** "OTHER-1 is a Story in Other project (OTHER), not a bug." */
export function whatItIs(issue: JiraIssueInfo): string {
  return words.bug.whatItIs({
    key: issue.key,
    type: issue.type,
    project: words.bug.project(issue.project),
    isBug: issue.isBug,
    inThisProject: issue.inThisProject,
  });
}

/** The keys Jira gave for the ids Jira's Create Issue dialog answered; null when it could not say them all. */
export async function keysOfCreated(ids: readonly string[]): Promise<string[] | null> {
  const r = await api.getJiraIssues({ refs: [...ids] });
  if (!r.ok) return null;
  const keys = r.data.items.flatMap((i) => (i.issue ? [i.issue.key] : []));
  return keys.length === ids.length ? keys : null;
}

/**
 * The local site's issues: the fixtures, plus those people create in the local Create Issue dialog
 * (Jira's own dialog, which apps open with @forge/jira-bridge's CreateIssueModal). Kept in memory for
 * the life of the host, like any other local state that a restart resets.
 */
import { ISSUE_TYPES, ISSUES, PROJECTS, findIssue, type JiraIssue, type JiraUser } from './fixtures';

export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: string;
}

/** Jira's summary limit; the dialog refuses longer ones as Jira does. */
const SUMMARY_MAX = 255;
const DESCRIPTION_MAX = 32_767;

export class LocalIssues {
  private readonly created: JiraIssue[] = [];

  find(key: string): JiraIssue | undefined {
    const k = key.toUpperCase();
    return findIssue(k) ?? this.created.find((i) => i.key === k);
  }

  /** Creates the issue as `reporter`; a plain sentence saying what is wrong otherwise. */
  create(input: NewIssue, reporter: JiraUser): JiraIssue | string {
    const project = PROJECTS.find((p) => p.id === input.projectId);
    if (!project) return 'Choose a project.';
    const type = ISSUE_TYPES.find((t) => t.id === input.issueTypeId);
    if (!type) return 'Choose an issue type.';
    const summary = input.summary.trim();
    if (!summary) return 'Summary is required.';
    if (summary.length > SUMMARY_MAX) return `Summary must be ${SUMMARY_MAX} characters or fewer.`;
    if (input.description.length > DESCRIPTION_MAX) return `Description must be ${DESCRIPTION_MAX} characters or fewer.`;
    const all = [...ISSUES, ...this.created];
    const next = Math.max(0, ...all.filter((i) => i.project.id === project.id).map((i) => Number(i.key.split('-')[1]))) + 1;
    const id = String(Math.max(...all.map((i) => Number(i.id))) + 1);
    const issue: JiraIssue = {
      id,
      key: `${project.key}-${next}`,
      type: type.name,
      typeId: type.id,
      status: 'To Do',
      summary,
      description: input.description.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean),
      project,
      reporter: reporter.accountId,
    };
    this.created.push(issue);
    return issue;
  }
}

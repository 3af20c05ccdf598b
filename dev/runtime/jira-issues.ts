/**
 * The local site's issues: the fixtures, plus those people create in the local Create Issue dialog
 * (Jira's own dialog, which apps open with @forge/jira-bridge's CreateIssueModal). Kept in memory for
 * the life of the host, like any other local state that a restart resets. The one store both the
 * host's dialogs and the local Jira REST API (jira-api.ts) read, so an issue created in the dialog is
 * found by its id through the REST API, as in Jira.
 *
 * Who may see an issue: everyone may browse DEMO and OTHER; the Security project (SEC) only its Jira
 * admin (diana), so "an issue you cannot see" exists locally too: Jira answers it as it answers an
 * issue that does not exist (404).
 */
import { ISSUE_TYPES, ISSUES, PROJECTS, findIssue, type JiraIssue, type JiraProject, type JiraUser } from './fixtures';

export interface NewIssue {
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: string;
}

/** Jira's summary limit; the dialog refuses longer ones as Jira does. */
const SUMMARY_MAX = 255;
const DESCRIPTION_MAX = 32_767;

/** A project only some people may browse (Jira's Browse Projects permission), by account id. */
interface RestrictedProject extends JiraProject {
  browsers: readonly string[];
}

const SECURITY: RestrictedProject = { id: '10200', key: 'SEC', name: 'Security', type: 'software', browsers: ['local-diana'] };

/** Issues of restricted projects: not on the start page, not in the Create Issue dialog's projects. */
const RESTRICTED_ISSUES: readonly JiraIssue[] = [
  {
    id: '10201',
    key: 'SEC-1',
    type: 'Bug',
    typeId: '10001',
    status: 'In Progress',
    summary: 'Rotate the payment gateway keys',
    description: ['Only the Security project’s members may see this issue.'],
    project: SECURITY,
  },
];

export class LocalIssues {
  private readonly created: JiraIssue[] = [];

  /** The issue with this key (any case), for `viewer` when named: undefined when they may not see it. */
  find(key: string, viewer?: JiraUser | null): JiraIssue | undefined {
    const k = key.toUpperCase();
    const issue = findIssue(k) ?? this.created.find((i) => i.key === k) ?? RESTRICTED_ISSUES.find((i) => i.key === k);
    return issue && this.mayBrowse(issue, viewer) ? issue : undefined;
  }

  /** The issue with this id, for `viewer` (as find). */
  findById(id: string, viewer?: JiraUser | null): JiraIssue | undefined {
    const issue = [...ISSUES, ...this.created, ...RESTRICTED_ISSUES].find((i) => i.id === id);
    return issue && this.mayBrowse(issue, viewer) ? issue : undefined;
  }

  /** An id or a key, as Jira's `/issue/{issueIdOrKey}` takes it. */
  findByIdOrKey(idOrKey: string, viewer?: JiraUser | null): JiraIssue | undefined {
    return /^\d+$/.test(idOrKey) ? this.findById(idOrKey, viewer) : this.find(idOrKey, viewer);
  }

  /** Without a viewer (the host's own pages of the fixtures), every issue; with one, Browse Projects decides. */
  private mayBrowse(issue: JiraIssue, viewer: JiraUser | null | undefined): boolean {
    if (viewer === undefined) return true;
    const restricted = issue.project as Partial<RestrictedProject>;
    return !restricted.browsers || (viewer !== null && restricted.browsers.includes(viewer.accountId));
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
    const all = [...ISSUES, ...this.created, ...RESTRICTED_ISSUES];
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

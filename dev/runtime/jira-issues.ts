/**
 * The local site's issues: the fixtures (with the release world of jira-scope-fixtures.ts), plus those
 * people create in the local Create Issue dialog (Jira's own dialog, which apps open with
 * @forge/jira-bridge's CreateIssueModal) and those a scope is grown with (`grow`, for the bench). Kept in
 * memory for the life of the host, like any other local state that a restart resets. One instance
 * serves the host's pages and dialogs and the site's REST API (jira-api.ts), so what a search finds is
 * what /browse shows, and an issue created in the dialog is found by its id through the REST API, as in Jira.
 *
 * Who may see an issue: everyone may browse DEMO and OTHER; the Security project (SEC) only its Jira
 * admin (diana), so "an issue you cannot see" exists locally too: Jira answers it as it answers an
 * issue that does not exist (404). Its issues are in no search (stricter than Jira, never kinder).
 */
import { ISSUE_TYPES, ISSUES, PROJECTS, type JiraIssue, type JiraProject, type JiraUser } from './fixtures';
import { BASE_PLACEMENT, SCOPE_ISSUES, VERSIONS, type JiraVersion } from './jira-scope-fixtures';

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
  private readonly byKey = new Map<string, JiraIssue>();
  private readonly versions: JiraVersion[] = [...VERSIONS];

  constructor() {
    for (const issue of [...ISSUES.map((i) => ({ ...i, ...BASE_PLACEMENT[i.key] })), ...SCOPE_ISSUES]) this.byKey.set(issue.key, issue);
  }

  /** The issue with this key (any case), for `viewer` when named: undefined when they may not see it. */
  find(key: string, viewer?: JiraUser | null): JiraIssue | undefined {
    const k = key.toUpperCase();
    const issue = this.byKey.get(k) ?? RESTRICTED_ISSUES.find((i) => i.key === k);
    return issue && this.mayBrowse(issue, viewer) ? issue : undefined;
  }

  /** The issue with this id, for `viewer` (as find). */
  findById(id: string, viewer?: JiraUser | null): JiraIssue | undefined {
    const issue = [...this.byKey.values(), ...RESTRICTED_ISSUES].find((i) => i.id === id);
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

  /** Every issue of the site, in creation order. */
  all(): readonly JiraIssue[] {
    return [...this.byKey.values()];
  }

  /** Every version of the site. */
  allVersions(): readonly JiraVersion[] {
    return this.versions;
  }

  /** The versions of a project (by id or key). */
  versionsOf(projectIdOrKey: string): JiraVersion[] {
    const project = PROJECTS.find((p) => p.id === projectIdOrKey || p.key === projectIdOrKey);
    return project ? this.versions.filter((v) => v.projectId === project.id) : [];
  }

  /**
   * Grows the site for the bench: a new unreleased version of `projectKey` holding `count` new
   * Stories and Tasks (statuses in turn), and `bugs` new Bugs (every other one Done). Answers the
   * version and the keys, for the simulator to link tests to (dev/testkase-sim/coverage-seed.ts).
   */
  grow(input: { projectKey: string; versionName: string; count: number; bugs: number }): { version: JiraVersion; issueKeys: string[]; bugKeys: string[] } {
    const project = PROJECTS.find((p) => p.key === input.projectKey);
    if (!project) throw new Error(`The local Jira site has no project ${input.projectKey}.`);
    const version: JiraVersion = { id: String(Math.max(...this.versions.map((v) => Number(v.id))) + 1), name: input.versionName, projectId: project.id, released: false, archived: false, description: `Grown for the bench: ${input.count} issues.` };
    this.versions.push(version);
    const statuses = ['To Do', 'In Progress', 'In Review', 'Done'];
    const first = this.nextIds(project.id, project.key);
    let n = 0;
    const add = (fields: Omit<JiraIssue, 'id' | 'key' | 'project'>) => {
      const issue: JiraIssue = { ...fields, id: String(Number(first.id) + n), key: `${project.key}-${Number(first.key.split('-')[1]) + n}`, project };
      n += 1;
      this.byKey.set(issue.key, issue);
      return issue.key;
    };
    const issueKeys = Array.from({ length: input.count }, (_, i) =>
      add({ type: i % 4 === 3 ? 'Task' : 'Story', typeId: i % 4 === 3 ? '10003' : '10002', status: statuses[i % statuses.length]!, summary: `${input.versionName}: generated story ${i + 1}`, description: ['Generated for the bench.'], fixVersions: [version.id] }),
    );
    const bugKeys = Array.from({ length: input.bugs }, (_, i) =>
      add({ type: 'Bug', typeId: '10001', status: i % 2 === 0 ? 'To Do' : 'Done', summary: `${input.versionName}: generated bug ${i + 1}`, description: ['Generated for the bench.'] }),
    );
    return { version, issueKeys, bugKeys };
  }

  /** The next key of a project and the next issue id of the site, as Jira numbers them (after the highest so far). */
  private nextIds(projectId: string, projectKey: string): { id: string; key: string } {
    let lastNumber = 0;
    let lastId = 0;
    // Ids are unique across the site, the restricted project's issues too.
    for (const i of [...this.byKey.values(), ...RESTRICTED_ISSUES]) {
      lastId = Math.max(lastId, Number(i.id));
      if (i.project.id === projectId) lastNumber = Math.max(lastNumber, Number(i.key.split('-')[1]));
    }
    return { id: String(lastId + 1), key: `${projectKey}-${lastNumber + 1}` };
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
    const issue: JiraIssue = {
      ...this.nextIds(project.id, project.key),
      type: type.name,
      typeId: type.id,
      status: 'To Do',
      summary,
      description: input.description.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean),
      project,
      reporter: reporter.accountId,
    };
    this.byKey.set(issue.key, issue);
    return issue;
  }
}

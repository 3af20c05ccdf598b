/**
 * GET /rest/api/3/issue/{issueIdOrKey} on the local site, as Jira's published spec answers it (the
 * `IssueBean` of developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json, operation getIssue):
 * - the issue by id or key (a key in any case, as Jira's case-insensitive lookup finds it), with the
 *   `fields` asked for (`summary,status,issuetype,project`…; `*all`, `*navigable` or none: every field
 *   the local site has), unknown field names ignored;
 * - 404 "Issue does not exist or you do not have permission to see it." both for no such issue and for
 *   one the caller may not browse (the Security project, for anyone but its members), as Jira does;
 * - the scopes: checked by jira-api.ts from the spec, like every route.
 */
import type { JiraIssue, JiraUser } from './fixtures';
import type { Answer, Handler } from './jira-api';
import type { LocalIssues } from './jira-issues';

/** Jira's status categories (GET /rest/api/3/statuscategory): the colour of a status lozenge. */
const CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

/** The local workflow's statuses, with the ids and categories of Jira's default workflow. */
const STATUSES: Record<string, { id: string; category: keyof typeof CATEGORIES }> = {
  'To Do': { id: '10000', category: 'new' },
  'In Progress': { id: '3', category: 'indeterminate' },
  Done: { id: '10001', category: 'done' },
};

const ALL_FIELDS = ['summary', 'status', 'issuetype', 'project', 'reporter', 'description'] as const;
type FieldName = (typeof ALL_FIELDS)[number];

/** The `fields` parameter (repeatable and comma-separated), as Jira reads it. */
function fieldsAsked(query: URLSearchParams): Set<FieldName> {
  const asked = query.getAll('fields').flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  const all = asked.length === 0 || asked.includes('*all') || asked.includes('*navigable');
  const excluded = new Set(asked.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  return new Set(ALL_FIELDS.filter((f) => (all || asked.includes(f)) && !excluded.has(f)));
}

const error = (status: number, message: string): Answer => ({ status, body: { errorMessages: [message], errors: {} } });

export function issueRoutes({ issues, origin, userJson, userOf }: { issues: LocalIssues; origin: () => string; userJson: (u: JiraUser) => unknown; userOf: (accountId: string) => JiraUser | undefined }): Array<{ template: string; handler: Handler }> {
  const issueJson = (issue: JiraIssue, fields: Set<FieldName>) => {
    const status = STATUSES[issue.status] ?? { id: '1', category: 'new' as const };
    const category = CATEGORIES[status.category];
    const reporter = issue.reporter ? userOf(issue.reporter) : undefined;
    const values: Record<FieldName, unknown> = {
      summary: issue.summary,
      status: {
        self: `${origin()}/rest/api/3/status/${status.id}`,
        description: '',
        iconUrl: `${origin()}/__host/favicon.svg`,
        name: issue.status,
        id: status.id,
        statusCategory: { self: `${origin()}/rest/api/3/statuscategory/${category.id}`, ...category },
      },
      issuetype: { self: `${origin()}/rest/api/3/issuetype/${issue.typeId}`, id: issue.typeId, description: '', iconUrl: `${origin()}/__host/favicon.svg`, name: issue.type, subtask: false, hierarchyLevel: 0 },
      project: { self: `${origin()}/rest/api/3/project/${issue.project.id}`, id: issue.project.id, key: issue.project.key, name: issue.project.name, projectTypeKey: issue.project.type, simplified: false },
      reporter: reporter ? userJson(reporter) : null,
      // Jira answers descriptions in the Atlassian Document Format.
      description: issue.description.length
        ? { version: 1, type: 'doc', content: issue.description.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
        : null,
    };
    return {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: `${origin()}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      fields: Object.fromEntries([...fields].map((f) => [f, values[f]])),
    };
  };

  return [
    {
      template: '/rest/api/3/issue/{issueIdOrKey}',
      handler: ({ caller, params, query }) => {
        const issue = issues.findByIdOrKey(params.issueIdOrKey ?? '', caller);
        return issue ? { status: 200, body: issueJson(issue, fieldsAsked(query)) } : error(404, 'Issue does not exist or you do not have permission to see it.');
      },
    },
  ];
}

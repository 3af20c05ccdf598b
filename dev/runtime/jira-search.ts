/**
 * The local site's issue search and what the coverage scopes need, answered as Jira Cloud answers them
 * (shapes and limits from Jira's published REST specs; dev/forge/api-specs has the scopes):
 *
 * - POST /rest/api/3/search/jql — the enhanced search: JQL in the body (the subset of jql.ts), `fields`,
 *   `maxResults` (default 50; at most 100 issues a page when fields other than id/key are asked for,
 *   5,000 otherwise), paging by an opaque `nextPageToken` tied to its query; no `total`. An unbounded or
 *   unknown query, a value that does not exist, or a token from another query answers 400 with Jira's
 *   `{ errorMessages, errors }`.
 * - POST /rest/api/3/search/approximate-count — `{ count }` for a bounded query.
 * - POST /rest/api/3/issue/bulkfetch — up to 100 ids or keys; the ones that do not exist come back in
 *   `issueErrors`, the others in `issues` in ascending id order.
 * - GET /rest/api/3/project/{projectIdOrKey}/versions — every version, not paged.
 * - GET /rest/agile/1.0/board?projectKeyOrId=&type= and /board/{boardId}/sprint (Jira Software): paged
 *   with startAt/maxResults (at most 50), `isLast`; a Kanban board's sprints answer 400.
 *
 * Every call is made as the signed-in user; locally every user may browse both projects.
 */
import { createHash } from 'node:crypto';
import type { JiraIssue, JiraUser } from './fixtures';
import { BOARDS, EPIC_TYPE, SPRINTS, STATUS_CATEGORIES, STATUSES, type JiraVersion } from './jira-scope-fixtures';
import type { LocalIssues } from './jira-issues';
import { compareKeys, JqlError, matches, parseJql, type JqlQuery, type MatchContext } from './jql';

export type Answer = { status: number; body: unknown };
export interface JiraCall {
  caller: JiraUser | null;
  query: URLSearchParams;
  params: Record<string, string>;
  /** The JSON body of a POST (undefined when there is none). */
  body: unknown;
}

const error = (status: number, message: string): Answer => ({ status, body: { errorMessages: [message], errors: {} } });
const unauthenticated = () => error(401, 'You are not authenticated. Authentication required to perform this operation.');

/** Jira: "The greatest number of items returned per page is achieved when requesting id or key only. It returns max 5000 issues." */
const PAGE_MAX_IDS = 5_000;
/** With other fields Jira "may return fewer items per page": the local site returns at most this many. */
const PAGE_MAX_FIELDS = 100;
const BULK_MAX = 100;
const AGILE_PAGE_MAX = 50;

export function jiraSearchRoutes(issues: LocalIssues, origin: () => string): Array<{ method: 'GET' | 'POST'; template: string; handler: (call: JiraCall) => Answer }> {
  const versionById = (id: string) => allVersions(issues).find((v) => v.id === id);
  const ctx: MatchContext = {
    versionName: (id) => versionById(id)?.name,
    sprintName: (id) => SPRINTS.find((s) => s.id === id)?.name,
    issueId: (key) => issues.find(key)?.id,
  };

  function search(jql: unknown): { query: JqlQuery; found: JiraIssue[] } | Answer {
    if (typeof jql !== 'string' || jql.trim() === '') return error(400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    let query: JqlQuery;
    try {
      query = parseJql(jql);
    } catch (e) {
      if (e instanceof JqlError) return error(400, e.message);
      throw e;
    }
    const missing = missingValue(query, issues);
    if (missing) return error(400, missing);
    const found = issues.all().filter((i) => matches(query, i, ctx));
    found.sort(compareKeys);
    if (query.order[0]?.descending) found.reverse();
    return { query, found };
  }

  const issueJson = (issue: JiraIssue, fields: readonly string[]) => bean(issue, fields, origin(), versionById);

  return [
    {
      method: 'POST',
      template: '/rest/api/3/search/jql',
      handler: ({ caller, body }) => {
        if (!caller) return unauthenticated();
        const b = (body ?? {}) as { jql?: unknown; nextPageToken?: unknown; maxResults?: unknown; fields?: unknown };
        const result = search(b.jql);
        if ('status' in result) return result;
        const fields = Array.isArray(b.fields) ? b.fields.filter((f): f is string => typeof f === 'string') : ['id'];
        if (b.maxResults !== undefined && (typeof b.maxResults !== 'number' || !Number.isInteger(b.maxResults) || b.maxResults < 0)) return error(400, "The value of 'maxResults' must be a whole number.");
        const idsOnly = fields.every((f) => f === 'id' || f === 'key');
        const size = Math.min(typeof b.maxResults === 'number' ? b.maxResults : 50, idsOnly ? PAGE_MAX_IDS : PAGE_MAX_FIELDS);
        const queryId = hash(`${String(b.jql)}\n${fields.join(',')}`);
        let offset = 0;
        if (b.nextPageToken !== undefined && b.nextPageToken !== null) {
          const token = readToken(b.nextPageToken);
          if (!token || token.q !== queryId) return error(400, 'The provided next page token is invalid or expired.');
          offset = token.o;
        }
        const page = result.found.slice(offset, offset + size);
        const end = offset + page.length;
        const isLast = end >= result.found.length;
        return {
          status: 200,
          body: { issues: page.map((i) => issueJson(i, fields)), isLast, ...(isLast ? {} : { nextPageToken: writeToken({ q: queryId, o: end }) }) },
        };
      },
    },
    {
      method: 'POST',
      template: '/rest/api/3/search/approximate-count',
      handler: ({ caller, body }) => {
        if (!caller) return unauthenticated();
        const result = search((body as { jql?: unknown } | undefined)?.jql);
        return 'status' in result ? result : { status: 200, body: { count: result.found.length } };
      },
    },
    {
      method: 'POST',
      template: '/rest/api/3/issue/bulkfetch',
      handler: ({ caller, body }) => {
        if (!caller) return unauthenticated();
        const b = (body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown };
        if (!Array.isArray(b.issueIdsOrKeys) || b.issueIdsOrKeys.length === 0) return error(400, 'issueIdsOrKeys must contain at least one issue id or key.');
        if (b.issueIdsOrKeys.length > BULK_MAX) return error(400, `You can request at most ${BULK_MAX} issues.`);
        const fields = Array.isArray(b.fields) ? b.fields.filter((f): f is string => typeof f === 'string') : ['*navigable'];
        const found = new Map<string, JiraIssue>();
        const issueErrors: Array<{ id: string; errorMessage: string }> = [];
        for (const ref of b.issueIdsOrKeys) {
          const text = typeof ref === 'string' ? ref : String(ref);
          const issue = issues.find(text) ?? issues.all().find((i) => i.id === text);
          if (issue) found.set(issue.id, issue);
          else issueErrors.push({ id: text, errorMessage: 'Issue does not exist or you do not have permission to see it.' });
        }
        const sorted = [...found.values()].sort((x, y) => Number(x.id) - Number(y.id));
        return { status: 200, body: { issues: sorted.map((i) => issueJson(i, fields)), issueErrors } };
      },
    },
    {
      method: 'GET',
      template: '/rest/api/3/project/{projectIdOrKey}/versions',
      handler: ({ caller, params }) => {
        if (!caller) return unauthenticated();
        const key = params.projectIdOrKey ?? '';
        if (!issues.all().some((i) => i.project.key === key || i.project.id === key)) return error(404, `No project could be found with key '${key}'.`);
        return { status: 200, body: issues.versionsOf(key).map((v) => versionJson(v, origin())) };
      },
    },
    {
      method: 'GET',
      template: '/rest/agile/1.0/board',
      handler: ({ caller, query }) => {
        if (!caller) return unauthenticated();
        const project = query.get('projectKeyOrId');
        const type = query.get('type');
        const boards = BOARDS.filter((b) => (!project || b.projectKey === project || issues.all().some((i) => i.project.id === project && i.project.key === b.projectKey)) && (!type || b.type === type));
        return agilePage(query, boards.map((b) => ({ id: b.id, self: `${origin()}/rest/agile/1.0/board/${b.id}`, name: b.name, type: b.type, location: { projectKey: b.projectKey, displayName: b.projectKey } })));
      },
    },
    {
      method: 'GET',
      template: '/rest/agile/1.0/board/{boardId}/sprint',
      handler: ({ caller, params, query }) => {
        if (!caller) return unauthenticated();
        const board = BOARDS.find((b) => String(b.id) === params.boardId);
        if (!board) return error(404, `Board with id ${params.boardId ?? ''} does not exist or you do not have permission to see it.`);
        if (board.type !== 'scrum') return error(400, 'The board does not support sprints');
        const states = (query.get('state') ?? '').split(',').filter(Boolean);
        const sprints = SPRINTS.filter((s) => s.boardId === board.id && (states.length === 0 || states.includes(s.state)));
        return agilePage(query, sprints.map(({ boardId, ...s }) => ({ ...s, self: `${origin()}/rest/agile/1.0/sprint/${s.id}`, originBoardId: boardId })));
      },
    },
  ];
}

const allVersions = (issues: LocalIssues) => issues.allVersions();

/** Jira checks that the values a query names exist: "The value 'X' does not exist for the field 'fixVersion'." */
function missingValue(query: JqlQuery, issues: LocalIssues): string | null {
  const all = issues.all();
  const projectKeys = new Set(all.map((i) => i.project.key.toLowerCase()));
  const projectIds = new Set(all.map((i) => i.project.id));
  for (const { field, values } of query.clauses) {
    for (const v of values) {
      const lower = v.toLowerCase();
      const exists =
        field === 'project' ? projectKeys.has(lower) || projectIds.has(v)
        : field === 'fixVersion' ? allVersions(issues).some((x) => x.id === v || x.name.toLowerCase() === lower)
        : field === 'sprint' ? SPRINTS.some((s) => String(s.id) === v || s.name.toLowerCase() === lower)
        : field === 'issuetype' ? ['bug', 'story', 'task', EPIC_TYPE.name.toLowerCase(), '10001', '10002', '10003', EPIC_TYPE.id].includes(lower)
        : Boolean(issues.find(v)) || (/^\d+$/.test(v) && all.some((i) => i.id === v));
      if (!exists) {
        return field === 'key' || field === 'parent' ? `An issue with key '${v}' does not exist for field '${field}'.` : `The value '${v}' does not exist for the field '${field}'.`;
      }
    }
  }
  return null;
}

/** An IssueBean with the asked fields (unknown field names are left out, as Jira does). */
function bean(issue: JiraIssue, fields: readonly string[], origin: string, versionById: (id: string) => JiraVersion | undefined): Record<string, unknown> {
  const all = fields.includes('*all') || fields.includes('*navigable');
  const want = (f: string) => all || fields.includes(f);
  if (!all && fields.every((f) => f === 'id')) return { id: issue.id };
  const status = STATUSES[issue.status] ?? STATUSES['To Do']!;
  const category = STATUS_CATEGORIES[status.category];
  const out: Record<string, unknown> = {};
  if (want('summary')) out.summary = issue.summary;
  if (want('issuetype')) out.issuetype = { self: `${origin}/rest/api/3/issuetype/${issue.typeId}`, id: issue.typeId, name: issue.type, subtask: false, hierarchyLevel: issue.typeId === EPIC_TYPE.id ? 1 : 0, iconUrl: `${origin}/__host/favicon.svg` };
  if (want('status')) out.status = { self: `${origin}/rest/api/3/status/${status.id}`, id: status.id, name: issue.status, statusCategory: { self: `${origin}/rest/api/3/statuscategory/${category.id}`, ...category } };
  if (want('project')) out.project = { self: `${origin}/rest/api/3/project/${issue.project.id}`, id: issue.project.id, key: issue.project.key, name: issue.project.name };
  if (want('fixVersions')) out.fixVersions = (issue.fixVersions ?? []).map(versionById).filter((v): v is JiraVersion => Boolean(v)).map((v) => versionJson(v, origin));
  if (want('parent') && issue.parent) out.parent = { key: issue.parent };
  return { expand: '', id: issue.id, self: `${origin}/rest/api/3/issue/${issue.id}`, key: issue.key, fields: out };
}

function versionJson(v: JiraVersion, origin: string) {
  return { self: `${origin}/rest/api/3/version/${v.id}`, id: v.id, name: v.name, description: v.description, archived: v.archived, released: v.released, ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}), projectId: Number(v.projectId) };
}

function agilePage(query: URLSearchParams, values: unknown[]): Answer {
  const startAt = Math.max(0, Number(query.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(Math.max(1, Number(query.get('maxResults') ?? AGILE_PAGE_MAX) || AGILE_PAGE_MAX), AGILE_PAGE_MAX);
  const page = values.slice(startAt, startAt + maxResults);
  return { status: 200, body: { maxResults, startAt, total: values.length, isLast: startAt + page.length >= values.length, values: page } };
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

function writeToken(token: { q: string; o: number }): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function readToken(value: unknown): { q: string; o: number } | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  try {
    const t = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { q?: unknown; o?: unknown };
    return typeof t.q === 'string' && typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 ? { q: t.q, o: t.o } : null;
  } catch {
    return null;
  }
}

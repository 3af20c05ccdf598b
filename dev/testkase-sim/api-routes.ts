/**
 * The TestKase API routes, named and shaped exactly as `src/testkase/contract.ts` describes them:
 * request bodies are parsed with the contract's own schemas, responses are built from its types.
 */
import { z } from 'zod';
import {
  AddToCycleBody,
  CreateCycleBody,
  CreateTestCaseBody,
  CycleId,
  JiraIssueKey,
  JiraProjectKey,
  LIMITS,
  LinkIssueBody,
  ProjectId,
  RecordExecutionBody,
  TestCaseId,
  endpoints,
  type EndpointName,
} from '../../src/testkase/contract';
import { parseOr400 } from './http-util';
import { SimError, type Store } from './store';
import type { SimToken, SimUser } from './state';

export interface ApiRequest {
  user: SimUser;
  token: SimToken;
  params: string[];
  query: Record<string, string>;
  body: unknown;
}

export interface ApiRoute {
  /** The contract endpoint this route serves; its method comes from the contract. */
  name: EndpointName;
  pattern: RegExp;
  /** Served only with these settings (the project list is served on one of its two documented paths). */
  servedWhen?: (settings: RouteSettings) => boolean;
  handle(store: Store, req: ApiRequest): { status: number; body: unknown };
}

/** The two documented paths of the project list: the simulator serves one, switchable at run time. */
export const ProjectListPath = z.enum([endpoints.userProjects.path(), endpoints.userProjects.alternativePath()]);
export type ProjectListPath = z.infer<typeof ProjectListPath>;

export interface RouteSettings {
  projectListPath: ProjectListPath;
}

const PageQuery = {
  page: z.coerce.number().int().positive().max(1_000_000).default(1),
  pageSize: z.coerce.number().int().positive().max(LIMITS.pageSizeMax).default(50),
};
const ProjectQuery = z.object({ projectId: ProjectId });
const TestCasesQuery = z.object({
  projectId: ProjectId,
  jiraIssueKey: JiraIssueKey.optional(),
  search: z.string().max(LIMITS.searchMax).optional(),
  ...PageQuery,
});
const CyclesQuery = z.object({ projectId: ProjectId, ...PageQuery });
const ExecutionsQuery = z.object({
  projectId: ProjectId,
  testCaseIds: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(TestCaseId).max(LIMITS.pageSizeMax * 20).optional()),
  ...PageQuery,
});

function paged<T>(items: T[], page: number, pageSize: number) {
  return { data: items.slice((page - 1) * pageSize, page * pageSize), pagination: { page, pageSize, total: items.length } };
}

const ok = (body: unknown, status = 200) => ({ status, body });

const routes: ApiRoute[] = [
  ...ProjectListPath.options.map(
    (path): ApiRoute => ({
      name: 'userProjects',
      pattern: new RegExp(`^${path.replace(/[/-]/g, '\\$&')}$`),
      servedWhen: (settings) => settings.projectListPath === path,
      handle: (store, { user }) => ok({ data: store.userProjects(user) }),
    }),
  ),
  {
    name: 'whoAmI',
    pattern: /^\/auth\/token-info$/,
    handle: (store, { user, token }) =>
      ok({ data: { user: store.publicUser(user.id), token: { name: token.name, preview: token.preview, createdAt: token.createdAt, expiresAt: token.expiresAt } } }),
  },
  {
    // Any member of the organisation may read mappings (assumption A2 in docs/testkase-api.md).
    name: 'jiraMappings',
    pattern: /^\/integrations\/jira\/mappings$/,
    handle: (store, { query }) => {
      const { jiraProjectKey } = parseOr400(z.object({ jiraProjectKey: JiraProjectKey.optional() }), query, 'query');
      return ok({ data: store.mappings(jiraProjectKey) });
    },
  },
  {
    name: 'testCases',
    pattern: /^\/test-cases$/,
    handle: (store, { user, query }) => {
      const q = parseOr400(TestCasesQuery, query, 'query');
      store.access(user, q.projectId, false);
      const found = store.findTestCases(q.projectId, { ...(q.jiraIssueKey ? { jiraIssueKey: q.jiraIssueKey } : {}), ...(q.search ? { search: q.search } : {}) });
      return ok(paged(found.map((t) => store.toTestCase(t)), q.page, q.pageSize));
    },
  },
  {
    name: 'createTestCase',
    pattern: /^\/test-cases$/,
    handle: (store, { user, body }) => {
      const input = parseOr400(CreateTestCaseBody, body, 'body');
      store.access(user, input.projectId, true);
      return ok({ data: store.toTestCase(store.createTestCase(input)) }, 201);
    },
  },
  {
    name: 'linkIssue',
    pattern: /^\/test-cases\/([^/]+)\/jira-links$/,
    handle: (store, { user, params, body }) => {
      const id = parseOr400(TestCaseId, params[0], 'test case id');
      const input = parseOr400(LinkIssueBody, body, 'body');
      store.access(user, input.projectId, true);
      return ok({ data: store.toTestCase(store.link(input.projectId, id, input.jiraIssueKey)) });
    },
  },
  {
    name: 'unlinkIssue',
    pattern: /^\/test-cases\/([^/]+)\/jira-links\/([^/]+)$/,
    handle: (store, { user, params, query }) => {
      const id = parseOr400(TestCaseId, params[0], 'test case id');
      const key = parseOr400(JiraIssueKey, params[1], 'Jira issue key');
      const { projectId } = parseOr400(ProjectQuery, query, 'query');
      store.access(user, projectId, true);
      return ok({ data: store.toTestCase(store.unlink(projectId, id, key)) });
    },
  },
  {
    name: 'testCycles',
    pattern: /^\/test-cycles$/,
    handle: (store, { user, query }) => {
      const q = parseOr400(CyclesQuery, query, 'query');
      store.access(user, q.projectId, false);
      return ok(paged(store.cycles(q.projectId).map((c) => store.toCycle(c)), q.page, q.pageSize));
    },
  },
  {
    name: 'createCycle',
    pattern: /^\/test-cycles$/,
    handle: (store, { user, body }) => {
      const input = parseOr400(CreateCycleBody, body, 'body');
      store.access(user, input.projectId, true);
      return ok({ data: store.toCycle(store.createCycle(input)) }, 201);
    },
  },
  {
    name: 'addToCycle',
    pattern: /^\/test-cycles\/([^/]+)\/test-cases$/,
    handle: (store, { user, params, body }) => {
      const cycleId = parseOr400(CycleId, params[0], 'cycle id');
      const input = parseOr400(AddToCycleBody, body, 'body');
      store.access(user, input.projectId, true);
      return ok({ data: store.addToCycle(input.projectId, cycleId, input.testCaseIds) });
    },
  },
  {
    name: 'cycleExecutions',
    pattern: /^\/test-cycles\/([^/]+)\/executions$/,
    handle: (store, { user, params, query }) => {
      const cycleId = parseOr400(CycleId, params[0], 'cycle id');
      const q = parseOr400(ExecutionsQuery, query, 'query');
      store.access(user, q.projectId, false);
      const only = q.testCaseIds ? new Set(q.testCaseIds) : null;
      const rows = store.rows(store.cycle(q.projectId, cycleId)).filter((r) => !only || only.has(r.testCaseId));
      return ok(paged(rows.map((r) => store.toExecution(r)), q.page, q.pageSize));
    },
  },
  {
    name: 'recordExecution',
    pattern: /^\/test-cycles\/([^/]+)\/executions$/,
    handle: (store, { user, params, body }) => {
      const cycleId = parseOr400(CycleId, params[0], 'cycle id');
      const input = parseOr400(RecordExecutionBody, body, 'body');
      store.access(user, input.projectId, true);
      return ok({ data: store.toExecution(store.record(input.projectId, cycleId, input, user.id)) }, 201);
    },
  },
];

export const apiRoutes = routes.map((r) => ({ ...r, method: endpoints[r.name].method }));

/** Finds the route for a path; distinguishes unknown paths (404) from wrong methods (405). */
export function matchRoute(method: string, path: string, settings: RouteSettings): { route: ApiRoute; params: string[] } | { allow: string[] } | null {
  const allow: string[] = [];
  for (const route of apiRoutes) {
    if (route.servedWhen && !route.servedWhen(settings)) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method === method) {
      let params: string[];
      try {
        params = m.slice(1).map((p) => decodeURIComponent(p));
      } catch {
        throw new SimError(400, 'BAD_REQUEST', 'The path is not valid URL encoding.');
      }
      return { route, params };
    }
    allow.push(route.method);
  }
  return allow.length > 0 ? { allow } : null;
}

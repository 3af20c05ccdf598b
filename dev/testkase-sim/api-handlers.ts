/**
 * What the simulator answers on each endpoint of `src/testkase/contract.ts`. A handler's params,
 * query and body are typed by its endpoint and decoded with the endpoint's own schemas; its answer
 * is typed by the endpoint's response schema.
 */
import { z } from 'zod';
import { endpoints, type EndpointName } from '../../src/testkase/contract';
import { pathsOf, type DecodedRequest, type Endpoint } from '../../src/testkase/endpoint';
import { parseOr400 } from './http-util';
import { coverageHandlers } from './coverage-handlers';
import type { Store } from './store';
import type { SimToken, SimUser } from './state';

interface ApiRequest<E extends Endpoint> extends DecodedRequest<E> {
  user: SimUser;
  token: SimToken;
}

interface ApiAnswer<E extends Endpoint> {
  status: 200 | 201;
  body: z.input<E['response']>;
}

/** The documented paths of the project list: the simulator serves one, switchable at run time. */
export const ProjectListPath = z.enum(pathsOf(endpoints.userProjects));
export type ProjectListPath = z.infer<typeof ProjectListPath>;

export interface RouteSettings {
  projectListPath: ProjectListPath;
}

export type Handlers = { [N in EndpointName]: (store: Store, req: ApiRequest<(typeof endpoints)[N]>) => ApiAnswer<(typeof endpoints)[N]> };

/** The page size TestKase answers with when none is asked for (an assumption of the simulator). */
const DEFAULT_PAGE_SIZE = 50;

function paged<T>(items: T[], q: { page?: number | undefined; pageSize?: number | undefined }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
  return { data: items.slice((page - 1) * pageSize, page * pageSize), pagination: { page, pageSize, total: items.length } };
}

const ok = <T>(body: T, status: 200 | 201 = 200) => ({ status, body });

export const handlers: Handlers = {
  userProjects: (store, { user }) => ok({ data: store.userProjects(user) }),
  whoAmI: (store, { user, token }) => {
    const { name, preview, createdAt, expiresAt } = token;
    return ok({ data: { user: store.publicUser(user.id)!, token: { name, preview, createdAt, expiresAt } } });
  },
  // Any member of the organisation may read mappings (assumption A2 in docs/testkase-api.md).
  jiraMappings: (store, { query }) => ok({ data: store.mappings(query.jiraProjectKey) }),
  testCases: (store, { user, query }) => {
    store.access(user, query.projectId, false);
    const found = store.findTestCases(query.projectId, { ...(query.jiraIssueKey ? { jiraIssueKey: query.jiraIssueKey } : {}), ...(query.search ? { search: query.search } : {}) });
    // Page first: each case's latest execution is a scan, and a page is what TestKase computes.
    const page = paged(found, query);
    return ok({ ...page, data: page.data.map((t) => store.toTestCase(t)) });
  },
  testCase: (store, { user, params, query }) => {
    store.access(user, query.projectId, false);
    return ok({ data: store.toTestCaseDetail(store.testCase(query.projectId, params.testCaseId)) });
  },
  testCaseExecutions: (store, { user, params, query }) => {
    store.access(user, query.projectId, false);
    return ok(paged(store.history(query.projectId, params.testCaseId), query));
  },
  createTestCase: (store, { user, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.toTestCase(store.createTestCase(body, user.id)) }, 201);
  },
  linkIssue: (store, { user, params, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.toTestCase(store.link(body.projectId, params.testCaseId, body.jiraIssueKey)) });
  },
  unlinkIssue: (store, { user, params, query }) => {
    store.access(user, query.projectId, true);
    return ok({ data: store.toTestCase(store.unlink(query.projectId, params.testCaseId, params.jiraIssueKey)) });
  },
  testCycles: (store, { user, query }) => {
    store.access(user, query.projectId, false);
    const found = store.cycles(query.projectId, { search: query.search, testCaseId: query.testCaseId, sort: query.sort });
    return ok(paged(found.map((c) => store.toCycle(c)), query));
  },
  createCycle: (store, { user, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.toCycle(store.createCycle(body)) }, 201);
  },
  addToCycle: (store, { user, params, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.addToCycle(body.projectId, params.cycleId, body.testCaseIds) });
  },
  cycleExecutions: (store, { user, params, query }) => {
    store.access(user, query.projectId, false);
    // An empty list filters nothing, as an absent one.
    const only = query.testCaseIds?.length ? new Set(query.testCaseIds) : null;
    const cycle = store.cycle(query.projectId, params.cycleId);
    // A40: filtered by the issue from the index, and said so; a TestKase without it ignores the parameter.
    const byIssue = query.jiraIssueKey && store.index.filtersByIssue ? query.jiraIssueKey : null;
    const page = store.rowsPage(cycle, byIssue, only, (members) => paged(members, query));
    return ok({ ...page, ...(byIssue ? { filter: { jiraIssueKey: byIssue } } : {}) });
  },
  recordExecution: (store, { user, params, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.record(body.projectId, params.cycleId, body, user.id) }, 201);
  },
  recordExecutions: (store, { user, params, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.recordMany(body.projectId, params.cycleId, body.results, user.id) });
  },
  cycleMembership: (store, { user, query }) => {
    store.access(user, query.projectId, false);
    return ok({ data: store.membership(query.projectId, query.testCaseIds) });
  },
  addDefect: (store, { user, params, body }) => {
    store.access(user, body.projectId, true);
    return ok({ data: store.addDefect(body.projectId, params.cycleId, params.executionId, body.jiraIssueKey) });
  },
  // A60: one result by id, as an indexed lookup (a read of one row, whatever the history's length).
  execution: (store, { user, params, query }) => {
    store.access(user, query.projectId, false);
    return ok({ data: store.execution(query.projectId, params.cycleId, params.executionId) });
  },
  ...coverageHandlers,
};

/** A request as it arrived, decoded with the endpoint's schemas: a 400 names the first wrong field (path, query, then body). */
export function decodeRequest<E extends Endpoint>(e: E, raw: { params: Record<string, string>; query: Record<string, string>; body: unknown }): DecodedRequest<E> {
  return {
    params: parseOr400<E['params']>(e.params, raw.params, 'path'),
    query: parseOr400<E['query']>(e.query, raw.query, 'query'),
    // A generic endpoint cannot narrow its own conditional body type; the schema decides the value.
    body: (e.body === undefined ? undefined : parseOr400(e.body, raw.body, 'body')) as DecodedRequest<E>['body'],
  };
}

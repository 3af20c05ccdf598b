/**
 * The TestKase API as typed methods. One client per resolver call: it carries that call's token
 * and time budget. All paths and schemas come from the contract module.
 */
import { fetch as forgeFetch } from '@forge/api';
import { z } from 'zod';
import {
  endpoints,
  LIMITS,
  type AddToCycleBody,
  type BulkRecordBody,
  type CyclesQuery,
  type CreateCycleBody,
  type CreateTestCaseBody,
  type Cycle,
  type Execution,
  type ExecutionRun,
  type RecordExecutionBody,
  type TestCase,
  type TestCasesQuery,
} from './contract';
import { requestBody, requestPath, type Endpoint, type EndpointInput } from './endpoint';
import { request, type FetchLike, type HttpOptions } from './http';
import { rememberSecret } from '../log';
import { callSignal } from './call-lifetime';
import { isTestKaseError, TestKaseError } from './errors';
import { projectListAnswered, projectListPaths } from './project-list-path';
import { chunk, mapLimited } from '../batches';
import { filterByIssueAnswered, mayFilterByIssue } from './executions-by-issue';

export interface ClientConfig {
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  /** Per attempt; default 8 s. */
  timeoutMs?: number;
  /** Total for everything this client does; default 18 s, well under Forge's 25 s. */
  budgetMs?: number;
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onAttempt?: HttpOptions['onAttempt'];
  /** Largest response body read, in bytes; default MAX_RESPONSE_BYTES (http.ts). */
  maxResponseBytes?: number;
}

/** Lists are paged through to the end, up to this many items, so counts and lists agree. */
const MAX_LIST_ITEMS = LIMITS.listMax;
/**
 * Test case ids per executions query: 100 ids make a URL of at most ~1.5 KB. The ids of 1,900 linked
 * cases in one query made an 18 KB URL, past what servers and proxies accept (Node's default header
 * limit is 16 KB).
 */
const MAX_IDS_PER_QUERY = 100;
/** Id chunks fetched at once: enough to overlap round trips without a burst against the rate limit. */
const CHUNK_CONCURRENCY = 4;

export class TestKaseClient {
  private readonly http: HttpOptions;

  constructor(config: ClientConfig) {
    rememberSecret(config.token); // whatever this call logs or returns from here on is scrubbed of it
    const now = config.now ?? Date.now;
    const signal = callSignal();
    this.http = {
      baseUrl: config.baseUrl,
      token: config.token,
      fetch: config.fetch ?? (forgeFetch as unknown as FetchLike),
      timeoutMs: config.timeoutMs ?? 8_000,
      deadline: now() + (config.budgetMs ?? 18_000),
      maxRetries: config.maxRetries ?? 2,
      now,
      ...(config.sleep ? { sleep: config.sleep } : {}),
      ...(config.onAttempt ? { onAttempt: config.onAttempt } : {}),
      ...(config.maxResponseBytes ? { maxResponseBytes: config.maxResponseBytes } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  async whoAmI() {
    return (await this.send(endpoints.whoAmI, {})).data;
  }

  /** The documented project list, on whichever of its two documented paths this TestKase serves. */
  async userProjects() {
    let notFound: unknown;
    for (const path of projectListPaths(this.http.baseUrl)) {
      try {
        const { data } = await this.send(endpoints.userProjects, {}, path);
        projectListAnswered(this.http.baseUrl, path);
        return data;
      } catch (e) {
        if (!isTestKaseError(e, 'NOT_FOUND')) throw e; // 401, 5xx…: the other path would not help
        notFound = e;
      }
    }
    throw notFound;
  }

  /** The mappings of one Jira project, or every mapping of the organisation (the coverage gadget's projects). */
  async jiraMappings(jiraProjectKey?: string) {
    return (await this.send(endpoints.jiraMappings, { query: jiraProjectKey ? { jiraProjectKey } : {} })).data;
  }

  /** One page of test cases (search, issue filter). */
  async testCasesPage(p: TestCasesQuery) {
    return this.send(endpoints.testCases, { query: p });
  }

  /** Every test case matching the filter (paged through), from the `from`-th on (0-based). */
  async allTestCases(p: { projectId: string; jiraIssueKey?: string }, from = 0): Promise<{ items: TestCase[]; total: number }> {
    return this.itemsFrom((page, pageSize) => this.testCasesPage({ ...p, page, pageSize }), from, MAX_LIST_ITEMS);
  }

  /** `count` test cases matching the query from the `from`-th on, asked for in pages of `count` (a search's page). */
  async testCasesFrom(p: Omit<TestCasesQuery, 'page' | 'pageSize'>, from: number, count: number): Promise<{ items: TestCase[]; total: number }> {
    return this.itemsFrom((page, pageSize) => this.testCasesPage({ ...p, page, pageSize }), from, count, count);
  }

  /** One test case with its preconditions and steps. */
  async testCase(testCaseId: string, projectId: string) {
    return (await this.send(endpoints.testCase, { params: { testCaseId }, query: { projectId } })).data;
  }

  /** One page of a test case's recorded results, newest first. */
  async testCaseHistory(testCaseId: string, projectId: string, page: number, pageSize: number) {
    return this.send(endpoints.testCaseExecutions, { params: { testCaseId }, query: { projectId, page, pageSize } });
  }

  /** `count` of a test case's recorded results from the `from`-th newest on, asked for in pages of `count`. */
  async historyFrom(testCaseId: string, projectId: string, from: number, count: number): Promise<{ items: ExecutionRun[]; total: number }> {
    return this.itemsFrom((page, pageSize) => this.testCaseHistory(testCaseId, projectId, page, pageSize), from, count, count);
  }

  async createTestCase(body: CreateTestCaseBody) {
    return (await this.send(endpoints.createTestCase, { body })).data;
  }

  async linkIssue(testCaseId: string, projectId: string, jiraIssueKey: string) {
    return (await this.send(endpoints.linkIssue, { params: { testCaseId }, body: { projectId, jiraIssueKey } })).data;
  }

  async unlinkIssue(testCaseId: string, projectId: string, jiraIssueKey: string) {
    return (await this.send(endpoints.unlinkIssue, { params: { testCaseId, jiraIssueKey }, query: { projectId } })).data;
  }

  /** The project's cycles matching the filter (paged through), from the `from`-th on (0-based). */
  async allCycles(projectId: string, filter: Pick<CyclesQuery, 'search' | 'testCaseId' | 'sort'> = {}, from = 0): Promise<{ items: Cycle[]; total: number }> {
    return this.itemsFrom((page, pageSize) => this.send(endpoints.testCycles, { query: { projectId, ...filter, page, pageSize } }), from, MAX_LIST_ITEMS);
  }

  async createCycle(body: CreateCycleBody) {
    return (await this.send(endpoints.createCycle, { body })).data;
  }

  async addToCycle(cycleId: string, body: AddToCycleBody) {
    return (await this.send(endpoints.addToCycle, { params: { cycleId }, body })).data;
  }

  /** Every execution of the cycle, or of the given test cases only (queried in chunks of MAX_IDS_PER_QUERY ids). */
  async allCycleExecutions(p: { cycleId: string; projectId: string; testCaseIds?: string[] }): Promise<{ items: Execution[]; total: number }> {
    const query = (testCaseIds?: string[]) =>
      this.itemsFrom((page, pageSize) =>
        this.send(endpoints.cycleExecutions, { params: { cycleId: p.cycleId }, query: { projectId: p.projectId, testCaseIds, page, pageSize } }),
      0, MAX_LIST_ITEMS);
    if (!p.testCaseIds || p.testCaseIds.length === 0) return query();
    const chunks = chunk([...new Set(p.testCaseIds)], MAX_IDS_PER_QUERY);
    const parts = await mapLimited(chunks, CHUNK_CONCURRENCY, query);
    return { items: parts.flatMap((part) => part.items).slice(0, MAX_LIST_ITEMS), total: parts.reduce((sum, part) => sum + part.total, 0) };
  }

  /**
   * The cycle's executions of the test cases linked to a Jira issue, filtered by TestKase (A40): one
   * paged query (at most MAX_LIST_ITEMS rows). Null when this TestKase does not filter by issue (its
   * answer has no `filter`; remembered per base URL): the caller asks by test case ids instead
   * (allCycleExecutions).
   */
  async cycleExecutionsForIssue(p: { cycleId: string; projectId: string; jiraIssueKey: string }): Promise<{ items: Execution[]; total: number } | null> {
    const { baseUrl } = this.http;
    if (!mayFilterByIssue(baseUrl)) return null;
    const fetchPage = (page: number, pageSize: number) =>
      this.send(endpoints.cycleExecutions, { params: { cycleId: p.cycleId }, query: { projectId: p.projectId, jiraIssueKey: p.jiraIssueKey, page, pageSize } });
    const first = await fetchPage(1, LIMITS.pageSizeMax);
    const filtered = first.filter?.jiraIssueKey === p.jiraIssueKey;
    filterByIssueAnswered(baseUrl, filtered);
    return filtered ? this.itemsFrom(fetchPage, 0, MAX_LIST_ITEMS, LIMITS.pageSizeMax, first) : null;
  }

  /** One result per test case, for at most LIMITS.bulkMax of them. */
  async recordExecutions(cycleId: string, body: BulkRecordBody) {
    return (await this.send(endpoints.recordExecutions, { params: { cycleId }, body })).data;
  }

  /** Which cycles hold some of `testCaseIds` (A32), asked MAX_IDS_PER_QUERY ids at a time: each cycle with the ones it holds. */
  async cycleMembership(projectId: string, testCaseIds: string[]): Promise<Map<string, Set<string>>> {
    const chunks = chunk([...new Set(testCaseIds)], MAX_IDS_PER_QUERY);
    const parts = await mapLimited(chunks, CHUNK_CONCURRENCY, async (ids) => (await this.send(endpoints.cycleMembership, { query: { projectId, testCaseIds: ids } })).data);
    const held = new Map<string, Set<string>>();
    for (const m of parts.flat()) {
      const set = held.get(m.cycleId) ?? new Set<string>();
      for (const id of m.testCaseIds) set.add(id);
      held.set(m.cycleId, set);
    }
    return held;
  }

  /** Milliseconds left of this client's time budget (a caller sending batches stops before it runs out). */
  remainingMs(): number {
    return this.http.deadline - (this.http.now ?? Date.now)();
  }

  /** One recorded result of a cycle by id (A60). */
  async execution(cycleId: string, executionId: string, projectId: string) {
    return (await this.send(endpoints.execution, { params: { cycleId, executionId }, query: { projectId } })).data;
  }

  async addDefect(cycleId: string, executionId: string, projectId: string, jiraIssueKey: string) {
    return (await this.send(endpoints.addDefect, { params: { cycleId, executionId }, body: { projectId, jiraIssueKey } })).data;
  }

  async recordExecution(cycleId: string, body: RecordExecutionBody) {
    return (await this.send(endpoints.recordExecution, { params: { cycleId }, body })).data;
  }

  /** Coverage of up to LIMITS.coverageKeysMax Jira issues in one request (A50). */
  async jiraCoverage(projectId: string, jiraIssueKeys: string[]) {
    return (await this.send(endpoints.jiraCoverage, { query: { projectId, jiraIssueKeys } })).data;
  }

  /** One page of the Jira issues of a Jira project that the project's test cases link (A51). */
  async jiraLinkedIssues(projectId: string, jiraProjectKey: string, page: number, pageSize: number) {
    return this.send(endpoints.jiraLinkedIssues, { query: { projectId, jiraProjectKey, page, pageSize } });
  }

  /**
   * The one way a request goes out: the URL from the endpoint's template and encoded params and
   * query, the body validated and defaulted by its schema (a request the contract refuses is a
   * BAD_REQUEST and nothing is sent), the answer validated by the response schema. `path` is
   * another of the endpoint's documented paths.
   */
  private send<E extends Endpoint>(e: E, input: EndpointInput<E>, path: string = e.path): Promise<z.output<E['response']>> {
    let target: string;
    let body: unknown;
    try {
      target = requestPath(e, input, path);
      body = requestBody(e, input);
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      const issue = error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return Promise.reject(new TestKaseError('BAD_REQUEST', `${e.method} ${path}: the request does not match the contract (${where}${issue?.message ?? 'invalid'}); nothing was sent`));
    }
    return request<E['response']>(this.http, e.method, target, e.response, body);
  }

  /**
   * Items `from` … `from + count - 1` (0-based) of a list TestKase hands out in pages of `pageSize`, and
   * the list's total. The page holding `from` comes first and gives the total; the other pages needed
   * are fetched in parallel. `known` is that first page when the caller already has it (it looked at it).
   */
  private async itemsFrom<T>(
    fetchPage: (page: number, pageSize: number) => Promise<{ data: T[]; pagination: { total: number } }>,
    from: number,
    count: number,
    pageSize: number = LIMITS.pageSizeMax,
    known?: { data: T[]; pagination: { total: number } },
  ): Promise<{ items: T[]; total: number }> {
    const firstPage = Math.floor(from / pageSize) + 1;
    const first = known ?? (await fetchPage(firstPage, pageSize));
    const total = first.pagination.total;
    const lastPage = Math.max(firstPage, Math.ceil(Math.min(total, from + count) / pageSize));
    const rest = await Promise.all(
      Array.from({ length: lastPage - firstPage }, (_, i) => fetchPage(firstPage + 1 + i, pageSize)),
    );
    // A page longer than asked for is cut to the asked size: TestKase decides the total, not the memory we spend.
    const items = [first, ...rest].flatMap((p) => p.data.slice(0, pageSize));
    const skip = from - (firstPage - 1) * pageSize;
    return { items: items.slice(skip, skip + count), total };
  }
}

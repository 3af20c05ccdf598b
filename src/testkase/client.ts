/**
 * The TestKase API as typed methods. One client per resolver call: it carries that call's token
 * and time budget. All paths and schemas come from the contract module.
 */
import { fetch as forgeFetch } from '@forge/api';
import {
  endpoints,
  LIMITS,
  type AddToCycleBody,
  type CreateCycleBody,
  type CreateTestCaseBody,
  type Cycle,
  type Execution,
  type RecordExecutionBody,
  type TestCase,
} from './contract';
import { request, type FetchLike, type HttpOptions } from './http';

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
}

/** Lists are paged through to the end, up to this many items, so counts and lists agree. */
export const MAX_LIST_ITEMS = 2_000;

export class TestKaseClient {
  private readonly http: HttpOptions;

  constructor(config: ClientConfig) {
    const now = config.now ?? Date.now;
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
    };
  }

  async whoAmI() {
    return (await request(this.http, 'GET', endpoints.whoAmI.path(), endpoints.whoAmI.response)).data;
  }

  async userProjects() {
    return (await request(this.http, 'GET', endpoints.userProjects.path(), endpoints.userProjects.response)).data;
  }

  async jiraMappings(jiraProjectKey: string) {
    const e = endpoints.jiraMappings;
    return (await request(this.http, 'GET', e.path(jiraProjectKey), e.response)).data;
  }

  /** One page of test cases (search, issue filter). */
  async testCasesPage(p: { projectId: string; jiraIssueKey?: string; search?: string; page?: number; pageSize?: number }) {
    const e = endpoints.testCases;
    return request(this.http, 'GET', e.path(p), e.response);
  }

  /** Every test case matching the filter (paged through). */
  async allTestCases(p: { projectId: string; jiraIssueKey?: string }): Promise<{ items: TestCase[]; total: number }> {
    return this.pageAll((page, pageSize) => this.testCasesPage({ ...p, page, pageSize }));
  }

  async createTestCase(body: CreateTestCaseBody) {
    const e = endpoints.createTestCase;
    return (await request(this.http, 'POST', e.path(), e.response, body)).data;
  }

  async linkIssue(testCaseId: string, projectId: string, jiraIssueKey: string) {
    const e = endpoints.linkIssue;
    return (await request(this.http, 'POST', e.path(testCaseId), e.response, { projectId, jiraIssueKey })).data;
  }

  async unlinkIssue(testCaseId: string, projectId: string, jiraIssueKey: string) {
    const e = endpoints.unlinkIssue;
    return (await request(this.http, 'DELETE', e.path(testCaseId, jiraIssueKey, projectId), e.response)).data;
  }

  async allCycles(projectId: string): Promise<{ items: Cycle[]; total: number }> {
    const e = endpoints.testCycles;
    return this.pageAll((page, pageSize) => request(this.http, 'GET', e.path({ projectId, page, pageSize }), e.response));
  }

  async createCycle(body: CreateCycleBody) {
    const e = endpoints.createCycle;
    return (await request(this.http, 'POST', e.path(), e.response, body)).data;
  }

  async addToCycle(cycleId: string, body: AddToCycleBody) {
    const e = endpoints.addToCycle;
    return (await request(this.http, 'POST', e.path(cycleId), e.response, body)).data;
  }

  async allCycleExecutions(p: { cycleId: string; projectId: string; testCaseIds?: string[] }): Promise<{ items: Execution[]; total: number }> {
    const e = endpoints.cycleExecutions;
    return this.pageAll((page, pageSize) => request(this.http, 'GET', e.path({ ...p, page, pageSize }), e.response));
  }

  async recordExecution(cycleId: string, body: RecordExecutionBody) {
    const e = endpoints.recordExecution;
    return (await request(this.http, 'POST', e.path(cycleId), e.response, body)).data;
  }

  /** First page gives the total; the rest are fetched in parallel (at most MAX_LIST_ITEMS items). */
  private async pageAll<T>(
    fetchPage: (page: number, pageSize: number) => Promise<{ data: T[]; pagination: { total: number } }>,
  ): Promise<{ items: T[]; total: number }> {
    const pageSize = LIMITS.pageSizeMax;
    const first = await fetchPage(1, pageSize);
    const total = first.pagination.total;
    const pages = Math.ceil(Math.min(total, MAX_LIST_ITEMS) / pageSize);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchPage(i + 2, pageSize)),
    );
    const items = [first, ...rest].flatMap((p) => p.data);
    return { items: items.slice(0, MAX_LIST_ITEMS), total };
  }
}

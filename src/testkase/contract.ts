/**
 * The TestKase REST API contract: every path, query parameter and schema the app relies on.
 *
 * Only three endpoints are documented publicly (marked DOCUMENTED). Everything else is an
 * assumption, listed in docs/testkase-api.md; when TestKase confirms or corrects one, change it
 * here and the client, the simulator and the tests follow.
 */
import { z } from 'zod';

export const DEFAULT_BASE_URL = 'https://api.testkase.com/api/v1';

// ---------- identifiers and enums ----------

export const ProjectId = z.string().regex(/^PRJ-\d{1,9}$/, 'a TestKase project id looks like PRJ-1');
export const TestCaseId = z.string().regex(/^TC-\d{1,9}$/, 'a test case id looks like TC-1');
export const CycleId = z.string().regex(/^TCYCLE-\d{1,9}$/, 'a test cycle id looks like TCYCLE-1');
export const JiraProjectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'a Jira project key looks like DEMO');
export const JiraIssueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-\d{1,9}$/, 'a Jira issue key looks like DEMO-1');

/** The master cycle every project has (documented for the reporter CLI). */
export const MASTER_CYCLE_ID = 'TCYCLE-1';

export const EXECUTION_STATUSES = ['NOT_EXECUTED', 'PASS', 'FAIL', 'BLOCKED', 'SKIPPED'] as const;
export const ExecutionStatus = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** Project roles from TestKase's docs: Project Admin, User, Guest (read-only). */
export const PROJECT_ROLES = ['PROJECT_ADMIN', 'USER', 'GUEST'] as const;
export const ProjectRole = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof ProjectRole>;

const IsoDateTime = z.iso.datetime({ offset: true });

// ---------- limits shared by client, resolvers, simulator and UI (zod-free module) ----------

export { LIMITS } from './limits';
import { LIMITS } from './limits';

// ---------- resources ----------

export const User = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
});
export type User = z.infer<typeof User>;

export const Project = z.object({
  id: ProjectId,
  key: z.string().optional(),
  name: z.string(),
  role: ProjectRole,
});
export type Project = z.infer<typeof Project>;

export const TokenInfo = z.object({
  name: z.string(),
  preview: z.string(),
  createdAt: IsoDateTime,
  /** Optional: one version of TestKase's docs says tokens never expire. */
  expiresAt: IsoDateTime.nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const WhoAmI = z.object({ user: User, token: TokenInfo });
export type WhoAmI = z.infer<typeof WhoAmI>;

export const JiraMapping = z.object({
  jiraProjectKey: JiraProjectKey,
  projectId: ProjectId,
  projectName: z.string(),
});
export type JiraMapping = z.infer<typeof JiraMapping>;

export const ExecutionSummary = z.object({
  status: ExecutionStatus,
  cycleId: CycleId,
  executedAt: IsoDateTime,
  executedBy: User,
});
export type ExecutionSummary = z.infer<typeof ExecutionSummary>;

export const TestCase = z.object({
  id: TestCaseId,
  projectId: ProjectId,
  title: z.string(),
  description: z.string(),
  priority: Priority,
  jiraIssueKeys: z.array(z.string()),
  latestExecution: ExecutionSummary.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TestCase = z.infer<typeof TestCase>;

export const StatusCounts = z.object({
  NOT_EXECUTED: z.number().int().nonnegative(),
  PASS: z.number().int().nonnegative(),
  FAIL: z.number().int().nonnegative(),
  BLOCKED: z.number().int().nonnegative(),
  SKIPPED: z.number().int().nonnegative(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const Cycle = z.object({
  id: CycleId,
  projectId: ProjectId,
  name: z.string(),
  description: z.string(),
  environment: z.string().nullable(),
  isMaster: z.boolean(),
  createdAt: IsoDateTime,
  /** Number of test cases in the cycle. */
  total: z.number().int().nonnegative(),
  counts: StatusCounts,
});
export type Cycle = z.infer<typeof Cycle>;

export const Execution = z.object({
  id: z.string().min(1),
  cycleId: CycleId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: z.string().nullable(),
  executedBy: User.nullable(),
  executedAt: IsoDateTime.nullable(),
  defects: z.array(z.string()),
});
export type Execution = z.infer<typeof Execution>;

export const AddToCycleResult = z.object({
  added: z.array(TestCaseId),
  alreadyInCycle: z.array(TestCaseId),
});
export type AddToCycleResult = z.infer<typeof AddToCycleResult>;

// ---------- envelopes ----------

export const Pagination = z.object({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
export type Pagination = z.infer<typeof Pagination>;

export const one = <T extends z.ZodType>(item: T) => z.object({ data: item });
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), pagination: Pagination });
export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

/** Error body on every non-2xx response. */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------- request bodies ----------

export const CreateTestCaseBody = z.strictObject({
  projectId: ProjectId,
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax).default(''),
  priority: Priority.default('MEDIUM'),
  jiraIssueKeys: z.array(JiraIssueKey).max(50).default([]),
});
export type CreateTestCaseBody = z.input<typeof CreateTestCaseBody>;

export const LinkIssueBody = z.strictObject({ projectId: ProjectId, jiraIssueKey: JiraIssueKey });
export type LinkIssueBody = z.infer<typeof LinkIssueBody>;

export const CreateCycleBody = z.strictObject({
  projectId: ProjectId,
  name: z.string().trim().min(1).max(LIMITS.cycleNameMax),
  description: z.string().max(LIMITS.descriptionMax).default(''),
  environment: z.string().trim().max(LIMITS.environmentMax).nullable().default(null),
});
export type CreateCycleBody = z.input<typeof CreateCycleBody>;

export const AddToCycleBody = z.strictObject({
  projectId: ProjectId,
  testCaseIds: z.array(TestCaseId).min(1).max(LIMITS.addToCycleMax),
});
export type AddToCycleBody = z.infer<typeof AddToCycleBody>;

export const RecordExecutionBody = z.strictObject({
  projectId: ProjectId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: z.string().max(LIMITS.commentMax).nullable().default(null),
  defects: z.array(JiraIssueKey).max(20).default([]),
});
export type RecordExecutionBody = z.input<typeof RecordExecutionBody>;

// ---------- endpoints ----------

export type Method = 'GET' | 'POST' | 'DELETE';
const q = encodeURIComponent;

/**
 * Every route the app calls. `path` builds the URL path and query (relative to the base URL);
 * `response` validates the body. `documented` marks the three routes TestKase publishes.
 */
export const endpoints = {
  /**
   * DOCUMENTED, in two forms. Projects the token's user belongs to, with the user's role in each.
   * Token validation depends on it, so the client tries `path`, falls back to `alternativePath` on a
   * 404 and remembers which one answered, per base URL (see project-list-path.ts).
   */
  userProjects: {
    method: 'GET' as Method,
    documented: true,
    /** As seed 001 documents it. */
    path: () => '/projects/user-projects',
    /** As another version of TestKase's docs documents it. */
    alternativePath: () => '/projects/user/my-projects',
    response: list(Project),
  },
  /** ASSUMED. Who the token belongs to, and the token's own metadata (preview, expiry). */
  whoAmI: {
    method: 'GET' as Method,
    documented: false,
    path: () => '/auth/token-info',
    response: one(WhoAmI),
  },
  /** ASSUMED. The Jira Integration mapping(s) for a Jira project key; empty when not mapped. */
  jiraMappings: {
    method: 'GET' as Method,
    documented: false,
    path: (jiraProjectKey: string) => `/integrations/jira/mappings?jiraProjectKey=${q(jiraProjectKey)}`,
    response: list(JiraMapping),
  },
  /** DOCUMENTED (projectId); ASSUMED: page, pageSize, jiraIssueKey and search filters. */
  testCases: {
    method: 'GET' as Method,
    documented: true,
    path: (p: { projectId: string; page?: number; pageSize?: number; jiraIssueKey?: string; search?: string }) => {
      const params = new URLSearchParams({ projectId: p.projectId });
      if (p.jiraIssueKey) params.set('jiraIssueKey', p.jiraIssueKey);
      if (p.search) params.set('search', p.search);
      if (p.page) params.set('page', String(p.page));
      if (p.pageSize) params.set('pageSize', String(p.pageSize));
      return `/test-cases?${params.toString()}`;
    },
    response: page(TestCase),
  },
  /** ASSUMED. Create a test case (optionally linked to Jira issues). */
  createTestCase: {
    method: 'POST' as Method,
    documented: false,
    path: () => '/test-cases',
    body: CreateTestCaseBody,
    response: one(TestCase),
  },
  /** ASSUMED. Link a test case to a Jira issue (idempotent on TestKase's side). */
  linkIssue: {
    method: 'POST' as Method,
    documented: false,
    path: (testCaseId: string) => `/test-cases/${q(testCaseId)}/jira-links`,
    body: LinkIssueBody,
    response: one(TestCase),
  },
  /** ASSUMED. Remove the link between a test case and a Jira issue. */
  unlinkIssue: {
    method: 'DELETE' as Method,
    documented: false,
    path: (testCaseId: string, jiraIssueKey: string, projectId: string) =>
      `/test-cases/${q(testCaseId)}/jira-links/${q(jiraIssueKey)}?projectId=${q(projectId)}`,
    response: one(TestCase),
  },
  /** DOCUMENTED (projectId); ASSUMED: page and pageSize. */
  testCycles: {
    method: 'GET' as Method,
    documented: true,
    path: (p: { projectId: string; page?: number; pageSize?: number }) => {
      const params = new URLSearchParams({ projectId: p.projectId });
      if (p.page) params.set('page', String(p.page));
      if (p.pageSize) params.set('pageSize', String(p.pageSize));
      return `/test-cycles?${params.toString()}`;
    },
    response: page(Cycle),
  },
  /** ASSUMED. Create a test cycle. */
  createCycle: {
    method: 'POST' as Method,
    documented: false,
    path: () => '/test-cycles',
    body: CreateCycleBody,
    response: one(Cycle),
  },
  /** ASSUMED. Add test cases to a cycle (each starts as Not Executed). */
  addToCycle: {
    method: 'POST' as Method,
    documented: false,
    path: (cycleId: string) => `/test-cycles/${q(cycleId)}/test-cases`,
    body: AddToCycleBody,
    response: one(AddToCycleResult),
  },
  /** ASSUMED. Executions of a cycle, optionally only for some test cases. */
  cycleExecutions: {
    method: 'GET' as Method,
    documented: false,
    path: (p: { cycleId: string; projectId: string; testCaseIds?: string[]; page?: number; pageSize?: number }) => {
      const params = new URLSearchParams({ projectId: p.projectId });
      if (p.testCaseIds && p.testCaseIds.length > 0) params.set('testCaseIds', p.testCaseIds.join(','));
      if (p.page) params.set('page', String(p.page));
      if (p.pageSize) params.set('pageSize', String(p.pageSize));
      return `/test-cycles/${q(p.cycleId)}/executions?${params.toString()}`;
    },
    response: page(Execution),
  },
  /** ASSUMED. Record the result of running a test case in a cycle; attributed to the token's user. */
  recordExecution: {
    method: 'POST' as Method,
    documented: false,
    path: (cycleId: string) => `/test-cycles/${q(cycleId)}/executions`,
    body: RecordExecutionBody,
    response: one(Execution),
  },
} as const;

export type EndpointName = keyof typeof endpoints;

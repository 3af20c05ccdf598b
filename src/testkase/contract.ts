/**
 * The TestKase REST API contract: every path, query parameter and schema the app relies on.
 *
 * Only three endpoints are documented publicly (marked DOCUMENTED). Everything else is an
 * assumption, listed in docs/testkase-api.md; when TestKase confirms or corrects one, change it
 * here and the client, the simulator and the tests follow.
 */
import { z } from 'zod';
import { JIRA_ISSUE_KEY, JIRA_PROJECT_KEY, PRIORITIES, STATUSES, TEST_CASE_STATUSES, TEST_CASE_TYPES } from '../shared/facts';
import { LIMITS } from '../shared/limits';
import { words } from '../shared/words/backend';
import { endpoint } from './endpoint';

export const DEFAULT_BASE_URL = 'https://api.testkase.com/api/v1';

// ---------- identifiers and enums ----------

export const ProjectId = z.string().regex(/^PRJ-\d{1,9}$/, words.invalid.projectId);
export const TestCaseId = z.string().regex(/^TC-\d{1,9}$/, words.invalid.testCaseId);
export const CycleId = z.string().regex(/^TCYCLE-\d{1,9}$/, words.invalid.cycleId);
export const JiraProjectKey = z.string().regex(JIRA_PROJECT_KEY, words.invalid.jiraProjectKey);
export const JiraIssueKey = z.string().regex(JIRA_ISSUE_KEY, words.invalid.jiraIssueKey);

// The enums' values are listed once, zod-free, in shared/facts.ts (the UIs list and name them too).
export const EXECUTION_STATUSES = STATUSES;
export const ExecutionStatus = z.enum(STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatus>;

export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

const TestCaseType = z.enum(TEST_CASE_TYPES);
const TestCaseStatus = z.enum(TEST_CASE_STATUSES);

/** Project roles from TestKase's docs: Project Admin, User, Guest (read-only). */
const PROJECT_ROLES = ['PROJECT_ADMIN', 'USER', 'GUEST'] as const;
export const ProjectRole = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof ProjectRole>;

const IsoDateTime = z.iso.datetime({ offset: true });

// ---------- limits shared by client, resolvers, simulator and UI (zod-free: shared/limits.ts) ----------

export { LIMITS };

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

const TokenInfo = z.object({
  name: z.string(),
  preview: z.string(),
  createdAt: IsoDateTime,
  /** Optional: one version of TestKase's docs says tokens never expire. */
  expiresAt: IsoDateTime.nullable(),
});

const WhoAmI = z.object({ user: User, token: TokenInfo });

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
  type: TestCaseType,
  status: TestCaseStatus,
  /** The 5-digit id the automation reporter matches (`[48271]` in a test name); null when not automated. */
  automationId: z.string().nullable(),
  owner: User.nullable(),
  jiraIssueKeys: z.array(z.string()),
  latestExecution: ExecutionSummary.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TestCase = z.infer<typeof TestCase>;

export const TestStep = z.object({
  /** 1-based position in the test case. */
  order: z.number().int().positive(),
  action: z.string(),
  expectedResult: z.string(),
});
export type TestStep = z.infer<typeof TestStep>;

/** One test case with what only its own page shows (A15). */
export const TestCaseDetail = TestCase.extend({
  preconditions: z.string(),
  steps: z.array(TestStep),
});
export type TestCaseDetail = z.infer<typeof TestCaseDetail>;

/** The result of one step in an execution (A17): a step left out was not executed. */
export const StepResult = z.object({
  order: z.number().int().positive(),
  status: ExecutionStatus,
  actualResult: z.string().nullable(),
});
export type StepResult = z.infer<typeof StepResult>;

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
  /** Last change: created, a test case added, a result recorded (A8). */
  updatedAt: IsoDateTime,
  /** Number of test cases in the cycle. */
  total: z.number().int().nonnegative(),
  counts: StatusCounts,
});
export type Cycle = z.infer<typeof Cycle>;

export const ExecutionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, words.invalid.executionId);

/**
 * A test case in a cycle, as of its latest recorded result (A11, A12). Every recording is kept
 * (history, A16): recording again never overwrites the previous result. `executedBy`/`executedAt`
 * are set only by an execution (Pass, Fail, Blocked, Skipped); setting a case back to Not Executed
 * is recorded (`recordedBy`/`recordedAt`) but is not an execution.
 */
export const Execution = z.object({
  id: z.string().min(1),
  cycleId: CycleId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: z.string().nullable(),
  executedBy: User.nullable(),
  executedAt: IsoDateTime.nullable(),
  recordedBy: User.nullable(),
  recordedAt: IsoDateTime.nullable(),
  /** Jira issue keys of the bugs this result is about. */
  defects: z.array(z.string()),
  stepResults: z.array(StepResult),
});
export type Execution = z.infer<typeof Execution>;

/** One recorded result in a test case's history, newest first (A16). */
export const ExecutionRun = Execution.extend({ cycleName: z.string() });
export type ExecutionRun = z.infer<typeof ExecutionRun>;

/** Bulk recording answers per test case (A18). */
export const BulkRecordResult = z.object({
  recorded: z.array(Execution),
  failed: z.array(z.object({ testCaseId: TestCaseId, code: z.string(), message: z.string() })),
});
export type BulkRecordResult = z.infer<typeof BulkRecordResult>;

export const AddToCycleResult = z.object({
  added: z.array(TestCaseId),
  alreadyInCycle: z.array(TestCaseId),
});
export type AddToCycleResult = z.infer<typeof AddToCycleResult>;

// ---------- envelopes ----------

const Pagination = z.object({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});

const one = <T extends z.ZodType>(item: T) => z.object({ data: item });
const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), pagination: Pagination });
const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

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

const LinkIssueBody = z.strictObject({ projectId: ProjectId, jiraIssueKey: JiraIssueKey });

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

const StepResultInput = z.strictObject({
  order: z.number().int().positive().max(LIMITS.stepsMax),
  status: ExecutionStatus,
  actualResult: z.string().max(LIMITS.actualResultMax).nullable().default(null),
});

export const RecordExecutionBody = z.strictObject({
  projectId: ProjectId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: z.string().max(LIMITS.commentMax).nullable().default(null),
  defects: z.array(JiraIssueKey).max(LIMITS.defectsMax).default([]),
  stepResults: z.array(StepResultInput).max(LIMITS.stepsMax).default([]),
});
export type RecordExecutionBody = z.input<typeof RecordExecutionBody>;

export const BulkRecordBody = z.strictObject({
  projectId: ProjectId,
  results: z
    .array(z.strictObject({ testCaseId: TestCaseId, status: ExecutionStatus, comment: z.string().max(LIMITS.commentMax).nullable().default(null) }))
    .min(1)
    .max(LIMITS.bulkMax),
});
export type BulkRecordBody = z.input<typeof BulkRecordBody>;

const AddDefectBody = z.strictObject({ projectId: ProjectId, jiraIssueKey: JiraIssueKey });

// ---------- query parameters: their wire form, written once ----------

/** A positive whole number in a query string (`page=2`): a number in code, digits on the wire. */
const WholeNumber = (max: number) =>
  z.codec(z.string().regex(/^\d{1,9}$/, 'expected a whole number'), z.number().int().positive().max(max), {
    decode: (digits) => Number(digits),
    encode: (n) => String(n),
  });

/** Ids in one comma-separated parameter (`testCaseIds=TC-1,TC-2`): an array in code. */
const IdList = (id: z.ZodString, max: number) =>
  z.codec(z.string(), z.array(id).max(max), {
    decode: (text) => text.split(',').filter(Boolean),
    encode: (ids) => ids.join(','),
  });

/** Paging (A3, A8, A11): 1-based `page`, `pageSize` up to LIMITS.pageSizeMax; TestKase's defaults apply when omitted. */
const Paging = {
  page: WholeNumber(1_000_000).optional(),
  pageSize: WholeNumber(LIMITS.pageSizeMax).optional(),
};

const None = z.object({});
const ProjectQuery = z.object({ projectId: ProjectId });

const MappingsQuery = z.object({ jiraProjectKey: JiraProjectKey.optional() });
export const TestCasesQuery = z.object({
  projectId: ProjectId,
  jiraIssueKey: JiraIssueKey.optional(),
  search: z.string().max(LIMITS.searchMax).optional(),
  ...Paging,
});
export type TestCasesQuery = z.output<typeof TestCasesQuery>;
/** Cycles (A8): `search` matches words of the name, `testCaseId` keeps the cycles holding that case, `sort` orders them. */
const CYCLE_SORTS = ['id', '-updatedAt'] as const;
export const CyclesQuery = z.object({
  projectId: ProjectId,
  search: z.string().max(LIMITS.searchMax).optional(),
  testCaseId: TestCaseId.optional(),
  sort: z.enum(CYCLE_SORTS).optional(),
  ...Paging,
});
export type CyclesQuery = z.output<typeof CyclesQuery>;
const HistoryQuery = z.object({ projectId: ProjectId, ...Paging });
export const ExecutionsQuery = z.object({
  projectId: ProjectId,
  testCaseIds: IdList(TestCaseId, LIMITS.pageSizeMax * 20).optional(),
  /** ASSUMED (A40): only the rows of the cycle's test cases linked to this Jira issue, filtered by TestKase. */
  jiraIssueKey: JiraIssueKey.optional(),
  ...Paging,
});
/**
 * A page of a cycle's executions (A11). ASSUMED (A40): `filter` names the Jira issue the rows were
 * filtered by, when TestKase applied `jiraIssueKey`; a TestKase without it ignores the parameter (as
 * any unknown one) and answers without `filter`, and the client falls back to `testCaseIds`.
 */
const ExecutionsPage = page(Execution).extend({ filter: z.object({ jiraIssueKey: JiraIssueKey }).optional() });

// ---------- endpoints ----------



/**
 * Every route the app calls: method, path template relative to the base URL (`:name` = path
 * parameter), the schemas of params, query, body and response, and whether TestKase documents it.
 * The client sends through this table and the simulator registers its routes from it.
 */
export const endpoints = {
  /**
   * DOCUMENTED, in two forms. Projects the token's user belongs to, with the user's role in each.
   * Token validation depends on it, so the client tries `path`, falls back to `alternativePath` on a
   * 404 and remembers which one answered, per base URL (see project-list-path.ts).
   */
  userProjects: endpoint({
    method: 'GET',
    documented: true,
    /** As seed 001 documents it. */
    path: '/projects/user-projects',
    /** As another version of TestKase's docs documents it. */
    alternativePath: '/projects/user/my-projects',
    params: None,
    query: None,
    response: list(Project),
  }),
  /** ASSUMED (A1). Who the token belongs to, and the token's own metadata (preview, expiry). */
  whoAmI: endpoint({
    method: 'GET',
    documented: false,
    path: '/auth/token-info',
    params: None,
    query: None,
    response: one(WhoAmI),
  }),
  /** ASSUMED (A2). The Jira Integration mapping(s) for a Jira project key; empty when not mapped. */
  jiraMappings: endpoint({
    method: 'GET',
    documented: false,
    path: '/integrations/jira/mappings',
    params: None,
    query: MappingsQuery,
    response: list(JiraMapping),
  }),
  /** ASSUMED (A15). One test case with its preconditions and ordered steps. */
  testCase: endpoint({
    method: 'GET',
    documented: false,
    path: '/test-cases/:testCaseId',
    params: z.object({ testCaseId: TestCaseId }),
    query: ProjectQuery,
    response: one(TestCaseDetail),
  }),
  /** ASSUMED (A16). Every recorded result of a test case, in any cycle, newest first. */
  testCaseExecutions: endpoint({
    method: 'GET',
    documented: false,
    path: '/test-cases/:testCaseId/executions',
    params: z.object({ testCaseId: TestCaseId }),
    query: HistoryQuery,
    response: page(ExecutionRun),
  }),
  /** DOCUMENTED (projectId); ASSUMED (A3): page, pageSize, jiraIssueKey and search filters. */
  testCases: endpoint({
    method: 'GET',
    documented: true,
    path: '/test-cases',
    params: None,
    query: TestCasesQuery,
    response: page(TestCase),
  }),
  /** ASSUMED (A5). Create a test case (optionally linked to Jira issues). */
  createTestCase: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cases',
    params: None,
    query: None,
    body: CreateTestCaseBody,
    response: one(TestCase),
  }),
  /** ASSUMED (A6). Link a test case to a Jira issue (idempotent on TestKase's side). */
  linkIssue: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cases/:testCaseId/jira-links',
    params: z.object({ testCaseId: TestCaseId }),
    query: None,
    body: LinkIssueBody,
    response: one(TestCase),
  }),
  /** ASSUMED (A7). Remove the link between a test case and a Jira issue. */
  unlinkIssue: endpoint({
    method: 'DELETE',
    documented: false,
    path: '/test-cases/:testCaseId/jira-links/:jiraIssueKey',
    params: z.object({ testCaseId: TestCaseId, jiraIssueKey: JiraIssueKey }),
    query: ProjectQuery,
    response: one(TestCase),
  }),
  /** DOCUMENTED (projectId); ASSUMED (A8): page, pageSize, search, testCaseId and sort. */
  testCycles: endpoint({
    method: 'GET',
    documented: true,
    path: '/test-cycles',
    params: None,
    query: CyclesQuery,
    response: page(Cycle),
  }),
  /** ASSUMED (A9). Create a test cycle. */
  createCycle: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cycles',
    params: None,
    query: None,
    body: CreateCycleBody,
    response: one(Cycle),
  }),
  /** ASSUMED (A10). Add test cases to a cycle (each starts as Not Executed). */
  addToCycle: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cycles/:cycleId/test-cases',
    params: z.object({ cycleId: CycleId }),
    query: None,
    body: AddToCycleBody,
    response: one(AddToCycleResult),
  }),
  /** ASSUMED (A11). Executions of a cycle, optionally only for some test cases, or (A40) for one Jira issue's. */
  cycleExecutions: endpoint({
    method: 'GET',
    documented: false,
    path: '/test-cycles/:cycleId/executions',
    params: z.object({ cycleId: CycleId }),
    query: ExecutionsQuery,
    response: ExecutionsPage,
  }),
  /**
   * ASSUMED (A12, A17). Record the result of running a test case in a cycle, with its step results;
   * attributed to the token's user. A new record every time: the previous ones stay in the history.
   */
  recordExecution: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cycles/:cycleId/executions',
    params: z.object({ cycleId: CycleId }),
    query: None,
    body: RecordExecutionBody,
    response: one(Execution),
  }),
  /** ASSUMED (A18). Record one result per test case for up to LIMITS.bulkMax cases of a cycle in one call. */
  recordExecutions: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cycles/:cycleId/executions/bulk',
    params: z.object({ cycleId: CycleId }),
    query: None,
    body: BulkRecordBody,
    response: one(BulkRecordResult),
  }),
  /** ASSUMED (A19). Add a Jira issue key to the defects of a recorded result. */
  addDefect: endpoint({
    method: 'POST',
    documented: false,
    path: '/test-cycles/:cycleId/executions/:executionId/defects',
    params: z.object({ cycleId: CycleId, executionId: ExecutionId }),
    query: None,
    body: AddDefectBody,
    response: one(Execution),
  }),
};

export type EndpointName = keyof typeof endpoints;

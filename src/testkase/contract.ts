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
import { clip, TEXT_MAX } from './sizes';

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

export const TestCaseType = z.enum(TEST_CASE_TYPES);
const TestCaseStatus = z.enum(TEST_CASE_STATUSES);

/** Project roles from TestKase's docs: Project Admin, User, Guest (read-only). */
const PROJECT_ROLES = ['PROJECT_ADMIN', 'USER', 'GUEST'] as const;
export const ProjectRole = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof ProjectRole>;

const IsoDateTime = z.iso.datetime({ offset: true });

// ---------- limits shared by client, resolvers, simulator and UI (zod-free: shared/limits.ts) ----------

export { LIMITS };

// ---------- resources ----------

/**
 * Text TestKase sends, at most `max` characters (A21): anything longer is cut, with an ellipsis, before
 * the app stores it or shows it (sizes.ts: by code points, never half a character).
 */
const Text = (max: number) => z.string().transform((text) => clip(text, max));

/**
 * A22: TestKase's error codes are upper-case words (`NOT_IN_CYCLE`, `RATE_LIMITED`). Anything else in
 * the field is not a code — it may echo what was sent, even part of the token — and is dropped (null)
 * before it can reach a message or a log line.
 */
const ERROR_CODE = /^[A-Z0-9_]{1,40}$/;
const ServerCode = z.string().transform((code) => (ERROR_CODE.test(code) ? code : null));

export const User = z.object({
  id: z.string().min(1).transform((id) => clip(id, TEXT_MAX.userId)),
  name: Text(TEXT_MAX.userName),
  email: Text(TEXT_MAX.email).optional(),
});
export type User = z.infer<typeof User>;

export const Project = z.object({
  id: ProjectId,
  key: Text(TEXT_MAX.projectKey).optional(),
  name: Text(TEXT_MAX.projectName),
  role: ProjectRole,
});
export type Project = z.infer<typeof Project>;

const TokenInfo = z.object({
  name: Text(TEXT_MAX.tokenName),
  preview: Text(TEXT_MAX.tokenPreview),
  createdAt: IsoDateTime,
  /** Optional: one version of TestKase's docs says tokens never expire. */
  expiresAt: IsoDateTime.nullable(),
});

const WhoAmI = z.object({ user: User, token: TokenInfo });

export const JiraMapping = z.object({
  jiraProjectKey: JiraProjectKey,
  projectId: ProjectId,
  projectName: Text(TEXT_MAX.projectName),
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
  title: Text(TEXT_MAX.title),
  description: Text(TEXT_MAX.description),
  priority: Priority,
  type: TestCaseType,
  status: TestCaseStatus,
  /** The 5-digit id the automation reporter matches (`[48271]` in a test name); null when not automated. */
  automationId: Text(TEXT_MAX.automationId).nullable(),
  owner: User.nullable(),
  jiraIssueKeys: z.array(Text(TEXT_MAX.issueKey)),
  latestExecution: ExecutionSummary.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TestCase = z.infer<typeof TestCase>;

export const TestStep = z.object({
  /** 1-based position in the test case. */
  order: z.number().int().positive(),
  action: Text(TEXT_MAX.stepText),
  expectedResult: Text(TEXT_MAX.stepText),
});
export type TestStep = z.infer<typeof TestStep>;

/** One test case with what only its own page shows (A15). */
export const TestCaseDetail = TestCase.extend({
  preconditions: Text(TEXT_MAX.preconditions),
  steps: z.array(TestStep),
});
export type TestCaseDetail = z.infer<typeof TestCaseDetail>;

/** The result of one step in an execution (A17): a step left out was not executed. */
export const StepResult = z.object({
  order: z.number().int().positive(),
  status: ExecutionStatus,
  actualResult: Text(TEXT_MAX.actualResult).nullable(),
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
  name: Text(TEXT_MAX.cycleName),
  description: Text(TEXT_MAX.description),
  environment: Text(TEXT_MAX.environment).nullable(),
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
  id: z.string().min(1).transform((id) => clip(id, TEXT_MAX.executionId)),
  cycleId: CycleId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: Text(TEXT_MAX.comment).nullable(),
  executedBy: User.nullable(),
  executedAt: IsoDateTime.nullable(),
  recordedBy: User.nullable(),
  recordedAt: IsoDateTime.nullable(),
  /** Jira issue keys of the bugs this result is about. */
  defects: z.array(Text(TEXT_MAX.issueKey)),
  stepResults: z.array(StepResult),
});
export type Execution = z.infer<typeof Execution>;

/** One recorded result in a test case's history, newest first (A16). */
export const ExecutionRun = Execution.extend({ cycleName: Text(TEXT_MAX.cycleName) });
export type ExecutionRun = z.infer<typeof ExecutionRun>;

/** Bulk recording answers per test case (A18). */
export const BulkRecordResult = z.object({
  recorded: z.array(Execution),
  failed: z.array(z.object({ testCaseId: TestCaseId, code: ServerCode, message: Text(TEXT_MAX.failureMessage) })),
});
/** As TestKase sends it (the simulator's answer): a code is any text on the wire. */
export type BulkRecordResult = z.input<typeof BulkRecordResult>;

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
export const ErrorBody = z.object({ error: z.object({ code: ServerCode, message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------- request bodies ----------

/** A step of a new test case (A30): TestKase numbers the steps from 1 in the order they are sent. */
const NewStep = z.strictObject({
  action: z.string().trim().min(1).max(LIMITS.stepTextMax),
  expectedResult: z.string().max(LIMITS.stepTextMax).default(''),
});

export const CreateTestCaseBody = z.strictObject({
  projectId: ProjectId,
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax).default(''),
  priority: Priority.default('MEDIUM'),
  jiraIssueKeys: z.array(JiraIssueKey).max(50).default([]),
  // ASSUMED (A30): a test case is created with its type, preconditions and ordered steps.
  type: TestCaseType.default('FUNCTIONAL'),
  preconditions: z.string().max(LIMITS.preconditionsMax).default(''),
  steps: z.array(NewStep).max(LIMITS.stepsMax).default([]),
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

/**
 * ASSUMED (A31): a result may carry an idempotency key; TestKase keeps each key for 24 hours per user
 * and project, and a result sent again with a key it keeps is not recorded again: the answer is the
 * result first recorded with it.
 */
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9:_-]{1,100}$/);

export const RecordExecutionBody = z.strictObject({
  idempotencyKey: IdempotencyKey.optional(),
  projectId: ProjectId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: z.string().max(LIMITS.commentMax).nullable().default(null),
  defects: z.array(JiraIssueKey).max(LIMITS.defectsMax).default([]),
  // A23: each step once; TestKase refuses two results for one step (400).
  stepResults: z.array(StepResultInput).max(LIMITS.stepsMax).refine((steps) => new Set(steps.map((s) => s.order)).size === steps.length, 'step orders must be unique').default([]),
});
export type RecordExecutionBody = z.input<typeof RecordExecutionBody>;

export const BulkRecordBody = z.strictObject({
  projectId: ProjectId,
  results: z
    .array(z.strictObject({ idempotencyKey: IdempotencyKey.optional(), testCaseId: TestCaseId, status: ExecutionStatus, comment: z.string().max(LIMITS.commentMax).nullable().default(null) }))
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

/** Membership (A32): which cycles hold some of the given test cases, up to LIMITS.pageSizeMax ids a query. */
const MembershipQuery = z.object({ projectId: ProjectId, testCaseIds: IdList(TestCaseId, LIMITS.pageSizeMax) });
const CycleMembership = z.object({ cycleId: CycleId, testCaseIds: z.array(TestCaseId) });

// ---------- coverage across a release (A50–A52): one block, appended ----------

/**
 * A Jira issue's coverage in one TestKase project (A50): its linked test cases counted by their
 * latest result (the same latestExecution as A4; NOT_EXECUTED when never run), when the newest of
 * those ran, and the Jira keys recorded as defects on the linked tests whose latest result is a Fail.
 */
export const IssueCoverage = z.object({
  jiraIssueKey: JiraIssueKey,
  total: z.number().int().nonnegative(),
  counts: StatusCounts,
  latestExecutedAt: IsoDateTime.nullable(),
  failingDefects: z.array(JiraIssueKey).max(LIMITS.coverageDefectsMax),
  failingDefectsTotal: z.number().int().nonnegative(),
});
export type IssueCoverage = z.infer<typeof IssueCoverage>;

/** A Jira issue some test case of the project is linked to, and how many (A51). */
export const LinkedIssue = z.object({ jiraIssueKey: JiraIssueKey, testCases: z.number().int().positive() });
export type LinkedIssue = z.infer<typeof LinkedIssue>;

/** Issue keys in one comma-separated parameter: at least one, at most LIMITS.coverageKeysMax. */
const IssueKeyList = z.codec(z.string(), z.array(JiraIssueKey).min(1).max(LIMITS.coverageKeysMax), {
  decode: (text) => text.split(',').filter(Boolean),
  encode: (keys) => keys.join(','),
});
const CoverageQuery = z.object({ projectId: ProjectId, jiraIssueKeys: IssueKeyList });
const LinkedIssuesQuery = z.object({
  projectId: ProjectId,
  jiraProjectKey: JiraProjectKey,
  page: WholeNumber(1_000_000).optional(),
  pageSize: WholeNumber(LIMITS.linkedIssuesPageMax).optional(),
});

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
  /** ASSUMED (A32). The cycles holding some of the given test cases, each with which of them. */
  cycleMembership: endpoint({
    method: 'GET',
    documented: false,
    path: '/test-cycles/membership',
    params: None,
    query: MembershipQuery,
    response: list(CycleMembership),
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
  /**
   * ASSUMED (A60). One recorded result of a cycle by its id — any of its results, not only a case's latest
   * (the history keeps them all, A16) — with its test case; 404 NOT_FOUND when the cycle has none of that id.
   */
  execution: endpoint({
    method: 'GET',
    documented: false,
    path: '/test-cycles/:cycleId/executions/:executionId',
    params: z.object({ cycleId: CycleId, executionId: ExecutionId }),
    query: ProjectQuery,
    response: one(Execution),
  }),
  // Coverage across a release (docs/testkase-api.md A50–A52).
  /** ASSUMED (A50). Coverage of up to LIMITS.coverageKeysMax Jira issues in one request, one entry per key asked. */
  jiraCoverage: endpoint({
    method: 'GET',
    documented: false,
    path: '/integrations/jira/coverage',
    params: None,
    query: CoverageQuery,
    response: list(IssueCoverage),
  }),
  /** ASSUMED (A51). The Jira issues of one Jira project that the project's test cases are linked to, paged. */
  jiraLinkedIssues: endpoint({
    method: 'GET',
    documented: false,
    path: '/integrations/jira/linked-issues',
    params: None,
    query: LinkedIssuesQuery,
    response: page(LinkedIssue),
  }),
};

export type EndpointName = keyof typeof endpoints;

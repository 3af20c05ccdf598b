/**
 * zod schemas of every resolver payload: the one description of what the UI may send (the UI's types
 * are derived from them in functions.ts). Strict objects: an unknown key (including `__proto__` or an
 * `issueKey` the browser tries to slip in) is a validation error, not silently ignored.
 */
import { z } from 'zod';
import { CycleId, ExecutionId, ExecutionStatus, JiraIssueKey, JiraProjectKey, LIMITS, Priority, TestCaseId } from '../testkase/contract';
import { ADMIN_DEFAULT_PAGE_SIZE, ADMIN_PAGE_SIZES } from './facts';
import { words } from './words/backend';

/** Tab, line feed and carriage return are text; every other control character is refused. */
const noControlChars = (s: string) => !/[^\P{Cc}\t\n\r]/u.test(s);
const text = (max: number) => z.string().max(max).refine(noControlChars, words.invalid.controlChars);

export const EmptyPayload = z.strictObject({});

export const SavePatPayload = z.strictObject({
  // Length checked before the pattern so a 10 MB paste fails fast with a clear message.
  token: z.string().trim().min(1, words.invalid.pasteToken).max(512, words.invalid.tokenTooLong)
    .regex(/^[A-Za-z0-9_\-.]+$/, words.invalid.tokenChars)
    .min(20, words.invalid.tokenTooShort),
});

export const SearchPayload = z.strictObject({
  query: text(LIMITS.searchMax).transform((s) => s.trim()),
  page: z.number().int().min(1).max(1000).optional(),
});

export const TestCaseRefPayload = z.strictObject({ testCaseId: TestCaseId });

export const CreateTestCasePayload = z.strictObject({
  title: text(LIMITS.titleMax).transform((s) => s.trim()).pipe(z.string().min(1, words.invalid.titleRequired)),
  description: text(LIMITS.descriptionMax).optional(),
  priority: Priority.optional(),
});

export const CreateCyclePayload = z.strictObject({
  name: text(LIMITS.cycleNameMax).transform((s) => s.trim()).pipe(z.string().min(1, words.invalid.nameRequired)),
  description: text(LIMITS.descriptionMax).optional(),
  environment: text(LIMITS.environmentMax).optional(),
});

/** Up to a large selection: the backend sends it to TestKase in batches and answers once. */
export const AddToCyclePayload = z.strictObject({
  cycleId: CycleId,
  testCaseIds: z.array(TestCaseId).min(1, words.invalid.chooseTestCase).max(LIMITS.addToCycleSelectionMax),
});

export const ListCyclesPayload = z.strictObject({
  search: text(LIMITS.searchMax).transform((s) => s.trim()).optional(),
  /** Only the cycles that hold this test case. */
  containing: TestCaseId.optional(),
});

export const HistoryPayload = z.strictObject({
  testCaseId: TestCaseId,
  page: z.number().int().min(1).max(1000).optional(),
});

export const CycleRefPayload = z.strictObject({ cycleId: CycleId });

export const ExecutePayload = z.strictObject({
  cycleId: CycleId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: text(LIMITS.commentMax).optional(),
  /** Jira keys of the bugs this result is about, given by the tester (never the issue under test by itself). */
  defects: z.array(JiraIssueKey).max(LIMITS.defectsMax).optional(),
  stepResults: z
    .array(z.strictObject({ order: z.number().int().min(1).max(LIMITS.stepsMax), status: ExecutionStatus, actualResult: text(LIMITS.actualResultMax).optional() }))
    .max(LIMITS.stepsMax)
    .optional(),
});

/** One result for several of the issue's test cases in a cycle. */
export const ExecuteManyPayload = z.strictObject({
  cycleId: CycleId,
  testCaseIds: z.array(TestCaseId).min(1, words.invalid.chooseTestCase).max(LIMITS.addToCycleSelectionMax),
  status: ExecutionStatus,
  comment: text(LIMITS.commentMax).optional(),
});

/**
 * A bug the tester created in Jira for a recorded result. `testCaseId` names the result's test case:
 * the backend checks it is linked to the issue and that the result is one of its results in the cycle.
 */
export const AddDefectPayload = z.strictObject({
  cycleId: CycleId,
  testCaseId: TestCaseId,
  executionId: ExecutionId,
  issueKey: JiraIssueKey,
});

// ---------- Jira admin page ----------

/** A Jira accountId as Jira issues them (`5b10ac8d82e05b22cc7d4ef5`, `557058:f581…`). */
const JiraAccountId = z.string().min(1).max(128).regex(/^[A-Za-z0-9:_-]+$/, words.invalid.accountId);

const ConnectionSortKey = z.enum(['testkaseUser', 'tokenName', 'savedAt', 'lastValidatedAt', 'lastUsedAt', 'expiresAt', 'health']);
const HealthFilter = z.enum(['ALL', 'WORKING', 'REJECTED', 'EXPIRED', 'NOT_CHECKED', 'EXPIRING_SOON']);

export const ListConnectionsPayload = z.strictObject({
  sort: ConnectionSortKey.default('testkaseUser'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  health: HealthFilter.default('ALL'),
  /** Matches the TestKase user's name or email, the token's name or preview, or the Jira account id. */
  text: text(100).transform((s) => s.trim()).default(''),
  page: z.number().int().min(1).max(100_000).default(1),
  /** The sizes the admin page offers (shared/facts.ts). */
  pageSize: z.union(ADMIN_PAGE_SIZES.map((n) => z.literal(n))).default(ADMIN_DEFAULT_PAGE_SIZE),
});

export const RemoveConnectionPayload = z.strictObject({ accountId: JiraAccountId });

/** No run id starts a new run; a run id continues that one. */
export const CheckAllPayload = z.strictObject({ runId: z.uuid().optional() });

export const AuditLogPayload = z.strictObject({ cursor: z.string().min(1).max(2_000).optional() });

// ---------- test coverage (jira:projectPage, jira:dashboardGadget) ----------

/** A fix version (Jira's id), a sprint (its id), an epic (its key), or the issues TestKase links. */
const CoverageScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('LINKED') }),
  z.strictObject({ kind: z.literal('VERSION'), id: z.string().regex(/^\d{1,18}$/, 'a version id is a number') }),
  z.strictObject({ kind: z.literal('SPRINT'), id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.strictObject({ kind: z.literal('EPIC'), key: JiraIssueKey }),
]);

/**
 * The project: the project page takes it from the Forge context (a different one is refused); the
 * gadget, which has none, from its configuration. Every read is made as the caller, so naming a
 * project gives no one more than they can see themselves.
 */
export const CoverageScopesPayload = z.strictObject({ jiraProjectKey: JiraProjectKey.optional() });

export const CoveragePagePayload = z.strictObject({
  jiraProjectKey: JiraProjectKey.optional(),
  scope: CoverageScope,
  /** The previous step's `next`; absent for the first step. */
  cursor: z.string().min(1).max(8_000).nullable().default(null),
  /** COUNTS: the step's tally only (the gadget), not its rows. */
  detail: z.enum(['ROWS', 'COUNTS']).default('ROWS'),
});


/**
 * zod schemas of every resolver payload: the one description of what the UI may send (the UI's types
 * are derived from them in functions.ts). Strict objects: an unknown key (including `__proto__` or an
 * `issueKey` the browser tries to slip in) is a validation error, not silently ignored.
 */
import { z } from 'zod';
import { CycleId, ExecutionId, ExecutionStatus, JiraIssueKey, JiraProjectKey, LIMITS, Priority, TestCaseId, TestCaseType } from '../testkase/contract';
import { ADMIN_DEFAULT_PAGE_SIZE, ADMIN_NOTE_MAX, ADMIN_PAGE_SIZES, JIRA_ISSUE_ID } from './facts';
import { contradictsSteps } from './steps';
import { words } from './words/backend';

/** Tab, line feed and carriage return are text; every other control character is refused. */
const noControlChars = (s: string) => !/[^\P{Cc}\t\n\r]/u.test(s);
const text = (max: number) => z.string().max(max).refine(noControlChars, words.invalid.controlChars);

export const EmptyPayload = z.strictObject({});

/** Where a list's part starts: 0, or the `next` of the part before (shared/definitions.ts, ListPart). */
const ListFrom = z.number().int().min(0).max(1_000_000).optional();

export const SavePatPayload = z.strictObject({
  // Length checked before the pattern so a 10 MB paste fails fast with a clear message.
  token: z.string().trim().min(1, words.invalid.pasteToken).max(512, words.invalid.tokenTooLong)
    .regex(/^[A-Za-z0-9_\-.]+$/, words.invalid.tokenChars)
    .min(20, words.invalid.tokenTooShort),
});

export const SearchPayload = z.strictObject({
  query: text(LIMITS.searchMax).transform((s) => s.trim()),
  from: ListFrom,
});

export const TestCaseRefPayload = z.strictObject({ testCaseId: TestCaseId });

/** A step as the tester writes it: its order is its place in the list. */
const StepInput = z.strictObject({
  action: text(LIMITS.stepTextMax).transform((s) => s.trim()).pipe(z.string().min(1, words.invalid.stepActionRequired)),
  expectedResult: text(LIMITS.stepTextMax).transform((s) => s.trim()),
});

export const CreateTestCasePayload = z.strictObject({
  title: text(LIMITS.titleMax).transform((s) => s.trim()).pipe(z.string().min(1, words.invalid.titleRequired)),
  description: text(LIMITS.descriptionMax).optional(),
  priority: Priority.optional(),
  type: TestCaseType.optional(),
  preconditions: text(LIMITS.preconditionsMax).optional(),
  steps: z.array(StepInput).max(LIMITS.stepsMax).optional(),
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
  from: ListFrom,
});

export const HistoryPayload = z.strictObject({
  testCaseId: TestCaseId,
  from: ListFrom,
});

/**
 * Names one request of the person's (a Save, a Record) across its retries: the backend derives each
 * result's idempotency key from it (A31), so a retry after a lost answer never records a result twice.
 */
const RequestId = z.uuid();

export const ExecutePayload = z.strictObject({
  requestId: RequestId.optional(),
  cycleId: CycleId,
  testCaseId: TestCaseId,
  status: ExecutionStatus,
  comment: text(LIMITS.commentMax).optional(),
  /** Jira keys of the bugs this result is about, given by the tester (never the issue under test by itself). */
  defects: z.array(JiraIssueKey).max(LIMITS.defectsMax).optional(),
  stepResults: z
    .array(z.strictObject({ order: z.number().int().min(1).max(LIMITS.stepsMax), status: ExecutionStatus, actualResult: text(LIMITS.actualResultMax).optional() }))
    .max(LIMITS.stepsMax)
    .refine((steps) => new Set(steps.map((s) => s.order)).size === steps.length, words.invalid.stepOrdersRepeat)
    .optional(),
  /** The tester chose the result against what the steps say (a Pass over failed steps needs it: shared/steps.ts). */
  overridesSteps: z.literal(true).optional(),
}).refine((p) => p.overridesSteps === true || !contradictsSteps(p.status, (p.stepResults ?? []).map((s) => s.status)), {
  message: words.invalid.passOverFailedSteps,
  path: ['status'],
});

/** One result for several of the issue's test cases in a cycle. */
export const ExecuteManyPayload = z.strictObject({
  requestId: RequestId.optional(),
  cycleId: CycleId,
  testCaseIds: z.array(TestCaseId).min(1, words.invalid.chooseTestCase).max(LIMITS.addToCycleSelectionMax),
  status: ExecutionStatus,
  comment: text(LIMITS.commentMax).optional(),
  /** Add the cases the cycle does not hold first, in the same call. */
  addMissing: z.boolean().optional(),
});

/** Which cycles hold some of a selection of the issue's test cases, and how many of them. */
export const CyclesHoldingPayload = z.strictObject({
  testCaseIds: z.array(TestCaseId).min(1, words.invalid.chooseTestCase).max(LIMITS.addToCycleSelectionMax),
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
const HealthFilter = z.enum(['ALL', 'WORKING', 'REJECTED', 'EXPIRED', 'NOT_CHECKED', 'EXPIRING_SOON', 'SUSPENDED', 'NOT_YOURS']);

export const ListConnectionsPayload = z.strictObject({
  sort: ConnectionSortKey.default('testkaseUser'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  health: HealthFilter.default('ALL'),
  /**
   * Matches the start of any word of the TestKase user's name or email, the token's name or preview,
   * the Jira account id or an admin's note (accents and case ignored).
   */
  text: text(100).transform((s) => s.trim()).default(''),
  page: z.number().int().min(1).max(100_000).default(1),
  /** The sizes the admin page offers (shared/facts.ts). */
  pageSize: z.union(ADMIN_PAGE_SIZES.map((n) => z.literal(n))).default(ADMIN_DEFAULT_PAGE_SIZE),
});

export const RemoveConnectionPayload = z.strictObject({ accountId: JiraAccountId });

/**
 * No run id starts a run, or joins the site's run already going; a run id continues that one (or the
 * one that replaced it). `stop` asks the run to start no more checks.
 */
export const CheckAllPayload = z.strictObject({ runId: z.uuid().optional(), stop: z.literal(true).optional() });

export const AuditLogPayload = z.strictObject({ cursor: z.string().min(1).max(2_000).optional() });

// ---------- list parts (the answers' `from` / `next`, see ListPart) ----------

export const LinkedTestsPayload = z.strictObject({ from: ListFrom });

export const CycleExecutionsPayload = z.strictObject({
  cycleId: CycleId,
  /** Only this linked test case's row (the run form's last result). */
  testCaseId: TestCaseId.optional(),
  from: ListFrom,
});
// ---------- Jira admin page: suspend, resume, notes, the listing's snapshot ----------

export const SuspendConnectionPayload = z.strictObject({ accountId: JiraAccountId });
export const ResumeConnectionPayload = z.strictObject({ accountId: JiraAccountId });
/** An empty note clears it. */
export const SetNotePayload = z.strictObject({ accountId: JiraAccountId, text: text(ADMIN_NOTE_MAX).transform((s) => s.trim()) });
export const RefreshListingPayload = z.strictObject({});
// ---------- Jira issues (getJiraIssues) ----------

/** A Jira issue id (digits, what Jira's Create Issue dialog answers) or key; at most a result's bugs at once. */
const JiraIssueRef = z.union([z.string().regex(JIRA_ISSUE_ID), JiraIssueKey], { error: words.invalid.jiraIssueRef });
export const JiraIssuesPayload = z.strictObject({
  refs: z.array(JiraIssueRef).min(1).max(LIMITS.defectsMax),
});

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


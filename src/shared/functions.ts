/**
 * The resolver functions, in one table: each function key, the schema of the payload it accepts, and
 * (as a type) what it answers. Definitions for `makeResolver` / `makeInvoke` and the payload types of
 * the UI are derived from it, and the backend parses every payload with the schema named here, so a
 * UI payload that drifts from its schema does not compile. The UI imports this module type-only: no
 * zod reaches its bundle.
 *
 * Adding a function: a row here, its implementation in src/resolvers/, its call in the UI.
 */
import type { z } from 'zod';
import * as P from './payloads';
import type {
  AddToCycleResult,
  AdminConnectionsPage,
  AdminRemoval,
  AppState,
  BugIssueType,
  BulkOutcome,
  AuditPage,
  CheckProgress,
  Cycle,
  CycleExecutions,
  CycleList,
  Execution,
  HistoryPage,
  IdentityCheck,
  IssueSummary,
  LinkedTests,
  Result,
  SearchResult,
  TestCaseDetail,
  TestCaseSummary,
} from './definitions';
import type { CoveragePage, CoverageProjects, CoverageScopeOptions } from './coverage';

/** A function's payload schema, and the type of its answer (carried by the type only). */
export interface FunctionSpec<S extends z.ZodType, R> {
  payload: S;
  /**
   * JIRA_ADMIN: only a Jira administrator, on the admin page, may call it. The envelope checks it
   * with Jira before the payload is even parsed (resolvers/admin-access.ts).
   */
  access?: 'JIRA_ADMIN';
  /** Never set: it only carries the answer's type. */
  answer?: R;
}

const answers =
  <R>() =>
  <S extends z.ZodType>(payload: S): FunctionSpec<S, R> => ({ payload });

const answersAdmins =
  <R>() =>
  <S extends z.ZodType>(payload: S): FunctionSpec<S, R> => ({ payload, access: 'JIRA_ADMIN' });

export const FUNCTIONS = {
  getState: answers<AppState>()(P.EmptyPayload),
  savePat: answers<AppState>()(P.SavePatPayload),
  deletePat: answers<AppState>()(P.EmptyPayload),
  /** The global page only: it asks Jira who the caller is, so the panel's getState stays free of Jira calls. */
  checkIdentity: answers<IdentityCheck>()(P.EmptyPayload),
  listLinkedTests: answers<LinkedTests>()(P.EmptyPayload),
  searchTestCases: answers<SearchResult>()(P.SearchPayload),
  getTestCase: answers<TestCaseDetail>()(P.TestCaseRefPayload),
  listTestCaseHistory: answers<HistoryPage>()(P.HistoryPayload),
  linkTestCase: answers<TestCaseSummary>()(P.TestCaseRefPayload),
  unlinkTestCase: answers<TestCaseSummary>()(P.TestCaseRefPayload),
  createTestCase: answers<TestCaseSummary>()(P.CreateTestCasePayload),
  listCycles: answers<CycleList>()(P.ListCyclesPayload),
  createCycle: answers<Cycle>()(P.CreateCyclePayload),
  addToCycle: answers<AddToCycleResult>()(P.AddToCyclePayload),
  listCycleExecutions: answers<CycleExecutions>()(P.CycleRefPayload),
  executeTest: answers<Execution>()(P.ExecutePayload),
  executeMany: answers<BulkOutcome>()(P.ExecuteManyPayload),
  addDefect: answers<Execution>()(P.AddDefectPayload),
  getIssueSummary: answers<IssueSummary>()(P.EmptyPayload),
  /** The issue panel only, when Report bug is used (not on load): the project comes from the Forge context. */
  getBugIssueType: answers<BugIssueType>()(P.EmptyPayload),
  // The Jira admin page (jira:adminPage): every one refuses a caller who is not a Jira administrator.
  adminListConnections: answersAdmins<AdminConnectionsPage>()(P.ListConnectionsPayload),
  adminRemoveConnection: answersAdmins<AdminRemoval>()(P.RemoveConnectionPayload),
  adminCheckAll: answersAdmins<CheckProgress>()(P.CheckAllPayload),
  adminAuditLog: answersAdmins<AuditPage>()(P.AuditLogPayload),
  // Test coverage: the project page (jira:projectPage) and the dashboard gadget (jira:dashboardGadget);
  // resolvers/coverage.ts refuses every other module.
  getCoverageScopes: answers<CoverageScopeOptions>()(P.CoverageScopesPayload),
  getCoveragePage: answers<CoveragePage>()(P.CoveragePagePayload),
  /** The gadget's edit mode only: the Jira projects mapped to a TestKase project the caller can read. */
  listCoverageProjects: answers<CoverageProjects>()(P.EmptyPayload),
};

type Table = typeof FUNCTIONS;
export type FunctionKey = keyof Table;
/** What the UI sends. */
export type PayloadOf<K extends FunctionKey> = z.input<Table[K]['payload']>;
/** What the implementation receives, once parsed (trimmed, defaulted). */
export type ParsedPayloadOf<K extends FunctionKey> = z.output<Table[K]['payload']>;
/** What the function answers on success. */
export type AnswerOf<K extends FunctionKey> = Table[K] extends FunctionSpec<z.ZodType, infer R> ? R : never;

/** For `makeResolver<Definitions>` and `makeInvoke<Definitions>`: a function without payload takes no argument. */
export type Definitions = {
  [K in FunctionKey]: Table[K]['payload'] extends { shape: infer Shape }
    ? [keyof Shape] extends [never]
      ? () => Promise<Result<AnswerOf<K>>>
      : (payload: PayloadOf<K>) => Promise<Result<AnswerOf<K>>>
    : (payload: PayloadOf<K>) => Promise<Result<AnswerOf<K>>>;
};

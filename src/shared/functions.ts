/**
 * The resolver functions, in one table: each function key, the schema of the payload it accepts, and
 * (as a type) what it answers. Definitions for `makeResolver` / `makeInvoke` and the payload types of
 * the UI are derived from it, and the backend parses every payload with the schema named here, so a
 * UI payload that drifts from its schema does not compile. The UI imports this module type-only: no
 * zod reaches its bundle. Who may call each function, and whether it changes the issue's tests, is in
 * the zod-free half of the table (calls.ts): this one must have exactly its keys.
 *
 * Adding a function: a row in calls.ts and here, its implementation in src/resolvers/. The UI's call
 * (static/src/api.ts) follows from the table.
 */
import type { z } from 'zod';
import type { FunctionKey } from './calls';
import * as P from './payloads';
import type {
  AddToCycleResult,
  AdminConnectionsPage,
  AdminMarkChange,
  AdminRemoval,
  ListingBuild,
  AppState,
  BugIssueType,
  BulkOutcome,
  AuditPage,
  CheckProgress,
  Cycle,
  CycleExecutions,
  CycleList,
  CyclesHolding,
  Execution,
  HistoryPage,
  IdentityCheck,
  IssueSummary,
  JiraIssueLookup,
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
  /** Never set: it only carries the answer's type. */
  answer?: R;
}

const answers =
  <R>() =>
  <S extends z.ZodType>(payload: S): FunctionSpec<S, R> => ({ payload });

export const FUNCTIONS = {
  getState: answers<AppState>()(P.EmptyPayload),
  savePat: answers<AppState>()(P.SavePatPayload),
  deletePat: answers<AppState>()(P.EmptyPayload),
  checkIdentity: answers<IdentityCheck>()(P.EmptyPayload),
  listLinkedTests: answers<LinkedTests>()(P.LinkedTestsPayload),
  searchTestCases: answers<SearchResult>()(P.SearchPayload),
  getTestCase: answers<TestCaseDetail>()(P.TestCaseRefPayload),
  listTestCaseHistory: answers<HistoryPage>()(P.HistoryPayload),
  linkTestCase: answers<TestCaseSummary>()(P.TestCaseRefPayload),
  unlinkTestCase: answers<TestCaseSummary>()(P.TestCaseRefPayload),
  createTestCase: answers<TestCaseSummary>()(P.CreateTestCasePayload),
  listCycles: answers<CycleList>()(P.ListCyclesPayload),
  createCycle: answers<Cycle>()(P.CreateCyclePayload),
  addToCycle: answers<AddToCycleResult>()(P.AddToCyclePayload),
  listCycleExecutions: answers<CycleExecutions>()(P.CycleExecutionsPayload),
  executeTest: answers<Execution>()(P.ExecutePayload),
  executeMany: answers<BulkOutcome>()(P.ExecuteManyPayload),
  addDefect: answers<Execution>()(P.AddDefectPayload),
  getIssueSummary: answers<IssueSummary>()(P.EmptyPayload),
  getBugIssueType: answers<BugIssueType>()(P.EmptyPayload),
  adminListConnections: answers<AdminConnectionsPage>()(P.ListConnectionsPayload),
  adminRemoveConnection: answers<AdminRemoval>()(P.RemoveConnectionPayload),
  adminCheckAll: answers<CheckProgress>()(P.CheckAllPayload),
  adminAuditLog: answers<AuditPage>()(P.AuditLogPayload),
  listCyclesHolding: answers<CyclesHolding>()(P.CyclesHoldingPayload),
  adminSuspendConnection: answers<AdminMarkChange>()(P.SuspendConnectionPayload),
  adminResumeConnection: answers<AdminMarkChange>()(P.ResumeConnectionPayload),
  adminSetNote: answers<AdminMarkChange>()(P.SetNotePayload),
  adminRefreshListing: answers<ListingBuild>()(P.RefreshListingPayload),
  getJiraIssues: answers<JiraIssueLookup>()(P.JiraIssuesPayload),
  // Test coverage: the project page (jira:projectPage) and the dashboard gadget (jira:dashboardGadget).
  getCoverageScopes: answers<CoverageScopeOptions>()(P.CoverageScopesPayload),
  getCoveragePage: answers<CoveragePage>()(P.CoveragePagePayload),
  listCoverageProjects: answers<CoverageProjects>()(P.EmptyPayload),
} satisfies { [K in FunctionKey]: FunctionSpec<z.ZodType, unknown> };

type Table = typeof FUNCTIONS;
export type { FunctionKey };
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

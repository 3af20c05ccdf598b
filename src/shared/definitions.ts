/**
 * What the Custom UI and the resolver exchange: the answers' types, the error envelope, and (derived
 * from the function table in functions.ts) `Definitions` for `makeResolver` / `makeInvoke` and the
 * payload types. Type-only, so the frontend bundle pulls in no backend code.
 */
import type {
  AddToCycleResult,
  Cycle,
  Execution,
  ExecutionRun,
  ExecutionStatus,
  ExecutionSummary,
  Priority,
  ProjectRole,
  StatusCounts,
  StepResult,
  TestCase,
  TestCaseDetail,
  TestStep,
  User,
} from '../testkase/contract';

import type { Definitions, FunctionKey, PayloadOf } from './functions';

export type { AddToCycleResult, Cycle, Execution, ExecutionRun, ExecutionStatus, Priority, StatusCounts, StepResult, TestCaseDetail, TestStep, User };
export type { Definitions, FunctionKey };

// ---------- result envelope (resolvers never throw to the UI) ----------

export type ErrorCode =
  | 'VALIDATION' // the payload was not acceptable; nothing changed
  | 'NO_TOKEN' // the user has no saved PAT
  | 'TOKEN_REJECTED' // TestKase said 401: revoked, expired or wrong
  | 'FORBIDDEN' // TestKase said 403: the user's role does not allow it (Guests are read-only)
  | 'NOT_FOUND' // the test case, cycle or project does not exist (any more)
  | 'RATE_LIMITED' // TestKase said 429
  | 'UNAVAILABLE' // TestKase could not be reached, timed out or answered 5xx
  | 'BAD_RESPONSE' // TestKase answered something the contract does not describe
  | 'NOT_MAPPED' // the Jira project has no TestKase project mapped
  | 'WRONG_MODULE' // called from a module the function table does not list for it (e.g. an issue operation outside an issue panel)
  | 'STORAGE' // Forge storage failed (a @forge/kvs call was refused or did not answer)
  | 'UNKNOWN_FUNCTION' // the frontend called a function this backend does not define (e.g. a stale page)
  | 'TOO_LARGE' // the answer would be over Forge's invoke limit and is not a list that can end early (resolvers/answer-size.ts)
  | 'SUSPENDED' // a Jira admin suspended the user's connection: nothing is asked of TestKase until an admin resumes it
  | 'INTERNAL'; // a bug: logged without the PAT

export interface AppError {
  code: ErrorCode;
  /** A plain sentence for a person, with the next step. Never contains the PAT or a stack trace. */
  message: string;
  /** Seconds to wait before retrying, when TestKase said so (429). */
  retryAfterSeconds?: number;
  /** Which field was wrong, for VALIDATION. */
  field?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

// ---------- the connection state ----------

export type PatSavedReason =
  | 'TOKEN_REJECTED'
  | 'PROJECT_NOT_MAPPED'
  | 'MAPPING_LOST'
  | 'NO_PROJECT_ACCESS'
  | 'TESTKASE_UNAVAILABLE'
  | 'RATE_LIMITED';

export interface MappedProject {
  id: string;
  name: string;
  role: ProjectRole;
}

/** What a person is told about a state that is not READY: a heading and one sentence with the next step. */
export interface StateMessage {
  title: string;
  text: string;
}

/**
 * The user's connection state as the UI gets it (the state machine's ConnectionState, in
 * connection/state-machine.ts, with its words): a state that is not READY carries what to tell the person.
 */
export type ConnectionView =
  /** `removedByAdmin`: a Jira admin removed the user's token; they reconnect by saving a new one. */
  | { kind: 'NO_CONFIG'; removedByAdmin?: true; message: StateMessage }
  | { kind: 'PAT_SAVED'; reason: PatSavedReason; retryAfterSeconds?: number; message: StateMessage }
  | {
      kind: 'READY';
      /** The TestKase project mapped to this Jira project; null outside a Jira project (global page). */
      project: MappedProject | null;
      /** False for Guests: TestKase makes them read-only. */
      canWrite: boolean;
    }
  /**
   * A Jira admin suspended the connection (connection/state-machine.ts): the token stays stored and is
   * not used until an admin resumes it. `by`: the admin's Jira name when known.
   */
  | { kind: 'SUSPENDED'; since: string; by: string | null; tokenStored: boolean; message: StateMessage };

/** What the app may show about a saved token: never the token itself. */
export interface TokenSummary {
  preview: string;
  savedAt: string;
  lastValidatedAt: string | null;
  testkaseUser: User | null;
  tokenName: string | null;
  expiresAt: string | null;
}

export type ModuleKind = 'ISSUE_PANEL' | 'ISSUE_CONTEXT' | 'GLOBAL_PAGE' | 'ADMIN_PAGE' | 'PROJECT_PAGE' | 'DASHBOARD_GADGET';

/**
 * checkIdentity (global page only): whether the saved token's TestKase user is the person signed in to
 * Jira, compared by e-mail when Jira shows it, else by name (see connection/acting-identity.ts).
 */
export type IdentityCheck =
  | { kind: 'MATCH'; by: 'EMAIL' | 'NAME' }
  /** No token, its TestKase user not known, or Jira could not say who the caller is: nothing to warn about. */
  | { kind: 'UNKNOWN' }
  | {
      kind: 'MISMATCH';
      by: 'EMAIL' | 'NAME';
      testkaseUser: { name: string; email: string | null };
      jiraUser: { displayName: string | null };
      /** The warning, naming both. */
      message: StateMessage;
    };

/** getBugIssueType (issue panel): the project's Bug issue type for Jira's Create Issue dialog; null when it has none. */
export interface BugIssueType {
  issueTypeId: string | null;
}

/** A test case as a list shows it (details come on demand, so a long list stays small). */
export type TestCaseSummary = Pick<TestCase, 'id' | 'title' | 'priority' | 'type' | 'status' | 'automationId' | 'updatedAt'> & {
  latestExecution: ExecutionSummary | null;
};

/**
 * Where a list answer sits in the whole list. A list answers one part of it: at most LIMITS.listMax
 * items (a page for search and history), and fewer when the whole part would be over Forge's answer
 * limit — the envelope then ends it early (resolvers/answer-size.ts). The UI says how many of `total`
 * it shows, and asks for the rest with the payload's `from: next`.
 */
export interface ListPart {
  /** How many items the whole list has. */
  total: number;
  /** The index in the whole list of this part's first item (the backend always says; absent: 0). */
  from?: number;
  /** Pass it back as `from` for the next part; null (or absent) when this part reaches the end of the list. */
  next?: number | null;
}

export interface LinkedTests extends ListPart {
  items: TestCaseSummary[];
  /** Latest execution status of the listed test cases (a case never run counts as NOT_EXECUTED). */
  counts: StatusCounts;
}

export interface CycleList extends ListPart {
  /** Most recent activity first. */
  items: Cycle[];
}

export interface HistoryPage extends ListPart {
  /** Newest first. */
  items: ExecutionRun[];
}

/**
 * executeMany's answer: ids and statuses only (a re-read of the list shows the rest), so 2,000 results
 * make a small answer however long their comments are.
 */
export interface BulkOutcome {
  /** Recorded now, or by an earlier try of the same request (TestKase did not record it twice). */
  recorded: Array<{ testCaseId: string; executionId: string; status: ExecutionStatus }>;
  /** Added to the cycle first (`addMissing`). */
  added: string[];
  /** What was not recorded, one group per reason, each with its sentence naming its cases. */
  failed: BulkFailure[];
}

/**
 * NOT_IN_CYCLE: the case is not in the cycle. REFUSED: TestKase answered that it did not record it.
 * UNKNOWN: the request's answer was lost (timed out): it may have been recorded; trying again records
 * only what is missing. NOT_SENT: never sent (the time for one call ran out, or an earlier batch was
 * refused for every case): not recorded.
 */
export type BulkFailureReason = 'NOT_IN_CYCLE' | 'REFUSED' | 'UNKNOWN' | 'NOT_SENT';

interface BulkFailure {
  reason: BulkFailureReason;
  testCaseIds: string[];
  message: string;
}

/** listCyclesHolding: how many of the given test cases each cycle holds (cycles holding none are left out). */
export interface CyclesHolding {
  items: Array<{ cycleId: string; held: number }>;
}

export interface AppState {
  module: ModuleKind;
  issueKey: string | null;
  jiraProjectKey: string | null;
  connection: ConnectionView;
  token: TokenSummary | null;
  /** Filled in the issue panel when READY, so the first screen needs one invoke. */
  linked: Result<LinkedTests> | null;
  /** On an issue: the issue's live updates (Forge Realtime), or null when Realtime could not be had. */
  live?: LiveAccess | null;
}

/**
 * How a module of an issue subscribes to the issue's live updates (Forge Realtime): the channel and a
 * subscribe-only token the resolver signed for it, with the issue in its claims. Not a credential of
 * the user's: it lets its holder hear "this issue's tests changed", nothing else.
 */
export interface LiveAccess {
  channel: string;
  token: string;
}

/** The newest execution recorded for any test case linked to the issue. */
export interface LatestRun {
  testCaseId: string;
  testCaseTitle: string;
  status: ExecutionStatus;
  /** ISO date-time; the UI shows it in the user's Jira timezone. */
  executedAt: string;
  /** Who ran it, by TestKase display name (no e-mail: the summary is shown to everyone who can see the issue). */
  executedBy: string;
}

/** The linked test cases at a glance: how many, their latest results, and the newest run. */
export interface Coverage {
  total: number;
  counts: StatusCounts;
  latest: LatestRun | null;
}

/** What the issue context module (UI Kit) shows: the state and, when READY, the coverage of the issue. */
export interface IssueSummary {
  issueKey: string;
  connection: ConnectionView;
  /** READY: the coverage, or why TestKase could not list the linked cases; null in any other state. */
  coverage: Result<Coverage> | null;
  /** The issue's live updates, as in AppState. */
  live?: LiveAccess | null;
}

export interface SearchResult extends ListPart {
  items: TestCaseSummary[];
}

export interface CycleExecutions extends ListPart {
  cycle: Cycle;
  /**
   * One row per test case linked to this issue that is in the cycle (`cycle.total` counts the whole
   * cycle, `total` the issue's rows, `counts` their statuses in every part).
   */
  items: Execution[];
  counts: StatusCounts;
  /** Linked test cases not in this cycle (candidates for "Add to cycle"). */
  notInCycle: string[];
}

// ---------- Jira admin page (every user's stored connection; never a token) ----------

/**
 * How a stored token fared when TestKase last answered about it (see admin/connection-health.ts), or
 * SUSPENDED: a Jira admin stopped its use, whatever TestKase would say.
 */
export type ConnectionHealth = 'WORKING' | 'REJECTED' | 'EXPIRED' | 'NOT_CHECKED' | 'SUSPENDED';

export interface JiraUserSummary {
  accountId: string;
  displayName: string | null;
  avatarUrl: string | null;
  /** False for a deactivated account (typically someone who left); null when Jira did not say. */
  active: boolean | null;
}

export interface AdminConnection {
  accountId: string;
  /** Null when Jira did not return the account (deleted, or Jira could not be asked). */
  jiraUser: JiraUserSummary | null;
  testkaseUser: User | null;
  tokenName: string | null;
  /** `tk_pat_a1b2…`: enough to find the token in TestKase's API Keys list. */
  preview: string;
  savedAt: string;
  lastValidatedAt: string | null;
  lastCheckedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  health: ConnectionHealth;
  /** Not expired yet, but within the warning period. */
  expiringSoon: boolean;
  /** How TestKase answered at the check that set the state (lastCheckedAt): OK, REJECTED, or null when none did. */
  lastCheckResult: 'OK' | 'REJECTED' | null;
  /** False for a suspended connection whose user deleted their token since (the row is the suspension). */
  tokenStored: boolean;
  /** A Jira admin suspended it: when, and the admin's Jira name then. */
  suspended: { at: string; byName: string | null } | null;
  /** A Jira admin's note (user-chosen text: shown as data). */
  note: { text: string; at: string } | null;
  /**
   * The token belongs to another TestKase user than the Jira user who saved it, as found when that user
   * last opened the TestKase page (Jira's own answer about them, with their e-mail when Jira shows it to them).
   */
  notYours: { by: 'EMAIL' | 'NAME'; testkaseUser: { name: string; email: string | null }; at: string } | null;
  /** Listed from a snapshot but not stored any more (removed or deleted since it was built). */
  gone?: true;
}

/** Over every stored connection, whatever the filter. */
export type ConnectionCounts = Record<ConnectionHealth | 'ALL' | 'EXPIRING_SOON' | 'NOT_YOURS', number>;

/**
 * Where a listing page comes from: read just now (LIVE, a site with few connections), or a snapshot
 * of every connection built at `asOf` (a large site: reading them all for each page would use the
 * installation's storage quota), with how many changes the admin page made since; BUILDING: there is
 * no snapshot yet and one is being built (adminRefreshListing).
 */
export type ListingSource =
  | { kind: 'LIVE' }
  | { kind: 'SNAPSHOT'; asOf: string; stale: boolean; changesSince: number }
  | { kind: 'BUILDING' };

/** adminRefreshListing: how far the snapshot being built got. */
export interface ListingBuild {
  done: boolean;
  /** Connections read so far (of about `estimate`, from the last snapshot; null the first time). */
  scanned: number;
  estimate: number | null;
  /** Another call is building right now: this one did nothing; call again shortly. */
  busy?: true;
  /** Call again after this many seconds: the build spreads its reads to stay within the storage quota. */
  nextCallInSeconds?: number;
  /** When done: the snapshot's time. */
  asOf: string | null;
}

/** A Jira admin's suspension, resumption or note: what was in force before, for the page's sentence. */
export interface AdminMarkChange {
  accountId: string;
  /** The suspension, or the note, now (null: none). */
  suspended: { at: string; byName: string | null } | null;
  note: { text: string; at: string } | null;
}

export interface AdminConnectionsPage {
  rows: AdminConnection[];
  counts: ConnectionCounts;
  /** How many match the filter: what the pages page through. */
  matched: number;
  page: number;
  pageSize: number;
  /** False when Jira could not say who the accounts are: rows then show account ids only. */
  usersKnown: boolean;
  source: ListingSource;
}

export interface AdminRemoval {
  accountId: string;
  /** False when the user had no token stored (any more): nothing changed. */
  removed: boolean;
}

/** What a "check all" run found so far. */
interface CheckTally {
  WORKING: number;
  REJECTED: number;
  EXPIRED: number;
  /** TestKase did not answer about these tokens; their state is unchanged. */
  UNREACHABLE: number;
  /** Removed or replaced since the run started: nothing to check. */
  GONE: number;
  /** Suspended by a Jira admin: not used, so not checked. */
  SUSPENDED: number;
}

export interface CheckProgress {
  runId: string;
  total: number;
  checked: number;
  tally: CheckTally;
  done: boolean;
  /** TestKase asked to slow down (429): call again with the run id after this many seconds. */
  retryAfterSeconds?: number;
  // ---- one run per site (admin/check-all.ts) ----
  /** When the run started, and whether the caller started it (false: they joined a run already going). */
  startedAt: string;
  startedByCaller: boolean;
  /** Another call (another tab or admin) is checking right now: nothing was checked by this one; call again shortly. */
  busy?: true;
  /** Someone pressed Stop: no check starts until the run is continued. */
  stopped?: { at: string };
  /** When the states of the tokens TestKase could not be asked about were last checked (oldest, newest); null: none. */
  unreachableSince: { oldest: string | null; newest: string | null } | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: 'REMOVE_CONNECTION' | 'CHECK_ALL' | 'SUSPEND_CONNECTION' | 'RESUME_CONNECTION' | 'SET_NOTE';
  /** The Jira admin who acted. */
  actor: JiraUserSummary;
  /** Whose connection (REMOVE_CONNECTION). */
  target: JiraUserSummary | null;
  /**
   * REMOVE_CONNECTION: DONE, NOTHING_STORED, or STARTED when it was interrupted before it confirmed
   * (the token may or may not be gone). CHECK_ALL: RUNNING (or stopped) until DONE.
   */
  outcome: 'STARTED' | 'DONE' | 'NOTHING_STORED' | 'RUNNING';
  /** The token removed (REMOVE_CONNECTION). */
  token: { preview: string; tokenName: string | null } | null;
  /** Progress and findings (CHECK_ALL). */
  check: { total: number; checked: number; tally: CheckTally; updatedAt: string } | null;
  /** SET_NOTE: the note as written (null text: cleared). User-chosen text: shown as data, never inside a sentence. */
  note: { text: string | null } | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass back for the next (older) entries; null at the end. */
  nextCursor: string | null;
}

// ---------- Jira issues, as the signed-in user sees them (getJiraIssues) ----------

/** What Jira says an issue is, for the panel: a bug's key after Jira's Create Issue dialog, a typed bug key checked. */
export interface JiraIssueInfo {
  id: string;
  key: string;
  summary: string;
  /** The status's name ("To Do") and Jira's category key (`new`, `indeterminate`, `done`), when Jira says. */
  status: string | null;
  statusCategory: string | null;
  /** The issue type's name ("Bug", "Story"). */
  type: string | null;
  /** A non-sub-task type named Bug (any case), as getBugIssueType picks it. */
  isBug: boolean;
  project: { key: string | null; name: string | null };
  /** In the Jira project of the issue the panel is on (from the trusted Forge context). */
  inThisProject: boolean;
}

/** One answer per ref asked, in the order asked: `issue` null when Jira has none the user can see (404). */
export interface JiraIssueLookup {
  items: Array<{ ref: string; issue: JiraIssueInfo | null }>;
}

// ---------- payloads (derived from the schemas in payloads.ts) ----------

export type ExecutePayload = PayloadOf<'executeTest'>;
export type ListConnectionsPayload = PayloadOf<'adminListConnections'>;

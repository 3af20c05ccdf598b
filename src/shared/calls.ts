/**
 * The function table's runtime facts, zod-free so the UIs can read them: every function key, which
 * modules may call it, whether only a Jira administrator may, and whether a successful call changes
 * what the issue's tests count (the panel then tells the issue context glance to fetch again).
 * functions.ts adds each key's payload schema and answer type and must list exactly these keys (it
 * `satisfies` this table, so a key added or dropped on one side only does not compile).
 *
 * The envelope (resolvers/envelope.ts) refuses a call from any other module with WRONG_MODULE, from
 * the trusted Forge context and before the payload is parsed.
 */
import type { ModuleKind } from './definitions';

export interface CallFacts {
  /** The modules whose frames may call it; the first names where it works in the refusal's sentence. */
  modules: readonly [ModuleKind, ...ModuleKind[]];
  /** JIRA_ADMIN: only a Jira administrator, checked with Jira before the payload is parsed (resolvers/admin-access.ts). */
  access?: 'JIRA_ADMIN';
  /** A success changes what the issue's summary counts (a result recorded, a case linked, unlinked or created). */
  changesTests?: true;
}

const PANEL = ['ISSUE_PANEL'] as const;
const PANEL_WRITE_TESTS = { modules: PANEL, changesTests: true } as const;
const SETTINGS = ['GLOBAL_PAGE'] as const;
const ADMIN = { modules: ['ADMIN_PAGE'], access: 'JIRA_ADMIN' } as const;

export const CALLS = {
  // The first screen of the panel and the settings page (the glance has its own, getIssueSummary); the
  // admin page asks it too (one bundle prefetches it before it knows the module), for the admin's own connection.
  getState: { modules: ['ISSUE_PANEL', 'GLOBAL_PAGE', 'ADMIN_PAGE', 'PROJECT_PAGE', 'DASHBOARD_GADGET'] },
  savePat: { modules: SETTINGS },
  deletePat: { modules: SETTINGS },
  /** The global page only: it asks Jira who the caller is, so the panel's getState stays free of Jira calls. */
  checkIdentity: { modules: SETTINGS },
  listLinkedTests: { modules: PANEL },
  searchTestCases: { modules: PANEL },
  getTestCase: { modules: PANEL },
  listTestCaseHistory: { modules: PANEL },
  linkTestCase: PANEL_WRITE_TESTS,
  unlinkTestCase: PANEL_WRITE_TESTS,
  createTestCase: PANEL_WRITE_TESTS,
  listCycles: { modules: PANEL },
  createCycle: { modules: PANEL },
  addToCycle: PANEL_WRITE_TESTS,
  listCycleExecutions: { modules: PANEL },
  executeTest: PANEL_WRITE_TESTS,
  executeMany: PANEL_WRITE_TESTS,
  addDefect: { modules: PANEL },
  // The glance; the panel on the same issue may ask for the same summary.
  getIssueSummary: { modules: ['ISSUE_CONTEXT', 'ISSUE_PANEL'] },
  /** The issue panel only, when Report bug is used (not on load): the project comes from the Forge context. */
  getBugIssueType: { modules: PANEL },
  // The Jira admin page (jira:adminPage): every one refuses a caller who is not a Jira administrator.
  adminListConnections: ADMIN,
  adminRemoveConnection: ADMIN,
  adminCheckAll: ADMIN,
  adminAuditLog: ADMIN,
  // ---------- the tester's workflow (issue 22) ----------
  /** The bulk form: which cycles already hold the selection. */
  listCyclesHolding: { modules: PANEL },
  adminSuspendConnection: ADMIN,
  adminResumeConnection: ADMIN,
  adminSetNote: ADMIN,
  /** Builds the listing's snapshot on a large site, a bounded share per call (admin/listing/). */
  adminRefreshListing: ADMIN,
  /** The issue panel: a created bug's key from its id, a typed bug key checked (Jira as the user; never on load). */
  getJiraIssues: { modules: PANEL },
  // Test coverage (resolvers/coverage.ts): the project page in its project; the gadget names its
  // configured project (every read is made as the caller, so that gives no one more than they can see).
  getCoverageScopes: { modules: ['PROJECT_PAGE', 'DASHBOARD_GADGET'] },
  getCoveragePage: { modules: ['PROJECT_PAGE', 'DASHBOARD_GADGET'] },
  /** The gadget's edit mode: the Jira projects mapped to a TestKase project the caller can read. */
  listCoverageProjects: { modules: ['DASHBOARD_GADGET'] },
} as const satisfies Record<string, CallFacts>;

export type FunctionKey = keyof typeof CALLS;

/** The table's keys, typed (Object.keys says string[]). */
export const FUNCTION_KEYS = Object.keys(CALLS) as FunctionKey[];

/** Whether `module` may call `key` (the envelope's one check). */
export function mayCall(key: FunctionKey, module: ModuleKind): boolean {
  const allowed: readonly ModuleKind[] = CALLS[key].modules;
  return allowed.includes(module);
}

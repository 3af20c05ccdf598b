/** Field and list limits shared by the client, the resolvers, the simulator and the UI. No imports, so
 * the Custom UI bundle can use them without pulling in zod. */
export const LIMITS = {
  titleMax: 255,
  descriptionMax: 10_000,
  commentMax: 2_000,
  cycleNameMax: 120,
  environmentMax: 60,
  searchMax: 100,
  /** Largest page the app asks for; the simulator caps pageSize at the same value. */
  pageSizeMax: 100,
  /** Items a list answers with at most (a linked-tests or cycles list): the rest is counted, never silently dropped. */
  listMax: 2_000,
  /** Test cases TestKase adds to a cycle in one call (the app sends larger selections in batches). */
  addToCycleMax: 100,
  /** Test cases the app adds to a cycle for one request of the person (in batches of addToCycleMax). */
  addToCycleSelectionMax: 2_000,
  /** Results TestKase records in one bulk call. */
  bulkMax: 100,
  stepsMax: 100,
  actualResultMax: 2_000,
  defectsMax: 20,
  // ---------- writing test cases from Jira (A30) ----------
  preconditionsMax: 5_000,
  /** A step's action and its expected result, each. */
  stepTextMax: 1_000,
  // Coverage across a release (A50–A52).
  /** Jira issue keys in one coverage query: ~1.3 KB of URL for typical keys. */
  coverageKeysMax: 100,
  /** Defect keys a coverage entry lists for one issue (the rest are counted). */
  coverageDefectsMax: 50,
  /** Linked issue keys in one page of A51. */
  linkedIssuesPageMax: 500,
} as const;

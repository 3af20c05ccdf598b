/**
 * Domain operations over the simulator state, and its persistence. Every mutation goes through
 * `mutate`, which writes the whole state atomically (temp file + rename) when a data folder is set,
 * so a crash leaves either the previous state or the new one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BulkRecordResult,
  Cycle,
  CyclesQuery,
  Execution,
  ExecutionRun,
  ExecutionStatus,
  ExecutionSummary,
  Project,
  StatusCounts,
  TestCase,
  TestCaseDetail,
  User,
} from '../../src/testkase/contract';
import { seedState } from './seed';
import { byId, SimState, type SimCycle, type SimMember, type SimRun, type SimTestCase, type SimToken, type SimUser } from './state';
import { hashToken, listingPreview, mintToken, sameHash } from './tokens';
import { ExecutionIndex } from './execution-index';

const DAY = 86_400_000;
/** How long TestKase keeps a result's idempotency key (A31). */
const IDEMPOTENCY_TTL_MS = DAY;

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type TokenCheck =
  | { ok: true; token: SimToken; user: SimUser }
  | { ok: false; reason: 'UNKNOWN' | 'EXPIRED' | 'REVOKED' | 'USER_DELETED' };

export interface StoreOptions {
  dataDir: string | null;
  reset?: boolean;
  now: () => number;
}

export class Store {
  state: SimState;
  private readonly file: string | null;
  /**
   * How many times the state changed: the indexes over it (execution-index.ts, coverage-index.ts) rebuild
   * when it moved. Counted even when a mutation throws half-way: what it did change must not be served stale.
   */
  revision = 0;
  /** Each case's current run per cycle, cycles' members, issues' cases (execution-index.ts). */
  readonly index: ExecutionIndex = new ExecutionIndex(this);

  constructor(private readonly opts: StoreOptions) {
    this.file = opts.dataDir ? join(opts.dataDir, 'testkase-sim.json') : null;
    this.state = this.load();
  }

  private load(): SimState {
    if (this.file && !this.opts.reset && existsSync(this.file)) {
      const saved = SimState.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (saved.success) return saved.data;
      // A state written by an older simulator: keep it aside and start from the seed.
      renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
    }
    const fresh = seedState(this.opts.now());
    this.persist(fresh);
    return fresh;
  }

  private persist(state: SimState): void {
    if (!this.file || !this.opts.dataDir) return;
    mkdirSync(this.opts.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  mutate<T>(fn: (s: SimState) => T): T {
    try {
      const result = fn(this.state);
      this.persist(this.state);
      return result;
    } finally {
      this.revision += 1;
    }
  }

  reseed(): void {
    this.state = seedState(this.opts.now());
    this.revision += 1;
    this.persist(this.state);
  }

  private iso(): string {
    return new Date(this.opts.now()).toISOString();
  }

  // ---------- users and tokens ----------

  user(id: string): SimUser {
    const u = this.state.users.find((x) => x.id === id && !x.deleted);
    if (!u) throw new SimError(404, 'NOT_FOUND', `No user '${id}'.`);
    return u;
  }

  publicUser(id: string | null): User | null {
    if (!id) return null;
    const u = this.state.users.find((x) => x.id === id);
    return u ? { id: u.id, name: u.name, email: u.email } : { id, name: id };
  }

  createToken(userId: string, name: string, days: number): { token: string; record: SimToken } {
    const user = this.user(userId);
    const token = mintToken();
    const now = this.opts.now();
    const record = this.mutate((s) => {
      const r: SimToken = {
        id: `tok_${++s.counters.token}`,
        userId: user.id,
        name,
        hash: hashToken(token),
        preview: listingPreview(token),
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + days * DAY).toISOString(),
        revokedAt: null,
      };
      s.tokens.push(r);
      return r;
    });
    return { token, record };
  }

  /**
   * Many users in one write (the local runtime's QA seeding): each replaces the user with its id, so
   * seeding again after an interrupted run adds nobody twice.
   */
  addUsers(users: readonly Omit<SimUser, 'deleted'>[]): void {
    this.mutate((s) => {
      const byId = new Map(users.map((u) => [u.id, { ...u, memberships: { ...u.memberships }, deleted: false }]));
      s.users = s.users.map((u) => byId.get(u.id) ?? u);
      const known = new Set(s.users.map((u) => u.id));
      s.users.push(...[...byId.values()].filter((u) => !known.has(u.id)));
    });
  }

  /** Tokens for many users in one write, each expiring `expiresInMs` after now (any length: a seeding's tokens that expire in seconds). */
  createTokens(requests: readonly { userId: string; name: string; expiresInMs: number }[]): Array<{ token: string; record: SimToken }> {
    for (const r of requests) this.user(r.userId);
    const now = this.opts.now();
    return this.mutate((s) =>
      requests.map(({ userId, name, expiresInMs }) => {
        const token = mintToken();
        const record: SimToken = {
          id: `tok_${++s.counters.token}`,
          userId,
          name,
          hash: hashToken(token),
          preview: listingPreview(token),
          createdAt: new Date(now).toISOString(),
          expiresAt: new Date(now + expiresInMs).toISOString(),
          revokedAt: null,
        };
        s.tokens.push(record);
        return { token, record };
      }),
    );
  }

  /** Revokes many tokens in one write; answers how many were active. */
  revokeTokens(ids: readonly string[]): number {
    const wanted = new Set(ids);
    const at = this.iso();
    return this.mutate((s) => {
      let revoked = 0;
      for (const t of s.tokens) {
        if (!wanted.has(t.id) || t.revokedAt) continue;
        t.revokedAt = at;
        revoked += 1;
      }
      return revoked;
    });
  }

  /** A revoked token is removed from the list, as TestKase's Delete does; it answers 401 at once. */
  revokeToken(id: string): boolean {
    return this.mutate((s) => {
      const t = s.tokens.find((x) => x.id === id && !x.revokedAt);
      if (!t) return false;
      t.revokedAt = this.iso();
      return true;
    });
  }

  deleteUser(id: string): boolean {
    return this.mutate((s) => {
      const u = s.users.find((x) => x.id === id && !x.deleted);
      if (!u) return false;
      u.deleted = true;
      return true;
    });
  }

  tokenStatus(t: SimToken): 'active' | 'expired' | 'revoked' {
    if (t.revokedAt) return 'revoked';
    return Date.parse(t.expiresAt) <= this.opts.now() ? 'expired' : 'active';
  }

  checkToken(token: string): TokenCheck {
    const hash = hashToken(token);
    const record = this.state.tokens.find((t) => sameHash(t.hash, hash));
    if (!record) return { ok: false, reason: 'UNKNOWN' };
    const status = this.tokenStatus(record);
    if (status === 'revoked') return { ok: false, reason: 'REVOKED' };
    if (status === 'expired') return { ok: false, reason: 'EXPIRED' };
    const user = this.state.users.find((u) => u.id === record.userId);
    if (!user || user.deleted) return { ok: false, reason: 'USER_DELETED' };
    return { ok: true, token: record, user };
  }

  // ---------- projects, membership and mappings ----------

  userProjects(user: SimUser): Project[] {
    return this.state.projects
      .filter((p) => user.memberships[p.id])
      .map((p) => ({ id: p.id, key: p.key, name: p.name, role: user.memberships[p.id]! }));
  }

  /** 404 for a project that does not exist, 403 NOT_A_MEMBER for one the user cannot see. */
  access(user: SimUser, projectId: string, write: boolean): void {
    const project = this.state.projects.find((p) => p.id === projectId);
    if (!project) throw new SimError(404, 'NOT_FOUND', `Project ${projectId} does not exist.`);
    const role = user.memberships[projectId];
    if (!role) throw new SimError(403, 'NOT_A_MEMBER', `You are not a member of project ${projectId}.`);
    if (write && role === 'GUEST') throw new SimError(403, 'READ_ONLY', 'Guests have read-only access to this project.');
  }

  mappings(jiraProjectKey?: string) {
    return this.state.mappings
      .filter((m) => !jiraProjectKey || m.jiraProjectKey === jiraProjectKey)
      .map((m) => ({ ...m, projectName: this.state.projects.find((p) => p.id === m.projectId)?.name ?? m.projectId }));
  }

  addMapping(jiraProjectKey: string, projectId: string): void {
    if (!this.state.projects.some((p) => p.id === projectId)) throw new SimError(404, 'NOT_FOUND', `Project ${projectId} does not exist.`);
    this.mutate((s) => {
      s.mappings = s.mappings.filter((m) => m.jiraProjectKey !== jiraProjectKey);
      s.mappings.push({ jiraProjectKey, projectId });
    });
  }

  removeMapping(jiraProjectKey: string): boolean {
    return this.mutate((s) => {
      const before = s.mappings.length;
      s.mappings = s.mappings.filter((m) => m.jiraProjectKey !== jiraProjectKey);
      return s.mappings.length < before;
    });
  }

  // ---------- test cases ----------

  private currentRun(projectId: string, cycleId: string, testCaseId: string): SimRun | undefined {
    return this.index.currentRun(projectId, cycleId, testCaseId);
  }

  /** The case's most recent execution among its cycles' current results (a reset in a cycle withdraws that cycle's). */
  private latestExecution(tc: SimTestCase): ExecutionSummary | null {
    let latest: SimRun | undefined;
    for (const m of this.index.membershipsOf(tc.projectId, tc.id)) {
      const run = this.currentRun(m.projectId, m.cycleId, m.testCaseId);
      if (run && run.status !== 'NOT_EXECUTED' && (!latest || run.seq > latest.seq)) latest = run;
    }
    if (!latest) return null;
    return { status: latest.status, cycleId: latest.cycleId, executedAt: latest.recordedAt, executedBy: this.publicUser(latest.recordedBy)! };
  }

  toTestCase(tc: SimTestCase): TestCase {
    const { ownerId, preconditions: _p, steps: _s, ...fields } = tc;
    return { ...fields, owner: this.publicUser(ownerId), jiraIssueKeys: [...tc.jiraIssueKeys], latestExecution: this.latestExecution(tc) };
  }

  toTestCaseDetail(tc: SimTestCase): TestCaseDetail {
    return { ...this.toTestCase(tc), preconditions: tc.preconditions, steps: tc.steps.map((step) => ({ ...step })) };
  }

  testCase(projectId: string, id: string): SimTestCase {
    const tc = this.state.testCases.find((t) => t.projectId === projectId && t.id === id);
    if (!tc) throw new SimError(404, 'NOT_FOUND', `Test case ${id} does not exist in project ${projectId}.`);
    return tc;
  }

  /**
   * Search (A3): every word of the query must appear in the id or the title, in any order, case
   * insensitively; a test case whose id is the query itself comes first.
   */
  findTestCases(projectId: string, filter: { jiraIssueKey?: string; search?: string }): SimTestCase[] {
    const query = filter.search?.trim().toLowerCase() ?? '';
    const words = query.split(/\s+/).filter(Boolean);
    const exact = (t: SimTestCase) => (query !== '' && t.id.toLowerCase() === query ? 0 : 1);
    return this.state.testCases
      .filter((t) => t.projectId === projectId)
      .filter((t) => !filter.jiraIssueKey || t.jiraIssueKeys.includes(filter.jiraIssueKey))
      .filter((t) => words.every((w) => t.id.toLowerCase().includes(w) || t.title.toLowerCase().includes(w)))
      .sort((a, b) => exact(a) - exact(b) || byId(a, b));
  }

  /** A new test case with its type, preconditions and steps numbered from 1 in the order sent (A5, A30). */
  createTestCase(
    input: { projectId: string; title: string; description: string; priority: SimTestCase['priority']; jiraIssueKeys: string[]; type?: SimTestCase['type']; preconditions?: string; steps?: Array<{ action: string; expectedResult: string }> },
    ownerId: string,
  ): SimTestCase {
    const { steps = [], type = 'FUNCTIONAL', preconditions = '', ...fields } = input;
    return this.mutate((s) => {
      const project = s.projects.find((p) => p.id === input.projectId)!;
      const now = this.iso();
      const tc: SimTestCase = {
        ...fields,
        type,
        status: 'DRAFT',
        automationId: null,
        ownerId,
        preconditions,
        steps: steps.map((step, i) => ({ order: i + 1, action: step.action, expectedResult: step.expectedResult })),
        jiraIssueKeys: [...new Set(input.jiraIssueKeys)],
        id: `TC-${project.nextCase++}`,
        createdAt: now,
        updatedAt: now,
      };
      s.testCases.push(tc);
      const master = s.cycles.find((c) => c.projectId === input.projectId && c.isMaster);
      if (master) this.addMember(s, master, tc.id);
      return tc;
    });
  }

  link(projectId: string, testCaseId: string, issueKey: string): SimTestCase {
    const tc = this.testCase(projectId, testCaseId);
    if (tc.jiraIssueKeys.includes(issueKey)) return tc;
    return this.mutate(() => {
      tc.jiraIssueKeys.push(issueKey);
      tc.updatedAt = this.iso();
      return tc;
    });
  }

  unlink(projectId: string, testCaseId: string, issueKey: string): SimTestCase {
    const tc = this.testCase(projectId, testCaseId);
    if (!tc.jiraIssueKeys.includes(issueKey)) throw new SimError(404, 'NOT_FOUND', `Test case ${testCaseId} is not linked to ${issueKey}.`);
    return this.mutate(() => {
      tc.jiraIssueKeys = tc.jiraIssueKeys.filter((k) => k !== issueKey);
      tc.updatedAt = this.iso();
      return tc;
    });
  }

  /** Every recorded result of a test case, in any cycle, newest first (A16). */
  history(projectId: string, testCaseId: string): ExecutionRun[] {
    this.testCase(projectId, testCaseId);
    return this.state.runs
      .filter((r) => r.projectId === projectId && r.testCaseId === testCaseId)
      .sort((a, b) => b.seq - a.seq)
      .map((r) => ({ ...this.runView(r), cycleName: this.state.cycles.find((c) => c.projectId === projectId && c.id === r.cycleId)?.name ?? r.cycleId }));
  }

  // ---------- cycles and executions ----------

  cycle(projectId: string, id: string): SimCycle {
    const c = this.state.cycles.find((x) => x.projectId === projectId && x.id === id);
    if (!c) throw new SimError(404, 'NOT_FOUND', `Test cycle ${id} does not exist in project ${projectId}.`);
    return c;
  }

  /** Cycles (A8): `search` words in the name, `testCaseId` cycles holding it, `sort` by id or newest activity first. */
  cycles(projectId: string, filter: Pick<CyclesQuery, 'search' | 'testCaseId' | 'sort'> = {}): SimCycle[] {
    const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const holding = filter.testCaseId ? new Set(this.state.members.filter((m) => m.projectId === projectId && m.testCaseId === filter.testCaseId).map((m) => m.cycleId)) : null;
    const order = filter.sort === '-updatedAt' ? (a: SimCycle, b: SimCycle) => b.updatedAt.localeCompare(a.updatedAt) || byId(b, a) : byId;
    return this.state.cycles
      .filter((c) => c.projectId === projectId)
      .filter((c) => words.every((w) => c.name.toLowerCase().includes(w)))
      .filter((c) => !holding || holding.has(c.id))
      .sort(order);
  }

  private members(c: SimCycle): readonly SimMember[] {
    return this.index.membersOf(c.projectId, c.id);
  }

  /** The cycle's test cases, each as of its latest recorded result (the index's current runs: one lookup a row). */
  rows(c: SimCycle): Execution[] {
    return this.members(c).map((m) => this.rowView(m));
  }

  /**
   * A page of the cycle's rows (A11): of the cases linked to `jiraIssueKey` (A40, from the index) and in
   * `only` when given; paged before each row is built, as TestKase pages its query.
   */
  rowsPage<P extends { data: SimMember[] }>(c: SimCycle, jiraIssueKey: string | null, only: ReadonlySet<string> | null, page: (members: SimMember[]) => P): Omit<P, 'data'> & { data: Execution[] } {
    const members = (jiraIssueKey ? this.index.membersLinkedTo(c.projectId, c.id, jiraIssueKey) : [...this.members(c)]).filter((m) => !only || only.has(m.testCaseId));
    const p = page(members);
    return { ...p, data: p.data.map((m) => this.rowView(m)) };
  }

  private rowView(m: SimMember): Execution {
    const run = this.currentRun(m.projectId, m.cycleId, m.testCaseId);
    if (run) return this.runView(run);
    return { id: m.id, cycleId: m.cycleId, testCaseId: m.testCaseId, status: 'NOT_EXECUTED', comment: null, executedBy: null, executedAt: null, recordedBy: null, recordedAt: null, defects: [], stepResults: [] };
  }

  private runView(r: SimRun): Execution {
    const executed = r.status !== 'NOT_EXECUTED';
    const by = this.publicUser(r.recordedBy);
    return {
      id: r.id,
      cycleId: r.cycleId,
      testCaseId: r.testCaseId,
      status: r.status,
      comment: r.comment,
      executedBy: executed ? by : null,
      executedAt: executed ? r.recordedAt : null,
      recordedBy: by,
      recordedAt: r.recordedAt,
      defects: [...r.defects],
      stepResults: r.stepResults.map((step) => ({ ...step })),
    };
  }

  toCycle(c: SimCycle): Cycle {
    const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
    const rows = this.rows(c);
    for (const r of rows) counts[r.status] += 1;
    return { ...c, total: rows.length, counts };
  }

  createCycle(input: { projectId: string; name: string; description: string; environment: string | null }): SimCycle {
    return this.mutate((s) => {
      const project = s.projects.find((p) => p.id === input.projectId)!;
      const now = this.iso();
      const c: SimCycle = { ...input, id: `TCYCLE-${project.nextCycle++}`, isMaster: false, createdAt: now, updatedAt: now };
      s.cycles.push(c);
      return c;
    });
  }

  private addMember(s: SimState, c: SimCycle, testCaseId: string): void {
    s.members.push({ id: `MEM-${++s.counters.member}`, projectId: c.projectId, cycleId: c.id, testCaseId, addedAt: this.iso() });
    c.updatedAt = this.iso();
  }

  addToCycle(projectId: string, cycleId: string, testCaseIds: string[]): { added: string[]; alreadyInCycle: string[] } {
    const c = this.cycle(projectId, cycleId);
    for (const id of testCaseIds) this.testCase(projectId, id); // all or nothing: 404 before any change
    const present = new Set(this.members(c).map((m) => m.testCaseId));
    const added: string[] = [];
    const alreadyInCycle: string[] = [];
    this.mutate((s) => {
      for (const id of new Set(testCaseIds)) {
        if (present.has(id)) alreadyInCycle.push(id);
        else {
          this.addMember(s, c, id);
          added.push(id);
        }
      }
    });
    return { added, alreadyInCycle };
  }

  /** The run first recorded with `key` by this user in this project within the last day (A31), if any. */
  private replay(key: string | undefined, userId: string, projectId: string): Execution | null {
    if (!key) return null;
    const kept = this.idempotencyIndex().get(`${userId}|${projectId}|${key}`);
    if (!kept || Date.parse(kept.at) <= this.opts.now() - IDEMPOTENCY_TTL_MS) return null;
    const run = this.state.runs.find((r) => r.id === kept.runId);
    return run ? this.runView(run) : null;
  }

  private idempotencyCache: { state: SimState; map: Map<string, SimState['idempotency'][number]> } | null = null;

  /** Keys by user, project and key, rebuilt when the state is replaced (reseed), kept up to date on write. */
  private idempotencyIndex(): Map<string, SimState['idempotency'][number]> {
    if (this.idempotencyCache?.state !== this.state) {
      this.idempotencyCache = { state: this.state, map: new Map(this.state.idempotency.map((k) => [`${k.userId}|${k.projectId}|${k.key}`, k])) };
    }
    return this.idempotencyCache.map;
  }

  private keep(s: SimState, key: string | undefined, userId: string, projectId: string, runId: string): void {
    if (!key) return;
    const index = this.idempotencyIndex();
    // Kept in the order they were written: the expired ones are at the front.
    const horizon = this.opts.now() - IDEMPOTENCY_TTL_MS;
    while (s.idempotency.length > 0 && Date.parse(s.idempotency[0]!.at) <= horizon) {
      const old = s.idempotency.shift()!;
      index.delete(`${old.userId}|${old.projectId}|${old.key}`);
    }
    const entry = { key, userId, projectId, runId, at: this.iso() };
    s.idempotency.push(entry);
    index.set(`${userId}|${projectId}|${key}`, entry);
  }

  /** Records a new result (A12, A17): the earlier ones stay in the history. A key already kept records nothing (A31). */
  record(
    projectId: string,
    cycleId: string,
    input: { idempotencyKey?: string | undefined; testCaseId: string; status: ExecutionStatus; comment: string | null; defects: string[]; stepResults: Array<{ order: number; status: ExecutionStatus; actualResult: string | null }> },
    userId: string,
  ): Execution {
    const replayed = this.replay(input.idempotencyKey, userId, projectId);
    if (replayed) return replayed;
    const c = this.cycle(projectId, cycleId);
    const tc = this.testCase(projectId, input.testCaseId);
    if (!this.members(c).some((m) => m.testCaseId === input.testCaseId)) {
      throw new SimError(409, 'NOT_IN_CYCLE', `Test case ${input.testCaseId} is not in cycle ${cycleId}; add it to the cycle first.`);
    }
    const orders = new Set(tc.steps.map((step) => step.order));
    const unknown = input.stepResults.find((r) => !orders.has(r.order));
    if (unknown) throw new SimError(400, 'UNKNOWN_STEP', `Test case ${tc.id} has no step ${unknown.order}.`);
    return this.mutate((s) => {
      const run: SimRun = {
        id: `EX-${++s.counters.run}`,
        projectId,
        cycleId,
        testCaseId: input.testCaseId,
        status: input.status,
        comment: input.comment,
        defects: [...new Set(input.defects)],
        stepResults: input.stepResults.map((r) => ({ ...r })),
        recordedBy: userId,
        recordedAt: this.iso(),
        seq: ++s.counters.seq,
      };
      s.runs.push(run);
      this.keep(s, input.idempotencyKey, userId, projectId, run.id);
      c.updatedAt = run.recordedAt;
      return this.runView(run);
    });
  }

  /** One result per test case (A18): each is recorded or refused on its own. */
  recordMany(projectId: string, cycleId: string, results: Array<{ idempotencyKey?: string | undefined; testCaseId: string; status: ExecutionStatus; comment: string | null }>, userId: string): BulkRecordResult {
    this.cycle(projectId, cycleId);
    const outcome: BulkRecordResult = { recorded: [], failed: [] };
    for (const r of results) {
      try {
        outcome.recorded.push(this.record(projectId, cycleId, { ...r, defects: [], stepResults: [] }, userId));
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
        outcome.failed.push({ testCaseId: r.testCaseId, code: e.code, message: e.message });
      }
    }
    return outcome;
  }

  /** The cycles holding some of `testCaseIds`, each with which of them (A32). */
  membership(projectId: string, testCaseIds: string[]): Array<{ cycleId: string; testCaseIds: string[] }> {
    const wanted = new Set(testCaseIds);
    const held = new Map<string, string[]>();
    for (const m of this.state.members) {
      if (m.projectId !== projectId || !wanted.has(m.testCaseId)) continue;
      held.set(m.cycleId, [...(held.get(m.cycleId) ?? []), m.testCaseId]);
    }
    return [...held].map(([cycleId, ids]) => ({ cycleId, testCaseIds: ids }));
  }

  /** One recorded result of a cycle by id (A60): any of them, not only a case's latest. */
  execution(projectId: string, cycleId: string, executionId: string): Execution {
    this.cycle(projectId, cycleId);
    const run = this.state.runs.find((r) => r.projectId === projectId && r.cycleId === cycleId && r.id === executionId);
    if (!run) throw new SimError(404, 'NOT_FOUND', `No recorded result ${executionId} in cycle ${cycleId}.`);
    return this.runView(run);
  }

  /** Adds a Jira issue key to a recorded result's defects (A19). */
  addDefect(projectId: string, cycleId: string, executionId: string, jiraIssueKey: string): Execution {
    this.cycle(projectId, cycleId);
    const run = this.state.runs.find((r) => r.projectId === projectId && r.cycleId === cycleId && r.id === executionId);
    if (!run) throw new SimError(404, 'NOT_FOUND', `No recorded result ${executionId} in cycle ${cycleId}.`);
    return this.mutate(() => {
      if (!run.defects.includes(jiraIssueKey)) run.defects.push(jiraIssueKey);
      return this.runView(run);
    });
  }

  /** Bulk data (admin `grow`): new test cases, cycles holding them, results recorded in each; one write. */
  grow(input: { projectId: string; testCases: number; linkedTo?: string | undefined; cycles: number; resultsPerCycle: number; by: string; cycleDescription?: string; resultComment?: string | null }): { testCaseIds: string[]; cycleIds: string[]; results: number } {
    const project = this.state.projects.find((p) => p.id === input.projectId);
    if (!project) throw new SimError(404, 'NOT_FOUND', `Project ${input.projectId} does not exist.`);
    this.user(input.by);
    const statuses: ExecutionStatus[] = ['PASS', 'FAIL', 'BLOCKED', 'SKIPPED'];
    return this.mutate((s) => {
      const now = this.iso();
      const testCaseIds: string[] = [];
      const master = s.cycles.find((c) => c.projectId === input.projectId && c.isMaster);
      for (let i = 0; i < input.testCases; i++) {
        const id = `TC-${project.nextCase++}`;
        s.testCases.push({
          projectId: input.projectId, id, title: `Generated case ${id}`, description: '', priority: 'MEDIUM', type: 'FUNCTIONAL', status: 'READY',
          automationId: null, ownerId: input.by, preconditions: '', steps: [], jiraIssueKeys: input.linkedTo ? [input.linkedTo] : [], createdAt: now, updatedAt: now,
        });
        if (master) this.addMember(s, master, id);
        testCaseIds.push(id);
      }
      const cycleIds: string[] = [];
      let results = 0;
      for (let c = 0; c < input.cycles; c++) {
        const cycle: SimCycle = { projectId: input.projectId, id: `TCYCLE-${project.nextCycle++}`, name: `Generated cycle ${c + 1}`, description: input.cycleDescription ?? '', environment: null, isMaster: false, createdAt: now, updatedAt: now };
        s.cycles.push(cycle);
        cycleIds.push(cycle.id);
        for (const id of testCaseIds) this.addMember(s, cycle, id);
        for (const id of testCaseIds.slice(0, input.resultsPerCycle)) {
          s.runs.push({ id: `EX-${++s.counters.run}`, projectId: input.projectId, cycleId: cycle.id, testCaseId: id, status: statuses[results % statuses.length]!, comment: input.resultComment ?? null, defects: [], stepResults: [], recordedBy: input.by, recordedAt: now, seq: ++s.counters.seq });
          results += 1;
        }
      }
      return { testCaseIds, cycleIds, results };
    });
  }
}

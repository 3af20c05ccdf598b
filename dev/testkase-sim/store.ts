/**
 * Domain operations over the simulator state, and its persistence. Every mutation goes through
 * `mutate`, which writes the whole state atomically (temp file + rename) when a data folder is set,
 * so a crash leaves either the previous state or the new one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Cycle,
  Execution,
  ExecutionStatus,
  ExecutionSummary,
  Project,
  StatusCounts,
  TestCase,
  User,
} from '../../src/testkase/contract';
import { seedState } from './seed';
import { byId, SimState, type SimCycle, type SimExecution, type SimTestCase, type SimToken, type SimUser } from './state';
import { hashToken, listingPreview, mintToken, sameHash } from './tokens';

const DAY = 86_400_000;

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

  constructor(private readonly opts: StoreOptions) {
    this.file = opts.dataDir ? join(opts.dataDir, 'testkase-sim.json') : null;
    this.state = this.load();
  }

  private load(): SimState {
    if (this.file && !this.opts.reset && existsSync(this.file)) {
      return SimState.parse(JSON.parse(readFileSync(this.file, 'utf8')));
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
    const result = fn(this.state);
    this.persist(this.state);
    return result;
  }

  reseed(): void {
    this.state = seedState(this.opts.now());
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

  private rowsOfCase(projectId: string, testCaseId: string): SimExecution[] {
    return this.state.executions.filter((e) => e.projectId === projectId && e.testCaseId === testCaseId);
  }

  private latestExecution(tc: SimTestCase): ExecutionSummary | null {
    let latest: SimExecution | null = null;
    for (const e of this.rowsOfCase(tc.projectId, tc.id)) {
      if (e.executedAt && (!latest || e.seq > latest.seq)) latest = e;
    }
    if (!latest || !latest.executedAt) return null;
    return { status: latest.status, cycleId: latest.cycleId, executedAt: latest.executedAt, executedBy: this.publicUser(latest.executedBy)! };
  }

  toTestCase(tc: SimTestCase): TestCase {
    return { ...tc, jiraIssueKeys: [...tc.jiraIssueKeys], latestExecution: this.latestExecution(tc) };
  }

  testCase(projectId: string, id: string): SimTestCase {
    const tc = this.state.testCases.find((t) => t.projectId === projectId && t.id === id);
    if (!tc) throw new SimError(404, 'NOT_FOUND', `Test case ${id} does not exist in project ${projectId}.`);
    return tc;
  }

  findTestCases(projectId: string, filter: { jiraIssueKey?: string; search?: string }): SimTestCase[] {
    const needle = filter.search?.trim().toLowerCase();
    return this.state.testCases
      .filter((t) => t.projectId === projectId)
      .filter((t) => !filter.jiraIssueKey || t.jiraIssueKeys.includes(filter.jiraIssueKey))
      .filter((t) => !needle || t.id.toLowerCase().includes(needle) || t.title.toLowerCase().includes(needle))
      .sort(byId);
  }

  createTestCase(input: { projectId: string; title: string; description: string; priority: SimTestCase['priority']; jiraIssueKeys: string[] }): SimTestCase {
    return this.mutate((s) => {
      const project = s.projects.find((p) => p.id === input.projectId)!;
      const now = this.iso();
      const tc: SimTestCase = { ...input, jiraIssueKeys: [...new Set(input.jiraIssueKeys)], id: `TC-${project.nextCase++}`, createdAt: now, updatedAt: now };
      s.testCases.push(tc);
      const master = s.cycles.find((c) => c.projectId === input.projectId && c.isMaster);
      if (master) this.addRow(s, master, tc.id);
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

  // ---------- cycles and executions ----------

  cycle(projectId: string, id: string): SimCycle {
    const c = this.state.cycles.find((x) => x.projectId === projectId && x.id === id);
    if (!c) throw new SimError(404, 'NOT_FOUND', `Test cycle ${id} does not exist in project ${projectId}.`);
    return c;
  }

  cycles(projectId: string): SimCycle[] {
    return this.state.cycles.filter((c) => c.projectId === projectId).sort(byId);
  }

  rows(c: SimCycle): SimExecution[] {
    return this.state.executions
      .filter((e) => e.projectId === c.projectId && e.cycleId === c.id)
      .sort((a, b) => byId({ id: a.testCaseId }, { id: b.testCaseId }));
  }

  toCycle(c: SimCycle): Cycle {
    const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
    const rows = this.rows(c);
    for (const r of rows) counts[r.status] += 1;
    return { ...c, total: rows.length, counts };
  }

  toExecution(e: SimExecution): Execution {
    return {
      id: e.id,
      cycleId: e.cycleId,
      testCaseId: e.testCaseId,
      status: e.status,
      comment: e.comment,
      executedBy: this.publicUser(e.executedBy),
      executedAt: e.executedAt,
      defects: [...e.defects],
    };
  }

  createCycle(input: { projectId: string; name: string; description: string; environment: string | null }): SimCycle {
    return this.mutate((s) => {
      const project = s.projects.find((p) => p.id === input.projectId)!;
      const c: SimCycle = { ...input, id: `TCYCLE-${project.nextCycle++}`, isMaster: false, createdAt: this.iso() };
      s.cycles.push(c);
      return c;
    });
  }

  private addRow(s: SimState, c: SimCycle, testCaseId: string): void {
    s.executions.push({
      id: `EX-${++s.counters.execution}`,
      projectId: c.projectId,
      cycleId: c.id,
      testCaseId,
      status: 'NOT_EXECUTED',
      comment: null,
      executedBy: null,
      executedAt: null,
      defects: [],
      seq: ++s.counters.seq,
    });
  }

  addToCycle(projectId: string, cycleId: string, testCaseIds: string[]): { added: string[]; alreadyInCycle: string[] } {
    const c = this.cycle(projectId, cycleId);
    for (const id of testCaseIds) this.testCase(projectId, id); // all or nothing: 404 before any change
    const present = new Set(this.rows(c).map((r) => r.testCaseId));
    const added: string[] = [];
    const alreadyInCycle: string[] = [];
    this.mutate((s) => {
      for (const id of new Set(testCaseIds)) {
        if (present.has(id)) alreadyInCycle.push(id);
        else {
          this.addRow(s, c, id);
          added.push(id);
        }
      }
    });
    return { added, alreadyInCycle };
  }

  record(projectId: string, cycleId: string, input: { testCaseId: string; status: ExecutionStatus; comment: string | null; defects: string[] }, userId: string): SimExecution {
    const c = this.cycle(projectId, cycleId);
    this.testCase(projectId, input.testCaseId);
    const row = this.rows(c).find((r) => r.testCaseId === input.testCaseId);
    if (!row) throw new SimError(409, 'NOT_IN_CYCLE', `Test case ${input.testCaseId} is not in cycle ${cycleId}; add it to the cycle first.`);
    return this.mutate((s) => {
      row.status = input.status;
      row.comment = input.comment;
      row.defects = [...new Set(input.defects)];
      row.executedBy = userId;
      row.executedAt = this.iso();
      row.seq = ++s.counters.seq;
      return row;
    });
  }
}

/**
 * Simulator administration: the same operations in-process (`sim.admin`, for tests and the runtime)
 * and over HTTP under `/_sim/admin/*` (for the CLI and the API Keys page).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { JiraProjectKey, LIMITS, ProjectId } from '../../src/testkase/contract';
import { FaultRule, RateLimit, type Fault, type FaultRuleInput, type Faults, type RateLimiter } from './faults';
import { jsonAnswer, jsonError, limitBody, parseOr400, readJsonBody, resource, type SimContext, type SimEnv } from './http-util';
import { SimError, type Store } from './store';
import type { SimUser } from './state';
import { EXPIRY_DAYS } from './tokens';
import { TEXT_MAX } from '../../src/testkase/sizes';
import { ProjectListPath, type RouteSettings } from './api-handlers';
import { growCoverage, seedCoverageDemo } from './coverage-seed';

export interface RequestLogEntry {
  at: string;
  /** Contract route name, or null for an unknown path. */
  route: string | null;
  method: string;
  path: string;
  /** 0 while pending, or for a hung or dropped request. */
  status: number;
  /** The TestKase user the token belongs to (null when unauthenticated). */
  userId: string | null;
  tokenId: string | null;
  /** What fault, if any, shaped the answer. */
  fault: string | null;
  /** High-resolution start (epoch ms with fractions) and duration, for the benchmark's overhead maths. */
  startMs: number;
  ms: number;
}

export interface TokenListing {
  id: string;
  userId: string;
  name: string;
  preview: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface CreatedToken extends TokenListing {
  /** The only time the token is ever available. */
  token: string;
}

export const CreateTokenInput = z.strictObject({
  user: z.string().min(1).max(60),
  name: z.string().trim().min(1, 'give the token a name').max(TEXT_MAX.tokenName),
  days: z.number().int().refine((d) => (EXPIRY_DAYS as readonly number[]).includes(d), `expiry must be one of ${EXPIRY_DAYS.join(', ')} days`),
});
const MappingInput = z.strictObject({ jiraProjectKey: JiraProjectKey, projectId: ProjectId });
const ClockInput = z.strictObject({ advanceMs: z.number().int().min(0).max(10 * 366 * 86_400_000) });

export const GrowInput = z.strictObject({
  projectId: z.string().regex(/^PRJ-\d+$/).default('PRJ-1'),
  /** New test cases, each linked to `linkedTo` when given. */
  testCases: z.number().int().min(0).max(20_000).default(0),
  linkedTo: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/).optional(),
  /** New cycles, each holding the new test cases. */
  cycles: z.number().int().min(0).max(5_000).default(0),
  /** Results recorded per new cycle, on its first new test cases (at most one each). */
  resultsPerCycle: z.number().int().min(0).max(20_000).default(0),
  /** Who records the results. */
  by: z.string().default('alice'),
  /** The new cycles' description and the results' comment (long texts, for tests of answer sizes). */
  cycleDescription: z.string().max(LIMITS.descriptionMax).default(''),
  resultComment: z.string().max(LIMITS.commentMax).nullable().default(null),
});
/** Links and results for a grown Jira scope (the bench's 5,000 issues): see coverage-seed.ts. */
const KeyRange = (max: number) => z.strictObject({ jiraProjectKey: JiraProjectKey, first: z.number().int().positive(), count: z.number().int().min(0).max(max) });
/** Keys as ranges (DEMO-1000 … DEMO-5999), as the local Jira site grows them: 5,000 keys as a list would pass the 64 KB body limit. */
export const GrowCoverageInput = z.strictObject({
  projectId: ProjectId.default('PRJ-1'),
  issues: KeyRange(20_000),
  bugs: KeyRange(1_000).optional(),
  cycleName: z.string().trim().min(1).max(120).default('Generated regression'),
  by: z.string().default('alice'),
});

export interface GrowResult {
  testCaseIds: string[];
  cycleIds: string[];
  results: number;
}

export class SimAdmin {
  private log: RequestLogEntry[] = [];
  static readonly LOG_MAX = 20_000;

  constructor(
    private readonly store: Store,
    private readonly faults: Faults,
    private readonly limiter: RateLimiter,
    private readonly clock: { advance(ms: number): void; now(): number },
    private readonly settings: RouteSettings,
  ) {}

  /** The documented path the project list is served on; the other one answers 404. */
  projectListPath(): ProjectListPath {
    return this.settings.projectListPath;
  }

  setProjectListPath(path: ProjectListPath): void {
    this.settings.projectListPath = parseOr400(ProjectListPath, path, 'project list path');
  }

  /** Whether a cycle's executions are filtered by `jiraIssueKey` (A40); off, the parameter is ignored, as by a TestKase without it. */
  executionsByIssue(): boolean {
    return this.store.index.filtersByIssue;
  }

  setExecutionsByIssue(on: boolean): void {
    this.store.index.filtersByIssue = on;
  }

  users() {
    return this.store.state.users.filter((u) => !u.deleted).map((u) => ({ id: u.id, name: u.name, email: u.email, memberships: { ...u.memberships } }));
  }

  deleteUser(id: string): boolean {
    return this.store.deleteUser(id);
  }

  createToken(input: z.input<typeof CreateTokenInput>): CreatedToken {
    const { user, name, days } = parseOr400(CreateTokenInput, input, 'token');
    const { token, record } = this.store.createToken(user, name, days);
    return { ...this.listing(record), token };
  }

  /** Active and expired tokens (a revoked token is gone, as in TestKase), optionally for one user. */
  listTokens(user?: string): TokenListing[] {
    return this.store.state.tokens
      .filter((t) => !t.revokedAt && (!user || t.userId === user))
      .map((t) => this.listing(t));
  }

  private listing(t: Store['state']['tokens'][number]): TokenListing {
    return { id: t.id, userId: t.userId, name: t.name, preview: t.preview, createdAt: t.createdAt, expiresAt: t.expiresAt, expired: this.store.tokenStatus(t) === 'expired' };
  }

  revokeToken(id: string): boolean {
    return this.store.revokeToken(id);
  }

  /**
   * In process only, for tests: a user's name and e-mail and a token's name as TestKase might hold them
   * past the lengths the contract assumes (A21), unchecked — what the app must cut before it stores them.
   */
  overwriteText(edit: { userId: string; name?: string; email?: string } | { tokenId: string; name: string }): void {
    this.store.mutate((s) => {
      if ('tokenId' in edit) {
        const token = s.tokens.find((t) => t.id === edit.tokenId);
        if (!token) throw new SimError(404, 'NOT_FOUND', `No token '${edit.tokenId}'.`);
        token.name = edit.name;
        return;
      }
      const user = s.users.find((u) => u.id === edit.userId);
      if (!user) throw new SimError(404, 'NOT_FOUND', `No user '${edit.userId}'.`);
      if (edit.name !== undefined) user.name = edit.name;
      if (edit.email !== undefined) user.email = edit.email;
    });
  }

  /**
   * In process only, for the local runtime's QA seeding (dev/runtime/seed-connections.ts): many users
   * in one write, each replacing the user with its id.
   */
  addUsers(users: ReadonlyArray<Omit<SimUser, 'deleted'>>): void {
    this.store.addUsers(users);
  }

  /**
   * In process only, for the QA seeding: a token for each request, in one write. Any expiry, unlike
   * the API Keys page's choices: the seeding's "expired" tokens expire seconds after they are saved.
   */
  createTokens(requests: ReadonlyArray<{ user: string; name: string; expiresInMs: number }>): CreatedToken[] {
    return this.store.createTokens(requests.map((r) => ({ userId: r.user, name: r.name, expiresInMs: r.expiresInMs }))).map(({ token, record }) => ({ ...this.listing(record), token }));
  }

  /** In process only, for the QA seeding: revokes these tokens in one write; answers how many were active. */
  revokeTokens(ids: readonly string[]): number {
    return this.store.revokeTokens(ids);
  }

  mappings() {
    return this.store.mappings();
  }

  addMapping(jiraProjectKey: string, projectId: string): void {
    const m = parseOr400(MappingInput, { jiraProjectKey, projectId }, 'mapping');
    this.store.addMapping(m.jiraProjectKey, m.projectId);
  }

  removeMapping(jiraProjectKey: string): boolean {
    return this.store.removeMapping(jiraProjectKey);
  }

  /** Bulk demo data for tests and the benchmark: test cases (linked to an issue), cycles, results. */
  grow(input: z.input<typeof GrowInput>): GrowResult {
    return this.store.grow(parseOr400(GrowInput, input, 'grow'));
  }

  /** Release 3.8's tests and results (coverage-seed.ts); does nothing when they are there already. */
  seedCoverageDemo(): { testCases: number; results: number } {
    return seedCoverageDemo(this.store, this.clock.now());
  }

  /** Tests and results for the issues of a grown Jira scope, in one write. */
  growCoverage(input: z.input<typeof GrowCoverageInput>): { testCases: number; results: number } {
    const { issues, bugs, ...rest } = parseOr400(GrowCoverageInput, input, 'grow coverage');
    const keys = (r: { jiraProjectKey: string; first: number; count: number } | undefined) => (r ? Array.from({ length: r.count }, (_, i) => `${r.jiraProjectKey}-${r.first + i}`) : []);
    return growCoverage(this.store, { ...rest, issueKeys: keys(issues), bugKeys: keys(bugs) }, this.clock.now());
  }

  addFault(rule: FaultRuleInput): Fault {
    try {
      return this.faults.add(rule);
    } catch (e) {
      if (e instanceof z.ZodError) throw new SimError(400, 'BAD_REQUEST', `Invalid fault: ${e.issues[0]?.path.join('.')} ${e.issues[0]?.message}`);
      throw new SimError(400, 'BAD_REQUEST', (e as Error).message);
    }
  }

  removeFault(id: string): boolean {
    return this.faults.remove(id);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listFaults(): Fault[] {
    return this.faults.list();
  }

  rateLimit(): RateLimit {
    return { ...this.limiter.config };
  }

  setRateLimit(config: RateLimit): void {
    this.limiter.config = parseOr400(RateLimit, config, 'rate limit');
    this.limiter.reset();
  }

  /** Moves the simulator's clock forward (token expiry, rate-limit windows). */
  advanceClock(ms: number): void {
    this.clock.advance(parseOr400(ClockInput, { advanceMs: ms }, 'clock').advanceMs);
  }

  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  reset(): void {
    this.store.reseed();
    this.store.index.filtersByIssue = true;
    this.faults.clear();
    this.limiter.reset();
    this.log = [];
  }

  requests(): RequestLogEntry[] {
    return this.log.map((e) => ({ ...e }));
  }

  clearRequests(): void {
    this.log = [];
  }

  /** The server logs a request when it starts and updates the entry when it ends. */
  record(entry: RequestLogEntry): RequestLogEntry {
    this.log.push(entry);
    if (this.log.length > SimAdmin.LOG_MAX) this.log.splice(0, this.log.length - SimAdmin.LOG_MAX);
    return entry;
  }
}

/** `/_sim/admin/*` over HTTP. Writes require a JSON content type, so a web page elsewhere cannot forge them. */
export function registerAdmin(app: Hono<SimEnv>, admin: SimAdmin): void {
  const at = (path: string) => `/_sim/admin${path}`;
  const body = async (c: SimContext) => {
    if (!(c.req.header('content-type') ?? '').includes('application/json')) {
      throw new SimError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Admin writes must be sent as application/json.');
    }
    return (await readJsonBody(c)) ?? {};
  };
  const id = (c: SimContext) => c.req.param('id') ?? '';
  const data = (value: unknown, status = 200) => jsonAnswer(status, { data: value });
  const gone = (what: string, id: string) => jsonError(404, 'NOT_FOUND', `No ${what} '${id}'.`);

  app.use(at('/*'), limitBody);
  resource(app, at('/users'), { GET: [() => data(admin.users())] });
  resource(app, at('/users/:id'), { DELETE: [(c) => (admin.deleteUser(id(c)) ? data({ deleted: id(c) }) : gone('user', id(c)))] });
  resource(app, at('/tokens'), {
    GET: [(c) => data(admin.listTokens(c.req.query('user')))],
    POST: [async (c) => data(admin.createToken(parseOr400(CreateTokenInput, await body(c), 'token')), 201)],
  });
  resource(app, at('/tokens/:id'), { DELETE: [(c) => (admin.revokeToken(id(c)) ? data({ revoked: id(c) }) : gone('token', id(c)))] });
  resource(app, at('/mappings'), {
    GET: [() => data(admin.mappings())],
    POST: [
      async (c) => {
        const m = parseOr400(MappingInput, await body(c), 'mapping');
        admin.addMapping(m.jiraProjectKey, m.projectId);
        return data(m, 201);
      },
    ],
  });
  resource(app, at('/mappings/:id'), { DELETE: [(c) => (admin.removeMapping(id(c)) ? data({ removed: id(c) }) : gone('mapping', id(c)))] });
  resource(app, at('/faults'), {
    GET: [() => data(admin.listFaults())],
    POST: [async (c) => data(admin.addFault(parseOr400(FaultRule, await body(c), 'fault')), 201)],
    DELETE: [() => (admin.clearFaults(), data({ cleared: true }))],
  });
  resource(app, at('/faults/:id'), { DELETE: [(c) => (admin.removeFault(id(c)) ? data({ removed: id(c) }) : gone('fault', id(c)))] });
  resource(app, at('/rate-limit'), {
    GET: [() => data(admin.rateLimit())],
    PUT: [async (c) => (admin.setRateLimit(parseOr400(RateLimit, await body(c), 'rate limit')), data(admin.rateLimit()))],
  });
  resource(app, at('/project-list'), {
    GET: [() => data({ path: admin.projectListPath() })],
    PUT: [async (c) => (admin.setProjectListPath(parseOr400(z.strictObject({ path: ProjectListPath }), await body(c), 'project list').path), data({ path: admin.projectListPath() }))],
  });
  resource(app, at('/executions-by-issue'), {
    GET: [() => data({ on: admin.executionsByIssue() })],
    PUT: [async (c) => (admin.setExecutionsByIssue(parseOr400(z.strictObject({ on: z.boolean() }), await body(c), 'executions by issue').on), data({ on: admin.executionsByIssue() }))],
  });
  resource(app, at('/requests'), {
    GET: [() => data(admin.requests())],
    DELETE: [() => (admin.clearRequests(), data({ cleared: true }))],
  });
  resource(app, at('/grow'), { POST: [async (c) => data(admin.grow(parseOr400(GrowInput, await body(c), 'grow')), 201)] });
  resource(app, at('/coverage-demo'), { POST: [async (c) => (await body(c), data(admin.seedCoverageDemo(), 201))] });
  resource(app, at('/grow-coverage'), { POST: [async (c) => data(admin.growCoverage(parseOr400(GrowCoverageInput, await body(c), 'grow coverage')), 201)] });
  resource(app, at('/clock'), { POST: [async (c) => (admin.advanceClock(parseOr400(ClockInput, await body(c), 'clock').advanceMs), data({ now: admin.now() }))] });
  resource(app, at('/reset'), { POST: [async (c) => (await body(c), admin.reset(), data({ reset: true }))] });
  app.all(at('/*'), (c) => jsonError(404, 'NOT_FOUND', `No admin route ${c.req.method} ${c.req.path}.`));
}

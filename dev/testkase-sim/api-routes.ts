/**
 * TestKase's API under /api/v1, routed from the contract's endpoint table: one route per entry and
 * documented path, with the entry's method. A request is logged, then authenticated (so even a
 * faulted request is attributed), shaped by injected faults, rate-limited per token, and decoded
 * with the entry's schemas for its handler. An unknown path answers 404, a known path with another
 * method 405 with `Allow`.
 */
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Hono, MiddlewareHandler } from 'hono';
import { endpoints, type EndpointName } from '../../src/testkase/contract';
import { pathsOf } from '../../src/testkase/endpoint';
import { PAT_PATTERN } from '../../src/testkase/token';
import type { SimAdmin } from './admin';
import { decodeRequest, handlers, type RouteSettings } from './api-handlers';
import type { Faults, RateLimiter } from './faults';
import { jsonAnswer, jsonError, limitBody, readJsonBody, resource, type HttpMethod, type SimContext, type SimEnv } from './http-util';
import type { Store } from './store';

export const API_PREFIX = '/api/v1';

const AUTH_MESSAGES = {
  MISSING: 'Send your Personal Access Token as "Authorization: Bearer <token>".',
  MALFORMED: 'The Authorization header must be "Bearer <token>" with a TestKase Personal Access Token.',
  UNKNOWN: 'The token is not valid.',
  EXPIRED: 'The token has expired. Create a new one in Settings → API Keys.',
  REVOKED: 'The token has been deleted.',
  USER_DELETED: 'The user this token belongs to no longer exists.',
} as const;

export interface ApiDeps {
  store: Store;
  faults: Faults;
  limiter: RateLimiter;
  admin: SimAdmin;
  settings: RouteSettings;
  now: () => number;
  say: (line: string) => void;
}

export function registerApi(app: Hono<SimEnv>, deps: ApiDeps): void {
  const notFound = (c: SimContext) => jsonError(404, 'NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`);
  const projectListPaths = pathsOf(endpoints.userProjects);
  // The project list answers on one of its documented paths at a time; the other is unknown.
  const served = (template: string): MiddlewareHandler<SimEnv> => async (c, next) =>
    projectListPaths.includes(template) && deps.settings.projectListPath !== template ? notFound(c) : next();

  app.use(`${API_PREFIX}/*`, logged(deps)); // `/*` matches the prefix itself too

  const byTemplate = new Map<string, Partial<Record<HttpMethod, MiddlewareHandler<SimEnv>[]>>>();
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    for (const template of pathsOf(endpoints[name])) {
      byTemplate.set(template, { ...byTemplate.get(template), [endpoints[name].method]: [gate(name, deps), ...route(name, deps.store)] });
    }
  }
  for (const [template, methods] of byTemplate) resource(app, `${API_PREFIX}${template}`, methods, served(template));
  app.all(`${API_PREFIX}/*`, notFound);
}

/** Records the request when it starts and completes the entry when the connection closes (answered, hung or dropped). */
function logged(deps: ApiDeps): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const started = performance.now();
    const url = new URL(c.req.url);
    const entry = deps.admin.record({ at: new Date(deps.now()).toISOString(), route: null, method: c.req.method, path: url.pathname + url.search, status: 0, userId: null, tokenId: null, fault: null, startMs: performance.timeOrigin + started, ms: 0 });
    const { outgoing } = c.env;
    outgoing.on('close', () => {
      entry.status = outgoing.headersSent ? outgoing.statusCode : 0;
      entry.ms = Math.round((performance.now() - started) * 100) / 100;
      deps.say(`${entry.method} ${entry.path} → ${entry.status || 'no answer'}${entry.fault ? ` (fault: ${entry.fault})` : ''}`);
    });
    c.set('entry', entry);
    await next();
  };
}

/** Authentication, injected faults and the per-token rate limit, in the order TestKase's clients meet them. */
function gate(name: EndpointName, deps: ApiDeps): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const entry = c.get('entry');
    entry.route = name;
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer (\S+)$/)?.[1];
    const check = bearer && PAT_PATTERN.test(bearer) ? deps.store.checkToken(bearer) : null;
    if (check?.ok) {
      entry.userId = check.user.id;
      entry.tokenId = check.token.id;
    }

    const plan = deps.faults.plan(name);
    if (plan.delayMs > 0) {
      entry.fault = `latency ${plan.delayMs}ms`;
      await new Promise((r) => setTimeout(r, plan.delayMs));
      if (c.env.outgoing.destroyed) return RESPONSE_ALREADY_SENT;
    }
    if (plan.outcome) {
      entry.fault = plan.outcome.kind === 'status' ? `status ${plan.outcome.status}` : plan.outcome.kind;
      switch (plan.outcome.kind) {
        case 'status': {
          const { status, retryAfterSeconds } = plan.outcome;
          const code = status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'SERVER_ERROR' : 'INJECTED_FAULT';
          return jsonError(status, code, `Injected fault: HTTP ${status}.`, retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {});
        }
        case 'hang': // no answer until the client gives up or the simulator stops
          await new Promise((resolve) => c.env.outgoing.once('close', resolve));
          return RESPONSE_ALREADY_SENT;
        case 'malformed':
          return c.body('{"data": [{"id": "PRJ-1", "name": "Check', 200, { 'content-type': 'application/json; charset=utf-8' });
        case 'drop':
          c.env.incoming.socket.destroy();
          return RESPONSE_ALREADY_SENT;
      }
    }

    if (!header) return jsonError(401, 'UNAUTHORIZED', AUTH_MESSAGES.MISSING);
    if (!bearer || !PAT_PATTERN.test(bearer)) return jsonError(401, 'UNAUTHORIZED', AUTH_MESSAGES.MALFORMED);
    if (!check?.ok) return jsonError(401, 'UNAUTHORIZED', AUTH_MESSAGES[check?.reason ?? 'UNKNOWN']);

    const wait = deps.limiter.take(check.token.id);
    if (wait !== null) return jsonError(429, 'RATE_LIMITED', `Too many requests for this token; retry in ${wait} s.`, { 'retry-after': String(wait) });
    c.set('caller', { user: check.user, token: check.token });
    await next();
  };
}

/** The body (bounded), decoded with the entry's schemas, answered by the entry's handler. */
function route<N extends EndpointName>(name: N, store: Store): MiddlewareHandler<SimEnv>[] {
  const e = endpoints[name];
  const answer: MiddlewareHandler<SimEnv> = async (c) => {
    const body = e.body === undefined ? undefined : await readJsonBody(c);
    const request = decodeRequest(e, { params: c.req.param(), query: c.req.query(), body });
    const { status, body: out } = handlers[name](store, { ...request, ...c.get('caller') });
    return jsonAnswer(status, out);
  };
  return e.body === undefined ? [answer] : [limitBody, answer];
}

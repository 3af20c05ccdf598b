/**
 * The simulator's HTTP server: TestKase's API under /api/v1 (auth → faults → rate limit → route),
 * the admin API under /_sim/admin and the API Keys page at /. Listens on 127.0.0.1 only and turns
 * every failure into a JSON error: nothing a client sends can crash it.
 */
import { isLoopbackHost } from '../loopback';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin, SimAdmin, type RequestLogEntry } from './admin';
import { decodeRequest, handlers, type ProjectListPath, type RouteSettings } from './api-routes';
import { endpoints, type EndpointName } from '../../src/testkase/contract';
import { pathsOf } from '../../src/testkase/endpoint';
import { Faults, RateLimiter, type RateLimit } from './faults';
import { readJson, sendError, sendJson } from './http-util';
import { SimError, Store } from './store';
import { indexHtml, PAGE_CSP, uiCss, uiJs } from './web-page';
import { PAT_PATTERN } from '../../src/testkase/token';

export const API_PREFIX = '/api/v1';

// Interim: the endpoint table's templates as patterns (replaced by the HTTP library's router).
const routes = (Object.keys(endpoints) as EndpointName[]).flatMap((name) =>
  pathsOf(endpoints[name]).map((template) => ({ name, template, method: endpoints[name].method, pattern: new RegExp(`^${template.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`) })),
);

function matchRoute(method: string, path: string, settings: RouteSettings): { route: { name: EndpointName }; params: Record<string, string> } | { allow: string[] } | null {
  const allow: string[] = [];
  for (const route of routes) {
    if (route.name === 'userProjects' && route.template !== settings.projectListPath) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      allow.push(route.method);
      continue;
    }
    try {
      return { route, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
    } catch {
      throw new SimError(400, 'BAD_REQUEST', 'The path is not valid URL encoding.');
    }
  }
  return allow.length > 0 ? { allow } : null;
}

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Folder for persistent state; null keeps everything in memory. */
  dataDir?: string | null;
  /** Reseed even when the data folder holds state. */
  reset?: boolean;
  /** No request logging to stdout. */
  quiet?: boolean;
  rateLimit?: RateLimit;
  /** Which documented path of the project list to serve (the other answers 404); default as seed 001 documents it. */
  projectListPath?: ProjectListPath;
}

export interface Simulator {
  url: string;
  apiBaseUrl: string;
  port: number;
  admin: SimAdmin;
  stop(): Promise<void>;
}

const AUTH_MESSAGES = {
  MISSING: 'Send your Personal Access Token as "Authorization: Bearer <token>".',
  MALFORMED: 'The Authorization header must be "Bearer <token>" with a TestKase Personal Access Token.',
  UNKNOWN: 'The token is not valid.',
  EXPIRED: 'The token has expired. Create a new one in Settings → API Keys.',
  REVOKED: 'The token has been deleted.',
  USER_DELETED: 'The user this token belongs to no longer exists.',
} as const;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let offset = 0;
  const clock = { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
  const store = new Store({ dataDir: options.dataDir ?? null, reset: options.reset ?? false, now: clock.now });
  const faults = new Faults();
  const limiter = new RateLimiter(options.rateLimit ?? { limit: 600, windowSeconds: 60 }, clock.now);
  const settings: RouteSettings = { projectListPath: options.projectListPath ?? endpoints.userProjects.path };
  const admin = new SimAdmin(store, faults, limiter, clock, settings);
  const hung = new Set<ServerResponse>();
  let port = 0;
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`[testkase-sim] ${line}\n`);
  };

  async function api(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const started = performance.now();
    const entry: RequestLogEntry = admin.record({ at: new Date(clock.now()).toISOString(), route: null, method, path: path + url.search, status: 0, userId: null, tokenId: null, fault: null, startMs: performance.timeOrigin + started, ms: 0 });
    const finish = (status: number) => {
      entry.status = status;
      entry.ms = Math.round((performance.now() - started) * 100) / 100;
      say(`${method} ${entry.path} → ${status || 'no answer'}${entry.fault ? ` (fault: ${entry.fault})` : ''}`);
    };
    res.on('close', () => finish(res.headersSent ? res.statusCode : 0));

    const found = matchRoute(method, path.slice(API_PREFIX.length) || '/', settings);
    if (!found) return sendError(res, 404, 'NOT_FOUND', `No route ${method} ${path}.`);
    if ('allow' in found) return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}; use ${found.allow.join(', ')}.`, { allow: found.allow.join(', ') });
    entry.route = found.route.name;

    // Authenticate first so the log attributes even a faulted request to the token's user.
    const header = req.headers.authorization;
    const bearer = header?.match(/^Bearer (\S+)$/)?.[1];
    const check = bearer && PAT_PATTERN.test(bearer) ? store.checkToken(bearer) : null;
    if (check?.ok) {
      entry.userId = check.user.id;
      entry.tokenId = check.token.id;
    }

    const plan = faults.plan(found.route.name);
    if (plan.delayMs > 0) {
      entry.fault = `latency ${plan.delayMs}ms`;
      await new Promise((r) => setTimeout(r, plan.delayMs));
      if (res.destroyed) return;
    }
    if (plan.outcome) {
      entry.fault = plan.outcome.kind === 'status' ? `status ${plan.outcome.status}` : plan.outcome.kind;
      switch (plan.outcome.kind) {
        case 'status': {
          const headers: Record<string, string> = plan.outcome.retryAfterSeconds !== undefined ? { 'retry-after': String(plan.outcome.retryAfterSeconds) } : {};
          const code = plan.outcome.status === 429 ? 'RATE_LIMITED' : plan.outcome.status >= 500 ? 'SERVER_ERROR' : 'INJECTED_FAULT';
          return sendError(res, plan.outcome.status, code, `Injected fault: HTTP ${plan.outcome.status}.`, headers);
        }
        case 'hang':
          hung.add(res);
          res.on('close', () => hung.delete(res));
          return;
        case 'malformed':
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          return void res.end('{"data": [{"id": "PRJ-1", "name": "Check');
        case 'drop':
          return void req.socket.destroy();
      }
    }

    if (!header) return sendError(res, 401, 'UNAUTHORIZED', AUTH_MESSAGES.MISSING);
    if (!bearer || !PAT_PATTERN.test(bearer)) return sendError(res, 401, 'UNAUTHORIZED', AUTH_MESSAGES.MALFORMED);
    if (!check?.ok) return sendError(res, 401, 'UNAUTHORIZED', AUTH_MESSAGES[check?.reason ?? 'UNKNOWN']);

    const wait = limiter.take(check.token.id);
    if (wait !== null) return sendError(res, 429, 'RATE_LIMITED', `Too many requests for this token; retry in ${wait} s.`, { 'retry-after': String(wait) });

    const body = method === 'GET' || method === 'DELETE' ? undefined : await readJson(req);
    const query = Object.fromEntries(url.searchParams);
    const name = found.route.name;
    const decoded = decodeRequest(endpoints[name], { params: found.params, query, body });
    const handle = handlers[name] as (s: Store, r: unknown) => { status: number; body: unknown };
    const { status, body: out } = handle(store, { ...decoded, user: check.user, token: check.token });
    sendJson(res, status, out);
  }

  async function web(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Only GET here.', { allow: 'GET' });
    const send = (type: string, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (path === '/' || path === '/settings/api-keys') return send('text/html', indexHtml(), { 'content-security-policy': PAGE_CSP });
    if (path === '/_sim/ui.js') return send('text/javascript', uiJs);
    if (path === '/_sim/ui.css') return send('text/css', uiCss);
    if (path === '/_sim/health') return sendJson(res, 200, { ok: true });
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    return sendError(res, 404, 'NOT_FOUND', `No page ${path}.`);
  }

  const server = createServer((req, res) => {
    if (!isLoopbackHost(req, port)) return sendError(res, 421, 'MISDIRECTED', 'This simulator answers only requests addressed to 127.0.0.1 or localhost.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Bad request URL.');
    }
    const path = url.pathname;
    const run = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)
      ? api(req, res, path, url)
      : path.startsWith('/_sim/admin')
        ? handleAdmin(admin, req, res, path, url.searchParams)
        : web(req, res, path);
    run.catch((e: unknown) => {
      if (e instanceof SimError) return sendError(res, e.status, e.code, e.message);
      say(`internal error on ${req.method} ${path}: ${(e as Error).message}`);
      sendError(res, 500, 'INTERNAL', 'The simulator hit an internal error.');
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.requestTimeout = 0; // hung-request faults must be able to hang

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    port,
    admin,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

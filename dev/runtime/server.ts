/**
 * The local Jira host: an HTTP server on 127.0.0.1 serving Jira-like pages, the app's Custom UI
 * resource (under a per-frame session, with Forge's CSP and the bridge script injected), and the
 * bridge's host endpoints (invoke, log, CSP reports). The resolver context of each invoke is built
 * from what the HOST knows about the frame's session, never from what the browser sends.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { redact } from '../../src/log';
import { isLoopbackHost } from '../loopback';
import type { InvocationOutcome, InvocationRequest } from '../forge/functions';
import { bridgeScript } from './bridge-script';
import { computeResourceCsp } from './csp';
import {
  CLOUD_ID,
  DEFAULT_USER,
  ENV_ID,
  MODULE_KEYS,
  findIssue,
  findUser,
  globalPagePath,
  type AppManifest,
  type JiraIssue,
  type JiraUser,
  type ModuleKey,
} from './fixtures';
import { HOST_CSS, HOST_JS, HOST_PAGE_CSP, globalPage, indexPage, issuePage, messagePage, type PageFrame } from './pages';
import { THEME_ATTRIBUTE, parseTheme, tokensCss, type Theme } from './tokens';

/** Runs one invocation of the app's resolver function (in Forge's sandbox: see dev/forge/functions.ts). */
export type Invoker = (request: InvocationRequest) => Promise<InvocationOutcome>;

export interface FrameSession {
  id: string;
  user: JiraUser;
  moduleKey: ModuleKey;
  issue: JiraIssue | null;
  theme: Theme;
  initialPath: string;
  invokes: number[];
}

export interface CspViolation {
  session: string | null;
  moduleKey: string | null;
  directive: string;
  blockedURI: string;
  sourceFile?: string;
  via: 'report-uri' | 'bridge';
}

export interface HostEvents {
  cspViolations: CspViolation[];
  unknownCommands: Array<{ session: string; command: string }>;
  invokes: Array<{ session: string; accountId: string; moduleKey: string; functionKey: string; ok: boolean; ms: number }>;
}

export interface HostOptions {
  manifest: AppManifest;
  /** Folder holding the built resource (static/dist). */
  resourceDir: string;
  /** The app icon shown next to the panel title. */
  iconFile: string;
  invoke: Invoker;
  /**
   * `npm run dev`: the Vite dev server (resources[].tunnel.port) the resource is served from instead
   * of the built folder, as `forge tunnel` serves it: proxied, HMR websocket included, with Forge's
   * tunnel CSP.
   */
  devServer?: string;
  /** Forge's bridge limit on invokes per frame; default 500 per 25 s. */
  invokeLimit?: { calls: number; windowMs: number };
  simulatorUrl: string;
  log: (line: string) => void;
}

export interface Host {
  server: Server;
  events: HostEvents;
  sessions: Map<string, FrameSession>;
  /** Set once listening: http://127.0.0.1:<port> */
  origin: string;
  /**
   * Where the app's frames are served from: the same server under another host name, so the frame is
   * cross-origin to the Jira page as Forge's are (and runs in its own renderer process).
   */
  frameOrigin: string;
}

const MAX_SESSIONS = 2000;
/** Where every frame loads the resource's files from (see the <base> injected into index.html). */
const SHARED_ASSETS = '/resource/app/';
const MAX_BODY = 1024 * 1024;
const FORGE_INVOKE_LIMIT = { calls: 500, windowMs: 25_000 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0C66E4"/><path d="M9 16l5 5 9-10" stroke="#fff" stroke-width="3" fill="none"/></svg>`;

export function createHost(options: HostOptions): Host {
  const { manifest, log } = options;
  const sessions = new Map<string, FrameSession>();
  const events: HostEvents = { cspViolations: [], unknownCommands: [], invokes: [] };
  const gpPath = globalPagePath(manifest);
  const appTitle = manifest.titles[MODULE_KEYS.globalPage] ?? 'TestKase';
  let cspCache: { html: string; directives: string[] } | undefined;
  const INVOKE_LIMIT = options.invokeLimit ?? FORGE_INVOKE_LIMIT;
  const host: Host = { server: undefined as unknown as Server, events, sessions, origin: '', frameOrigin: '' };

  function say(line: string): void {
    log(redact(line));
  }

  function newSession(user: JiraUser, moduleKey: ModuleKey, issue: JiraIssue | null, theme: Theme, initialPath: string): FrameSession {
    const id = randomBytes(16).toString('hex');
    const session: FrameSession = { id, user, moduleKey, issue, theme, initialPath, invokes: [] };
    sessions.set(id, session);
    while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    return session;
  }

  /** What getContext() answers in the frame (Forge's FullContext for Jira). */
  function frontendContext(s: FrameSession): Record<string, unknown> {
    return {
      accountId: s.user.accountId,
      accountType: 'licensed',
      cloudId: CLOUD_ID,
      workspaceId: CLOUD_ID,
      environmentId: ENV_ID,
      environmentType: 'DEVELOPMENT',
      localId: `ari:cloud:ecosystem::extension/${manifest.appId}/${ENV_ID}/static/${s.moduleKey}`,
      moduleKey: s.moduleKey,
      siteUrl: host.origin,
      locale: 'en-US',
      timezone: s.user.timezone,
      theme: { colorMode: s.theme, light: 'light', dark: 'dark', contrastMode: 'no-preference', spacing: 'spacing', typography: 'typography' },
      surfaceColor: null,
      extension: extensionOf(s),
    };
  }

  function extensionOf(s: FrameSession): Record<string, unknown> {
    if (s.moduleKey === MODULE_KEYS.panel && s.issue) {
      return {
        type: 'jira:issuePanel',
        issue: { id: s.issue.id, key: s.issue.key, type: s.issue.type, typeId: s.issue.typeId },
        project: { id: s.issue.project.id, key: s.issue.project.key, type: s.issue.project.type },
        isNewToIssue: false,
      };
    }
    return { type: 'jira:globalPage', location: `${host.origin}${gpPath}` };
  }

  /** The context the resolver receives: the host's knowledge of the frame, not the browser's. */
  function resolverContext(s: FrameSession): Record<string, unknown> {
    return {
      cloudId: CLOUD_ID,
      localId: `ari:cloud:ecosystem::extension/${manifest.appId}/${ENV_ID}/static/${s.moduleKey}`,
      moduleKey: s.moduleKey,
      environmentId: ENV_ID,
      environmentType: 'DEVELOPMENT',
      siteUrl: host.origin,
      locale: 'en-US',
      timezone: s.user.timezone,
      extension: extensionOf(s),
    };
  }

  function resourceCsp(indexHtml: string, s: FrameSession): string {
    if (!cspCache || cspCache.html !== indexHtml) {
      const { directives } = computeResourceCsp({
        indexHtml,
        permissions: manifest.permissions,
        hostname: host.origin,
        reportUri: 'REPORT_URI',
        tunnel: options.devServer !== undefined,
        log: say,
      });
      cspCache = { html: indexHtml, directives };
    }
    return cspCache.directives
      .map((d) => (d === 'report-uri REPORT_URI' ? `report-uri ${host.origin}/resource/${s.id}/__forge/csp-report` : d))
      .join('; ');
  }

  function frameFor(req: IncomingMessage, url: URL, res: ServerResponse): PageFrame {
    const cookies = parseCookies(req.headers.cookie);
    const queryUser = findUser(url.searchParams.get('user'));
    const user = queryUser ?? findUser(cookies.tk_user) ?? DEFAULT_USER;
    const queryTheme = parseTheme(url.searchParams.get('theme'));
    const theme = queryTheme ?? parseTheme(cookies.tk_theme) ?? 'light';
    const set: string[] = [];
    if (queryUser) set.push(`tk_user=${user.name}; Path=/; SameSite=Lax`);
    if (queryTheme) set.push(`tk_theme=${theme}; Path=/; SameSite=Lax`);
    if (set.length) res.setHeader('set-cookie', set);
    return { user, theme, path: url.pathname, globalPagePath: gpPath, simulatorUrl: options.simulatorUrl, appTitle };
  }

  function sendPage(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, {
      'content-type': TYPES['.html']!,
      'content-security-policy': HOST_PAGE_CSP.replace("frame-src 'self'", `frame-src 'self' ${host.frameOrigin}`),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(html);
  }

  async function handleResource(req: IncomingMessage, res: ServerResponse, sessionId: string, rest: string): Promise<void> {
    const session = sessions.get(sessionId);
    const method = req.method ?? 'GET';
    if (!session) {
      return sendJson(res, 404, { ok: false, error: 'This app frame is not known to the local host (did it restart?). Reload the page.' });
    }
    if (rest === '__bridge.js' && (method === 'GET' || method === 'HEAD')) {
      const body = bridgeScript({
        endpoint: `/resource/${session.id}/__forge/`,
        hostOrigin: host.origin,
        context: frontendContext(session),
        globalPagePath: gpPath,
        globalPageModuleKey: MODULE_KEYS.globalPage,
        initialPath: session.initialPath,
        themeAttribute: THEME_ATTRIBUTE,
      });
      return send(res, 200, TYPES['.js']!, body, { 'cache-control': 'no-store' });
    }
    if (rest === '__forge/tokens.css' && (method === 'GET' || method === 'HEAD')) {
      return send(res, 200, TYPES['.css']!, await tokensCss());
    }
    if (rest === '__forge/invoke' && method === 'POST') return invoke(req, res, session);
    if (rest === '__forge/log' && method === 'POST') {
      const body = (await readJson(req)) as { kind?: unknown; detail?: Record<string, unknown> } | undefined;
      if (body?.kind === 'unknown-command') {
        const command = String(body.detail?.command ?? '?');
        events.unknownCommands.push({ session: session.id, command });
        say(`[forge-local] ${session.moduleKey}: the app called the unsupported bridge command "${command}"`);
      } else if (body?.kind === 'csp-violation') {
        recordViolation(session, body.detail ?? {}, 'bridge');
      }
      res.writeHead(204).end();
      return;
    }
    if (rest === '__forge/csp-report' && method === 'POST') {
      const body = (await readJson(req)) as { 'csp-report'?: Record<string, unknown> } | undefined;
      const report = body?.['csp-report'] ?? {};
      recordViolation(session, { directive: report['effective-directive'] ?? report['violated-directive'], blockedURI: report['blocked-uri'], sourceFile: report['source-file'] }, 'report-uri');
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { ok: false, error: `${method} is not allowed here` });
    if (rest.startsWith('__forge/')) return sendJson(res, 404, { ok: false, error: 'No such host endpoint' });
    return serveResourceFile(res, session, rest || 'index.html', method === 'HEAD');
  }

  function recordViolation(session: FrameSession, detail: Record<string, unknown>, via: CspViolation['via']): void {
    const v: CspViolation = {
      session: session.id,
      moduleKey: session.moduleKey,
      directive: String(detail.directive ?? '?'),
      blockedURI: String(detail.blockedURI ?? ''),
      ...(detail.sourceFile ? { sourceFile: String(detail.sourceFile) } : {}),
      via,
    };
    events.cspViolations.push(v);
    say(`[forge-local] CSP violation in ${session.moduleKey}: ${v.directive} blocked ${v.blockedURI || 'inline code'}`);
  }

  /** A URL path inside the resource → its file, or null when it is badly encoded or escapes the folder. */
  function resourcePath(rel: string): { root: string; decoded: string; file: string } | null {
    const root = resolve(options.resourceDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return null;
    }
    const file = normalize(join(root, decoded));
    return file === root || file.startsWith(root + sep) ? { root, decoded, file } : null;
  }

  /** index.html as the dev server renders it, with the bridge first in <head>; everything else is proxied. */
  async function serveDevIndex(res: ServerResponse, session: FrameSession, head: boolean): Promise<void> {
    let html: string;
    try {
      const answer = await fetch(`${options.devServer}/index.html`);
      html = await answer.text();
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    } catch (e) {
      return send(res, 503, TYPES['.txt']!, `The UI dev server at ${options.devServer} did not answer (${e instanceof Error ? e.message : String(e)}): is npm run dev running?`);
    }
    const tag = `<script src="/resource/${session.id}/__bridge.js"></script>`;
    const injected = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${tag}`) : `${tag}\n${html}`;
    return send(res, 200, TYPES['.html']!, head ? '' : injected, { 'content-security-policy': resourceCsp(injected, session), 'cache-control': 'no-store' });
  }

  function serveResourceFile(res: ServerResponse, session: FrameSession, rel: string, head: boolean): void | Promise<void> {
    if (options.devServer && (rel === 'index.html' || rel === '')) return serveDevIndex(res, session, head);
    const found = resourcePath(rel);
    if (!found) return sendJson(res, 404, { ok: false, error: 'Not found' });
    const { root, decoded, file } = found;
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (decoded === 'index.html') {
        return send(res, 503, TYPES['.txt']!, `The UI is not built: run "npm run build" (expected ${file}).`);
      }
      return send(res, 404, TYPES['.txt']!, 'Not found');
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-security-policy': '', 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (decoded === 'index.html') {
      const original = readFileSync(file, 'utf8');
      headers['content-security-policy'] = resourceCsp(original, session);
      headers['cache-control'] = 'no-store';
      // The session-free base makes the bundle's relative asset URLs shared by every frame, so they
      // are cached across panel loads as Forge's CDN caches them; only index.html and the bridge are per frame.
      const tag = `<base href="${SHARED_ASSETS}">\n<script src="/resource/${session.id}/__bridge.js"></script>`;
      const injected = /<head[^>]*>/i.test(original) ? original.replace(/<head[^>]*>/i, (m) => `${m}\n${tag}`) : `${tag}\n${original}`;
      return send(res, 200, type, head ? '' : injected, headers);
    }
    // Forge serves every file of the resource with the same policy.
    const indexFile = join(root, 'index.html');
    headers['content-security-policy'] = resourceCsp(existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : '', session);
    return send(res, 200, type, head ? Buffer.alloc(0) : readFileSync(file), headers);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, session: FrameSession): Promise<void> {
    const started = performance.now();
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      return sendJson(res, 400, { ok: false, error: (e as Error).message });
    }
    const request = body as { functionKey?: unknown; payload?: unknown; metadata?: unknown } | undefined;
    if (!request || typeof request.functionKey !== 'string' || request.functionKey.length === 0) {
      return sendJson(res, 400, { ok: false, error: 'invoke needs a functionKey' });
    }
    const payload = request.payload === undefined || request.payload === null ? {} : request.payload;
    if (typeof payload !== 'object' || Array.isArray(payload)) {
      return sendJson(res, 400, { ok: false, error: 'invoke payload must be an object' });
    }
    const now = Date.now();
    session.invokes = session.invokes.filter((t) => t > now - INVOKE_LIMIT.windowMs);
    if (session.invokes.length >= INVOKE_LIMIT.calls) {
      // Forge's bridge limit: the invoke fails without reaching the function.
      say(`[forge-local] invoke ${request.functionKey} refused: ${INVOKE_LIMIT.calls} invokes in ${INVOKE_LIMIT.windowMs / 1000} s from one frame`);
      return sendJson(res, 429, { ok: false, error: `rate limited: at most ${INVOKE_LIMIT.calls} invokes per ${INVOKE_LIMIT.windowMs / 1000} s` });
    }
    session.invokes.push(now);
    const functionKey = request.functionKey;
    const where = session.issue ? session.issue.key : 'global page';
    const resolverFunction = manifest.resolvers[session.moduleKey];
    if (!resolverFunction) return sendJson(res, 400, { ok: false, error: `manifest.yml gives ${session.moduleKey} no resolver function` });
    const outcome = await options.invoke({
      accountId: session.user.accountId,
      functionKey: resolverFunction,
      moduleKey: session.moduleKey,
      moduleType: session.moduleKey === MODULE_KEYS.panel ? 'jira:issuePanel' : 'jira:globalPage',
      body: { call: { functionKey, payload }, context: resolverContext(session) },
    });
    const ms = Math.round(performance.now() - started);
    events.invokes.push({ session: session.id, accountId: session.user.accountId, moduleKey: session.moduleKey, functionKey, ok: outcome.ok, ms });
    if (!outcome.ok) {
      say(`[forge-local] invoke ${functionKey} as ${session.user.accountId} (${where}) failed: ${outcome.message}`);
      // Like Forge: the UI gets an opaque failure, the details stay in the function's log.
      return sendJson(res, 500, { ok: false, error: 'There was an error invoking the function (see the local runtime log)' });
    }
    const result = outcome.body;
    const status = isEnvelope(result) ? (result.ok ? 'ok' : `error ${result.error?.code ?? ''}`) : 'done';
    say(`[forge-local] invoke ${functionKey} as ${session.user.accountId} (${where}) → ${status} in ${ms} ms`);
    const metadata = wantsRateLimit(request.metadata)
      ? {
          rateLimitProperties: {
            rateLimitLimit: INVOKE_LIMIT.calls,
            rateLimitRemaining: Math.max(0, INVOKE_LIMIT.calls - session.invokes.length),
            rateLimitReset: Math.ceil(((session.invokes[0] ?? now) + INVOKE_LIMIT.windowMs) / 1000),
          },
        }
      : {};
    return sendJson(res, 200, { ok: true, body: result, metadata });
  }

  /** The resource's files (not its index.html) at one URL for every frame; Vite's hashed assets are immutable. */
  function serveSharedFile(res: ServerResponse, rel: string, head: boolean): void {
    const found = resourcePath(rel);
    const file = found?.file ?? '';
    const decoded = found?.decoded ?? '';
    if (!found || decoded === '' || decoded === 'index.html' || file === found.root || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, TYPES['.txt']!, 'Not found');
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const hashed = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(decoded);
    const headers = { 'x-content-type-options': 'nosniff', 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' };
    return send(res, 200, type, head ? Buffer.alloc(0) : readFileSync(file), headers);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', host.origin || 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    const resource = path.match(/^\/resource\/([0-9a-f]{32})\/(.*)$/);
    if (resource) return handleResource(req, res, resource[1]!, resource[2]!);
    // In dev mode the app's modules (/src/…, /@vite/client, /node_modules/.vite/…) come from the dev server.
    if (options.devServer && isFrameHost(req)) return proxyToDevServer(req, res);
    if (path.startsWith(SHARED_ASSETS) && (method === 'GET' || method === 'HEAD')) return serveSharedFile(res, path.slice(SHARED_ASSETS.length), method === 'HEAD');

    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { ok: false, error: `${method} is not allowed here` });

    if (path === '/__host/host.js') return send(res, 200, TYPES['.js']!, HOST_JS);
    if (path === '/__host/host.css') return send(res, 200, TYPES['.css']!, HOST_CSS);
    if (path === '/__host/tokens.css') return send(res, 200, TYPES['.css']!, await tokensCss());
    if (path === '/__host/favicon.svg') return send(res, 200, TYPES['.svg']!, FAVICON);
    if (path === '/__host/app-icon.svg') {
      return existsSync(options.iconFile) ? send(res, 200, TYPES['.svg']!, readFileSync(options.iconFile)) : send(res, 200, TYPES['.svg']!, FAVICON);
    }
    if (path === '/favicon.ico') return send(res, 200, TYPES['.svg']!, FAVICON);

    const frame = frameFor(req, url, res);
    if (path === '/' || path === '/index.html') return sendPage(res, 200, indexPage(frame));

    const browse = path.match(/^\/browse\/([A-Za-z0-9]+-\d+)\/?$/);
    if (browse) {
      const issue = findIssue(browse[1]!.toUpperCase());
      if (!issue) return sendPage(res, 404, messagePage(frame, 'Issue not found', `The local Jira site has no issue ${browse[1]}. Try DEMO-1, DEMO-2 or OTHER-1.`));
      const s = newSession(frame.user, MODULE_KEYS.panel, issue, frame.theme, '/');
      return sendPage(res, 200, issuePage(frame, issue, `${host.frameOrigin}/resource/${s.id}/index.html`));
    }

    if (path === gpPath || path.startsWith(`${gpPath}/`)) {
      const sub = path.slice(gpPath.length) || '/';
      const s = newSession(frame.user, MODULE_KEYS.globalPage, null, frame.theme, sub + url.search.replace(/([?&])(user|theme)=[^&]*&?/g, '$1').replace(/[?&]$/, ''));
      return sendPage(res, 200, globalPage(frame, `${host.frameOrigin}/resource/${s.id}/index.html`));
    }
    if (path.startsWith('/jira/apps/')) {
      return sendPage(res, 404, messagePage(frame, 'App not found', `This app is installed at ${gpPath} (app id and environment id from manifest.yml and the local runtime).`));
    }
    return sendPage(res, 404, messagePage(frame, 'Page not found', `The local Jira site has no page at ${path}.`));
  }

  function isFrameHost(req: IncomingMessage): boolean {
    return host.frameOrigin !== '' && `http://${req.headers.host ?? ''}` === host.frameOrigin;
  }

  function proxyToDevServer(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(options.devServer!);
    const upstream = httpRequest(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) send(res, 502, TYPES['.txt']!, `The UI dev server did not answer: ${e.message}`);
      else res.end();
    });
    req.pipe(upstream);
  }

  host.server = createServer((req, res) => {
    const port = (host.server.address() as AddressInfo | null)?.port ?? 0;
    if (!isLoopbackHost(req.headers.host, port)) {
      return send(res, 421, TYPES['.txt']!, 'The local Jira host answers only requests addressed to 127.0.0.1 or localhost.');
    }
    route(req, res).catch((e: unknown) => {
      say(`[forge-local] request failed: ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'The local host failed to answer this request' });
      else res.end();
    });
  });
  // The dev server's hot-reload websocket, tunnelled like its HTTP requests.
  host.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!options.devServer || !isFrameHost(req)) return socket.destroy(); // the frame host is loopback by construction
    const target = new URL(options.devServer);
    const upstream = connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : (v ?? '')}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return host;
}

function isEnvelope(value: unknown): value is { ok: boolean; error?: { code?: string } } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function wantsRateLimit(metadata: unknown): boolean {
  return typeof metadata === 'object' && metadata !== null && (metadata as { rateLimitProperties?: unknown }).rateLimitProperties === true;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('The request body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('The request body is not JSON');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, TYPES['.json']!, JSON.stringify(body), { 'cache-control': 'no-store' });
}

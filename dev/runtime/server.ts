/**
 * The local Jira host (Hono on Node, 127.0.0.1): Jira-like pages, the app's Custom UI resource per
 * frame session (with Forge's CSP and the bridge script injected), and the bridge's host endpoints
 * (invoke, log, CSP reports). The resolver context of each invoke is built from what the HOST
 * knows about the frame's session, never from what the browser sends.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redact } from '../../src/log';
import { createHonoServer, loopbackOnly, standardRequest } from '../hono-node';
import { registerBridgeEndpoints, type Invoker } from './bridge-endpoints';
import { registerRealtimeEndpoints, type RealtimeHub } from './realtime';
import { registerDevProxy, proxyUpgrades } from './dev-proxy';
import { DASHBOARD, DEFAULT_USER, ENV_ID, MODULE_KEYS, PROJECTS, adminPagePath, globalPagePath, projectPagePath, type AppManifest } from './fixtures';
import { COVERAGE_HOST_CSS, COVERAGE_HOST_JS, GadgetConfigurations, dashboardPage, projectAppPage } from './coverage-pages';
import { FrameSessions, type FrameSite } from './frames';
import type { HostEvents } from './host-events';
import { answer, BadBody, CSS, HTML, JS, json, jsonBody, SVG, TEXT, type HostEnv } from './host-http';
import { avatarSvg } from './avatars';
import { HOST_DIALOGS_CSS, HOST_DIALOGS_JS } from './host-dialogs';
import { registerIssueDialogs } from './issue-dialogs';
import { LocalIssues } from './jira-issues';
import { LocalUsers } from './local-users';
import { HOST_CSS, HOST_JS, HOST_PAGE_CSP, adminPage, globalPage, indexPage, issuePage, manageAppsPage, messagePage, type PageFrame } from './pages';
import { registerFrameFiles, registerSharedFiles } from './resource-files';
import { parseTheme, tokensCss } from './tokens';
import { uiKitHostScript } from './ui-kit/script';
import { UI_KIT_CSS } from './ui-kit/styles';

export type { Invoker } from './bridge-endpoints';
export type { HostEvents } from './host-events';

export interface HostOptions {
  manifest: AppManifest;
  /** Folder holding the built resource (static/dist). */
  resourceDir: string;
  /** Folder holding each built UI Kit resource by key (`npm run build:native`: .forge/native-ui). */
  nativeUiDir: string;
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
  /** Leave the issue context module off the issue page (the bench measures the panel alone). */
  withoutIssueContext?: boolean;
  simulatorUrl: string;
  log: (line: string) => void;
  /** The site's issues, shared with its REST API (jira-api.ts); default a fresh set of the fixtures. */
  issues?: LocalIssues;
  /** The site's accounts, shared with its REST API; default the fixtures' four. */
  users?: LocalUsers;
  /** Forge Realtime across the host's windows; absent: the frames' realtime commands find no endpoint. */
  realtime?: RealtimeHub;
}

export interface Host {
  server: Server;
  events: HostEvents;
  sessions: FrameSessions;
  /** Set once listening: http://127.0.0.1:<port> */
  origin: string;
  /**
   * Where the app's frames are served from: the same server under another host name, so the frame is
   * cross-origin to the Jira page as Forge's are (and runs in its own renderer process).
   */
  frameOrigin: string;
}

const FORGE_INVOKE_LIMIT = { calls: 500, windowMs: 25_000 };

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0C66E4"/><path d="M9 16l5 5 9-10" stroke="#fff" stroke-width="3" fill="none"/></svg>`;

export function createHost(options: HostOptions): Host {
  const { manifest } = options;
  const gpPath = globalPagePath(manifest);
  const apPath = adminPagePath(manifest);
  const appTitle = manifest.titles[MODULE_KEYS.globalPage] ?? 'TestKase';
  const adminTitle = manifest.titles[MODULE_KEYS.adminPage] ?? appTitle;
  const say = (line: string) => options.log(redact(line));
  const app = new Hono<HostEnv>();
  const host: Host = { server: createHonoServer(app), events: { cspViolations: [], unknownCommands: [], invokes: [] }, sessions: new FrameSessions(), origin: '', frameOrigin: '' };
  const site: FrameSite = { manifest, origin: () => host.origin, globalPagePath: gpPath, adminPagePath: apPath };
  const port = () => (host.server.address() as AddressInfo | null)?.port ?? 0;
  const isFrameHost = (name: string | undefined) => host.frameOrigin !== '' && `http://${name ?? ''}` === host.frameOrigin;

  app.use(loopbackOnly(port, () => answer(421, TEXT, 'The local Jira host answers only requests addressed to 127.0.0.1 or localhost.')));
  app.use(standardRequest);

  const gadgets = new GadgetConfigurations();
  if (options.realtime) registerRealtimeEndpoints(app, { hub: options.realtime, sessions: host.sessions });
  registerBridgeEndpoints(app, { manifest, sessions: host.sessions, site, events: host.events, invoke: options.invoke, invokeLimit: options.invokeLimit ?? FORGE_INVOKE_LIMIT, say, gadgets });
  registerFrameFiles(app, { resourceDir: options.resourceDir, nativeUiDir: options.nativeUiDir, permissions: manifest.permissions, site, say, ...(options.devServer ? { devServer: options.devServer } : {}) });
  // Before the dev proxy: in `npm run dev` the UI Kit resources still come from their build, not from Vite.
  registerSharedFiles(app, { resourceDir: options.resourceDir, nativeUiDir: options.nativeUiDir, nativeResourceKeys: Object.values(manifest.nativeResources) });
  if (options.devServer) registerDevProxy(app, options.devServer, isFrameHost);

  app.all('/healthz', () => json(200, { ok: true }));
  const issues = options.issues ?? new LocalIssues();
  const users = options.users ?? new LocalUsers();
  registerIssueDialogs(app, issues, (c) => frameFor(c).user, users, say);
  // `npm run grow:coverage`: grows a scope of the local site (new version, issues, bugs) for the bench.
  app.post('/__host/admin/grow-scope', async (c) => {
    if (!(c.req.header('content-type') ?? '').includes('application/json')) return json(415, { ok: false, error: 'Send application/json.' });
    const body = ((await jsonBody(c.req)) ?? {}) as { projectKey?: unknown; versionName?: unknown; count?: unknown; bugs?: unknown };
    const count = Number(body.count);
    const bugs = Number(body.bugs ?? 0);
    if (!Number.isInteger(count) || count < 1 || count > 20_000 || !Number.isInteger(bugs) || bugs < 0 || bugs > 1_000) return json(400, { ok: false, error: 'count must be 1–20,000 and bugs 0–1,000.' });
    const grown = issues.grow({ projectKey: typeof body.projectKey === 'string' ? body.projectKey : 'DEMO', versionName: typeof body.versionName === 'string' && body.versionName.trim() ? body.versionName.trim().slice(0, 100) : `Scale ${count}`, count, bugs });
    say(`[forge-local] grew ${grown.version.name} (${grown.version.id}): ${grown.issueKeys.length} issues, ${grown.bugKeys.length} bugs`);
    return json(201, { ok: true, version: grown.version, issues: { first: grown.issueKeys[0], count: grown.issueKeys.length }, bugs: { first: grown.bugKeys[0] ?? null, count: grown.bugKeys.length } });
  });
  app.all('*', async (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : json(405, { ok: false, error: `${c.req.method} is not allowed here` })));

  app.get('/__host/host.js', () => answer(200, JS, HOST_JS));
  app.get('/__host/host.css', () => answer(200, CSS, HOST_CSS));
  app.get('/__host/dialogs.js', () => answer(200, JS, HOST_DIALOGS_JS));
  app.get('/__host/dialogs.css', () => answer(200, CSS, HOST_DIALOGS_CSS));
  app.get('/__host/tokens.css', async () => answer(200, CSS, await tokensCss()));
  app.get('/__host/ui-kit.js', async () => answer(200, JS, await uiKitHostScript()));
  app.get('/__host/ui-kit.css', () => answer(200, CSS, UI_KIT_CSS));
  app.get('/__host/favicon.svg', () => answer(200, SVG, FAVICON));
  app.get('/__host/coverage.css', () => answer(200, CSS, COVERAGE_HOST_CSS));
  app.get('/__host/coverage.js', () => answer(200, JS, COVERAGE_HOST_JS));
  app.get('/__host/app-icon.svg', () => answer(200, SVG, existsSync(options.iconFile) ? readFileSync(options.iconFile) : FAVICON));
  app.get('/favicon.ico', () => answer(200, SVG, FAVICON));
  // Jira serves avatars from its own site: the app's frame may load them (the site is in Forge's img-src).
  app.get('/__host/avatars/:file{[a-z][a-z0-9]*\\.svg}', (c) => {
    const user = users.find(c.req.param('file').replace(/\.svg$/, ''));
    return user ? answer(200, SVG, avatarSvg(user), { 'cache-control': 'max-age=3600' }) : answer(404, TEXT, 'No such avatar');
  });

  /** Who is signed in and the theme: `?user=` / `?theme=` (remembered in cookies), else the cookies, else alice in light. */
  function frameFor(c: Context<HostEnv>): PageFrame {
    const queryUser = users.find(c.req.query('user'));
    const user = queryUser ?? users.find(getCookie(c, 'tk_user')) ?? DEFAULT_USER;
    const queryTheme = parseTheme(c.req.query('theme'));
    const theme = queryTheme ?? parseTheme(getCookie(c, 'tk_theme')) ?? 'light';
    if (queryUser) setCookie(c, 'tk_user', user.name, { path: '/', sameSite: 'Lax' });
    if (queryTheme) setCookie(c, 'tk_theme', theme, { path: '/', sameSite: 'Lax' });
    return { user, theme, path: c.req.path, globalPagePath: gpPath, adminPagePath: apPath, simulatorUrl: options.simulatorUrl, appTitle, adminTitle, coveragePagePath: projectPagePath(manifest, 'DEMO'), seeded: users.summary() };
  }

  // c.body keeps the cookies frameFor set.
  const page = (c: Context<HostEnv>, status: 200 | 403 | 404, html: string) =>
    c.body(html, status, {
      'content-type': HTML,
      'content-security-policy': HOST_PAGE_CSP.replace("frame-src 'self'", `frame-src 'self' ${host.frameOrigin}`),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  const frameSrc = (sessionId: string) => `${host.frameOrigin}/resource/${sessionId}/index.html`;

  app.get('/', (c) => page(c, 200, indexPage(frameFor(c))));
  app.get('/index.html', (c) => page(c, 200, indexPage(frameFor(c))));
  const browse = (c: Context<HostEnv>) => {
    const frame = frameFor(c);
    const key = c.req.param('key') ?? '';
    const issue = issues.find(key, frame.user);
    if (!issue) return page(c, 404, messagePage(frame, 'Issue not found', `The local Jira site has no issue ${key}. Try DEMO-1, DEMO-2 or OTHER-1.`));
    const s = host.sessions.open(frame.user, MODULE_KEYS.panel, issue, frame.theme, '/');
    // The issue context module (UI Kit), when the manifest has it: its code runs in a hidden frame of its own.
    const context = !options.withoutIssueContext && manifest.nativeResources[MODULE_KEYS.issueContext]
      ? { frameSrc: frameSrc(host.sessions.open(frame.user, MODULE_KEYS.issueContext, issue, frame.theme, '/').id), title: manifest.titles[MODULE_KEYS.issueContext] ?? appTitle }
      : null;
    return page(c, 200, issuePage(frame, issue, frameSrc(s.id), context, manifest.viewportSizes[MODULE_KEYS.panel] ?? null));
  };
  app.get('/browse/:key{[A-Za-z0-9]+-\\d+}', browse);
  app.get('/browse/:key{[A-Za-z0-9]+-\\d+}/', browse);
  app.get(`${gpPath}/*`, (c) => {
    const frame = frameFor(c);
    const url = new URL(c.req.url);
    const sub = url.pathname.slice(gpPath.length) || '/';
    const initialPath = sub + url.search.replace(/([?&])(user|theme)=[^&]*&?/g, '$1').replace(/[?&]$/, '');
    const s = host.sessions.open(frame.user, MODULE_KEYS.globalPage, null, frame.theme, initialPath);
    return page(c, 200, globalPage(frame, frameSrc(s.id)));
  });
  // Test coverage: the project page (jira:projectPage) in a project's tabs, sub-paths for the app's own routes.
  const coverageTitle = manifest.titles[MODULE_KEYS.coveragePage] ?? 'Test coverage';
  const projectApp = (c: Context<HostEnv>) => {
    const frame = frameFor(c);
    const project = PROJECTS.find((p) => p.key === c.req.param('projectKey'));
    if (!project || !manifest.resolvers[MODULE_KEYS.coveragePage]) return page(c, 404, messagePage(frame, 'Page not found', `The local Jira site has no app page at ${c.req.path}.`));
    const base = projectPagePath(manifest, project.key);
    const sub = c.req.path.slice(base.length) || '/';
    const s = host.sessions.open(frame.user, MODULE_KEYS.coveragePage, null, frame.theme, sub, { project });
    return page(c, 200, projectAppPage(frame, project, coverageTitle, base, frameSrc(s.id)));
  };
  app.get(`/jira/software/projects/:projectKey{[A-Z][A-Z0-9_]*}/apps/${manifest.appId}/${ENV_ID}`, projectApp);
  app.get(`/jira/software/projects/:projectKey{[A-Z][A-Z0-9_]*}/apps/${manifest.appId}/${ENV_ID}/*`, projectApp);
  // The dashboard with the gadget (jira:dashboardGadget): a gadget with no configuration yet, or ?edit=<id>, shows its edit view.
  app.get(`/jira/dashboards/${DASHBOARD.id}`, (c) => {
    const frame = frameFor(c);
    if (!manifest.resolvers[MODULE_KEYS.coverageGadget]) return page(c, 404, messagePage(frame, 'Dashboard not found', 'This app has no dashboard gadget.'));
    const title = manifest.titles[MODULE_KEYS.coverageGadget] ?? appTitle;
    const list = GadgetConfigurations.GADGETS.map((id) => {
      const editing = c.req.query('edit') === id || !gadgets.isConfigured(id);
      const s = host.sessions.open(frame.user, MODULE_KEYS.coverageGadget, null, frame.theme, '/', { gadget: { id, entryPoint: editing ? 'edit' : 'view', configuration: gadgets.get(id) } });
      return { id, title, frameSrc: frameSrc(s.id), editing };
    });
    return page(c, 200, dashboardPage(frame, list));
  });
  // Jira settings are for Jira admins: anyone else gets Jira's "no permission" page, and no app frame.
  const forbidden = (c: Context<HostEnv>) =>
    page(c, 403, messagePage(frameFor(c), 'No permission', 'You need the Administer Jira permission to open Jira settings. Switch to diana, the local Jira admin, to see this page.', "You don't have permission to view this page"));
  app.get('/jira/settings/apps', (c) => {
    const frame = frameFor(c);
    return frame.user.jiraAdmin ? page(c, 200, manageAppsPage(frame)) : forbidden(c);
  });
  app.get(`${apPath}/*`, (c) => {
    const frame = frameFor(c);
    if (!frame.user.jiraAdmin) return forbidden(c);
    const s = host.sessions.open(frame.user, MODULE_KEYS.adminPage, null, frame.theme, '/');
    return page(c, 200, adminPage(frame, frameSrc(s.id)));
  });
  app.get('/jira/settings/*', (c) => (frameFor(c).user.jiraAdmin ? page(c, 404, messagePage(frameFor(c), 'Page not found', `The local Jira site has no settings page at ${c.req.path}. The app's admin page is at ${apPath}.`)) : forbidden(c)));
  app.get('/jira/apps/*', (c) => page(c, 404, messagePage(frameFor(c), 'App not found', `This app is installed at ${gpPath} (app id and environment id from manifest.yml and the local runtime).`)));
  app.get('*', (c) => page(c, 404, messagePage(frameFor(c), 'Page not found', `The local Jira site has no page at ${c.req.path}.`)));

  app.onError((e, c) => {
    if (e instanceof BadBody) return json(400, { ok: false, error: e.message });
    say(`[forge-local] request failed: ${c.req.method} ${c.req.path}: ${e.message}`);
    return json(500, { ok: false, error: 'The local host failed to answer this request' });
  });
  proxyUpgrades(host.server, options.devServer, isFrameHost);
  // Bundled now, not on the first issue page (Vite takes about a second): a failure shows when it is asked for.
  uiKitHostScript().catch(() => undefined);
  return host;
}

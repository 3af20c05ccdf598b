/**
 * The host endpoints a frame's bridge talks to, under `/resource/<session>/`: the bridge script
 * itself, the token stylesheet, `invoke` (Forge's per-frame limit, the resolver run with the
 * session's context and account), and the frame's log and CSP reports.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { InvocationOutcome, InvocationRequest } from '../forge/functions';
import { bridgeCode, bridgeScript } from './bridge-script';
import { MODULE_KEYS, projectPagePath, type AppManifest } from './fixtures';
import type { GadgetConfigurations } from './coverage-pages';
import { frontendContext, moduleTypeOf, resolverContext, type FrameSession, type FrameSessions, type FrameSite } from './frames';
import type { CspViolation, HostEvents } from './host-events';
import { answer, CSS, JS, json, jsonBody, type HostEnv } from './host-http';
import { THEME_ATTRIBUTE, tokensCss } from './tokens';

/** Runs one invocation of the app's resolver function (in Forge's sandbox: see dev/forge/functions.ts). */
export type Invoker = (request: InvocationRequest) => Promise<InvocationOutcome>;

/** `/resource/<session>`: a frame's own URL space. */
export const FRAME_BASE = '/resource/:session{[0-9a-f]{32}}';

const MAX_BODY = 1024 * 1024;

export interface BridgeDeps {
  manifest: AppManifest;
  sessions: FrameSessions;
  site: FrameSite;
  events: HostEvents;
  invoke: Invoker;
  invokeLimit: { calls: number; windowMs: number };
  say: (line: string) => void;
  /** Where a gadget's edit view saves its configuration (view.submit). */
  gadgets: GadgetConfigurations;
}

export function registerBridgeEndpoints(app: Hono<HostEnv>, deps: BridgeDeps): void {
  const { events, say } = deps;
  // Bundled now, not on the first frame (Vite, about half a second): a failure shows when a frame asks for it.
  bridgeCode().catch(() => undefined);

  app.use(`${FRAME_BASE}/*`, knownSession(deps.sessions));
  app.get(`${FRAME_BASE}/__bridge.js`, async (c) => {
    const session = c.get('session');
    const body = await bridgeScript({
      endpoint: `/resource/${session.id}/__forge/`,
      hostOrigin: deps.site.origin(),
      context: frontendContext(session, deps.site),
      globalPagePath: deps.site.globalPagePath,
      globalPageModuleKey: MODULE_KEYS.globalPage,
      initialPath: session.initialPath,
      themeAttribute: THEME_ATTRIBUTE,
      nativeUi: session.moduleKey in deps.manifest.nativeResources,
      projectPageModuleKey: MODULE_KEYS.coveragePage,
      projectPagePath: projectPagePath(deps.manifest, '{projectKey}'),
      gadgetEditing: session.gadget?.entryPoint === 'edit',
    });
    return answer(200, JS, body, { 'cache-control': 'no-store' });
  });
  app.get(`${FRAME_BASE}/__forge/tokens.css`, async () => answer(200, CSS, await tokensCss()));

  // The rest of an oversized body is not read: the connection ends with the answer, so it is not reused.
  const tooLarge = () => answer(413, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: 'The request body is too large' }), { 'cache-control': 'no-store', connection: 'close' });
  app.post(`${FRAME_BASE}/__forge/*`, bodyLimit({ maxSize: MAX_BODY, onError: tooLarge }));
  app.post(`${FRAME_BASE}/__forge/invoke`, (c) => invoke(deps, c.get('session'), c.req));
  // A gadget's edit view saves its configuration (view.submit): Jira keeps it per gadget.
  app.post(`${FRAME_BASE}/__forge/submit`, async (c) => {
    const session = c.get('session');
    if (!session.gadget || session.gadget.entryPoint !== 'edit') return json(400, { ok: false, error: 'view.submit saves a configuration only from a dashboard gadget’s edit view here.' });
    const refused = deps.gadgets.save(session.gadget.id, await jsonBody(c.req));
    if (refused) return json(400, { ok: false, error: refused });
    say(`[forge-local] gadget ${session.gadget.id}: ${session.user.displayName} saved its configuration`);
    return json(200, { ok: true });
  });
  app.post(`${FRAME_BASE}/__forge/log`, async (c) => {
    const session = c.get('session');
    const body = (await jsonBody(c.req)) as { kind?: unknown; detail?: Record<string, unknown> } | undefined;
    if (body?.kind === 'unknown-command') {
      const command = text(body.detail?.command, '?');
      events.unknownCommands.push({ session: session.id, command });
      say(`[forge-local] ${session.moduleKey}: the app called the unsupported bridge command "${command}"`);
    } else if (body?.kind === 'ui-kit-error') {
      say(`[forge-local] ${session.moduleKey}: the UI Kit app failed to render: ${text(body.detail?.message, '?')}`);
    } else if (body?.kind === 'csp-violation') {
      recordViolation(deps, session, body.detail ?? {}, 'bridge');
    }
    return new Response(null, { status: 204 });
  });
  app.post(`${FRAME_BASE}/__forge/csp-report`, async (c) => {
    const body = (await jsonBody(c.req)) as { 'csp-report'?: Record<string, unknown> } | undefined;
    const report = body?.['csp-report'] ?? {};
    recordViolation(deps, c.get('session'), { directive: report['effective-directive'] ?? report['violated-directive'], blockedURI: report['blocked-uri'], sourceFile: report['source-file'] }, 'report-uri');
    return new Response(null, { status: 204 });
  });

  app.all(`${FRAME_BASE}/*`, async (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : json(405, { ok: false, error: `${c.req.method} is not allowed here` })));
  app.get(`${FRAME_BASE}/__forge/*`, () => json(404, { ok: false, error: 'No such host endpoint' }));
}

function knownSession(sessions: FrameSessions): MiddlewareHandler<HostEnv> {
  return async (c, next) => {
    const session = sessions.get(c.req.param('session') ?? '');
    if (!session) return json(404, { ok: false, error: 'This app frame is not known to the local host (did it restart?). Reload the page.' });
    c.set('session', session);
    await next();
  };
}

function recordViolation(deps: BridgeDeps, session: FrameSession, detail: Record<string, unknown>, via: CspViolation['via']): void {
  const v: CspViolation = {
    session: session.id,
    moduleKey: session.moduleKey,
    directive: text(detail.directive, '?'),
    blockedURI: text(detail.blockedURI, ''),
    ...(detail.sourceFile ? { sourceFile: text(detail.sourceFile, '') } : {}),
    via,
  };
  deps.events.cspViolations.push(v);
  deps.say(`[forge-local] CSP violation in ${session.moduleKey}: ${v.directive} blocked ${v.blockedURI || 'inline code'}`);
}

async function invoke(deps: BridgeDeps, session: FrameSession, request: { text(): Promise<string> }): Promise<Response> {
  const { manifest, events, say, invokeLimit: limit } = deps;
  const started = performance.now();
  const call = (await jsonBody(request)) as { functionKey?: unknown; payload?: unknown; metadata?: unknown } | undefined;
  if (!call || typeof call.functionKey !== 'string' || call.functionKey.length === 0) {
    return json(400, { ok: false, error: 'invoke needs a functionKey' });
  }
  const payload = call.payload === undefined || call.payload === null ? {} : call.payload;
  if (typeof payload !== 'object' || Array.isArray(payload)) {
    return json(400, { ok: false, error: 'invoke payload must be an object' });
  }
  const now = Date.now();
  session.invokes = session.invokes.filter((t) => t > now - limit.windowMs);
  if (session.invokes.length >= limit.calls) {
    // Forge's bridge limit: the invoke fails without reaching the function.
    say(`[forge-local] invoke ${call.functionKey} refused: ${limit.calls} invokes in ${limit.windowMs / 1000} s from one frame`);
    return json(429, { ok: false, error: `rate limited: at most ${limit.calls} invokes per ${limit.windowMs / 1000} s` });
  }
  session.invokes.push(now);
  const functionKey = call.functionKey;
  const where = session.issue ? session.issue.key : session.moduleKey === MODULE_KEYS.adminPage ? 'admin page' : 'global page';
  const resolverFunction = manifest.resolvers[session.moduleKey];
  if (!resolverFunction) return json(400, { ok: false, error: `manifest.yml gives ${session.moduleKey} no resolver function` });
  const outcome = await deps.invoke({
    accountId: session.user.accountId,
    functionKey: resolverFunction,
    moduleKey: session.moduleKey,
    moduleType: moduleTypeOf(session.moduleKey),
    body: { call: { functionKey, payload }, context: resolverContext(session, deps.site) },
  });
  const ms = Math.round(performance.now() - started);
  const bytes = outcome.ok ? Buffer.byteLength(JSON.stringify(outcome.body ?? null)) : 0;
  events.invokes.push({ session: session.id, accountId: session.user.accountId, moduleKey: session.moduleKey, functionKey, ok: outcome.ok, ms, bytes });
  if (!outcome.ok) {
    say(`[forge-local] invoke ${functionKey} as ${session.user.accountId} (${where}) failed: ${outcome.message}`);
    // Like Forge: the UI gets an opaque failure, the details stay in the function's log.
    return json(500, { ok: false, error: 'There was an error invoking the function (see the local runtime log)' });
  }
  const result = outcome.body;
  const status = isEnvelope(result) ? (result.ok ? 'ok' : `error ${result.error?.code ?? ''}`) : 'done';
  say(`[forge-local] invoke ${functionKey} as ${session.user.accountId} (${where}) → ${status} in ${ms} ms`);
  const metadata = wantsRateLimit(call.metadata)
    ? {
        rateLimitProperties: {
          rateLimitLimit: limit.calls,
          rateLimitRemaining: Math.max(0, limit.calls - session.invokes.length),
          rateLimitReset: Math.ceil(((session.invokes[0] ?? now) + limit.windowMs) / 1000),
        },
      }
    : {};
  return json(200, { ok: true, body: result, metadata });
}

function isEnvelope(value: unknown): value is { ok: boolean; error?: { code?: string } } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function wantsRateLimit(metadata: unknown): boolean {
  return typeof metadata === 'object' && metadata !== null && (metadata as { rateLimitProperties?: unknown }).rateLimitProperties === true;
}

/** A field the browser sent, as text (a non-string, e.g. an object, is shown as JSON rather than "[object Object]"). */
function text(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The local Forge runtime without a browser: host pages, the invoke endpoint (trusted context and
 * principal from the host's session, never from the request), Forge's CSP from @forge/csp, the
 * bridge script's answers (run in a VM with a fake DOM), 127.0.0.1 binding, persistence, log redaction.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio/slim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Invoker, type Runtime } from '../../../dev/runtime';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tk-runtime-'));
  dirs.push(dir);
  return dir;
}

async function page(runtime: Runtime, path: string, user = 'alice'): Promise<{ html: string; session: string }> {
  const res = await fetch(`${runtime.url}${path}${path.includes('?') ? '&' : '?'}user=${user}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const session = html.match(/src="http:\/\/localhost:(\d+)\/resource\/([0-9a-f]{32})\/index\.html"/);
  if (!session) throw new Error(`no app frame on ${path}`);
  // The frame is cross-origin to the Jira page, as Forge's are: same server, another host name.
  expect(Number(session[1])).toBe(runtime.port);
  return { html, session: session[2]! };
}

async function invoke(runtime: Runtime, session: string, body: unknown): Promise<{ status: number; json: any; connection: string | null }> {
  const res = await fetch(`${runtime.url}/resource/${session}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), connection: res.headers.get('connection') };
}

/** Runs the host-generated bridge script in a VM with a minimal window/document. */
async function loadBridge(runtime: Runtime, session: string) {
  const source = await (await fetch(`${runtime.url}/resource/${session}/__bridge.js`)).text();
  const posted: unknown[] = [];
  const fetched: Array<{ url: string; body: string }> = [];
  const attributes: Record<string, string> = {};
  const appended: Array<{ href?: string }> = [];
  const parent = { postMessage: (m: unknown) => posted.push(m) };
  const documentElement = { setAttribute: (k: string, v: string) => void (attributes[k] = v), appendChild: (n: { href?: string }) => appended.push(n) };
  const sandbox: Record<string, unknown> = {
    console: { error: () => undefined, log: () => undefined },
    URL,
    JSON,
    Promise,
    Object,
    Math,
    fetch: async (url: string, init: { body: string }) => {
      fetched.push({ url, body: init.body });
      return fetch(new URL(url, runtime.url), init);
    },
    document: {
      readyState: 'complete',
      documentElement,
      head: documentElement,
      body: null,
      addEventListener: () => undefined,
      getElementById: () => null,
      createElement: () => ({}),
    },
  };
  sandbox.window = { parent, addEventListener: () => undefined, location: { reload: () => undefined } };
  sandbox.globalThis = sandbox;
  runInNewContext(source, sandbox);
  const bridge = sandbox.__bridge as { callBridge(command: string, payload?: unknown): Promise<any> };
  return { bridge, posted, fetched, attributes, appended };
}

describe('local Forge runtime (HTTP, no browser)', () => {
  let runtime: Runtime;
  let dataDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    dataDir = tempDir();
    // The app never throws (an unknown key is a typed error); a wrapper makes one call fail as a throwing
    // function does in the sandbox (test/dev/forge covers the sandbox itself), so the host's answer stays covered.
    const wrapInvoke = (real: Invoker): Invoker => async (request) => {
      if ((request.body.call as { functionKey?: string }).functionKey === 'throwingFunction') {
        return { ok: false, reason: 'threw', message: 'the function threw Error: this function throws on purpose', ms: 1 };
      }
      return real(request);
    };
    runtime = await startRuntime({ port: 0, simPort: 0, dataDir, quiet: true, log: (l) => logLines.push(l), wrapInvoke });
  });

  afterAll(async () => {
    await runtime?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves the Jira-like pages with the app frame, the Apps menu and the user switcher', async () => {
    const index = await (await fetch(`${runtime.url}/`)).text();
    for (const link of ['/browse/DEMO-1', '/browse/DEMO-2', '/browse/OTHER-1', `/jira/apps/${runtime.appId}/${runtime.envId}`, `${runtime.sim.url}/`]) {
      expect(index).toContain(`href="${link}"`);
    }
    const { html } = await page(runtime, '/browse/DEMO-1', 'bob');
    expect(html).toContain('Checkout applies discount codes and VAT correctly');
    expect(html).toMatch(/<option value="bob" selected>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script on the host page either
    const global = await fetch(runtime.globalPageUrl);
    expect(global.status).toBe(200);
    expect(await global.text()).toContain('data-module="global-page"');
    expect((await fetch(`${runtime.url}/browse/NOPE-9`)).status).toBe(404);
    expect((await fetch(`${runtime.url}/jira/apps/${runtime.appId}/00000000-0000-0000-0000-000000000999`)).status).toBe(404);
  });

  it('shows Jira settings and the app’s admin page to the Jira admin only (403 and no app frame for anyone else)', async () => {
    const adminPath = new URL(runtime.adminPageUrl).pathname;
    expect(adminPath).toBe(`/jira/settings/apps/${runtime.appId}/${runtime.envId}`);
    const asDiana = await page(runtime, adminPath, 'diana');
    expect(asDiana.html).toContain('data-module="admin-page"');
    expect(asDiana.html).toContain('href="/jira/settings/apps" id="jira-settings"');
    const manage = await (await fetch(`${runtime.url}/jira/settings/apps?user=diana`)).text();
    expect(manage).toContain(`href="${adminPath}"`);
    for (const user of ['alice', 'bob', 'gina']) {
      for (const path of [adminPath, '/jira/settings/apps', '/jira/settings/other']) {
        const res = await fetch(`${runtime.url}${path}?user=${user}`);
        expect(res.status, `${user} ${path}`).toBe(403);
        const html = await res.text();
        expect(html).toContain('You don&#39;t have permission to view this page');
        expect(html).not.toContain('<iframe');
      }
      expect(await (await fetch(`${runtime.url}/?user=${user}`)).text()).not.toContain('id="jira-settings"');
    }
    // The admin page's frame gets the jira:adminPage context, and its invokes run with it.
    const g = await invoke(runtime, asDiana.session, { functionKey: 'getState', payload: {} });
    expect(g.json.body).toMatchObject({ ok: true, data: { module: 'ADMIN_PAGE' } });
    const listed = await invoke(runtime, asDiana.session, { functionKey: 'adminListConnections', payload: {} });
    expect(listed.json.body).toMatchObject({ ok: true, data: { counts: { ALL: expect.any(Number) }, usersKnown: true } });
    expect(runtime.events.invokes.at(-1)).toMatchObject({ moduleKey: 'testkase-admin-page', accountId: 'local-diana', functionKey: 'adminListConnections' });
    // The function asked the local Jira, as diana, whether she administers Jira.
    expect(logLines.some((l) => l.includes('[jira-local] GET /rest/api/3/mypermissions as local-diana → 200'))).toBe(true);
    // From another user's frame, the same call is refused by the function itself (the global page may not call it).
    const alice = await page(runtime, runtime.globalPageUrl.replace(runtime.url, ''), 'alice');
    expect((await invoke(runtime, alice.session, { functionKey: 'adminListConnections', payload: {} })).json.body).toMatchObject({ ok: false, error: { code: 'WRONG_MODULE' } });
  });

  it('serves the local users’ avatars as Jira does, from the site', async () => {
    const res = await fetch(`${runtime.url}/__host/avatars/diana.svg?size=48`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toContain('>DE</text>');
    expect((await fetch(`${runtime.url}/__host/avatars/nobody.svg`)).status).toBe(404);
  });

  it('keeps the signed-in user in a cookie set by ?user=', async () => {
    const res = await fetch(`${runtime.url}/?user=gina`);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('tk_user=gina');
    const again = await (await fetch(`${runtime.url}/browse/DEMO-2`, { headers: { cookie: 'tk_user=gina' } })).text();
    expect(again).toContain('data-account-id="local-gina"');
  });

  it('injects the external bridge script first in <head> and serves the resource with the CSP from @forge/csp', async () => {
    const { session } = await page(runtime, '/browse/DEMO-1');
    const res = await fetch(`${runtime.url}/resource/${session}/index.html`);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<head>\\s*<base href="/resource/app/">\\s*<script src="/resource/${session}/__bridge.js"></script>`));
    const csp = res.headers.get('content-security-policy') ?? '';

    const original = readFileSync(join(process.cwd(), 'static/dist/index.html'), 'utf8');
    const details = new CSPProcessingService({ info: () => undefined }, load).getCspDetails(original, runtime.manifest.permissions);
    const expected = new CSPInjectionService()
      .getInjectableCSP({ existingCSPDetails: details, microsEnv: 'prod', hostname: runtime.url })
      .map((d) => (d.startsWith('report-uri ') ? `report-uri ${runtime.url}/resource/${session}/__forge/csp-report` : d));
    expect(csp.split('; ')).toEqual(expected);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).not.toContain(runtime.sim.url); // the browser may not reach TestKase directly

    const asset = html.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
    if (asset) {
      const a = await fetch(`${runtime.url}/resource/${session}/${asset}`);
      expect(a.status).toBe(200);
      expect(a.headers.get('content-type')).toContain('javascript');
      expect(a.headers.get('content-security-policy')).toBe(csp);
      // What the page actually loads (through <base>): one URL for every frame, cacheable like Forge's CDN.
      const shared = await fetch(`${runtime.url}/resource/app/${asset}`);
      expect(shared.status).toBe(200);
      expect(shared.headers.get('cache-control')).toContain('immutable');
      expect(await shared.text()).toBe(await a.text());
    }
    expect((await fetch(`${runtime.url}/resource/app/index.html`)).status).toBe(404); // index.html only per frame
    expect((await fetch(`${runtime.url}/resource/app/%2e%2e%2f%2e%2e%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${runtime.url}/resource/${session}/%2e%2e%2f%2e%2e%2fpackage.json`)).status).toBe(404);
  });

  it('invoke calls the real handler with the host context and the signed-in principal, whatever the browser sends', async () => {
    const panel = await page(runtime, '/browse/DEMO-1', 'alice');
    const forged = await invoke(runtime, panel.session, {
      functionKey: 'getState',
      payload: {},
      context: { accountId: 'local-bob', extension: { type: 'jira:globalPage' } },
      accountId: 'local-bob',
    });
    expect(forged.status).toBe(200);
    expect(forged.json.ok).toBe(true);
    expect(forged.json.body).toMatchObject({ ok: true, data: { module: 'ISSUE_PANEL', issueKey: 'DEMO-1', jiraProjectKey: 'DEMO', connection: { kind: 'NO_CONFIG' } } });

    const global = await page(runtime, `/jira/apps/${runtime.appId}/${runtime.envId}`, 'alice');
    const g = await invoke(runtime, global.session, { functionKey: 'getState', payload: {} });
    expect(g.json.body).toMatchObject({ ok: true, data: { module: 'GLOBAL_PAGE', issueKey: null } });

    // alice saves her token; bob, on the same issue, still has none; alice's panel is READY.
    const token = (runtime.sim.admin.createToken({ user: 'alice', name: 'Jira Plugin', days: 90 })).token;
    const saved = await invoke(runtime, global.session, { functionKey: 'savePat', payload: { token } });
    expect(saved.json.body).toMatchObject({ ok: true, data: { connection: { kind: 'READY' } } });
    const bob = await page(runtime, '/browse/DEMO-1', 'bob');
    expect((await invoke(runtime, bob.session, { functionKey: 'getState', payload: {} })).json.body.data.connection.kind).toBe('NO_CONFIG');
    const again = await invoke(runtime, panel.session, { functionKey: 'getState', payload: {} });
    expect(again.json.body.data.connection.kind).toBe('READY');
    expect(runtime.sim.admin.requests().some((r) => r.userId === 'alice')).toBe(true);
    expect(runtime.sim.admin.requests().every((r) => r.userId !== 'bob')).toBe(true);

    // Never in a log line, never in the KVS file in clear.
    expect(logLines.join('\n')).not.toContain(token);
    expect(readFileSync(join(dataDir, 'kvs.json'), 'utf8')).not.toContain(token);
    expect(statSync(join(dataDir, 'kvs.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'kvs.json.key')).mode & 0o777).toBe(0o600);
    expect(runtime.events.invokes.filter((i) => i.functionKey === 'savePat').map((i) => i.accountId)).toEqual(['local-alice']);
  });

  it('returns { body, metadata } data when metadata is requested, and fails a thrown or unknown function', async () => {
    const { session } = await page(runtime, '/browse/DEMO-2');
    const withMeta = await invoke(runtime, session, { functionKey: 'getState', payload: {}, metadata: { rateLimitProperties: true } });
    expect(withMeta.json.metadata.rateLimitProperties).toMatchObject({ rateLimitLimit: 500 });
    const thrown = await invoke(runtime, session, { functionKey: 'throwingFunction', payload: {} });
    expect(thrown.status).toBe(500);
    expect(thrown.json.ok).toBe(false);
    expect(logLines.some((l) => l.includes('this function throws on purpose'))).toBe(true);
    const unknown = await invoke(runtime, session, { functionKey: 'noSuchFunction', payload: {} });
    expect(unknown.status).toBe(200);
    expect(unknown.json.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } }); // the app's typed answer
    const bad = await invoke(runtime, session, { payload: {} });
    expect(bad.status).toBe(400);
    const stale = await invoke(runtime, '0'.repeat(32), { functionKey: 'getState' });
    expect(stale.status).toBe(404);
  });

  it('refuses an invoke body over 1 MB and ends that connection, so no client reuses it', async () => {
    const { session } = await page(runtime, '/browse/DEMO-1');
    const big = await invoke(runtime, session, { functionKey: 'getState', payload: { text: 'x'.repeat(1024 * 1024) } });
    expect([big.status, big.json]).toEqual([413, { ok: false, error: 'The request body is too large' }]);
    expect(big.connection).toBe('close');
    expect((await invoke(runtime, session, { functionKey: 'getState', payload: {} })).status).toBe(200);
  });

  it('the bridge answers getContext, invoke (with and without metadata), enableTheming and navigate; unknown commands reject loudly', async () => {
    const { session } = await page(runtime, '/browse/DEMO-1', 'bob');
    const { bridge, posted, fetched, attributes, appended } = await loadBridge(runtime, session);

    const ctx = await bridge.callBridge('getContext');
    expect(ctx).toMatchObject({
      accountId: 'local-bob',
      cloudId: expect.any(String),
      moduleKey: 'testkase-issue-panel',
      localId: `ari:cloud:ecosystem::extension/${runtime.appId}/${runtime.envId}/static/testkase-issue-panel`,
      environmentType: 'DEVELOPMENT',
      siteUrl: runtime.url,
      locale: 'en-US',
      timezone: 'America/New_York',
      extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'DEMO-1', type: 'Story', typeId: '10002' }, project: { id: '10000', key: 'DEMO', type: 'software' } },
    });

    const plain = await bridge.callBridge('invoke', { functionKey: 'getState', payload: {} });
    expect(plain).toMatchObject({ ok: true, data: { issueKey: 'DEMO-1' } });
    const wrapped = await bridge.callBridge('invoke', { functionKey: 'getState', payload: {}, metadata: { rateLimitProperties: true } });
    expect(wrapped.body).toMatchObject({ ok: true });
    expect(wrapped.metadata.rateLimitProperties.rateLimitLimit).toBe(500);
    await expect(bridge.callBridge('invoke', { functionKey: 'throwingFunction', payload: {} })).rejects.toThrow(/error invoking the function/);
    await expect(bridge.callBridge('invoke', { functionKey: 'noSuchFunction', payload: {} })).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } });

    await bridge.callBridge('enableTheming');
    expect(attributes['data-color-mode']).toBe('light');
    expect(appended[0]?.href).toBe(`/resource/${session}/__forge/tokens.css`);
    expect((await fetch(`${runtime.url}/resource/${session}/__forge/tokens.css`).then((r) => r.text()))).toContain('html[data-color-mode="dark"]');

    await bridge.callBridge('navigate', { url: `/jira/apps/${runtime.appId}/${runtime.envId}`, type: 'same-tab' });
    await bridge.callBridge('navigate', { target: 'issue', issueKey: 'DEMO-2', type: 'new-tab' });
    expect(posted.filter((m: any) => m.type === 'forge-local:navigate')).toEqual([
      { type: 'forge-local:navigate', url: runtime.globalPageUrl, newTab: false },
      { type: 'forge-local:navigate', url: `${runtime.url}/browse/DEMO-2`, newTab: true },
    ]);
    expect(await bridge.callBridge('getFrameId')).toEqual(expect.any(String));

    await expect(bridge.callBridge('frobnicate', {})).rejects.toThrow(/bridge command "frobnicate"/);
    expect(fetched.some((f) => f.url.endsWith('/__forge/log') && f.body.includes('frobnicate'))).toBe(true);
    await expect.poll(() => runtime.events.unknownCommands.map((u) => u.command)).toContain('frobnicate');
  });

  it('records CSP reports sent to the report-uri', async () => {
    const { session } = await page(runtime, '/browse/DEMO-1');
    const res = await fetch(`${runtime.url}/resource/${session}/__forge/csp-report`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': { 'effective-directive': 'script-src-elem', 'blocked-uri': 'inline' } }),
    });
    expect(res.status).toBe(204);
    expect(runtime.events.cspViolations.at(-1)).toMatchObject({ directive: 'script-src-elem', blockedURI: 'inline', via: 'report-uri' });
    runtime.events.cspViolations.length = 0;
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(runtime.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no other interface on this machine
    const refused = await new Promise<boolean>((done) => {
      const socket = connect({ host: external.address, port: runtime.port });
      socket.once('connect', () => (socket.destroy(), done(false)));
      socket.once('error', () => done(true));
    });
    expect(refused).toBe(true);
  });

  it('answers only requests addressed to a loopback name (no DNS rebinding), host and simulator alike', async () => {
    const status = (port: number, host: string) =>
      new Promise<number>((done, fail) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
    expect(await status(runtime.port, `rebound.example:${runtime.port}`)).toBe(421);
    expect(await status(runtime.port, `127.0.0.1:${runtime.port}`)).toBe(200);
    expect(await status(runtime.port, `localhost:${runtime.port}`)).toBe(200);
    expect(await status(runtime.sim.port, `rebound.example:${runtime.sim.port}`)).toBe(421);
    expect(await status(runtime.sim.port, `127.0.0.1:${runtime.sim.port}`)).toBe(200);
  });

  it('enforces the bridge invoke limit per frame, and makes an existing data folder owner-only', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const limited = await startRuntime({ port: 0, simPort: 0, dataDir: dir, quiet: true, invokeLimit: { calls: 3, windowMs: 60_000 } });
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const p = await page(limited, '/browse/DEMO-1');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await invoke(limited, p.session, { functionKey: 'getState', payload: {} })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another frame has its own budget.
      const other = await page(limited, '/browse/DEMO-1');
      expect((await invoke(limited, other.session, { functionKey: 'getState', payload: {} })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('keeps saved configuration across a restart on the same data folder', async () => {
    const dir = tempDir();
    const first = await startRuntime({ port: 0, simPort: 0, dataDir: dir, quiet: true });
    const token = (first.sim.admin.createToken({ user: 'bob', name: 'Jira Plugin', days: 30 })).token;
    const g = await page(first, `/jira/apps/${first.appId}/${first.envId}`, 'bob');
    expect((await invoke(first, g.session, { functionKey: 'savePat', payload: { token } })).json.body.ok).toBe(true);
    await first.stop();

    const second = await startRuntime({ port: 0, simPort: 0, dataDir: dir, quiet: true });
    try {
      const p = await page(second, '/browse/DEMO-1', 'bob');
      const state = await invoke(second, p.session, { functionKey: 'getState', payload: {} });
      expect(state.json.body.data.connection).toMatchObject({ kind: 'READY', canWrite: true });
      expect(state.json.body.data.token.testkaseUser.id).toBe('bob');
    } finally {
      await second.stop();
    }
  });
});

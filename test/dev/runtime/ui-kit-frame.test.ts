/**
 * The UI Kit module's frame on the local host, without a browser: the issue page's context area and
 * its hidden frame, the built resource served as Forge serves it (bridge first, @forge/csp's policy,
 * shared cacheable files), the frame's contexts, and the bridge's UI Kit commands run in a VM: the
 * ForgeDoc goes to the page with function props as handler references, a handler call from the page
 * reaches the function, and events reach the app's other frames through the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio/slim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Runtime } from '../../../dev/runtime';
import { NATIVE_UI_DIR } from '../../../dev/forge/paths';

let runtime: Runtime;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tk-uikit-frame-'));
  runtime = await startRuntime({ port: 0, simPort: 0, dataDir, quiet: true });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The issue page, and the session of the issue context module's frame on it. */
async function issuePage(path = '/browse/DEMO-1') {
  const html = await (await fetch(`${runtime.url}${path}?user=alice`)).text();
  const session = html.match(/<iframe class="forge-uikit-frame"[^>]*src="http:\/\/localhost:\d+\/resource\/([0-9a-f]{32})\/index\.html"/)?.[1];
  if (!session) throw new Error('no UI Kit frame on the issue page');
  return { html, session };
}

/** Runs the frame's bridge script in a VM; `fromPage` delivers a message as the host page would. */
async function loadBridge(session: string) {
  const source = await (await fetch(`${runtime.url}/resource/${session}/__bridge.js`)).text();
  const posted: Array<Record<string, unknown>> = [];
  const listeners: Array<(event: unknown) => void> = [];
  const parent = { postMessage: (m: Record<string, unknown>) => posted.push(m) };
  const sandbox: Record<string, unknown> = {
    console: { error: () => undefined, warn: () => undefined, log: () => undefined },
    URL, JSON, Promise, Object, Math, Array, WeakSet, String,
    fetch: (url: string, init: RequestInit) => fetch(new URL(url, runtime.url), init),
    document: { readyState: 'complete', documentElement: {}, head: {}, body: null, addEventListener: () => undefined },
  };
  sandbox.window = { parent, addEventListener: (type: string, fn: (e: unknown) => void) => type === 'message' && listeners.push(fn), location: { reload: () => undefined } };
  sandbox.globalThis = sandbox;
  runInNewContext(source, sandbox);
  const bridge = sandbox.__bridge as { callBridge(command: string, payload?: unknown): Promise<any> };
  const fromPage = (data: unknown) => listeners.forEach((l) => l({ source: parent, origin: runtime.url, data }));
  return { bridge, posted, fromPage };
}

describe('the issue context module’s frame', () => {
  it('sits in the issue page’s right column, hidden, next to where the host renders it', async () => {
    const { html } = await issuePage();
    const aside = html.slice(html.indexOf('<aside class="issue-side">'));
    expect(aside).toMatch(/<section class="forge-context" id="testkase-issue-context" data-forge-native data-module="issue-context"/);
    expect(aside).toMatch(/<iframe class="forge-uikit-frame" hidden/);
    expect(html).toContain('<script src="/__host/ui-kit.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/__host/ui-kit.css">');
    const script = await fetch(`${runtime.url}/__host/ui-kit.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('forge-local:reconcile');
    // The global page has no issue context
    expect(await (await fetch(runtime.globalPageUrl)).text()).not.toContain('forge-uikit-frame');
  });

  it('is left off the issue page when the runtime is asked to (the bench measures the panel alone)', async () => {
    const bare = await startRuntime({ port: 0, simPort: 0, dataDir: null, quiet: true, withoutIssueContext: true });
    try {
      const html = await (await fetch(`${bare.url}/browse/DEMO-1?user=alice`)).text();
      expect(html).toContain('class="forge-frame"');
      expect(html).not.toContain('forge-uikit-frame');
      expect(html).not.toContain('id="testkase-issue-context"');
    } finally {
      await bare.stop();
    }
  });

  it('serves the resource @forge/bundler built, with the bridge first and Forge’s policy for it', async () => {
    const { session } = await issuePage();
    const res = await fetch(`${runtime.url}/resource/${session}/index.html`);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<head>\\s*<base href="/resource/ui-kit/issue-summary/">\\s*<script src="/resource/${session}/__bridge.js"></script>`));
    const original = readFileSync(join(NATIVE_UI_DIR, 'issue-summary/index.html'), 'utf8');
    const details = new CSPProcessingService({ info: () => undefined }, load).getCspDetails(original, runtime.manifest.permissions);
    const expected = new CSPInjectionService()
      .getInjectableCSP({ existingCSPDetails: details, microsEnv: 'prod', hostname: runtime.url })
      .map((d) => (d.startsWith('report-uri ') ? `report-uri ${runtime.url}/resource/${session}/__forge/csp-report` : d));
    expect((res.headers.get('content-security-policy') ?? '').split('; ')).toEqual(expected);
    const bundle = await fetch(`${runtime.url}/resource/ui-kit/issue-summary/issue-summary.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toBe(readFileSync(join(NATIVE_UI_DIR, 'issue-summary/issue-summary.js'), 'utf8'));
    expect((await fetch(`${runtime.url}/resource/ui-kit/issue-summary/index.html`)).status).toBe(404);
    expect((await fetch(`${runtime.url}/resource/ui-kit/issue-summary/%2e%2e%2f%2e%2e%2fpackage.json`)).status).toBe(404);
  });

  it('gives the module a jira:issueContext context, and its invoke reaches the resolver as the issue context', async () => {
    const { session } = await issuePage('/browse/OTHER-1');
    const { bridge } = await loadBridge(session);
    const context = await bridge.callBridge('getContext');
    expect(context).toMatchObject({ moduleKey: 'testkase-issue-context', accountId: 'local-alice', extension: { type: 'jira:issueContext', issue: { key: 'OTHER-1' }, project: { key: 'OTHER' } } });
    const answer = await bridge.callBridge('invoke', { functionKey: 'getIssueSummary' });
    expect(answer).toMatchObject({ ok: true, data: { issueKey: 'OTHER-1', connection: { kind: 'NO_CONFIG' }, coverage: null } });
    expect(runtime.events.invokes.at(-1)).toMatchObject({ moduleKey: 'testkase-issue-context', functionKey: 'getIssueSummary', ok: true });
  });

  it('sends the ForgeDoc to the page as data, and calls the app’s function when the page says a person used it', async () => {
    const { session } = await issuePage();
    const { bridge, posted, fromPage } = await loadBridge(session);
    const clicks: unknown[] = [];
    const onClick = Object.assign((...args: unknown[]) => clicks.push(args), { __id__: 'click-1' });
    const forgeDoc = { type: 'Root', props: {}, children: [{ type: 'Button', key: 'b', props: { appearance: 'primary', onClick, xcss: { width: '50%' } }, children: [{ type: 'String', props: { text: 'Retry' }, children: [] }] }] };
    await bridge.callBridge('reconcile', { forgeDoc });
    expect(posted.at(-1)).toEqual({
      type: 'forge-local:reconcile',
      forgeDoc: { type: 'Root', props: {}, children: [{ type: 'Button', key: 'b', props: { appearance: 'primary', onClick: { $$forgeHandler: 'click-1' }, xcss: { width: '50%' } }, children: [{ type: 'String', props: { text: 'Retry' }, children: [] }] }] },
    });
    fromPage({ type: 'forge-local:ui-event', handler: 'click-1', args: [] });
    fromPage({ type: 'forge-local:ui-event', handler: 'not-in-the-tree', args: [] });
    expect(clicks).toEqual([[]]);
    // A page that started listening late asks again and gets the same tree.
    posted.length = 0;
    fromPage({ type: 'forge-local:resend' });
    expect(posted).toEqual([expect.objectContaining({ type: 'forge-local:reconcile' })]);
  });

  it('passes the app’s events to the page for its other frames, and delivers theirs', async () => {
    const { session } = await issuePage();
    const { bridge, posted, fromPage } = await loadBridge(session);
    const heard: unknown[] = [];
    await bridge.callBridge('on', { event: 'testkase:tests-changed', callback: (p: unknown) => heard.push(p) });
    fromPage({ type: 'forge-local:event', event: 'testkase:tests-changed', payload: { from: 'panel' } });
    await bridge.callBridge('emit', { event: 'testkase:show-panel', payload: {} });
    expect(heard).toEqual([{ from: 'panel' }]);
    expect(posted).toContainEqual({ type: 'forge-local:emit', event: 'testkase:show-panel', payload: {} });
  });

  it('refuses `reconcile` from a Custom UI frame, which the host does not render', async () => {
    const html = await (await fetch(`${runtime.url}/browse/DEMO-1?user=alice`)).text();
    const panelSession = html.match(/class="forge-frame"[^>]*src="http:\/\/localhost:\d+\/resource\/([0-9a-f]{32})\//)![1]!;
    const { bridge } = await loadBridge(panelSession);
    await expect(bridge.callBridge('reconcile', { forgeDoc: { type: 'Root', children: [] } })).rejects.toThrow(/does not support the bridge command "reconcile"/);
  });
});

/**
 * The seams the local host emulates are typed against Atlassian's published types, so a field Jira does
 * not send fails to compile (the `@ts-expect-error` lines: `npm run typecheck` fails if one stops being an
 * error), and the frame's bridge hands the app exactly the published shapes at run time: getContext the
 * host's FullContext unchanged, Create Issue's onClose only `{ payload: [{ issueId }] }` whatever the
 * host page posts, the issue view's onClose nothing.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { BridgeCommands, CreateIssueModalClosed, HandlerTable, Subscription } from '../../../dev/runtime/bridge/contract';
import { bridgeScript, type BridgeConfig } from '../../../dev/runtime/bridge-script';
import { frontendContext, type FrameContext, type FrameSession, type FrameSite } from '../../../dev/runtime/frames';
import { ISSUES, MODULE_KEYS, USERS, readManifest } from '../../../dev/runtime/fixtures';

const manifest = readManifest();
const site: FrameSite = { manifest, origin: () => 'http://127.0.0.1:4000', globalPagePath: '/jira/apps/x/y', adminPagePath: '/jira/settings/apps/x/y' };
const session: FrameSession = { id: 'a'.repeat(32), user: USERS[1]!, moduleKey: MODULE_KEYS.panel, issue: ISSUES[0]!, theme: 'dark', initialPath: '/', invokes: [], project: null, gadget: null };
const context = frontendContext(session, site);

describe('the published types hold the local host to what Jira sends', () => {
  it('refuses, at compile time, a field Jira does not send', () => {
    // @ts-expect-error Create Issue's onClose gets the created issues' ids, never their keys (@forge/jira-bridge out/modal/types.d.ts).
    const withKey: CreateIssueModalClosed = { payload: [{ issueId: '10042', issueKey: 'DEMO-42' }] };
    // @ts-expect-error FullContext has no accountType (@forge/bridge out/types.d.ts).
    const withAccountType: FrameContext = { ...context, accountType: 'licensed' };
    // @ts-expect-error An issue panel's extension has no `issueKey` at the top (the module's Extension context).
    const flatExtension: FrameContext = { ...context, extension: { type: 'jira:issuePanel', issueKey: 'DEMO-1' } };
    const getContext: HandlerTable<BridgeCommands>['getContext'] = () => context;
    // @ts-expect-error A subscription is `{ unsubscribe }` (@forge/bridge Subscription): nothing else (frame.ts declares its answers' types).
    const on = (): Subscription => ({ unsubscribe: () => undefined, event: 'x' });
    // @ts-expect-error getUrl answers a URL string (router.getUrl parses it), not an object.
    const getUrl: HandlerTable<BridgeCommands>['getUrl'] = () => ({ url: 'http://x' });
    expect([withKey, withAccountType, flatExtension, getContext, on, getUrl]).toHaveLength(6);
  });
});

/** Runs the frame's bridge script in a VM; `fromPage` delivers a message as the host page would. */
async function loadBridge() {
  const config: BridgeConfig = { endpoint: '/resource/x/__forge/', hostOrigin: 'http://127.0.0.1:4000', context, globalPagePath: '/g', globalPageModuleKey: MODULE_KEYS.globalPage, initialPath: '/', themeAttribute: 'light:light dark:dark', nativeUi: false, projectPageModuleKey: MODULE_KEYS.coveragePage, projectPagePath: '/jira/software/projects/{projectKey}/apps/x/y', gadgetEditing: false };
  const posted: Array<Record<string, unknown>> = [];
  const listeners: Array<(event: unknown) => void> = [];
  const parent = { postMessage: (m: Record<string, unknown>) => posted.push(m) };
  const sandbox: Record<string, unknown> = {
    console: { error: () => undefined, warn: () => undefined, log: () => undefined },
    URL,
    fetch: () => Promise.reject(new Error('no network here')),
    document: { readyState: 'complete', documentElement: {}, head: {}, body: null, addEventListener: () => undefined },
  };
  sandbox.window = { parent, addEventListener: (type: string, fn: (e: unknown) => void) => type === 'message' && listeners.push(fn), location: { reload: () => undefined } };
  runInNewContext(await bridgeScript(config), sandbox);
  const bridge = sandbox.__bridge as { callBridge(command: string, payload?: unknown): Promise<any> };
  const fromPage = (data: unknown) => listeners.forEach((l) => l({ source: parent, origin: config.hostOrigin, data }));
  return { bridge, posted, fromPage };
}

describe('the frame’s bridge answers the app exactly the published shapes', () => {
  it('getContext: the host’s FullContext unchanged (a copy, so the app cannot change the host’s)', async () => {
    const { bridge } = await loadBridge();
    const answered = await bridge.callBridge('getContext');
    expect(JSON.parse(JSON.stringify(answered))).toEqual(JSON.parse(JSON.stringify(context)));
    expect(answered).not.toHaveProperty('accountType');
    expect(answered.extension).toEqual({ type: 'jira:issuePanel', issue: { id: '10001', key: 'DEMO-1', type: 'Story', typeId: '10002' }, project: { id: '10000', key: 'DEMO', type: 'software' }, isNewToIssue: false });
  });

  it('Create Issue: onClose gets only the ids, even when the page reports more; the issue view’s onClose gets nothing', async () => {
    const { bridge, posted, fromPage } = await loadBridge();
    const closes: unknown[][] = [];
    expect(await bridge.callBridge('openIssueCreateModal', { data: { context: { projectId: '10000' }, onClose: (...args: unknown[]) => closes.push(args) } })).toBe(true);
    const open = posted.find((m) => m.type === 'forge-local:open-modal')!;
    expect(open).toMatchObject({ kind: 'issue-create', context: { projectId: '10000' } });
    fromPage({ type: 'forge-local:modal-closed', requestId: open.requestId, payload: [{ issueId: '10042', issueKey: 'DEMO-42', extra: true }, { issueKey: 'NOID-1' }] });
    expect(closes).toEqual([[{ payload: [{ issueId: '10042' }] }]]);
    // A second close of the same dialog is ignored.
    fromPage({ type: 'forge-local:modal-closed', requestId: open.requestId, payload: [{ issueId: '1' }] });
    expect(closes).toHaveLength(1);

    await bridge.callBridge('openIssueViewModal', { data: { context: { issueKey: 'DEMO-3' }, onClose: (...args: unknown[]) => closes.push(args) } });
    const view = posted.filter((m) => m.type === 'forge-local:open-modal').at(-1)!;
    fromPage({ type: 'forge-local:modal-closed', requestId: view.requestId, payload: [{ issueId: '9' }] });
    expect(closes.at(-1)).toEqual([]);
  });

  it('events: `on` answers a Subscription that unsubscribes; `emit` reaches this frame’s listeners and the page', async () => {
    const { bridge, posted } = await loadBridge();
    const heard: unknown[] = [];
    const sub = (await bridge.callBridge('on', { event: 'e', callback: (p: unknown) => heard.push(p) })) as { unsubscribe(): void };
    expect(Object.keys(sub)).toEqual(['unsubscribe']);
    await bridge.callBridge('emit', { event: 'e', payload: { n: 1 } });
    sub.unsubscribe();
    await bridge.callBridge('emit', { event: 'e', payload: { n: 2 } });
    expect(heard).toEqual([{ n: 1 }]);
    expect(posted.filter((m) => m.type === 'forge-local:emit')).toHaveLength(2);
  });
});

/**
 * The Custom UI bridge the local host gives each app frame (bundled for the browser by
 * ../bridge-script.ts and loaded first in the frame's <head>): it defines
 * `globalThis.__bridge.callBridge(command, payload)`, the seam every @forge/bridge and
 * @forge/jira-bridge API goes through, and answers each command of the published table
 * (contract.ts) the way Jira's host does.
 *
 * - `invoke` and the frame's reports go to the host over HTTP (same origin; the host knows from the
 *   session in the URL which page, module and user the frame belongs to).
 * - `navigate`, `getUrl`, resizing, theme changes and Jira's dialogs go to the parent page by postMessage.
 * - `emit` reaches this frame's own listeners and, through the host page, the app's other frames on the
 *   page (Forge's events between an app's modules).
 * - Realtime's subscribe and publish go to the host's Realtime service (realtime.ts, ../realtime.ts).
 * - A UI Kit frame (`render: native`) also answers `reconcile` (ui-kit.ts).
 * - Unknown commands reject with an error naming them, and are reported to the host's log.
 *
 * Adding a command: its published payload and answer in contract.ts's BridgeCommands, its handler in
 * `commands` below (the table does not compile until both agree).
 */
import type { BridgeConfig, ToHost } from './config';
import type { FrameContext } from '../frames';
import type { BridgeCommands, GadgetEditCommands, HandlerTable, InvokeAnswer, NavigationLocation, NavigateCall, Subscription } from './contract';
import { createLocalHistory } from './history';
import { createModals } from './modals';
import { createRealtime } from './realtime';
import { createUiKit } from './ui-kit';

type AnyHandler = (payload?: unknown) => unknown;

/** The context's colour mode (the theme's type comes from @atlaskit/tokens through @forge/bridge). */
const colorModeOf = (context: FrameContext): unknown => (context.theme as { colorMode?: unknown } | null | undefined)?.colorMode;

export function startBridge(CONFIG: BridgeConfig): void {
  const context = CONFIG.context;
  let themingEnabled = false;
  const frameId = `local-frame-${Math.random().toString(36).slice(2, 10)}`;
  const listeners: Record<string, Array<(payload?: unknown) => unknown>> = {};

  const report = (kind: string, detail: Record<string, unknown>) => {
    try {
      fetch(`${CONFIG.endpoint}log`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind, detail }), keepalive: true }).catch(() => undefined);
    } catch {
      // The report is best effort.
    }
  };
  const toParent = (message: ToHost) => {
    if (window.parent && window.parent !== window) window.parent.postMessage(message, CONFIG.hostOrigin);
  };

  const applyTheme = () => {
    const root = document.documentElement;
    root.setAttribute('data-color-mode', colorModeOf(context) === 'dark' ? 'dark' : 'light');
    root.setAttribute('data-theme', CONFIG.themeAttribute);
    if (!document.getElementById('forge-local-tokens')) {
      const link = document.createElement('link');
      link.id = 'forge-local-tokens';
      link.rel = 'stylesheet';
      link.href = `${CONFIG.endpoint}tokens.css`;
      (document.head || root).appendChild(link);
    }
  };

  const resolveLocation = (payload: NavigationLocation | NavigateCall | undefined): string => {
    if (!payload) throw new Error('navigate: a URL or a location is required');
    if ('url' in payload && typeof payload.url === 'string') return new URL(payload.url, context.siteUrl).toString();
    const location = payload as NavigationLocation;
    switch (location.target) {
      case 'issue':
        if (typeof location.issueKey !== 'string') throw new Error('navigate: target "issue" needs an issueKey');
        return new URL(`/browse/${encodeURIComponent(location.issueKey)}`, context.siteUrl).toString();
      case 'module':
        if (location.moduleKey === CONFIG.globalPageModuleKey) return new URL(CONFIG.globalPagePath, context.siteUrl).toString();
        if (location.moduleKey === CONFIG.projectPageModuleKey) {
          const projectKey = 'projectKey' in location ? location.projectKey : undefined;
          if (typeof projectKey !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(projectKey)) throw new Error('navigate: the project page needs a projectKey');
          const path = 'path' in location && typeof location.path === 'string' && location.path ? `/${location.path.replace(/^\/+/, '')}` : '';
          return new URL(CONFIG.projectPagePath.replace('{projectKey}', projectKey) + path, context.siteUrl).toString();
        }
        throw new Error(`navigate: the local host has no page for module "${location.moduleKey}"`);
      default:
        throw new Error(`navigate: the local host does not support navigation target "${location.target}"`);
    }
  };

  const deliver = (event: string, payload: unknown) => {
    (listeners[event] ?? []).slice().forEach((cb) => {
      try {
        cb(payload);
      } catch (e) {
        console.error(e);
      }
    });
  };

  const history = createLocalHistory(CONFIG.initialPath, (path) => toParent({ type: 'forge-local:history', path }));
  const modals = createModals(toParent);
  const realtime = createRealtime(CONFIG.endpoint);
  const uiKit = CONFIG.nativeUi ? createUiKit(toParent, report) : null;

  const commands: HandlerTable<BridgeCommands> = {
    async invoke(call): Promise<InvokeAnswer> {
      if (!call || typeof call.functionKey !== 'string') throw new Error('invoke: functionKey must be a string');
      const response = await fetch(`${CONFIG.endpoint}invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ functionKey: call.functionKey, payload: call.payload, metadata: call.metadata }),
      });
      // Not JSON: the failure below says the status.
      const answer = (await response.json().catch(() => null)) as { ok?: unknown; body?: Record<string, unknown>; metadata?: Record<string, unknown>; error?: unknown } | null;
      if (!response.ok || !answer || answer.ok !== true) {
        const reason = answer && typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
        throw new Error(`There was an error invoking the function - ${reason}`);
      }
      // As Forge's bridge: `{ body, metadata }` when metadata was asked for, the body as is otherwise.
      if (call.metadata) return { body: answer.body, metadata: answer.metadata ?? {} };
      return answer.body;
    },
    getContext: (): FrameContext => JSON.parse(JSON.stringify(context)) as FrameContext,
    enableTheming() {
      themingEnabled = true;
      applyTheme();
    },
    navigate(call) {
      toParent({ type: 'forge-local:navigate', url: resolveLocation(call), newTab: call.type === 'new-tab' });
    },
    getUrl: (location) => resolveLocation(location),
    reload: () => toParent({ type: 'forge-local:reload' }),
    refresh: () => window.location.reload(),
    getFrameId: () => frameId,
    createHistory: () => history,
    changeWindowTitle: (title) => toParent({ type: 'forge-local:title', title: String(title) }),
    emitReadyEvent: () => undefined,
    emit(call) {
      deliver(call.event, call.payload);
      toParent({ type: 'forge-local:emit', event: String(call.event), payload: call.payload });
    },
    on(call): Subscription {
      (listeners[call.event] ??= []).push(call.callback);
      return { unsubscribe: () => void (listeners[call.event] = (listeners[call.event] ?? []).filter((cb) => cb !== call.callback)) };
    },
    openIssueCreateModal: (call) => modals.openIssueCreateModal(call),
    openIssueViewModal: (call) => modals.openIssueViewModal(call),
    subscribeRealtimeChannel: (call) => realtime.subscribeRealtimeChannel(call),
    publishRealtimeChannel: (call) => realtime.publishRealtimeChannel(call),
  };
  // A dashboard gadget's edit view: Jira saves what view.submit gives as the gadget's configuration and
  // shows the gadget again; view.close leaves the edit view without saving.
  const gadget: HandlerTable<GadgetEditCommands> | null = CONFIG.gadgetEditing
    ? {
        async submit(payload) {
          const response = await fetch(`${CONFIG.endpoint}submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload === undefined ? null : payload) });
          const answer = (await response.json().catch(() => null)) as { ok?: unknown; error?: unknown } | null;
          if (!response.ok || !answer || answer.ok !== true) throw new Error(`view.submit failed - ${answer && typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`}`);
          toParent({ type: 'forge-local:gadget-saved' });
        },
        close: () => toParent({ type: 'forge-local:gadget-closed' }),
      }
    : null;
  const handlers: Record<string, AnyHandler> = {
    ...(commands as unknown as Record<string, AnyHandler>),
    ...(uiKit ? (uiKit.commands as unknown as Record<string, AnyHandler>) : {}),
    ...(gadget ?? {}),
  };

  const callBridge = (command: string, payload?: unknown): Promise<unknown> => {
    const handler = Object.prototype.hasOwnProperty.call(handlers, command) ? handlers[command] : undefined;
    if (!handler) {
      const message = `The local Forge runtime does not support the bridge command "${command}"`;
      console.error(`[forge-local] ${message}`);
      report('unknown-command', { command: String(command) });
      return Promise.reject(new Error(message));
    }
    try {
      return Promise.resolve(handler(payload));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  Object.defineProperty(globalThis, '__bridge', { value: Object.freeze({ callBridge }), configurable: false, writable: false });

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== CONFIG.hostOrigin) return;
    const data = (event.data ?? {}) as Record<string, unknown>;
    switch (data.type) {
      case 'forge-local:modal-closed':
        modals.closed(data.requestId, data.payload);
        break;
      case 'forge-local:theme':
        if (data.colorMode === 'light' || data.colorMode === 'dark') {
          // getContext answers the new mode too, as Jira's context follows the theme.
          (context as { theme?: unknown }).theme = { ...(context.theme as object | null | undefined), colorMode: data.colorMode };
          if (themingEnabled) applyTheme();
        }
        break;
      case 'forge-local:event':
        if (typeof data.event === 'string') deliver(data.event, data.payload);
        break;
      case 'forge-local:resend':
        uiKit?.resend();
        break;
      case 'forge-local:ui-event':
        if (typeof data.handler === 'string') uiKit?.use(data.handler, data.args);
        break;
    }
  });

  // CSP violations: reported to the host (and the console) so tests and developers see them.
  document.addEventListener('securitypolicyviolation', (e) => {
    const detail = { directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, line: e.lineNumber, sample: e.sample };
    console.error(`[forge-local] CSP violation: ${detail.directive} blocked ${detail.blockedURI || 'inline'}`);
    report('csp-violation', detail);
  });

  // Auto-height, as Jira does for Custom UI panels.
  const postHeight = () => {
    const body = document.body;
    if (!body) return;
    const rect = body.getBoundingClientRect();
    const margin = parseFloat(getComputedStyle(body).marginBottom) || 0;
    toParent({ type: 'forge-local:resize', height: Math.ceil(Math.max(rect.bottom + window.scrollY + margin, body.scrollHeight)) });
  };
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(postHeight);
    const start = () => {
      if (document.body) observer.observe(document.body);
      postHeight();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
  window.addEventListener('load', postHeight);
}

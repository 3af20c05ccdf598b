/**
 * The host-generated script the iframe loads (as an external <script>, first thing in <head>)
 * before the app's bundle: it defines `globalThis.__bridge.callBridge(command, payload)`, the seam
 * every @forge/bridge API goes through, and answers each command the way Jira's host does.
 *
 * - `invoke` and `getContext` go to the host over HTTP (same origin; the host knows from the session
 *   in the URL which page, module and user the frame belongs to).
 * - `navigate`, `getUrl`, resizing and theme changes go to the parent page by postMessage.
 * - `emit` reaches this frame's own listeners and, through the host page, the app's other frames on the
 *   page (Forge's events between an app's modules).
 * - In a UI Kit frame (`render: native`), `reconcile` sends the ForgeDoc @forge/react built to the host
 *   page, which renders it; function props travel as handler references the host sends back when a
 *   person uses the component, and the frame calls the function (what Forge's bridge does).
 * - Unknown commands reject with an error naming them, and are reported to the host's log.
 */

// Realtime's two bridge commands (dev/runtime/realtime.ts emulates the service behind them).
import { REALTIME_BRIDGE } from './realtime-bridge';

/** Per-frame settings baked into the script by the host (never trusted back from the browser). */
export interface BridgeConfig {
  /** `/resource/<session>/__forge/` */
  endpoint: string;
  /** Origin of the host page (postMessage target). */
  hostOrigin: string;
  /** The context the frame's getContext() answers with. */
  context: Record<string, unknown>;
  /** The site-relative path of the global page (router targets `module`). */
  globalPagePath: string;
  globalPageModuleKey: string;
  /** Initial history location for the global page. */
  initialPath: string;
  /** The `data-theme` value the token stylesheet is keyed on. */
  themeAttribute: string;
  /** A UI Kit module's frame: the host renders what its reconciler sends (`reconcile`). */
  nativeUi: boolean;
}

export function bridgeScript(config: BridgeConfig): string {
  // JSON is a valid JS expression; `<` is escaped so the text can never close a tag anywhere.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `/* Local Forge runtime: the Custom UI bridge (generated per frame). */\n(function () {\n'use strict';\nvar CONFIG = ${json};\n${BODY}\n${REALTIME_BRIDGE}\n})();\n`;
}

const BODY = String.raw`
var context = CONFIG.context;
var themingEnabled = false;
var frameId = 'local-frame-' + Math.random().toString(36).slice(2, 10);
var listeners = {};

function report(kind, detail) {
  try {
    fetch(CONFIG.endpoint + 'log', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: kind, detail: detail }),
      keepalive: true
    }).catch(function () {});
  } catch (e) {}
}

function toParent(message) {
  if (window.parent && window.parent !== window) window.parent.postMessage(message, CONFIG.hostOrigin);
}

async function invoke(payload) {
  if (!payload || typeof payload.functionKey !== 'string') throw new Error('invoke: functionKey must be a string');
  var response = await fetch(CONFIG.endpoint + 'invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey: payload.functionKey, payload: payload.payload, metadata: payload.metadata })
  });
  var answer = null;
  try { answer = await response.json(); } catch (e) {}
  if (!response.ok || !answer || answer.ok !== true) {
    var reason = answer && answer.error ? answer.error : 'HTTP ' + response.status;
    throw new Error('There was an error invoking the function - ' + reason);
  }
  if (payload.metadata) return { body: answer.body, metadata: answer.metadata || {} };
  return answer.body;
}

function applyTheme() {
  var root = document.documentElement;
  var mode = context.theme && context.theme.colorMode === 'dark' ? 'dark' : 'light';
  root.setAttribute('data-color-mode', mode);
  root.setAttribute('data-theme', CONFIG.themeAttribute);
  if (!document.getElementById('forge-local-tokens')) {
    var link = document.createElement('link');
    link.id = 'forge-local-tokens';
    link.rel = 'stylesheet';
    link.href = CONFIG.endpoint + 'tokens.css';
    (document.head || root).appendChild(link);
  }
}

function resolveLocation(payload) {
  if (!payload) throw new Error('navigate: a URL or a location is required');
  if (typeof payload.url === 'string') return new URL(payload.url, context.siteUrl).toString();
  switch (payload.target) {
    case 'issue':
      if (typeof payload.issueKey !== 'string') throw new Error('navigate: target "issue" needs an issueKey');
      return new URL('/browse/' + encodeURIComponent(payload.issueKey), context.siteUrl).toString();
    case 'module':
      if (payload.moduleKey === CONFIG.globalPageModuleKey) return new URL(CONFIG.globalPagePath, context.siteUrl).toString();
      throw new Error('navigate: the local host has no page for module "' + payload.moduleKey + '"');
    default:
      throw new Error('navigate: the local host does not support navigation target "' + payload.target + '"');
  }
}

// A small history for the global page (view.createHistory), mirrored into the host page's URL.
var historyListeners = [];
var historyStack = [];
var historyIndex = 0;
function parsePath(path) {
  var u = new URL(typeof path === 'string' ? path : (path.pathname || '/') + (path.search || '') + (path.hash || ''), 'http://local');
  return { pathname: u.pathname, search: u.search, hash: u.hash, state: null, key: Math.random().toString(36).slice(2, 8) };
}
historyStack.push(parsePath(CONFIG.initialPath || '/'));
function historyChanged(action) {
  history.location = historyStack[historyIndex];
  var loc = history.location;
  toParent({ type: 'forge-local:history', path: loc.pathname + loc.search + loc.hash });
  historyListeners.slice().forEach(function (l) { try { l(loc, action); } catch (e) { console.error(e); } });
}
var history = {
  action: 'POP',
  location: historyStack[0],
  get length() { return historyStack.length; },
  push: function (path, state) {
    var loc = parsePath(path); loc.state = state === undefined ? null : state;
    historyStack = historyStack.slice(0, historyIndex + 1); historyStack.push(loc); historyIndex++;
    history.action = 'PUSH'; historyChanged('PUSH');
  },
  replace: function (path, state) {
    var loc = parsePath(path); loc.state = state === undefined ? null : state;
    historyStack[historyIndex] = loc; history.action = 'REPLACE'; historyChanged('REPLACE');
  },
  go: function (delta) {
    var next = Math.max(0, Math.min(historyStack.length - 1, historyIndex + delta));
    if (next === historyIndex) return;
    historyIndex = next; history.action = 'POP'; historyChanged('POP');
  },
  back: function () { history.go(-1); },
  forward: function () { history.go(1); },
  listen: function (listener) {
    historyListeners.push(listener);
    return function () { historyListeners = historyListeners.filter(function (l) { return l !== listener; }); };
  },
  block: function () { return function () {}; },
  createHref: function (path) { return typeof path === 'string' ? path : (path.pathname || '') + (path.search || '') + (path.hash || ''); }
};

// Jira's own dialogs (@forge/jira-bridge): the host page shows them; the app's onClose runs when they close.
var modalCallbacks = {};
var modalSeq = 0;
function openModal(kind, payload) {
  var data = (payload && payload.data) || {};
  var ctx = data.context || {};
  if (kind === 'issue-view' && typeof ctx.issueKey !== 'string') throw new Error('openIssueViewModal: context.issueKey is required');
  modalSeq += 1;
  var requestId = 'modal-' + modalSeq;
  modalCallbacks[requestId] = { kind: kind, onClose: typeof data.onClose === 'function' ? data.onClose : function () {} };
  toParent({ type: 'forge-local:open-modal', kind: kind, requestId: requestId, context: JSON.parse(JSON.stringify(ctx)) });
  return true;
}

var handlers = {
  invoke: invoke,
  openIssueCreateModal: function (payload) { return openModal('issue-create', payload); },
  openIssueViewModal: function (payload) { return openModal('issue-view', payload); },
  getContext: function () { return JSON.parse(JSON.stringify(context)); },
  enableTheming: function () { themingEnabled = true; applyTheme(); },
  navigate: function (payload) {
    var url = resolveLocation(payload);
    toParent({ type: 'forge-local:navigate', url: url, newTab: payload.type === 'new-tab' });
  },
  getUrl: function (payload) { return resolveLocation(payload); },
  reload: function () { toParent({ type: 'forge-local:reload' }); },
  refresh: function () { window.location.reload(); },
  getFrameId: function () { return frameId; },
  createHistory: function () { return history; },
  changeWindowTitle: function (title) { toParent({ type: 'forge-local:title', title: String(title) }); },
  emitReadyEvent: function () {},
  emit: function (payload) {
    deliver(payload.event, payload.payload);
    toParent({ type: 'forge-local:emit', event: String(payload.event), payload: payload.payload });
  },
  on: function (payload) {
    var list = listeners[payload.event] || (listeners[payload.event] = []);
    list.push(payload.callback);
    return { unsubscribe: function () { listeners[payload.event] = (listeners[payload.event] || []).filter(function (cb) { return cb !== payload.callback; }); } };
  }
};

function deliver(event, payload) {
  (listeners[event] || []).slice().forEach(function (cb) { try { cb(payload); } catch (e) { console.error(e); } });
}

// UI Kit: the ForgeDoc crosses to the host page as plain data. Each function prop becomes a handler
// reference (@forge/react gives each function an __id__); the host sends the reference back when a
// person uses the component. References of the last two trees are kept, so a click on a tree that was
// replaced a moment ago still reaches its handler.
var uiHandlers = {};
var previousUiHandlers = {};
function serialiseForgeDoc(node, seen) {
  if (!node || typeof node !== 'object' || seen.has(node)) return null;
  seen.add(node);
  var props = {};
  Object.keys(node.props || {}).forEach(function (name) { props[name] = serialiseValue(node.props[name], seen); });
  var children = (node.children || []).map(function (child) { return serialiseForgeDoc(child, seen); }).filter(Boolean);
  return { type: String(node.type), key: node.key === undefined ? undefined : String(node.key), props: props, children: children };
}
function serialiseValue(value, seen) {
  if (typeof value === 'function') {
    var id = typeof value.__id__ === 'string' ? value.__id__ : 'h-' + Math.random().toString(36).slice(2, 12);
    uiHandlers[id] = value;
    return { $$forgeHandler: id };
  }
  if (Array.isArray(value)) return value.map(function (v) { return serialiseValue(v, seen); });
  if (value && typeof value === 'object') {
    if (seen.has(value)) return null;
    seen.add(value);
    var out = {};
    Object.keys(value).forEach(function (k) { out[k] = serialiseValue(value[k], seen); });
    return out;
  }
  return value;
}
// The last tree sent, for a host page that started listening after it was sent (see 'forge-local:resend').
var lastForgeDoc = null;
if (CONFIG.nativeUi) {
  handlers.reconcile = function (payload) {
    previousUiHandlers = uiHandlers;
    uiHandlers = {};
    lastForgeDoc = serialiseForgeDoc(payload && payload.forgeDoc, new WeakSet());
    toParent({ type: 'forge-local:reconcile', forgeDoc: lastForgeDoc });
  };
  handlers.onError = function (payload) {
    var error = payload && payload.error;
    console.error('[forge-local] the UI Kit app failed to render', error);
    report('ui-kit-error', { message: String(error && error.message || error) });
  };
}

function callBridge(command, payload) {
  var handler = Object.prototype.hasOwnProperty.call(handlers, command) ? handlers[command] : undefined;
  if (!handler) {
    var message = 'The local Forge runtime does not support the bridge command "' + command + '"';
    console.error('[forge-local] ' + message);
    report('unknown-command', { command: String(command) });
    return Promise.reject(new Error(message));
  }
  try {
    return Promise.resolve(handler(payload));
  } catch (e) {
    return Promise.reject(e);
  }
}

Object.defineProperty(globalThis, '__bridge', { value: Object.freeze({ callBridge: callBridge }), configurable: false, writable: false });

window.addEventListener('message', function (event) {
  if (event.source !== window.parent || event.origin !== CONFIG.hostOrigin) return;
  var data = event.data || {};
  if (data.type === 'forge-local:modal-closed' && Object.prototype.hasOwnProperty.call(modalCallbacks, data.requestId)) {
    var pending = modalCallbacks[data.requestId];
    delete modalCallbacks[data.requestId];
    // As Jira: Create Issue's onClose gets { payload: [created issues] }; the issue view's gets nothing.
    try { pending.kind === 'issue-create' ? pending.onClose({ payload: Array.isArray(data.payload) ? data.payload : [] }) : pending.onClose(); } catch (e) { console.error(e); }
    return;
  }
  if (data.type === 'forge-local:theme' && (data.colorMode === 'light' || data.colorMode === 'dark')) {
    context.theme = Object.assign({}, context.theme, { colorMode: data.colorMode });
    if (themingEnabled) applyTheme();
  }
  if (data.type === 'forge-local:event' && typeof data.event === 'string') deliver(data.event, data.payload);
  if (CONFIG.nativeUi && data.type === 'forge-local:resend' && lastForgeDoc) toParent({ type: 'forge-local:reconcile', forgeDoc: lastForgeDoc });
  if (CONFIG.nativeUi && data.type === 'forge-local:ui-event' && typeof data.handler === 'string') {
    var handler = Object.prototype.hasOwnProperty.call(uiHandlers, data.handler) ? uiHandlers[data.handler]
      : Object.prototype.hasOwnProperty.call(previousUiHandlers, data.handler) ? previousUiHandlers[data.handler] : undefined;
    if (!handler) { console.warn('[forge-local] no handler ' + data.handler + ' in the current UI Kit tree'); return; }
    try { handler.apply(null, Array.isArray(data.args) ? data.args : []); } catch (e) { console.error(e); }
  }
});

// CSP violations: reported to the host (and the console) so tests and developers see them.
document.addEventListener('securitypolicyviolation', function (e) {
  var detail = { directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, line: e.lineNumber, sample: e.sample };
  console.error('[forge-local] CSP violation: ' + detail.directive + ' blocked ' + (detail.blockedURI || 'inline'));
  report('csp-violation', detail);
});

// Auto-height, as Jira does for Custom UI panels.
function postHeight() {
  var body = document.body;
  if (!body) return;
  var rect = body.getBoundingClientRect();
  var margin = parseFloat(getComputedStyle(body).marginBottom) || 0;
  var height = Math.ceil(Math.max(rect.bottom + window.scrollY + margin, body.scrollHeight));
  toParent({ type: 'forge-local:resize', height: height });
}
if (typeof ResizeObserver === 'function') {
  var observer = new ResizeObserver(postHeight);
  var start = function () { if (document.body) observer.observe(document.body); postHeight(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
}
window.addEventListener('load', postHeight);
`;

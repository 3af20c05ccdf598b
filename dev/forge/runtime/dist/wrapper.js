'use strict';
/*
 * Forge's node runtime wrapper, local edition: the one piece of a Forge function's runtime that
 * Atlassian does not publish (the Forge CLI downloads it from Atlassian's CDN at bundle time).
 * @forge/bundler copies this file into the bundle when FORGE_RUNTIME_PATH names its folder (the
 * bundler's own LocalWrapperProvider), and @forge/tunnel's NodeSandbox calls `main(event, context)`
 * in a forked process whose environment holds only what Forge gives a function.
 *
 * It provides what @forge/api and @forge/kvs expect of the platform, per invocation:
 *  - `global.__forge_runtime__`: app context, proxy, tracing, metrics, the lambda context;
 *  - `global.__forge_fetch__`: the platform proxy (KVS, product APIs, Realtime), here the local host's
 *    `/__forge/platform` endpoint, authenticated with the invocation's proxy token;
 *  - `fetch` limited to the egress the manifest declares (passed in appContext.permissions);
 *  - console output as P3 log events, one JSON line each on stdout (what NodeSandbox reads);
 *  - the app's variables (`forge variables set`) as environment variables.
 * Node built-ins only: the bundle folder has no node_modules.
 */
const path = require('path');
const util = require('util');
const { AsyncLocalStorage } = require('async_hooks');

const LOG_LEVEL = { debug: 20, info: 30, warn: 40, error: 50 };
const invocations = new AsyncLocalStorage();
const nativeFetch = globalThis.fetch;
const writeStdout = process.stdout.write.bind(process.stdout);

// ---------- logs: NodeSandbox parses every stdout line as JSON ----------

function describe(arg) {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) return arg.stack || `${arg.name}: ${arg.message}`;
  return util.inspect(arg, { depth: 4, breakLength: Infinity });
}

function emitLog(logLevel, args) {
  const invocationId = invocations.getStore()?.invocationId || 'sandbox';
  const logArguments = args.length > 0 ? args.map(describe) : [''];
  writeStdout(`${JSON.stringify({ invocationId, logLevel, logArguments })}\n`);
}

console.log = (...args) => emitLog(LOG_LEVEL.info, args);
console.info = console.log;
console.debug = (...args) => emitLog(LOG_LEVEL.debug, args);
console.trace = console.debug;
console.warn = (...args) => emitLog(LOG_LEVEL.warn, args);
console.error = (...args) => emitLog(LOG_LEVEL.error, args);
// Anything else that writes to stdout (a dependency's banner) must not break the JSON line protocol.
process.stdout.write = (chunk, encoding, callback) => {
  emitLog(LOG_LEVEL.info, [String(chunk).replace(/\n$/, '')]);
  if (typeof encoding === 'function') encoding();
  else if (typeof callback === 'function') callback();
  return true;
};

// ---------- the platform: proxy, runtime object, egress ----------

const noopTimer = { stop() {} };
const metrics = {
  counter: () => ({ incr() {}, decr() {} }),
  timing: () => ({ measure: () => noopTimer }),
  gauge: () => ({ set() {} }),
};

Object.defineProperty(globalThis, '__forge_runtime__', {
  configurable: true,
  get() {
    const inv = invocations.getStore();
    if (!inv) return undefined;
    const { _meta: meta } = inv.event;
    return {
      appContext: meta.appContext,
      proxy: meta.proxy,
      tracing: meta.tracing,
      contextAri: meta.contextAri,
      aaid: meta.aaid,
      // The invocation's Realtime context (@forge/realtime publishes in it: the invoking frame's).
      realtime: meta.realtime,
      externalAuth: meta.externalAuth,
      limits: meta.limits,
      metrics,
      lambdaContext: inv.lambdaContext,
    };
  },
});

globalThis.__forge_fetch__ = async (target, urlPath, init = {}) => {
  const inv = invocations.getStore();
  if (!inv) throw new Error('A Forge platform call was made outside an invocation');
  const { proxy } = inv.event._meta;
  const headers = new Headers(init.headers || {});
  headers.set('authorization', `Bearer ${proxy.token}`);
  headers.set('x-forge-target', JSON.stringify(target));
  return nativeFetch(`${proxy.url}${urlPath.startsWith('/') ? '' : '/'}${urlPath}`, {
    method: init.method || 'GET',
    headers,
    body: init.body,
    redirect: 'manual',
  });
};

/** `https://api.example.com` or `*.example.com`, as in permissions.external.fetch.backend. */
function egressAllows(allowed, url) {
  return allowed.some((entry) => {
    const wildcard = entry.match(/^(?:(https?):\/\/)?\*\.(.+)$/);
    if (wildcard) return (!wildcard[1] || `${wildcard[1]}:` === url.protocol) && url.hostname.endsWith(`.${wildcard[2]}`);
    try {
      const allowedUrl = new URL(entry.includes('://') ? entry : `https://${entry}`);
      return allowedUrl.origin === url.origin;
    } catch {
      return false;
    }
  });
}

globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
  const allowed = invocations.getStore()?.event._meta.appContext?.permissions?.external?.fetch?.backend || [];
  if (!egressAllows(allowed, url)) {
    throw new Error(`Forge blocked egress to ${url.origin}: it is not in permissions.external.fetch.backend of manifest.yml`);
  }
  return nativeFetch(input, init);
};

// ---------- the invocation ----------

function forgeContext(meta) {
  return {
    principal: meta.aaid ? { accountId: meta.aaid } : undefined,
    installContext: meta.contextAri,
    license: meta.license,
    installation: meta.appContext?.installation,
  };
}

function toLambdaError(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  return { errorMessage: e.message, errorType: e.name, stack: (e.stack || '').split('\n'), isHostedCodeError: true };
}

const modules = new Map();
function loadHandler(handler) {
  const dot = handler.lastIndexOf('.');
  const moduleName = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  if (!modules.has(moduleName)) {
    modules.set(moduleName, require(path.join(process.env.FORGE_EFS_RUNTIME_PATH || __dirname, `${moduleName}.cjs`)));
  }
  const fn = modules.get(moduleName)[exportName];
  if (typeof fn !== 'function') throw new Error(`The bundle has no function ${handler}`);
  return fn;
}

exports.main = async (event, lambdaContext) => {
  for (const variable of event.variables || []) {
    if (variable.value !== undefined) process.env[variable.key] = variable.value;
  }
  const invocationId = event._meta?.appContext?.invocationId || 'unknown';
  return invocations.run({ event, lambdaContext, invocationId }, async () => {
    try {
      const body = await loadHandler(event.handler)(event.body, forgeContext(event._meta));
      return { body, success: true, status: 200, metrics: [] };
    } catch (error) {
      console.error(error);
      return { body: null, success: false, status: 500, error: toLambdaError(error) };
    }
  });
};

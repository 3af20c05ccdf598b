/**
 * Runs the bundled backend the way `forge tunnel` runs it, with Atlassian's own plumbing from
 * @forge/tunnel: an invocation is POSTed to its LocalDevelopmentServer (`POST /:fnKey`), which hands
 * it to LocalInvocationService → SandboxesContainer → NodeSandbox: a forked Node process, with only
 * the environment Forge gives a function, that calls the bundle's `__forge__.cjs` `main(event, context)`.
 *
 * What this file adds (Atlassian does not publish these parts of the platform):
 * - the platform proxy that the runtime wrapper's `__forge_fetch__` calls: KVS (answered by the
 *   KvsEmulator) and product APIs (answered by the local host), each call authenticated with the
 *   invocation's own proxy token, so a function can act only as the account it was invoked for;
 * - the invocation's `_meta` (account, app context, declared egress, variables);
 * - Forge's limits on what the UI gets back: 25 s per invocation (the function's own run: the clock
 *   stops when its answer reaches the platform, not after the answer has crossed the local plumbing)
 *   and a 5 MB response;
 * - a restart when the sandbox process dies.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { format } from 'node:util';
import type { KvsEmulator } from '../kvs';
import { FORGE_LIMITS } from '../../src/platform/limits';
import './as-cli';

const INVOCATION_TIMEOUT_MS = FORGE_LIMITS.invocationMs;
/** What Forge counts: the JSON of the function's answer, in UTF-8 bytes (not the platform's wrapping of it). */
export const RESPONSE_LIMIT_BYTES = FORGE_LIMITS.invokeAnswerBytes;
const MAX_PLATFORM_BODY = 2 * 1024 * 1024;

/** A product API call the function makes through the platform (`asUser().requestJira(…)` etc.). */
export interface ProductRequest {
  accountId: string;
  /** As @forge/api sends it: `{ type: 'fpp', provider: 'user' | 'app' | 'none', remote: 'jira', … }`. */
  target: Record<string, unknown>;
  method: string;
  path: string;
  body: string;
}
export type ProductApi = (request: ProductRequest) => Promise<{ status: number; body: unknown }>;

export interface FunctionHostOptions {
  /** The folder `npm run bundle` wrote (the bundle's `__forge__.cjs` and `index.cjs`). */
  bundleDir: string;
  /** Each function's handler (`module.export`, e.g. `index.handler`) by function key, as in manifest.yml. */
  functions: Record<string, string>;
  kvs: KvsEmulator;
  /** `forge variables` of the environment. */
  variables: Record<string, string>;
  /** Origins the function may fetch: the manifest's egress, plus local stand-ins for them. */
  egress: string[];
  /** Scopes from the manifest (the app context carries them). */
  scopes: string[];
  appId: string;
  environmentId: string;
  cloudId: string;
  /** Product APIs (Jira) as the local site answers them; default: 404. */
  product?: ProductApi;
  /** Per invocation; default Forge's 25 s (tests shorten it). */
  timeoutMs?: number;
  /** Sees every platform call a function makes (the benchmark counts storage round trips with it). */
  onPlatformCall?: (call: PlatformCall) => void;
  /**
   * Forge Realtime (dev/runtime/realtime.ts): the realtime context token an invocation from a frame
   * carries (`_meta.realtime.contextToken`, which @forge/realtime sends as `x-forge-context-token`),
   * and the answer to its `{ type: 'realtime' }` platform calls. Without it they are not emulated.
   */
  realtime?: {
    contextToken(resolverContext: Record<string, unknown>): string;
    answer(installationId: string, contextToken: string | undefined, body: string): Promise<{ status: number; body: unknown }>;
  };
  /** Where the function's console lines (`[function] …`, as printed) and the host's notes go. */
  log: (line: string) => void;
}

/** A platform call of an invocation, with when it started and ended (ms, performance.timeOrigin based). */
export interface PlatformCall {
  invocationId: string;
  type: string;
  path: string;
  startMs: number;
  endMs: number;
}

export interface InvocationRequest {
  accountId: string;
  /** The manifest function to run (a module's `resolver.function`). */
  functionKey: string;
  moduleKey: string;
  moduleType: string;
  /** The resolver call: `{ call: { functionKey, payload }, context }`, as the bridge's invoke sends it. */
  body: Record<string, unknown>;
}

/** What the UI's invoke gets: the function's return value, or a platform failure (opaque to the UI). */
export type InvocationOutcome =
  | { ok: true; body: unknown; ms: number }
  | { ok: false; reason: 'threw' | 'timeout' | 'too-large' | 'crashed' | 'unavailable'; message: string; ms: number };

interface Live {
  invocationId: string;
  accountId: string;
  handler: string;
  reject: (reason: Error) => void;
  /** The function has returned and its answer is with the platform: its time limit no longer runs. */
  returned: () => void;
}

type TunnelModule = typeof import('@forge/tunnel');
type Sandbox = InstanceType<TunnelModule['NodeSandbox']>;

export class FunctionHost {
  private tunnel!: TunnelModule;
  private devServer!: InstanceType<TunnelModule['LocalDevelopmentServer']>;
  private devServerPort = 0;
  private platform!: Server;
  private platformUrl = '';
  /** One sandbox process per handler, started on first use. */
  private readonly sandboxes = new Map<string, Sandbox>();
  private bundleDir: string;
  private readonly live = new Map<string, Live>();
  private stopped = false;
  private readonly onLog = (event: { invocationId: string; logLevel: number; logArguments: unknown[] }) => {
    const level = event.logLevel >= 50 ? 'ERROR' : event.logLevel >= 40 ? 'WARN' : event.logLevel >= 30 ? 'INFO' : 'DEBUG';
    // Not redacted: Forge's logs show what the function printed, so a leak must show here too.
    this.options.log(`[function] ${level} ${event.logArguments.map((a) => (typeof a === 'string' ? a : format('%o', a))).join(' ')}`);
  };

  private readonly timeoutMs: number;

  constructor(private readonly options: FunctionHostOptions) {
    this.bundleDir = resolve(options.bundleDir);
    this.timeoutMs = options.timeoutMs ?? INVOCATION_TIMEOUT_MS;
  }

  async start(): Promise<void> {
    this.tunnel = await import('@forge/tunnel');
    const { StaticInvocationEventEmitter, EVENT_P3_LOG } = await import('@forge/runtime');
    StaticInvocationEventEmitter.on(EVENT_P3_LOG, this.onLog);
    this.platform = createServer((req, res) => {
      this.platformCall(req, res).catch((e: unknown) => {
        this.options.log(`[forge-local] platform call failed: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await listen(this.platform);
    this.platformUrl = `http://127.0.0.1:${(this.platform.address() as AddressInfo).port}`;

    const quiet = { traceEnabled: false, debugEnabled: false, trace() {}, debug() {}, info() {}, warn: (m: string) => this.options.log(`[forge-tunnel] ${m}`), error: (e: Error) => this.options.log(`[forge-tunnel] ${e.message}`) };
    // The statsig answer `forge tunnel` gets for a tunnel it manages itself: no app/environment re-check.
    const statsig = { isSelfManagedTunnelEnabled: () => Promise.resolve(false) };
    this.devServer = new this.tunnel.LocalDevelopmentServer(
      new this.tunnel.LocalInvocationService(quiet),
      quiet,
      undefined as never, // configFile, fileSystemReader, i18n, appEnvironmentClient: only `forge tunnel`'s
      undefined as never, //   own bundling and app checks use them, and this host bundles with `npm run bundle`.
      statsig as never,
      undefined as never,
      undefined as never,
    );
    this.devServerPort = (await this.devServer.start(0)).port;
  }

  /** Loads another bundle (npm run dev re-bundles on change): new invocations run the new code. */
  reload(bundleDir = this.bundleDir): void {
    this.bundleDir = resolve(bundleDir);
    this.tunnel.SandboxesContainer.stopSandboxes();
    this.sandboxes.clear();
    this.tunnel.SandboxesContainer.updateSandboxes({});
  }

  private sandboxFor(handler: string): void {
    if (this.sandboxes.has(handler)) return;
    const dot = handler.lastIndexOf('.');
    // NodeSandbox forks without execArgv, so the child would inherit this process's flags (tsx's
    // loader, vitest's): a Forge function starts with none.
    const execArgv = process.execArgv;
    process.execArgv = [];
    let sandbox: Sandbox;
    try {
      sandbox = new this.tunnel.NodeSandbox({ appPath: this.bundleDir, modName: handler.slice(0, dot), handler: handler.slice(dot + 1) });
    } finally {
      process.execArgv = execArgv;
    }
    // The sandbox's execute resolves when the function's answer has come back from its process: from
    // then on the invocation is the platform's (the dev server, HTTP), which Forge's 25 s do not cover.
    // Timing that too made a 5 MB answer fail as `timeout` on a loaded machine (1.1 s of plumbing
    // measured beside two CPU-bound processes, against a 1.5 s test limit) instead of `too-large`.
    const execute = sandbox.execute.bind(sandbox);
    sandbox.execute = async (request) => {
      try {
        return await execute(request);
      } finally {
        this.live.get(String((request as { _meta?: { proxy?: { token?: unknown } } })._meta?.proxy?.token))?.returned();
      }
    };
    const child = (sandbox as unknown as { process: import('node:child_process').ChildProcess }).process;
    child.once('exit', (code, signal) => {
      if (this.stopped || this.sandboxes.get(handler) !== sandbox) return;
      // The next invocation starts a fresh process, as Forge starts a fresh container: no restart
      // loop when the bundle cannot even load.
      this.options.log(`[forge-local] the sandbox process of ${handler} exited (${signal ?? `code ${code}`})`);
      this.sandboxes.delete(handler);
      this.tunnel.SandboxesContainer.updateSandboxes(Object.fromEntries(this.sandboxes));
      for (const [, inv] of this.live) if (inv.handler === handler) inv.reject(new Error('crashed'));
    });
    this.sandboxes.set(handler, sandbox);
    this.tunnel.SandboxesContainer.updateSandboxes(Object.fromEntries(this.sandboxes));
  }

  async invoke(request: InvocationRequest): Promise<InvocationOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const handler = this.options.functions[request.functionKey];
    if (!handler) return { ok: false, reason: 'unavailable', message: `manifest.yml has no function ${request.functionKey}`, ms: ms() };
    const invocationId = randomUUID();
    const token = randomBytes(24).toString('hex');
    const event = {
      handler,
      body: request.body,
      _meta: this.meta(request, invocationId, token),
      variables: Object.entries(this.options.variables).map(([key, value]) => ({ key, value, secure: false })),
    };
    this.sandboxFor(handler);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), this.timeoutMs);
      this.live.set(token, { invocationId, accountId: request.accountId, handler, reject, returned: () => clearTimeout(timer) });
    });
    try {
      const response = await Promise.race([
        fetch(`http://127.0.0.1:${this.devServerPort}/${encodeURIComponent(request.functionKey)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
          signal: controller.signal,
        }),
        failure,
      ]);
      const text = await Promise.race([response.text(), failure]);
      if (!response.ok) return { ok: false, reason: 'threw', message: describeLambdaError(text), ms: ms() };
      const result = JSON.parse(text) as { body?: unknown };
      const answered = Buffer.byteLength(JSON.stringify(result.body ?? null), 'utf8');
      if (answered > RESPONSE_LIMIT_BYTES) {
        return { ok: false, reason: 'too-large', message: `the function's answer (${answered} bytes of JSON) is over Forge's limit of ${RESPONSE_LIMIT_BYTES} bytes`, ms: ms() };
      }
      return { ok: true, body: result.body ?? null, ms: ms() };
    } catch (e) {
      const reason = e instanceof Error && (e.message === 'timeout' || e.message === 'crashed') ? e.message : 'unavailable';
      const message =
        reason === 'timeout' ? `the function did not return within Forge's ${this.timeoutMs / 1000} s limit`
        : reason === 'crashed' ? "the function's process died during the invocation"
        : `the local function server did not answer (${e instanceof Error ? e.message : String(e)})`;
      return { ok: false, reason, message, ms: ms() };
    } finally {
      clearTimeout(timer);
      controller.abort();
      this.live.delete(token);
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const { StaticInvocationEventEmitter, EVENT_P3_LOG } = await import('@forge/runtime');
    StaticInvocationEventEmitter.off(EVENT_P3_LOG, this.onLog);
    this.tunnel?.SandboxesContainer.stopSandboxes();
    this.sandboxes.clear();
    // Invocations still waiting on a sandbox never answer: drop their connections instead of waiting.
    (this.devServer as unknown as { httpServer?: Server } | undefined)?.httpServer?.closeAllConnections();
    await this.devServer?.stop();
    await new Promise<void>((done) => {
      if (!this.platform) return done();
      this.platform.close(() => done());
      this.platform.closeAllConnections();
    });
  }

  /** The invocation metadata Forge sends with an event (see @forge/runtime's ExternalRequestBody). */
  private meta(request: InvocationRequest, invocationId: string, token: string) {
    const o = this.options;
    return {
      aaid: request.accountId,
      contextAri: `ari:cloud:jira::site/${o.cloudId}`,
      clientId: 'forge-local',
      apiAuth: { env: 'local', objects: '' },
      realtime: o.realtime && isRecord(request.body.context) ? { contextToken: o.realtime.contextToken(request.body.context) } : {},
      tracing: { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') },
      appContext: {
        appId: o.appId,
        appVersion: 'local',
        environmentId: o.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId,
        installationId: `local-installation-${o.cloudId}`,
        functionKey: request.functionKey,
        moduleType: request.moduleType,
        moduleKey: request.moduleKey,
        permissions: { scopes: o.scopes, external: { fetch: { backend: o.egress } } },
      },
      proxy: { token, url: this.platformUrl },
      timeout: this.timeoutMs / 1000,
    };
  }

  private async platformCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const invocation = this.live.get(token);
    if (!invocation) return json(res, 401, { code: 'UNAUTHENTICATED', message: 'No live invocation holds this proxy token' });
    let target: Record<string, unknown>;
    try {
      target = JSON.parse(String(req.headers['x-forge-target'] ?? '{}')) as Record<string, unknown>;
    } catch {
      return json(res, 400, { code: 'BAD_TARGET', message: 'x-forge-target is not JSON' });
    }
    const body = await readBody(req);
    const path = req.url ?? '/';
    if (target.type === 'kvs') {
      const startMs = performance.now();
      // Each storage call is a network round trip in Forge: the emulation waits its configured latency.
      const result = await this.options.kvs.handleAfterLatency(path, body ? JSON.parse(body) : undefined);
      this.options.onPlatformCall?.({ invocationId: invocation.invocationId, type: 'kvs', path, startMs, endMs: performance.now() });
      return json(res, result.status, result.body);
    }
    if (target.type === 'realtime' && this.options.realtime) {
      const startMs = performance.now();
      const contextToken = typeof req.headers['x-forge-context-token'] === 'string' ? req.headers['x-forge-context-token'] : undefined;
      const result = await this.options.realtime.answer(`local-installation-${this.options.cloudId}`, contextToken, body);
      this.options.onPlatformCall?.({ invocationId: invocation.invocationId, type: 'realtime', path, startMs, endMs: performance.now() });
      return json(res, result.status, result.body);
    }
    if (target.type === 'fpp' && this.options.product) {
      const result = await this.options.product({ accountId: invocation.accountId, target, method: req.method ?? 'GET', path, body });
      return json(res, result.status, result.body);
    }
    return json(res, 404, { code: 'NOT_EMULATED', message: `The local Forge platform does not emulate ${String(target.type)} calls` });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeLambdaError(text: string): string {
  try {
    const e = JSON.parse(text) as { errorType?: string; errorMessage?: string };
    return `the function threw ${e.errorType ?? 'an error'}: ${e.errorMessage ?? ''}`.trim();
  } catch {
    return 'the function failed';
  }
}

async function listen(server: Server): Promise<void> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PLATFORM_BODY) throw new Error('platform call body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(status === 204 ? undefined : text);
}

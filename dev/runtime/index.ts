/**
 * The local Forge runtime: starts (or adopts) the TestKase simulator, the KVS emulation (persisted,
 * secrets encrypted at rest) and the bundled backend in Forge's sandbox (what `npm run bundle` built,
 * run by @forge/tunnel's plumbing: dev/forge/functions.ts), and serves the local Jira host on 127.0.0.1.
 *
 * One runtime per process: @forge/tunnel keeps its sandboxes in a process-wide container.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { KvsEmulator } from '../kvs';
import { BUNDLE_DIR, NATIVE_UI_DIR, bundleExists } from '../forge/paths';
import { FunctionHost, type InvocationOutcome, type InvocationRequest, type PlatformCall, type ProductApi } from '../forge/functions';
import { startSimulator, type Simulator } from '../testkase-sim';
import { CLOUD_ID, ENV_ID, REPO_ROOT, adminPagePath, globalPagePath, readManifest, type AppManifest } from './fixtures';
import { createJiraApi } from './jira-api';
import { LocalIssues } from './jira-issues';
import { LocalUsers } from './local-users';
import { createHost, type HostEvents, type Invoker } from './server';
import { answerResolverRealtime, RealtimeHub } from './realtime';

export type { Invoker } from './server';

export interface RuntimeOptions {
  /** Host port; 0 picks a free one. Default 4000. */
  port?: number;
  /** Simulator port when the runtime starts it; 0 picks a free one. Default 4010. */
  simPort?: number;
  /** Use this running simulator instead of starting one (it is not stopped by stop()). */
  sim?: Simulator;
  /** Data folder: `<dataDir>/kvs.json` (+ `.key`) and `<dataDir>/sim`. null keeps everything in memory. Default `.data`. */
  dataDir?: string | null;
  /** No request logging. */
  quiet?: boolean;
  /** Where log lines go (already redacted). Default: stdout unless quiet. */
  log?: (line: string) => void;
  /** Folder of the built Custom UI resource. Default: manifest `resources[main].path`. */
  resourceDir?: string;
  /** The bundled backend (`npm run bundle`). Default: .forge/bundle. */
  bundleDir?: string;
  /** The built UI Kit resources (`npm run build:native`), one folder per key. Default: .forge/native-ui. */
  nativeUiDir?: string;
  /** `npm run dev`: serve the resource from this dev server (origin) instead of `resourceDir`. */
  devServer?: string;
  /** Another Forge app's folder (its manifest.yml); give its `bundleDir` and `resourceDir` too. Default: this repository. */
  appDir?: string;
  /** Simulated network time of each storage call (Forge's KVS is remote); default 0. */
  kvsLatencyMs?: number;
  /** Sees every platform call of the function (storage round trips). */
  onPlatformCall?: (call: PlatformCall) => void;
  /** Forge's bridge limit on invokes per frame (default 500 per 25 s); tests lower it. */
  invokeLimit?: { calls: number; windowMs: number };
  /** Wraps how invocations are run (the benchmark answers a bare `__floor` call this way); default: none. */
  wrapInvoke?: (invoke: Invoker) => Invoker;
  /**
   * Issue pages without the issue context module (UI Kit), so that what the panel asks of the backend
   * is measured alone, on the same page as the bench's frame floor; default: as in the manifest.
   */
  withoutIssueContext?: boolean;
  /**
   * Add release 3.8's tests and results to the simulator (dev/testkase-sim/coverage-seed.ts), for the
   * coverage page and gadget; `npm start` does. Default off, so other suites see the plain seed.
   */
  coverageDemo?: boolean;
  /** Simulated network time of each Jira REST call (Jira Cloud answers in tens to hundreds of ms); default 0. */
  jiraLatencyMs?: number;
  /** Each Realtime operation's round trip (subscribe, publish, token signing); default: the storage latency. */
  realtimeLatencyMs?: number;
  /** Realtime's operations per second per installation; default Forge's 50 (tests lower it). */
  realtimeOpsPerSecond?: number;
}

export interface Runtime {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  sim: Simulator;
  kvs: KvsEmulator;
  /** The bundled backend's sandboxes. */
  functions: FunctionHost;
  /** The local site's issues (the fixtures and those created in its Create Issue dialog). */
  issues: LocalIssues;
  /** The local site's accounts (the fixtures' four, and any a QA seeding added: seed-connections.ts). */
  users: LocalUsers;
  manifest: AppManifest;
  appId: string;
  envId: string;
  /** Absolute URL of the global page (Apps → TestKase). */
  globalPageUrl: string;
  /** Absolute URL of the admin page (Jira settings → Apps → TestKase connections; Jira admins only). */
  adminPageUrl: string;
  /** What the host observed: CSP violations, unsupported bridge commands, invokes. */
  events: HostEvents;
  /** Forge Realtime across the host's windows (dev/runtime/realtime.ts). */
  realtime: RealtimeHub;
  stop(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const quiet = options.quiet ?? false;
  const log = options.log ?? ((line: string) => (quiet ? undefined : void process.stdout.write(`${line}\n`)));
  const dataDir = options.dataDir === undefined ? join(REPO_ROOT, '.data') : options.dataDir === null ? null : resolve(options.dataDir);
  const appDir = options.appDir ? resolve(options.appDir) : REPO_ROOT;
  const manifest = readManifest(join(appDir, 'manifest.yml'));
  // Holds each user's saved configuration (secrets encrypted, key beside them): owner-only.
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700); // mkdir's mode does not apply to a folder that already exists
  }

  const ownSim = !options.sim;
  const sim =
    options.sim ??
    (await startSimulator({ port: options.simPort ?? 4010, dataDir: dataDir === null ? null : join(dataDir, 'sim'), quiet }));

  if (options.coverageDemo) sim.admin.seedCoverageDemo();
  const bundleDir = resolve(options.bundleDir ?? BUNDLE_DIR);
  // One set of issues for the site's pages, dialogs and REST API: the Create Issue dialog adds to it, searches read it.
  const issues = new LocalIssues();
  // Its accounts likewise; seeded ones are kept beside the storage that holds their connections.
  const users = new LocalUsers(dataDir === null ? null : join(dataDir, 'jira-users.json'));
  let functions: FunctionHost | undefined;
  let siteOrigin = '';
  try {
    if (!bundleExists(bundleDir)) throw new Error(`The backend is not bundled yet (${bundleDir}): run "npm run bundle".`);
    const realtime = new RealtimeHub({ latencyMs: options.realtimeLatencyMs ?? options.kvsLatencyMs ?? 0, ...(options.realtimeOpsPerSecond ? { opsPerSecond: options.realtimeOpsPerSecond } : {}) });
    const kvs = new KvsEmulator({ ...(dataDir === null ? {} : { file: join(dataDir, 'kvs.json') }), latencyMs: options.kvsLatencyMs ?? 0 });
    const fnHost = new FunctionHost({
      bundleDir,
      functions: manifest.functions,
      kvs,
      // `forge variables set TESTKASE_BASE_URL …`, pointed at the simulator.
      variables: { TESTKASE_BASE_URL: sim.apiBaseUrl },
      // The manifest's egress, plus the simulator standing in for api.testkase.com.
      egress: [...manifest.egress, new URL(sim.apiBaseUrl).origin],
      scopes: manifest.scopes,
      appId: manifest.appId,
      environmentId: ENV_ID,
      cloudId: CLOUD_ID,
      // The Jira REST calls the function makes as the user, answered by the local site.
      product: withLatency(createJiraApi({ scopes: manifest.scopes, siteOrigin: () => siteOrigin, log, issues, users: () => users.all(), userOf: (id) => users.byAccountId(id) }), options.jiraLatencyMs ?? 0),
      log,
      ...(options.onPlatformCall ? { onPlatformCall: options.onPlatformCall } : {}),
      realtime: { contextToken: (context) => realtime.contextToken(context), answer: (installationId, contextToken, body) => answerResolverRealtime(realtime, installationId, contextToken, body) },
    });
    functions = fnHost;
    await fnHost.start();
    const direct: Invoker = (request: InvocationRequest): Promise<InvocationOutcome> => fnHost.invoke(request);
    const invoke = options.wrapInvoke ? options.wrapInvoke(direct) : direct;

    const resourceDir = resolve(options.resourceDir ?? join(appDir, manifest.resourcePath));
    const iconFile = [join(resourceDir, 'icon.svg'), join(REPO_ROOT, 'static/public/icon.svg')].find((f) => existsSync(f)) ?? '';
    const nativeUiDir = resolve(options.nativeUiDir ?? NATIVE_UI_DIR);
    const host = createHost({ issues, users, realtime, manifest, resourceDir, nativeUiDir, iconFile, invoke, simulatorUrl: sim.url, log, ...(options.devServer ? { devServer: options.devServer } : {}), ...(options.invokeLimit ? { invokeLimit: options.invokeLimit } : {}), ...(options.withoutIssueContext ? { withoutIssueContext: true } : {}) });

    await new Promise<void>((done, fail) => {
      host.server.once('error', fail);
      host.server.listen(options.port ?? 4000, '127.0.0.1', () => {
        host.server.off('error', fail);
        done();
      });
    });
    const port = (host.server.address() as AddressInfo).port;
    host.origin = `http://127.0.0.1:${port}`;
    siteOrigin = host.origin;
    host.frameOrigin = `http://localhost:${port}`;

    let stopped = false;
    return {
      url: host.origin,
      port,
      sim,
      kvs,
      functions: fnHost,
      manifest,
      appId: manifest.appId,
      envId: ENV_ID,
      globalPageUrl: `${host.origin}${globalPagePath(manifest)}`,
      adminPageUrl: `${host.origin}${adminPagePath(manifest)}`,
      events: host.events,
      issues,
      users,
      realtime,
      async stop() {
        if (stopped) return;
        stopped = true;
        await new Promise<void>((done) => {
          host.server.close(() => done());
          host.server.closeAllConnections();
        });
        await fnHost.stop();
        if (ownSim) await sim.stop();
      },
    };
  } catch (e) {
    await functions?.stop();
    if (ownSim) await sim.stop();
    throw e;
  }
}

/** The local site's API answering `ms` later, as a remote Jira would (the bench's Jira latency). */
function withLatency(api: ProductApi, ms: number): ProductApi {
  if (ms <= 0) return api;
  return async (request) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return api(request);
  };
}

/**
 * The local Forge runtime: starts (or adopts) the TestKase simulator, points the backend at it,
 * installs the KVS emulation (persisted, secrets encrypted at rest), imports the unmodified resolver
 * handler from src/ and serves the local Jira host on 127.0.0.1.
 *
 * One runtime per process: the backend reads `TESTKASE_BASE_URL` and `global.__forge_fetch__`,
 * which are process-wide.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { installForgeFetch, KvsEmulator } from '../kvs';
import { startSimulator, type Simulator } from '../testkase-sim';
import { ENV_ID, REPO_ROOT, globalPagePath, readManifest, type AppManifest } from './fixtures';
import { createHost, type HostEvents, type ResolverHandler } from './server';

export { USERS, ISSUES, ENV_ID, CLOUD_ID, MODULE_KEYS, readManifest } from './fixtures';
export type { CspViolation, HostEvents, ResolverHandler } from './server';

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
  /** Wraps the resolver handler (the benchmark adds a bare `__floor` function this way); default: none. */
  wrapHandler?: (handler: ResolverHandler) => ResolverHandler;
}

export interface Runtime {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  sim: Simulator;
  kvs: KvsEmulator;
  manifest: AppManifest;
  appId: string;
  envId: string;
  /** Absolute URL of the global page (Apps → TestKase). */
  globalPageUrl: string;
  /** What the host observed: CSP violations, unsupported bridge commands, invokes. */
  events: HostEvents;
  stop(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const quiet = options.quiet ?? false;
  const log = options.log ?? ((line: string) => (quiet ? undefined : void process.stdout.write(`${line}\n`)));
  const dataDir = options.dataDir === undefined ? join(REPO_ROOT, '.data') : options.dataDir === null ? null : resolve(options.dataDir);
  const manifest = readManifest();
  // Holds each user's saved configuration (secrets encrypted, key beside them): owner-only.
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const ownSim = !options.sim;
  const sim =
    options.sim ??
    (await startSimulator({ port: options.simPort ?? 4010, dataDir: dataDir === null ? null : join(dataDir, 'sim'), quiet }));

  let restore: (() => void) | undefined;
  try {
    // Before the backend is imported: @forge/api captures fetch at import, the client reads the URL per call.
    process.env.TESTKASE_BASE_URL = sim.apiBaseUrl;
    const kvs = new KvsEmulator(dataDir === null ? {} : { file: join(dataDir, 'kvs.json') });
    restore = installForgeFetch(kvs);
    const imported = (await import('../../src/index')) as unknown as { handler: ResolverHandler };
    const handler = options.wrapHandler ? options.wrapHandler(imported.handler) : imported.handler;

    const resourceDir = resolve(options.resourceDir ?? join(REPO_ROOT, manifest.resourcePath));
    const iconFile = [join(resourceDir, 'icon.svg'), join(REPO_ROOT, 'static/public/icon.svg')].find((f) => existsSync(f)) ?? '';
    const host = createHost({ manifest, resourceDir, iconFile, handler, simulatorUrl: sim.url, log });

    await new Promise<void>((done, fail) => {
      host.server.once('error', fail);
      host.server.listen(options.port ?? 4000, '127.0.0.1', () => {
        host.server.off('error', fail);
        done();
      });
    });
    const port = (host.server.address() as AddressInfo).port;
    host.origin = `http://127.0.0.1:${port}`;
    host.frameOrigin = `http://localhost:${port}`;

    let stopped = false;
    return {
      url: host.origin,
      port,
      sim,
      kvs,
      manifest,
      appId: manifest.appId,
      envId: ENV_ID,
      globalPageUrl: `${host.origin}${globalPagePath(manifest)}`,
      events: host.events,
      async stop() {
        if (stopped) return;
        stopped = true;
        await new Promise<void>((done) => {
          host.server.close(() => done());
          host.server.closeAllConnections();
        });
        restore?.();
        if (ownSim) await sim.stop();
      },
    };
  } catch (e) {
    restore?.();
    if (ownSim) await sim.stop();
    throw e;
  }
}

/**
 * The simulator's HTTP server (Hono on Node): TestKase's API under /api/v1, the admin API under
 * /_sim/admin and the API Keys page at /. Listens on 127.0.0.1 only, answers only loopback `Host`
 * names, and turns every failure into a JSON error: nothing a client sends can crash it.
 */
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { endpoints } from '../../src/testkase/contract';
import { createHonoServer, loopbackOnly, standardRequest } from '../hono-node';
import { registerAdmin, SimAdmin } from './admin';
import type { ProjectListPath, RouteSettings } from './api-handlers';
import { API_PREFIX, registerApi } from './api-routes';
import { Faults, RateLimiter, type RateLimit } from './faults';
import { jsonError, type SimEnv } from './http-util';
import { SimError, Store } from './store';
import { registerWebPage } from './web-page';



export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Folder for persistent state; null keeps everything in memory. */
  dataDir?: string | null;
  /** Reseed even when the data folder holds state. */
  reset?: boolean;
  /** No request logging to stdout. */
  quiet?: boolean;
  rateLimit?: RateLimit;
  /** Which documented path of the project list to serve (the other answers 404); default as seed 001 documents it. */
  projectListPath?: ProjectListPath;
}

export interface Simulator {
  url: string;
  apiBaseUrl: string;
  port: number;
  admin: SimAdmin;
  /** Turns the request log on stdout off or back on (`quiet` at start), e.g. while a bulk load makes thousands of requests. */
  setQuiet(quiet: boolean): void;
  stop(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let offset = 0;
  const clock = { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
  const store = new Store({ dataDir: options.dataDir ?? null, reset: options.reset ?? false, now: clock.now });
  const faults = new Faults();
  const limiter = new RateLimiter(options.rateLimit ?? { limit: 600, windowSeconds: 60 }, clock.now);
  const settings: RouteSettings = { projectListPath: options.projectListPath ?? endpoints.userProjects.path };
  const admin = new SimAdmin(store, faults, limiter, clock, settings);
  let port = 0;
  let quiet = options.quiet ?? false;
  const say = (line: string) => {
    if (!quiet) process.stdout.write(`[testkase-sim] ${line}\n`);
  };

  const app = new Hono<SimEnv>();
  app.use(loopbackOnly(() => port, () => jsonError(421, 'MISDIRECTED', 'This simulator answers only requests addressed to 127.0.0.1 or localhost.')));
  app.use(standardRequest);
  registerApi(app, { store, faults, limiter, admin, settings, now: clock.now, say });
  registerAdmin(app, admin);
  registerWebPage(app);
  app.onError((e, c) => {
    if (e instanceof SimError) return jsonError(e.status, e.code, e.message);
    say(`internal error on ${c.req.method} ${c.req.path}: ${e.message}`);
    return jsonError(500, 'INTERNAL', 'The simulator hit an internal error.');
  });

  // No request timeout: hung-request faults must be able to hang.
  const server = createHonoServer(app, { requestTimeout: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    port,
    admin,
    setQuiet: (q) => void (quiet = q),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hung requests included
      }),
  };
}

/** A fresh in-memory simulator per test file, and a tiny authenticated HTTP client for it. */
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../../dev/testkase-sim';

export async function freshSim(): Promise<Simulator> {
  return startSimulator({ port: 0, dataDir: null, quiet: true });
}

/**
 * The test file's simulator: a fresh one started before its tests and stopped after them, with a token
 * of alice's named `aliceToken` when one is asked for. Accessors, to use inside hooks and tests.
 */
export function simForFile(options: { aliceToken?: string } = {}): { sim: () => Simulator; aliceToken: () => string } {
  let sim: Simulator | undefined;
  let token: string | undefined;
  beforeAll(async () => {
    sim = await freshSim();
    if (options.aliceToken) token = sim.admin.createToken({ user: 'alice', name: options.aliceToken, days: 30 }).token;
  });
  afterAll(() => sim?.stop());
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not there (inside hooks and tests only; a token only when asked for)`);
    return value;
  };
  return { sim: () => started(sim, 'the simulator'), aliceToken: () => started(token, 'alice’s token') };
}

export interface Answer {
  status: number;
  headers: Headers;
  json: any;  
}

export async function http(sim: Simulator, method: string, path: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.apiBaseUrl}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}

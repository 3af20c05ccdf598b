/** A fresh in-memory simulator per test file, and a tiny authenticated HTTP client for it. */
import { startSimulator, type Simulator } from '../../../dev/testkase-sim';

export async function freshSim(): Promise<Simulator> {
  return startSimulator({ port: 0, dataDir: null, quiet: true });
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

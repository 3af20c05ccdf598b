/**
 * The simulator on a worker thread, for the in-process backend measurements. On the caller's thread its
 * HTTP parsing, routing and JSON work would run on the same event loop as the handler being timed and be
 * counted as the handler's overhead; on its own thread it costs what a remote TestKase costs the handler:
 * the wait. Reached over its HTTP admin API, as the CLI does.
 */
import { Worker } from 'node:worker_threads';
import type { CreatedToken, FaultRuleInput, RequestLogEntry, SimulatorOptions } from '../dev/testkase-sim';

export interface SimThread {
  apiBaseUrl: string;
  admin: {
    createToken(input: { user: string; name: string; days: number }): Promise<CreatedToken>;
    addFault(rule: FaultRuleInput): Promise<void>;
    requests(): Promise<RequestLogEntry[]>;
    clearRequests(): Promise<void>;
  };
  stop(): Promise<void>;
}

export async function startSimThread(options: Pick<SimulatorOptions, 'rateLimit'> = {}): Promise<SimThread> {
  // The worker registers tsx before loading TypeScript (Node 20 does not pass the parent's loader to workers).
  const entry = new URL('./sim-thread-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  const { url, apiBaseUrl } = await new Promise<{ url: string; apiBaseUrl: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/_sim/admin${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`simulator admin ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { data: T }).data;
  };
  return {
    apiBaseUrl,
    admin: {
      createToken: (input) => admin<CreatedToken>('POST', '/tokens', input),
      addFault: async (rule) => void (await admin('POST', '/faults', rule)),
      requests: () => admin<RequestLogEntry[]>('GET', '/requests'),
      clearRequests: async () => void (await admin('DELETE', '/requests')),
    },
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}

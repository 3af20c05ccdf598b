/**
 * A function's cold start, measured: a fresh sandbox process (as Forge starts a new container) that
 * loads the bundle and answers its first invoke, against the same invoke once warm; and where the
 * time goes — starting Node, loading the bundle, the first call's own work.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_DIR } from '../dev/forge/paths';
import { startRuntime } from '../dev/runtime';
import { median, round } from './stats';

export interface ColdStart {
  /** The bundle's own code (index.cjs) and everything shipped with it (wrapper, source map…). */
  bundleKB: number;
  bundleFolderKB: number;
  /** A fresh sandbox process's first getState, end to end through the host. */
  firstInvokeMs: number;
  /** The same invoke once the process is warm. */
  warmInvokeMs: number;
  /** Where the cold start goes. */
  spentMs: { nodeBoot: number; bundleLoad: number; firstCallRest: number };
}

const fileKB = (file: string) => statSync(file).size / 1024;

/** Node's own start: a process that does nothing. */
function nodeBootMs(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', ''], { env: {} });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Loading the bundle in a fresh Node (requiring index.cjs, as the wrapper does on the first call). */
function bundleLoadMs(runs: number): number {
  const times: number[] = [];
  const script = `const t=performance.now();require(${JSON.stringify(join(BUNDLE_DIR, 'index.cjs'))});process.stdout.write(String(performance.now()-t))`;
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, ['-e', script], { env: {}, encoding: 'utf8' });
    times.push(Number(out.stdout));
  }
  return median(times);
}

export async function measureColdStart(runs: number): Promise<ColdStart> {
  const rt = await startRuntime({ port: 0, simPort: 0, dataDir: null, quiet: true });
  try {
    const invoke = () =>
      rt.functions.invoke({
        accountId: 'bench-cold',
        functionKey: 'resolver',
        moduleKey: 'testkase-global-page',
        moduleType: 'jira:globalPage',
        body: { call: { functionKey: 'getState', payload: {} }, context: { cloudId: 'c', localId: 'l', moduleKey: 'testkase-global-page', extension: { type: 'jira:globalPage' } } },
      });
    const first: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      rt.functions.reload(); // a new sandbox process on the next invoke, as a new Forge container
      const t0 = performance.now();
      const r = await invoke();
      first.push(performance.now() - t0);
      if (!r.ok) throw new Error(`cold getState failed: ${r.message}`);
      const t1 = performance.now();
      await invoke();
      warm.push(performance.now() - t1);
    }
    const boot = nodeBootMs(runs);
    const load = bundleLoadMs(runs);
    const firstMs = median(first);
    const warmMs = median(warm);
    return {
      bundleKB: round(fileKB(join(BUNDLE_DIR, 'index.cjs'))),
      bundleFolderKB: round(readdirSync(BUNDLE_DIR).reduce((n, f) => n + fileKB(join(BUNDLE_DIR, f)), 0)),
      firstInvokeMs: round(firstMs),
      warmInvokeMs: round(warmMs),
      spentMs: { nodeBoot: round(boot), bundleLoad: round(load), firstCallRest: round(Math.max(0, firstMs - boot - load)) },
    };
  } finally {
    await rt.stop();
  }
}

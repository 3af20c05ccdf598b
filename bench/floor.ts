/**
 * The frame floor: bench/floor-app, the least a Custom UI issue panel can do (its frame, the bridge,
 * one invoke reading one secret and making one TestKase request, the answer in the DOM), built and
 * bundled as the app is (Vite; @forge/bundler) and run by the same local runtime with the same
 * injected latencies. Measured from the frame's navigation start to the answer in its DOM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { bundleBackend } from '../dev/forge/bundle';
import { startRuntime } from '../dev/runtime';
import { launchChromium } from '../dev/chromium';
import { frameOf, probeVisible, type Latencies } from './browser';
import { median, p95, round } from './stats';

const FLOOR_APP = join(import.meta.dirname, 'floor-app');
const ANSWER = '#out[data-ready="true"]';

export interface FloorResult {
  /** Navigation start of the frame → the answer in its DOM. */
  floorMs: { p50: number; p95: number };
  /** One invoke of the floor function from an already loaded frame (the bridge, the sandbox, one secret, one request). */
  invokeFloorMs: { p50: number; p95: number };
  /** Gzip size of the floor's JS (the bridge and a few lines). */
  jsKb: number;
}

export async function measureFloor(options: Latencies & { runs: number }): Promise<FloorResult> {
  const work = mkdtempSync(join(tmpdir(), 'tk-floor-'));
  try {
    const resourceDir = join(work, 'static');
    const bundleDir = join(work, 'bundle');
    const built = await build({ root: join(FLOOR_APP, 'static'), base: './', configFile: false, logLevel: 'silent', build: { outDir: resourceDir, emptyOutDir: true } });
    const outputs = (Array.isArray(built) ? built : [built]).flatMap((r) => ('output' in r ? r.output : []));
    const jsBytes = outputs.reduce((n, o) => n + (o.type === 'chunk' ? gzipSize(o.code) : 0), 0);
    await bundleBackend({ appDir: FLOOR_APP, outDir: bundleDir });

    const rt = await startRuntime({ appDir: FLOOR_APP, bundleDir, resourceDir, port: 0, simPort: 0, dataDir: join(work, 'data'), quiet: true, kvsLatencyMs: options.kvsLatencyMs });
    const browser = await launchChromium();
    try {
      rt.sim.admin.setRateLimit({ limit: 0, windowSeconds: 60 });
      const token = rt.sim.admin.createToken({ user: 'alice', name: 'bench floor', days: 30 }).token;
      rt.kvs.handle('/api/v1/secret/set', { key: 'floor-token', value: token });
      rt.sim.admin.addFault({ latencyMs: options.latencyMs });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(probeVisible(ANSWER));
      const page = await context.newPage();
      const load = async () => {
        await page.goto(`${rt.url}/browse/DEMO-1?user=alice`);
        const frame = await frameOf(page);
        await frame.waitForSelector(ANSWER, { timeout: 30_000 });
        return frame.evaluate(() => (globalThis as unknown as { __tkVisibleAt: number }).__tkVisibleAt);
      };
      await load(); // browser cache, JIT and sandbox warm-up, not counted
      const loads: number[] = [];
      for (let i = 0; i < options.runs; i++) loads.push(await load());
      const frame = await frameOf(page);
      const invokes: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        invokes.push(
          await frame.evaluate(async () => {
            const t0 = performance.now();
            await (globalThis as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey: 'floor', payload: {} });
            return performance.now() - t0;
          }),
        );
      }
      return {
        floorMs: { p50: round(median(loads)), p95: round(p95(loads)) },
        invokeFloorMs: { p50: round(median(invokes)), p95: round(p95(invokes)) },
        jsKb: round(jsBytes / 1024),
      };
    } finally {
      await browser.close();
      await rt.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function gzipSize(code: string): number {
  return gzipSync(Buffer.from(code)).length;
}

/**
 * `npm start`: build the UI (the Custom UI and the UI Kit resources) and bundle the backend when their
 * sources changed, start the TestKase simulator and the local Jira host, print their URLs. `npm run dev` (`--dev`): the same with the UI
 * from the Vite dev server and the backend re-bundled on change (a local `forge tunnel`).
 * Ctrl-C (SIGINT) or SIGTERM stops everything.
 *
 *   PORT (default 4000)            the local Jira host
 *   SIM_PORT (default 4010)        the TestKase simulator
 *   TESTKASE_DATA_DIR (.data)      saved configuration (kvs.json, encrypted secrets) and simulator state (sim/)
 *   TESTKASE_QUIET=1               no request log
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLE_DIR, NATIVE_UI_DIR } from '../forge/paths';
import { REPO_ROOT, readManifest } from './fixtures';
import { startRuntime, type Runtime } from './index';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}"`);
    process.exit(2);
  }
  return n;
}

/** Newest modification time under these files and folders (node_modules and builds excluded). */
function newest(paths: string[]): number {
  let latest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
    else for (const entry of readdirSync(p, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && !entry.parentPath.includes('node_modules') && !entry.parentPath.includes(`${join('static', 'dist')}`)) {
        latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
    }
  }
  return latest;
}

/** Runs `npm run <script>` when `output` is missing or older than its inputs. */
function refresh(script: string, output: string, inputs: string[]): void {
  if (existsSync(output) && statSync(output).mtimeMs >= newest(inputs)) return;
  console.log(`${output.replace(REPO_ROOT, '')} is missing or older than its sources: running npm run ${script}…`);
  const run = spawnSync('npm', ['run', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`npm run ${script} failed: fix it and run again.`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const hostPort = port('PORT', 4000);
  const simPort = port('SIM_PORT', 4010);
  const dataDir = resolve(process.env.TESTKASE_DATA_DIR || join(REPO_ROOT, '.data'));
  const quiet = process.env.TESTKASE_QUIET === '1';
  const at = (p: string) => join(REPO_ROOT, p);

  // What ships: the backend bundle (always), the built UI (not in dev mode, which serves the sources).
  refresh('bundle', join(BUNDLE_DIR, 'index.cjs'), [at('src'), at('manifest.yml'), at('package-lock.json'), at('tsconfig.json'), at('dev/forge/runtime')]);
  if (!dev) refresh('build', at(join(readManifest().resourcePath, 'index.html')), [at('static'), at('src/shared'), at('src/testkase/limits.ts'), at('package-lock.json')]);
  // The UI Kit resources, as @forge/bundler builds them (they import the shared types and the panel's date format).
  for (const key of new Set(Object.values(readManifest().nativeResources))) {
    refresh('build:native', join(NATIVE_UI_DIR, key, 'index.html'), [at('uikit/src'), at('package-lock.json'), at('uikit/tsconfig.json'), at('src/shared'), at('static/src/format.ts'), at('manifest.yml')]);
  }

  let runtime: Runtime;
  let stopAll: () => Promise<void>;
  if (dev) {
    const { startDev } = await import('./dev');
    const d = await startDev({ port: hostPort, simPort, dataDir, quiet, coverageDemo: true });
    runtime = d.runtime;
    stopAll = () => d.stop();
    console.log(`UI dev server:       ${d.uiUrl}  (hot reload; the backend re-bundles on change)`);
  } else {
    runtime = await startRuntime({ port: hostPort, simPort, dataDir, quiet, coverageDemo: true });
    stopAll = () => runtime.stop();
  }
  console.log(`TestKase simulator:  ${runtime.sim.url}  (API Keys page: ${runtime.sim.url}/, API: ${runtime.sim.apiBaseUrl})`);
  console.log(`Local Jira host:     ${runtime.url}  (DEMO-1: ${runtime.url}/browse/DEMO-1, Apps → TestKase: ${runtime.globalPageUrl})`);
  console.log(`Jira admin page:     ${runtime.adminPageUrl}?user=diana  (Jira settings → Apps → TestKase connections; Jira admins only)`);
  console.log(`Test coverage:       ${runtime.url}/jira/software/projects/DEMO/apps/${runtime.appId}/${runtime.envId}  (project page), ${runtime.url}/jira/dashboards/10000  (dashboard gadget)`);
  console.log(`Data folder:         ${dataDir}`);
  console.log(`TestKase for Jira is ready at ${runtime.url}  (Ctrl-C to stop)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    const force = setTimeout(() => {
      console.error('Did not stop within 5 s; exiting.');
      process.exit(1);
    }, 5_000);
    force.unref();
    stopAll().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (e: unknown) => {
        console.error('Stopping failed:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EADDRINUSE') {
    console.error(`A port is already in use (${err.message}). Set PORT / SIM_PORT to free ports, or stop the other process.`);
  } else {
    console.error('The local runtime failed to start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});

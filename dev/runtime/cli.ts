/**
 * `npm start`: build the UI (the Custom UI and the UI Kit resources) and bundle the backend when what
 * they read changed, start the TestKase simulator and the local Jira host, print their URLs. `npm run dev` (`--dev`): the same with the UI
 * from the Vite dev server and the backend re-bundled on change (a local `forge tunnel`).
 * Ctrl-C (SIGINT) or SIGTERM stops everything.
 *
 *   PORT (default 4000)            the local Jira host
 *   SIM_PORT (default 4010)        the TestKase simulator
 *   TESTKASE_DATA_DIR (.data)      saved configuration (kvs.json, encrypted secrets) and simulator state (sim/)
 *   TESTKASE_QUIET=1               no request log
 */
import { join, resolve } from 'node:path';
import { bringUpToDate } from '../ci/steps';
import { REPO_ROOT } from './fixtures';
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

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const hostPort = port('PORT', 4000);
  const simPort = port('SIM_PORT', 4010);
  const dataDir = resolve(process.env.TESTKASE_DATA_DIR || join(REPO_ROOT, '.data'));
  const quiet = process.env.TESTKASE_QUIET === '1';

  // What ships: the backend bundle and the UI Kit resources (always), the built Custom UI (not in dev
  // mode, which serves the sources). Each is rebuilt when what its bundler read last time changed
  // (the records `npm test` keeps too: dev/ci/steps.ts), or when it never ran here.
  if (!(await bringUpToDate(dev ? ['bundle', 'build:native'] : ['bundle', 'build', 'build:native']))) process.exit(1);

  let runtime: Runtime;
  let stopAll: () => Promise<void>;
  if (dev) {
    const { startDev } = await import('./dev');
    const d = await startDev({ port: hostPort, simPort, dataDir, quiet });
    runtime = d.runtime;
    stopAll = () => d.stop();
    console.log(`UI dev server:       ${d.uiUrl}  (hot reload; the backend re-bundles on change)`);
  } else {
    runtime = await startRuntime({ port: hostPort, simPort, dataDir, quiet });
    stopAll = () => runtime.stop();
  }
  console.log(`TestKase simulator:  ${runtime.sim.url}  (API Keys page: ${runtime.sim.url}/, API: ${runtime.sim.apiBaseUrl})`);
  console.log(`Local Jira host:     ${runtime.url}  (DEMO-1: ${runtime.url}/browse/DEMO-1, Apps → TestKase: ${runtime.globalPageUrl})`);
  console.log(`Jira admin page:     ${runtime.adminPageUrl}?user=diana  (Jira settings → Apps → TestKase connections; Jira admins only)`);
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

/**
 * `npm start`: build the UI if needed, start the TestKase simulator and the local Jira host, print
 * their URLs. Ctrl-C (SIGINT) or SIGTERM stops everything.
 *
 *   PORT (default 4000)            the local Jira host
 *   SIM_PORT (default 4010)        the TestKase simulator
 *   TESTKASE_DATA_DIR (.data)      saved configuration (kvs.json, encrypted secrets) and simulator state (sim/)
 *   TESTKASE_QUIET=1               no request log
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT, readManifest } from './fixtures';
import { startRuntime } from './index';

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
  const hostPort = port('PORT', 4000);
  const simPort = port('SIM_PORT', 4010);
  const dataDir = resolve(process.env.TESTKASE_DATA_DIR || join(REPO_ROOT, '.data'));
  const quiet = process.env.TESTKASE_QUIET === '1';

  const dist = join(REPO_ROOT, readManifest().resourcePath);
  if (!existsSync(join(dist, 'index.html'))) {
    console.log(`The UI is not built yet (${dist}): running npm run build…`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('npm run build failed: fix the build and run npm start again.');
      process.exit(1);
    }
  }

  const runtime = await startRuntime({ port: hostPort, simPort, dataDir, quiet });
  console.log(`TestKase simulator:  ${runtime.sim.url}  (API Keys page: ${runtime.sim.url}/, API: ${runtime.sim.apiBaseUrl})`);
  console.log(`Local Jira host:     ${runtime.url}  (DEMO-1: ${runtime.url}/browse/DEMO-1, Apps → TestKase: ${runtime.globalPageUrl})`);
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
    runtime.stop().then(
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

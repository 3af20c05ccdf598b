/**
 * `npm start`: build the UI (the Custom UI and the UI Kit resources) and bundle the backend when what
 * they read changed, start the TestKase simulator and the local Jira host, print their URLs. `npm run dev` (`--dev`): the same with the UI
 * from the Vite dev server and the backend re-bundled on change (a local `forge tunnel`).
 * Ctrl-C (SIGINT) or SIGTERM stops everything.
 *
 * `npm start -- --connections 2000 [--seed 1]`: the same, with that many Jira users, each with a
 * TestKase connection saved through the app, before it says it is ready (seed-connections.ts).
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
import { checkSeedOptions, seedConnections, SeedRefused, type SeedReport } from './seed-connections';

/** `--name value` or `--name=value`; undefined when absent. */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  const arg = args[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[at + 1] ?? '');
}

function wholeNumber(name: string, raw: string): number {
  if (!/^-?\d+$/.test(raw.trim())) {
    console.error(`--${name} takes a whole number, got "${raw}".`);
    process.exit(2);
  }
  return Number(raw);
}

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
  const connections = flag('connections');
  const seeding = connections === undefined ? null : { count: wholeNumber('connections', connections), seed: wholeNumber('seed', flag('seed') ?? '1') };
  try {
    if (seeding) checkSeedOptions(seeding.count, seeding.seed);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  // While seeding, the thousands of calls it makes stay out of the request log.
  let muted = 0;
  let seedingNow = false;
  const log = (line: string) => {
    if (quiet) return;
    if (seedingNow) muted += 1;
    else process.stdout.write(`${line}\n`);
  };

  // What ships: the backend bundle and the UI Kit resources (always), the built Custom UI (not in dev
  // mode, which serves the sources). Each is rebuilt when what its bundler read last time changed
  // (the records `npm test` keeps too: dev/ci/steps.ts), or when it never ran here.
  if (!(await bringUpToDate(dev ? ['bundle', 'build:native'] : ['bundle', 'build', 'build:native']))) process.exit(1);

  let runtime: Runtime;
  let stopAll: () => Promise<void>;
  if (dev) {
    const { startDev } = await import('./dev');
    const d = await startDev({ port: hostPort, simPort, dataDir, quiet, log, coverageDemo: true });
    runtime = d.runtime;
    stopAll = () => d.stop();
    console.log(`UI dev server:       ${d.uiUrl}  (hot reload; the backend re-bundles on change)`);
  } else {
    runtime = await startRuntime({ port: hostPort, simPort, dataDir, quiet, log, coverageDemo: true });
    stopAll = () => runtime.stop();
  }
  // Ctrl-C stops it all, a seeding in progress too.
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

  if (seeding) {
    console.log(`Seeding ${seeding.count} Jira users with TestKase connections (seed ${seeding.seed})…`);
    seedingNow = true;
    runtime.sim.setQuiet(true);
    try {
      printSeeding(await seedConnections(runtime, { ...seeding, say: (line) => console.log(line) }), runtime);
    } catch (e) {
      console.error(e instanceof SeedRefused ? e.message : `Seeding failed: ${e instanceof Error ? e.message : String(e)}`);
      await stopAll();
      process.exit(e instanceof SeedRefused ? 2 : 1);
    } finally {
      seedingNow = false;
      runtime.sim.setQuiet(quiet);
    }
    if (muted > 0) console.log(`(${muted} request log lines of the seeding's own calls were not shown.)`);
  }
  console.log(`TestKase simulator:  ${runtime.sim.url}  (API Keys page: ${runtime.sim.url}/, API: ${runtime.sim.apiBaseUrl})`);
  console.log(`Local Jira host:     ${runtime.url}  (DEMO-1: ${runtime.url}/browse/DEMO-1, Apps → TestKase: ${runtime.globalPageUrl})`);
  console.log(`Jira admin page:     ${runtime.adminPageUrl}?user=diana  (Jira settings → Apps → TestKase connections; Jira admins only)`);
  console.log(`Test coverage:       ${runtime.url}/jira/software/projects/DEMO/apps/${runtime.appId}/${runtime.envId}  (project page), ${runtime.url}/jira/dashboards/10000  (dashboard gadget)`);
  console.log(`Data folder:         ${dataDir}`);
  console.log(`TestKase for Jira is ready at ${runtime.url}  (Ctrl-C to stop)`);
}

function printSeeding(r: SeedReport, runtime: Runtime): void {
  const s = r.byState;
  const example = (state: keyof SeedReport['byState']) => {
    const p = r.people.find((x) => x.state === state && !x.jira.jiraAdmin);
    return p ? ` e.g. ?user=${p.jira.name} (${p.jira.displayName})` : '';
  };
  if (r.already) console.log(`This data folder already holds these ${r.count} seeded users (seed ${r.seed}): nothing to do. As seeded:`);
  else console.log(`Seeded ${r.count} Jira users with TestKase connections in ${(r.ms / 1000).toFixed(1)} s (seed ${r.seed}):`);
  console.log(`  working:           ${s.WORKING + s.EXPIRING_SOON + s.REVOKED_UNCHECKED + s.NOT_YOURS}, of which ${s.EXPIRING_SOON} expire within 14 days,${example('EXPIRING_SOON')}`);
  console.log(`                     and ${s.REVOKED_UNCHECKED} were revoked in TestKase after the last check ("Check all now" finds them),${example('REVOKED_UNCHECKED')}`);
  console.log(`  rejected (401):    ${s.REJECTED}${s.REJECTED > 0 ? `, found by ${r.admins[0] ?? 'an admin'}'s "Check all now" while seeding,${example('REJECTED')}` : ''}`);
  console.log(`  expired:           ${s.EXPIRED},${example('EXPIRED')}`);
  console.log(`  another TestKase user's token: ${s.NOT_YOURS},${example('NOT_YOURS')}`);
  console.log(`  suspended:         ${s.SUSPENDED + s.SUSPENDED_NO_TOKEN} (${s.SUSPENDED_NO_TOKEN} of them deleted their token since),${example('SUSPENDED')}`);
  console.log(`  with an admin note: ${r.people.filter((p) => p.note).length}; TestKase Guests: ${r.people.filter((p) => p.testkase.memberships['PRJ-1'] === 'GUEST').length}`);
  console.log(`Sign in as any of them with ?user=qa1 … ?user=qa${r.count} (${runtime.url}/?user=qa1). Jira admins among them (they see the admin page): ${r.admins.join(', ')}.`);
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

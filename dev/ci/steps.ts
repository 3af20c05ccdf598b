/**
 * The steps of `npm test` and how each one is run, recorded and skipped. Every step runs through
 * its npm script (the one definition of what it does), under record-reads.mjs, which writes down what
 * its processes read; a step that succeeded stores that record in node_modules/.cache/testkase
 * (git-ignored, and gone with `npm ci`). Next time the step is skipped when every file it read has
 * the same content, every folder it listed the same names, every path it looked up the same kind,
 * every install it used the same lockfile, and its outputs are still the ones it wrote. `npm start`
 * (dev/runtime/cli.ts) decides with the same records whether to rebuild.
 *
 * The tests (Vitest) are keyed differently (`keyed`): their browser and child processes read past
 * the recorder, so they are skipped only when a digest of everything they could read is the one of
 * their last complete, passing run (repository-key.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../runtime/fixtures';
import { changes, collect, fileHash, Ignored, treeHash, type Inputs, type ReportedReads, type Scope } from './inputs';
import { differences, repositoryInputs, type KeySpec, type RepositoryInputs } from './repository-key';

/** Bump when what a record means changes: every step then runs once. */
const RECORD_VERSION = 1;
const RECORDER = pathToFileURL(join(import.meta.dirname, 'record-reads.mjs')).href;

export interface Step {
  name: string;
  /** What it is, for people. */
  what: string;
  command: string[];
  /** Folders it writes (repository-relative): not its inputs; what the next run checks is still there. */
  outputs: string[];
  /** Steps whose outputs it reads. */
  after: string[];
  /** False: it always runs. */
  cached: boolean;
  /**
   * Keyed by the whole repository (repository-key.ts), not by what its processes read: a Vitest run
   * (its command an npm script running `vitest run`), skipped only when the key is the one of its
   * last run that passed with every test run; the outputs of the steps it runs after are part of the key.
   */
  keyed?: Omit<KeySpec, 'folders'>;
  /** The step's bundler reports what it read itself (TESTKASE_REPORTED_READS). */
  reports?: boolean;
  /** Run instead when `command` exits 3 (it cannot record itself): uncached. */
  fallback?: string[];
}

export const npm = (script: string): string[] => ['npm', 'run', '--silent', script];

export const STEPS: Step[] = [
  { name: 'build', what: 'Custom UI build (npm run build: Vite)', command: npm('build:recorded'), fallback: npm('build'), outputs: ['static/dist'], after: [], cached: true, reports: true },
  { name: 'bundle', what: 'backend bundle (npm run bundle: @forge/bundler)', command: npm('bundle'), outputs: ['.forge/bundle'], after: [], cached: true, reports: true },
  { name: 'build:native', what: 'UI Kit build (npm run build:native: @forge/bundler)', command: npm('build:native'), outputs: ['.forge/native-ui'], after: [], cached: true },
  // The longest of the steps the tests do not wait for first (ESLint's type-aware rules take longest).
  { name: 'lint', what: 'ESLint and knip (npm run lint)', command: npm('lint'), outputs: [], after: [], cached: true },
  { name: 'typecheck', what: 'type-check (npm run typecheck)', command: npm('typecheck'), outputs: [], after: [], cached: true },
  // @forge/lint checks that the resources the manifest names exist: it reads the built UI. The control
  // app with planted problems proves it reads the code (dev/forge/lint.ts).
  { name: 'lint:forge', what: 'Forge lint (npm run lint:forge: @forge/lint, with its negative control)', command: [...npm('lint:forge'), '--', '--control', 'test/dev/forge/lint-control'], outputs: [], after: ['build'], cached: true },
  // Chromium, the sandboxes and the simulator read past the recorder: keyed by everything instead.
  // A browser named by CHROMIUM_PATH is outside the key (the tests then always run).
  {
    name: 'vitest',
    what: 'Vitest: unit, component, runtime and e2e suites (npm run test:vitest)',
    command: npm('test:vitest'),
    outputs: [],
    after: ['build', 'build:native', 'bundle'],
    cached: true,
    keyed: { folderVariables: ['TESTKASE_RESOURCE_DIR'], unkeyable: ['CHROMIUM_PATH'] },
  },
];

/** Where the steps run, which there are, and where their records go (tests use a small app of their own). */
export interface Pipeline {
  root: string;
  steps: Step[];
  /** Default: the root's node_modules/.cache/testkase/steps (git-ignored; `npm ci` starts afresh). */
  cache?: string;
}
const THIS_APP: Pipeline = { root: REPO_ROOT, steps: STEPS };

function named(p: Pipeline, name: string): Step {
  const step = p.steps.find((s) => s.name === name);
  if (!step) throw new Error(`no pipeline step ${name}`);
  return step;
}

const cacheDir = (p: Pipeline) => p.cache ?? join(p.root, 'node_modules/.cache/testkase/steps');

interface CacheRecord {
  version: number;
  step: string;
  command: string[];
  node: string;
  inputs: Inputs;
  /** treeHash of each output folder, as the step left it. */
  outputs: Record<string, string>;
  seconds: number;
}

const recordFile = (p: Pipeline, step: Step) => join(cacheDir(p), `${step.name.replace(/[^a-z0-9-]/gi, '_')}${step.keyed ? '.key' : ''}.json`);

/** A keyed step's last complete, passing run. */
interface KeyedRecord {
  version: number;
  step: string;
  key: string;
  inputs: RepositoryInputs;
  /** When it passed (ISO 8601). */
  passedAt: string;
  seconds: number;
  /** How many tests passed, in how many files. */
  tests: number;
  testFiles: number;
}

function readRecord<T = CacheRecord>(p: Pipeline, step: Step): T | null {
  try {
    return JSON.parse(readFileSync(recordFile(p, step), 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Every step that must have run before this one, transitively. */
function upstreamOf(p: Pipeline, step: Step): Set<string> {
  const seen = new Set<string>();
  const visit = (s: Step) => {
    for (const a of s.after) {
      if (seen.has(a)) continue;
      seen.add(a);
      visit(named(p, a));
    }
  };
  visit(step);
  return seen;
}

const ignoredIn = new Map<string, Ignored>();
function scopeOf(p: Pipeline, step: Step): Scope {
  if (!ignoredIn.has(p.root)) ignoredIn.set(p.root, new Ignored(p.root));
  return { root: p.root, outputs: step.outputs, upstream: p.steps.filter((s) => s !== step).flatMap((s) => s.outputs), ignored: ignoredIn.get(p.root)! };
}

export type Freshness = { fresh: true; record: CacheRecord } | { fresh: true; keyed: KeyedRecord } | { fresh: false; why: string };

/** A keyed step's key spec, with the outputs of the steps it runs after. */
function keySpec(p: Pipeline, step: Step): KeySpec {
  const upstream = upstreamOf(p, step);
  return { folders: p.steps.filter((s) => upstream.has(s.name)).flatMap((s) => s.outputs), ...step.keyed! };
}

/** The inputs of a keyed step now (its records name the command without the reporter arguments). */
const keyedInputs = (step: Step, p: Pipeline = THIS_APP) => repositoryInputs(p.root, step.command, keySpec(p, step));

/** Whether the step may be skipped: its last successful run read exactly what is there now. */
export function freshness(step: Step, p: Pipeline = THIS_APP): Freshness {
  if (!step.cached) return { fresh: false, why: 'always runs' };
  if (step.keyed) {
    const record = readRecord<KeyedRecord>(p, step);
    if (!record) return { fresh: false, why: 'no record of a complete passing run' };
    if (record.version !== RECORD_VERSION) return { fresh: false, why: 'recorded by another version of the pipeline' };
    const now = keyedInputs(step, p);
    if (!now.ok) return { fresh: false, why: now.why };
    if (now.key === record.key) return { fresh: true, keyed: record };
    return { fresh: false, why: differences(record.inputs, now.inputs).join(', ') || 'its key changed' };
  }
  const record = readRecord(p, step);
  if (!record) return { fresh: false, why: 'no record of a successful run' };
  if (record.version !== RECORD_VERSION || record.node !== process.version || record.command.join(' ') !== step.command.join(' ')) {
    return { fresh: false, why: 'recorded by another version of the pipeline, Node or command' };
  }
  for (const [dir, hash] of Object.entries(record.outputs)) {
    if (treeHash(join(p.root, dir)) !== hash) return { fresh: false, why: `its output ${dir} is not the one it wrote` };
  }
  const changed = changes(scopeOf(p, step), record.inputs);
  if (changed.length > 0) return { fresh: false, why: changed.join(', ') };
  return { fresh: true, record };
}

export interface RunResult {
  ok: boolean;
  code: number;
  seconds: number;
  output: string;
  /** Why the run was not recorded (the step then runs again next time). */
  notRecorded?: string;
  /** How many inputs were recorded. */
  inputs?: number;
}

function spawnStep(root: string, command: string[], env: NodeJS.ProcessEnv, live: ((chunk: string) => void) | undefined): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      live?.(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (e) => done({ code: 127, output: `${output}could not start ${command.join(' ')}: ${e.message}\n` }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/**
 * Why a Vitest JSON report is not of a complete passing run (null: it is): every test ran and passed,
 * none skipped or left to do (TESTKASE_SKIP_E2E=1, a `.only` or a `.skip` make a partial run).
 */
function incompleteRun(reportFile: string): string | null {
  let r: { success?: boolean; numTotalTests?: number; numPassedTests?: number; numFailedTests?: number; numFailedTestSuites?: number; testResults?: { status?: string }[] };
  try {
    r = JSON.parse(readFileSync(reportFile, 'utf8')) as typeof r;
  } catch {
    return 'Vitest wrote no report';
  }
  const files = r.testResults ?? [];
  if (r.success !== true || r.numFailedTests !== 0 || r.numFailedTestSuites !== 0) return 'Vitest did not report success';
  if (!r.numTotalTests || files.length === 0) return 'no tests ran';
  if (r.numPassedTests !== r.numTotalTests) return `a partial run: ${r.numTotalTests - (r.numPassedTests ?? 0)} of ${r.numTotalTests} tests skipped or to do`;
  if (files.some((f) => f.status !== 'passed')) return 'a test file did not pass';
  return null;
}

/** Runs a keyed step (Vitest) and, when every test ran and passed with the inputs unchanged throughout, records its key. */
async function runKeyed(step: Step, p: Pipeline, live: ((chunk: string) => void) | undefined): Promise<RunResult> {
  const started = performance.now();
  const before = keyedInputs(step, p);
  const dir = mkdtempSync(join(tmpdir(), `tk-report-${step.name.replace(/\W/g, '_')}-`));
  const reportFile = join(dir, 'vitest.json');
  // The record is of the last run: one that fails, is partial or is interrupted leaves none.
  rmSync(recordFile(p, step), { force: true });
  try {
    const command = [...step.command, '--', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
    const { code, output } = await spawnStep(p.root, command, { ...process.env }, live);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) return { ok: false, code, seconds, output };
    const done = (notRecorded: string): RunResult => ({ ok: true, code, seconds, output, notRecorded });
    if (!before.ok) return done(before.why);
    const incomplete = incompleteRun(reportFile);
    if (incomplete) return done(incomplete);
    const after = keyedInputs(step, p);
    if (!after.ok) return done(after.why);
    if (after.key !== before.key) return done(`${differences(before.inputs, after.inputs, 3).join(', ')} while it ran`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { numTotalTests: number; testResults: unknown[] };
    const record: KeyedRecord = { version: RECORD_VERSION, step: step.name, key: before.key, inputs: before.inputs, passedAt: new Date().toISOString(), seconds, tests: report.numTotalTests, testFiles: report.testResults.length };
    mkdirSync(cacheDir(p), { recursive: true });
    writeFileSync(recordFile(p, step), JSON.stringify(record));
    return { ok: true, code, seconds, output, inputs: Object.keys(before.inputs.files).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the step under the read recorder and, when it succeeded, stores what it read. */
export async function runStep(step: Step, options: { live?: (chunk: string) => void; pipeline?: Pipeline } = {}): Promise<RunResult> {
  const p = options.pipeline ?? THIS_APP;
  if (step.keyed) return runKeyed(step, p, options.live);
  const started = performance.now();
  const reads = mkdtempSync(join(tmpdir(), `tk-reads-${step.name.replace(/\W/g, '_')}-`));
  const reportFile = join(reads, 'reported.json.txt');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (step.cached) {
      env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import=${RECORDER}`.trim();
      env.TESTKASE_READS_DIR = reads;
      env.TESTKASE_READS_ROOT = p.root;
      if (step.reports) env.TESTKASE_REPORTED_READS = reportFile;
    }
    let { code, output } = await spawnStep(p.root, step.command, env, options.live);
    let recordable = step.cached;
    let notRecorded: string | undefined;
    if (code === 3 && step.fallback) {
      output += `(${step.command.join(' ')} cannot record what this build reads: ran ${step.fallback.join(' ')} instead, not cached)\n`;
      ({ code, output } = await spawnStep(p.root, step.fallback, { ...process.env }, options.live).then((r) => ({ code: r.code, output: output + r.output })));
      recordable = false;
      notRecorded = 'its command cannot record what it reads';
    }
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0 || !recordable) return { ok: code === 0, code, seconds, output, ...(notRecorded ? { notRecorded } : {}) };

    const reported: ReportedReads[] = existsSync(reportFile) ? [JSON.parse(readFileSync(reportFile, 'utf8')) as ReportedReads] : [];
    const inputs = collect(scopeOf(p, step), reads, reported);
    const count = Object.keys(inputs.files).length + Object.keys(inputs.lists).length + Object.keys(inputs.probes).length;
    const during = Object.entries(inputs.files).filter(([, h]) => h === 'changed-during-the-step').map(([p]) => p);
    if (during.length > 0) return { ok: true, code, seconds, output, inputs: count, notRecorded: `${during.slice(0, 3).join(', ')} changed while it ran` };
    // Now the record is the content this run used: a file edited since reads as changed next time.
    const stale = Object.entries(inputs.files).filter(([f, h]) => fileHash(join(p.root, f)) !== h).map(([f]) => f);
    if (stale.length > 0) return { ok: true, code, seconds, output, inputs: count, notRecorded: `${stale.slice(0, 3).join(', ')} changed while it ran` };
    // A step that reads another's output must run after it, or it may read half of it.
    const upstream = upstreamOf(p, step);
    const paths = [...Object.keys(inputs.files), ...Object.keys(inputs.lists), ...Object.keys(inputs.probes)];
    for (const other of p.steps) {
      if (other === step || upstream.has(other.name)) continue;
      const read = paths.find((f) => other.outputs.some((d) => f === d || f.startsWith(`${d}/`)));
      if (read) {
        return { ok: false, code: 1, seconds, output: `${output}\nThe pipeline is wrong: step ${step.name} read ${read}, which step ${other.name} writes, but does not run after it (dev/ci/steps.ts: add "${other.name}" to its "after").\n` };
      }
    }
    const record: CacheRecord = {
      version: RECORD_VERSION,
      step: step.name,
      command: step.command,
      node: process.version,
      inputs,
      outputs: Object.fromEntries(step.outputs.map((d) => [d, treeHash(join(p.root, d))])),
      seconds,
    };
    mkdirSync(cacheDir(p), { recursive: true });
    writeFileSync(recordFile(p, step), JSON.stringify(record));
    return { ok: true, code, seconds, output, inputs: count };
  } finally {
    rmSync(reads, { recursive: true, force: true });
  }
}

/** The recorded inputs of a step's last successful run, or null. */
export function recordedInputs(step: Step, p: Pipeline = THIS_APP): Inputs | null {
  return readRecord(p, step)?.inputs ?? null;
}

/**
 * `npm start`: runs each named step whose inputs changed since its last run (or that never ran
 * here), printing its output as it comes; false when one failed.
 */
export async function bringUpToDate(names: string[], p: Pipeline = THIS_APP, say: (line: string) => void = console.log): Promise<boolean> {
  for (const name of names) {
    const step = named(p, name);
    const f = freshness(step, p);
    if (f.fresh) continue;
    say(`${step.what}: ${f.why}; running it…`);
    const result = await runStep(step, { pipeline: p, live: (chunk) => process.stdout.write(chunk) });
    if (!result.ok) {
      say(`npm run ${name} failed: fix it and run again.`);
      return false;
    }
  }
  return true;
}

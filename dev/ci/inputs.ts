/**
 * A step's inputs: what its processes actually read (record-reads.mjs), plus what a bundler reports
 * it read itself (Vite's module graph, webpack's file dependencies), reduced to a record that says
 * whether anything changed since — by content, never by time stamps:
 *
 * - files: the SHA-256 of each file read;
 * - lists: the names in each folder listed (a new or removed file changes them);
 * - probes: file / folder / nothing at each path looked up (a file created where a resolver looked);
 * - installs: for each node_modules read from, the SHA-256 of npm's record of what it installed
 *   (node_modules/.package-lock.json, written by `npm ci`/`npm install`), standing for its files.
 *
 * Git-ignored paths (builds, test results, local data) are left out, and so are git-ignored names in
 * listings. Files inside other steps' outputs are inputs like any file (the step must then run after
 * the step that writes them: steps.ts checks it), but listings there are not: TypeScript lists
 * static/dist on its way through `include` before its `exclude` drops it, and what a build named its
 * files tells no step anything that the contents it reads do not.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export interface Inputs {
  files: Record<string, string>;
  lists: Record<string, string[]>;
  probes: Record<string, Kind>;
  installs: Record<string, string>;
}
type Kind = 'file' | 'dir' | 'other' | 'absent';

/** What one process wrote (record-reads.mjs): absolute paths. */
interface ProcessRecord {
  files: Record<string, string>;
  lists: Record<string, string[] | null>;
  probes: Record<string, Kind>;
  installs: string[];
  esm: string;
}

/** What a bundler reports it read (absolute paths): contents, and paths it looked for and did not find. */
export interface ReportedReads {
  files: string[];
  missing?: string[];
  folders?: string[];
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** SHA-256 of a file's bytes, or 'absent'. */
export function fileHash(abs: string): string {
  try {
    return sha256(readFileSync(abs));
  } catch {
    return 'absent';
  }
}

function kindAt(abs: string): Kind {
  try {
    const s = statSync(abs);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'absent';
  }
}

/** npm's record of an install: the hidden lockfile it writes into node_modules, else the project's lockfile. */
function installHash(root: string): string {
  for (const f of [join(root, 'node_modules/.package-lock.json'), join(root, 'package-lock.json')]) if (existsSync(f)) return fileHash(f);
  return 'absent';
}

/**
 * Git's own answer to "is this path ignored" (so the rules are .gitignore's, whatever it says);
 * without git nothing counts as ignored, which only ever makes a step run more often.
 */
export class Ignored {
  private readonly known = new Map<string, boolean>();
  constructor(private readonly root: string) {}

  /** Repository-relative paths (folders may end in `/`). */
  check(paths: string[]): void {
    const unknown = [...new Set(paths)].filter((p) => !this.known.has(p));
    if (unknown.length === 0) return;
    let out: string;
    try {
      out = execFileSync('git', ['check-ignore', '--stdin', '-z'], { cwd: this.root, input: unknown.join('\0'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? ''; // exit status 1: none of them is ignored
    }
    const ignored = new Set(out.split('\0').filter(Boolean));
    for (const p of unknown) this.known.set(p, ignored.has(p));
  }

  is(rel: string): boolean {
    if (!this.known.has(rel)) this.check([rel]);
    return this.known.get(rel)!;
  }
}

export interface Scope {
  root: string;
  /** This step's own outputs (repository-relative folders): never its inputs. */
  outputs: string[];
  /** Other steps' outputs: inputs like any file, though git-ignored. */
  upstream: string[];
  ignored: Ignored;
}

const under = (rel: string, dirs: string[]) => dirs.some((d) => rel === d || rel.startsWith(`${d}/`));

/** Repository-relative with `/`, or null when outside the repository. */
function rel(root: string, abs: string): string | null {
  const r = relative(root, abs);
  if (r === '') return '.';
  if (r.startsWith('..') || isAbsolute(r)) return null;
  return r.split(sep).join('/');
}

/** Keeps a path when it is an input: not this step's output, not git-ignored unless another step's output. */
function keep(scope: Scope, r: string): boolean {
  if (under(r, scope.outputs)) return false;
  if (under(r, scope.upstream)) return true;
  return !scope.ignored.is(r);
}

function listing(scope: Scope, r: string, names: string[]): string[] {
  const paths = names.map((n) => (r === '.' ? n : `${r}/${n}`));
  scope.ignored.check(paths);
  return names.filter((_, i) => !scope.ignored.is(paths[i]!) && !under(paths[i]!, scope.outputs) && !under(paths[i]!, scope.upstream)).sort();
}

/** Reads every process record in `dir` (and the bundlers' own reports) into the step's inputs. */
export function collect(scope: Scope, dir: string, reported: ReportedReads[] = []): Inputs {
  const files = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const probes = new Map<string, Kind>();
  const installs = new Set<string>();
  const records: ProcessRecord[] = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ProcessRecord)
    : [];
  const seeFile = (abs: string, hash: string) => {
    const before = files.get(abs);
    files.set(abs, before === undefined || before === hash ? hash : 'changed-during-the-step');
  };
  for (const r of records) {
    for (const [abs, h] of Object.entries(r.files)) seeFile(abs, h);
    for (const [abs, names] of Object.entries(r.lists)) if (names) lists.set(abs, names);
    for (const [abs, k] of Object.entries(r.probes)) if (!probes.has(abs)) probes.set(abs, k);
    for (const i of r.installs) installs.add(i);
    if (existsSync(r.esm)) {
      for (const line of readFileSync(r.esm, 'utf8').split('\n')) {
        const [abs, h] = line.split('\t');
        if (abs && h === 'install') installs.add(abs);
        else if (abs && h) seeFile(abs, h === '-' ? fileHash(abs) : h);
      }
    }
  }
  for (const report of reported) {
    for (const abs of report.files) {
      const nm = abs.indexOf(`${sep}node_modules${sep}`);
      if (nm >= 0) installs.add(abs.slice(0, nm));
      else if (kindAt(abs) !== 'file') probes.set(abs, kindAt(abs)); // webpack counts folders it resolved through
      else if (!files.has(abs)) seeFile(abs, fileHash(abs));
    }
    for (const abs of report.missing ?? []) if (!abs.includes(`${sep}node_modules${sep}`) && !probes.has(abs)) probes.set(abs, kindAt(abs));
    for (const abs of report.folders ?? []) if (!abs.includes(`${sep}node_modules`) && existsSync(abs)) lists.set(abs, readdirSync(abs).sort());
  }

  const inputs: Inputs = { files: {}, lists: {}, probes: {}, installs: {} };
  const candidates = [...files.keys(), ...lists.keys(), ...probes.keys()].map((a) => rel(scope.root, a)).filter((r): r is string => r !== null);
  scope.ignored.check(candidates.filter((r) => r !== '.'));
  for (const [abs, h] of files) {
    const r = rel(scope.root, abs);
    if (r !== null && keep(scope, r)) inputs.files[r] = h;
  }
  for (const [abs, names] of lists) {
    const r = rel(scope.root, abs);
    if (r !== null && (r === '.' || (keep(scope, r) && !under(r, scope.upstream)))) inputs.lists[r] = listing(scope, r, names);
  }
  for (const [abs, k] of probes) {
    const r = rel(scope.root, abs);
    // A probe of a file that was read says nothing more; a probe of a listed folder neither.
    if (r !== null && r !== '.' && keep(scope, r) && !(r in inputs.files) && !(r in inputs.lists)) inputs.probes[r] = k;
  }
  for (const i of [...installs].sort()) {
    const r = rel(scope.root, i);
    if (r !== null) inputs.installs[r] = installHash(i);
  }
  return sortInputs(inputs);
}

function sortInputs(i: Inputs): Inputs {
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted(i.files), lists: sorted(i.lists), probes: sorted(i.probes), installs: sorted(i.installs) };
}

/** What differs now from the recorded inputs, as readable lines (empty: nothing changed). */
export function changes(scope: Scope, i: Inputs, limit = 5): string[] {
  const out: string[] = [];
  const at = (r: string) => join(scope.root, r);
  for (const [r, h] of Object.entries(i.files)) {
    const now = fileHash(at(r));
    if (now !== h) out.push(now === 'absent' ? `${r} was removed` : `${r} changed`);
    if (out.length >= limit) return [...new Set(out)];
  }
  for (const [r, names] of Object.entries(i.lists)) {
    let now: string[];
    try {
      now = listing(scope, r, readdirSync(at(r)));
    } catch {
      out.push(`${r}/ was removed`);
      continue;
    }
    const added = now.filter((n) => !names.includes(n));
    const removed = names.filter((n) => !now.includes(n));
    for (const n of added) out.push(`${r === '.' ? '' : `${r}/`}${n} is new`);
    for (const n of removed) out.push(`${r === '.' ? '' : `${r}/`}${n} was removed`);
    if (out.length >= limit) return [...new Set(out)].slice(0, limit);
  }
  for (const [r, k] of Object.entries(i.probes)) {
    const now = kindAt(at(r));
    if (now !== k) out.push(now === 'absent' ? `${r} was removed` : k === 'absent' ? `${r} is new` : `${r} is now a ${now === 'dir' ? 'folder' : now}`);
    if (out.length >= limit) return [...new Set(out)];
  }
  for (const [r, h] of Object.entries(i.installs)) {
    if (installHash(at(r)) !== h) out.push(`the install in ${r === '.' ? 'the repository' : r} changed (npm ci / npm install)`);
  }
  return [...new Set(out)].slice(0, limit); // a new file in a listed folder may also be where something looked
}

/** SHA-256 over a folder's files (names and contents), to know a build's output is still the one it wrote. */
export function treeHash(abs: string): string {
  if (!existsSync(abs)) return 'absent';
  const h = createHash('sha256');
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p, `${prefix}${name}/`);
      else h.update(`${prefix}${name}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk(abs, '');
  return h.digest('hex');
}

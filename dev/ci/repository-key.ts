/**
 * The key that lets `npm test` skip Vitest: a digest of everything the tests could read, by content.
 *
 * The tests cannot be keyed by what their processes read (record-reads.mjs) the way the builds are:
 * they start Chromium (native code reading the built UI through the local runtime), Node sandboxes and
 * the simulator as child processes, and Vite's transform pipeline, and no one has shown that the fs
 * hooks see all of it. So the key is deliberately coarse — whatever the tests happen to read, it is in
 * here:
 *
 * - files: the SHA-256 of every file git tracks or would track (`git ls-files --cached --others
 *   --exclude-standard`: tracked files, deleted ones as 'absent', and new files that are not
 *   git-ignored), and of every file in the git-ignored folders the tests read (the builds' outputs:
 *   static/dist, .forge/bundle, .forge/native-ui), or in a folder a variable names instead
 *   (TESTKASE_RESOURCE_DIR);
 * - install: npm's record of what it installed (node_modules/.package-lock.json), standing for
 *   node_modules (the browser comes from there too), beside package-lock.json, which is a tracked file;
 * - runtime: Node's version, the platform and the CPU architecture;
 * - command: what runs the tests;
 * - env: every variable the code could read — each name that appears as `process.env.NAME` (or
 *   `process.env['NAME']`) in any of those files, every variable whose name starts with one of
 *   ENV_PREFIXES, and ENV_NAMES — as the SHA-256 of its value or 'unset' (values never stored: some
 *   are tokens).
 *
 * Time stamps never count: touching a file changes nothing. A variable that names something outside
 * the key (CHROMIUM_PATH, a browser elsewhere) makes the step unkeyable: it then always runs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { isAbsolute, join } from 'node:path';

export interface RepositoryInputs {
  /** Node version, platform, CPU architecture. */
  runtime: string;
  command: string;
  /** Path (repository-relative, or absolute outside it) → SHA-256 of the content, or 'absent'. */
  files: Record<string, string>;
  /** Variable → SHA-256 of its value, or 'unset'. */
  env: Record<string, string>;
  /** SHA-256 of node_modules/.package-lock.json (npm's record of the install), or 'absent'. */
  install: string;
}

export interface KeySpec {
  /** Git-ignored folders the step reads (other steps' outputs), repository-relative: every file in them. */
  folders: string[];
  /** Variables that, when set, name a folder read instead of the one beside it: every file in it counts. */
  folderVariables: string[];
  /** Variables naming something the key cannot see: while one is set the step is never skipped. */
  unkeyable: string[];
}

/** Variables read by the tools rather than by the code (Node, Vite and Vitest, Forge, the browser). */
const ENV_PREFIXES = ['TESTKASE_', 'FORGE_', 'NODE_', 'VITE', 'CHROMIUM', 'PLAYWRIGHT'];
const ENV_NAMES = ['CI', 'GITHUB_ACTIONS', 'DEBUG', 'TZ', 'LANG', 'LC_ALL', 'PATH', 'HOME', 'TMPDIR'];

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const hashOrAbsent = (c: Buffer | null): string => (c === null ? 'absent' : sha256(c));
const ENV_READ = /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]\s*\])/g;

/** Content of a file, a link's target, or null when nothing (or a folder) is there. */
function contentAt(abs: string): Buffer | null {
  try {
    const s = lstatSync(abs);
    if (s.isSymbolicLink()) return Buffer.from(`symlink:${readlinkSync(abs)}`);
    if (!s.isFile()) return null;
    return readFileSync(abs);
  } catch {
    return null;
  }
}

/** Every file under a folder (links as links), path → content. */
function walk(abs: string, name: (rel: string) => string, into: Map<string, Buffer>): void {
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return; // not there: no files (the build step then fails first, or the tests do)
  }
  for (const e of entries) {
    const p = join(abs, e.name);
    if (e.isDirectory()) walk(p, (r) => name(`${e.name}/${r}`), into);
    else {
      const c = contentAt(p);
      if (c !== null) into.set(name(e.name), c);
    }
  }
}

export type KeyResult = { ok: true; inputs: RepositoryInputs; key: string } | { ok: false; why: string };

/** The inputs of a step keyed by the repository, now, and their key. */
export function repositoryInputs(root: string, command: string[], spec: KeySpec, env: NodeJS.ProcessEnv = process.env): KeyResult {
  const unkeyable = spec.unkeyable.find((v) => env[v]);
  if (unkeyable) return { ok: false, why: `${unkeyable} is set: what it names is outside the key` };
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return { ok: false, why: `git cannot list the repository's files (${(e as Error).message.split('\n')[0]})` };
  }
  const contents = new Map<string, Buffer | null>();
  for (const rel of listed.split('\0').filter(Boolean)) contents.set(rel, contentAt(join(root, rel)));
  const found = new Map<string, Buffer>();
  for (const dir of spec.folders) walk(join(root, dir), (r) => `${dir}/${r}`, found);
  for (const v of spec.folderVariables) {
    const dir = env[v];
    if (!dir) continue;
    const abs = isAbsolute(dir) ? dir : join(root, dir);
    walk(abs, (r) => `$${v}/${r}`, found);
  }
  for (const [p, c] of found) contents.set(p, c);

  const names = new Set<string>(ENV_NAMES);
  for (const name of Object.keys(env)) if (ENV_PREFIXES.some((p) => name.startsWith(p))) names.add(name);
  for (const c of contents.values()) {
    if (c === null || !c.includes('process.env')) continue;
    for (const m of c.toString('latin1').matchAll(ENV_READ)) names.add((m[1] ?? m[2])!);
  }

  const sorted = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const inputs: RepositoryInputs = {
    runtime: `node ${process.version} ${platform()} ${arch()}`,
    command: command.join(' '),
    files: sorted([...contents].map(([p, c]) => [p, hashOrAbsent(c)])),
    env: sorted([...names].map((n) => [n, env[n] === undefined ? 'unset' : sha256(env[n])])),
    install: hashOrAbsent(contentAt(join(root, 'node_modules/.package-lock.json'))),
  };
  return { ok: true, inputs, key: keyOf(inputs) };
}

/** SHA-256 over the inputs (their records are written sorted: the same inputs, the same key). */
function keyOf(i: RepositoryInputs): string {
  return sha256(JSON.stringify([i.runtime, i.command, i.install, i.env, i.files]));
}

/** What differs between recorded inputs and now, as readable lines (empty: the same key). */
export function differences(before: RepositoryInputs, now: RepositoryInputs, limit = 5): string[] {
  const out: string[] = [];
  if (before.runtime !== now.runtime) out.push(`the runtime is ${now.runtime} (was ${before.runtime})`);
  if (before.command !== now.command) out.push('the command changed');
  if (before.install !== now.install) out.push('the install changed (npm ci / npm install)');
  for (const n of new Set([...Object.keys(before.env), ...Object.keys(now.env)])) {
    const [b, a] = [before.env[n] ?? 'unset', now.env[n] ?? 'unset'];
    if (b !== a) out.push(a === 'unset' ? `${n} is no longer set` : b === 'unset' ? `${n} is set` : `${n} changed`);
  }
  for (const p of new Set([...Object.keys(before.files), ...Object.keys(now.files)])) {
    const [b, a] = [before.files[p] ?? 'absent', now.files[p] ?? 'absent'];
    if (b !== a) out.push(a === 'absent' ? `${p} was removed` : b === 'absent' ? `${p} is new` : `${p} changed`);
    if (out.length > limit) break;
  }
  return out.length > limit ? [...out.slice(0, limit), 'and more'] : out;
}

/**
 * The pipeline's cache (dev/ci): a step is skipped exactly when what its processes read is unchanged
 * — by content, never by time stamps — and `npm start` rebuilds by the same record. Runs steps in a
 * small app of its own (a temporary git repository), through npm scripts as the real steps do.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bringUpToDate, freshness, npm, recordedInputs, runStep, type Pipeline, type Step } from '../../../dev/ci/steps';

const REPO = join(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A git repository with these files and, unless it has its own, node_modules linked to this repository's (for its tools). */
function app(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tk-pipeline-'));
  dirs.push(root);
  for (const [path, text] of Object.entries({ '.gitignore': 'node_modules\nout/\n.records/\n', ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (!Object.keys(files).some((f) => f.startsWith('node_modules/'))) symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}

const edit = (root: string, path: string, text: string) => writeFileSync(join(root, path), text);
/** The app's steps, their records in the app's own folder (its node_modules may be this repository's). */
const pipeline = (root: string, steps: Step[]): Pipeline => ({ root, steps, cache: join(root, '.records') });
const why = (step: Step, p: Pipeline) => {
  const f = freshness(step, p);
  return f.fresh ? 'fresh' : f.why;
};

describe('a recorded step', () => {
  // build.mjs reads src/a.txt, lists src/, looks for src/maybe.txt, imports lib.mjs and a package, writes out/.
  const build: Step = { name: 'build', what: 'build', command: ['node', 'build.mjs'], outputs: ['out'], after: [], cached: true };
  let root: string;
  let p: Pipeline;
  beforeAll(async () => {
    root = app({
      'package.json': JSON.stringify({ type: 'module', scripts: { build: 'node build.mjs' } }),
      'build.mjs': [
        "import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';",
        "import { suffix } from './lib.mjs';",
        "import 'dep';",
        "const names = readdirSync('src').join(',');",
        "const maybe = existsSync('src/maybe.txt');",
        "mkdirSync('out', { recursive: true });",
        "writeFileSync('out/result.txt', readFileSync('src/a.txt', 'utf8') + suffix + names + maybe);",
        "appendFileSync('runs.log', 'ran\\n');",
      ].join('\n'),
      'lib.mjs': "export const suffix = '!';\n",
      'src/a.txt': 'one',
      'unread.txt': 'nobody reads this',
      'node_modules/dep/package.json': JSON.stringify({ name: 'dep', version: '1.0.0', type: 'module', exports: './index.js' }),
      'node_modules/dep/index.js': 'export {};\n',
      'node_modules/.package-lock.json': JSON.stringify({ packages: { 'node_modules/dep': { version: '1.0.0' } } }),
    });
    // runs.log is the build's own bookkeeping here, not an input.
    edit(root, '.gitignore', 'node_modules\nout/\nruns.log\n.records/\n');
    p = pipeline(root, [build]);
    const result = await runStep(build, { pipeline: p });
    expect(result).toMatchObject({ ok: true, code: 0 });
    expect(result.notRecorded).toBeUndefined();
  });

  it('records what the step read: contents, listings, probes, ES modules, the install', () => {
    const inputs = recordedInputs(build, p)!;
    // (Not package.json: Node reads it for `type` past `fs`; the real steps run through npm, which reads it.)
    expect(Object.keys(inputs.files)).toEqual(expect.arrayContaining(['build.mjs', 'lib.mjs', 'src/a.txt']));
    expect(inputs.files).not.toHaveProperty('unread.txt');
    expect(inputs.lists.src).toEqual(['a.txt']);
    expect(inputs.probes['src/maybe.txt']).toBe('absent');
    // What came from node_modules is represented by npm's record of the install, not file by file.
    expect(Object.keys(inputs.installs)).toEqual(['.']);
    expect(Object.keys(inputs.files).some((f) => f.includes('node_modules'))).toBe(false);
    expect(why(build, p)).toBe('fresh');
  });

  it('runs again when a file it read changes, and not when only its time stamp does', () => {
    edit(root, 'src/a.txt', 'two');
    expect(why(build, p)).toBe('src/a.txt changed');
    edit(root, 'src/a.txt', 'one'); // the same content again, with a new modification time
    utimesSync(join(root, 'lib.mjs'), new Date(), new Date(Date.now() + 60_000));
    expect(why(build, p)).toBe('fresh');
    edit(root, 'unread.txt', 'still nobody');
    expect(why(build, p)).toBe('fresh');
  });

  it('runs again for an edited ES module it imported, or another install', () => {
    edit(root, 'lib.mjs', "export const suffix = '?';\n");
    expect(why(build, p)).toBe('lib.mjs changed');
    edit(root, 'lib.mjs', "export const suffix = '!';\n");
    expect(why(build, p)).toBe('fresh');
    const lock = readFileSync(join(root, 'node_modules/.package-lock.json'), 'utf8');
    edit(root, 'node_modules/.package-lock.json', lock.replace('1.0.0', '1.0.1'));
    expect(why(build, p)).toBe('the install in the repository changed (npm ci / npm install)');
    edit(root, 'node_modules/.package-lock.json', lock);
  });

  it('runs again for a new file in a folder it listed, or where it looked for one', () => {
    edit(root, 'src/b.txt', 'new');
    expect(why(build, p)).toBe('src/b.txt is new');
    rmSync(join(root, 'src/b.txt'));
    edit(root, 'src/maybe.txt', 'now it is there');
    expect(why(build, p)).toBe('src/maybe.txt is new');
    rmSync(join(root, 'src/maybe.txt'));
    // A git-ignored file in a listed folder is not news (builds and test results come and go there).
    edit(root, '.gitignore', 'node_modules\nout/\nruns.log\n.records/\nsrc/*.tmp\n');
    edit(root, 'src/scratch.tmp', 'ignored');
    expect(why(build, p)).toBe('fresh');
  });

  it('runs again when its output is not the one it wrote', async () => {
    edit(root, '.gitignore', 'node_modules\nout/\nruns.log\n.records/\n');
    rmSync(join(root, 'src/scratch.tmp'));
    await runStep(build, { pipeline: p });
    expect(why(build, p)).toBe('fresh');
    edit(root, 'out/result.txt', 'tampered');
    expect(why(build, p)).toBe('its output out is not the one it wrote');
    rmSync(join(root, 'out'), { recursive: true });
    expect(why(build, p)).toBe('its output out is not the one it wrote');
  });

  it('npm start rebuilds from the same record: only when something it read changed', async () => {
    const runs = () => readFileSync(join(root, 'runs.log'), 'utf8').split('\n').filter(Boolean).length;
    const quiet = () => undefined;
    expect(await bringUpToDate(['build'], p, quiet)).toBe(true); // out/ was removed above
    const before = runs();
    expect(await bringUpToDate(['build'], p, quiet)).toBe(true);
    expect(runs()).toBe(before);
    edit(root, 'src/a.txt', 'three');
    expect(await bringUpToDate(['build'], p, quiet)).toBe(true);
    expect(runs()).toBe(before + 1);
    expect(readFileSync(join(root, 'out/result.txt'), 'utf8')).toBe('three!a.txtfalse');
  });

  it('refuses a step that reads another step’s output without running after it', async () => {
    const check: Step = { name: 'check', what: 'check', command: ['node', '-e', "require('fs').readFileSync('out/result.txt')"], outputs: [], after: [], cached: true };
    const result = await runStep(check, { pipeline: pipeline(root, [build, check]) });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('step check read out/result.txt, which step build writes, but does not run after it');
    const ordered = await runStep({ ...check, after: ['build'] }, { pipeline: pipeline(root, [build, { ...check, after: ['build'] }]) });
    expect(ordered.ok).toBe(true);
  });
});

describe('what the tools read', () => {
  it('type-check: every file of tsc’s own list, the config, and a new file in its include', async () => {
    const root = app({
      '.gitignore': 'node_modules\n.records/\n',
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', types: [] }, include: ['src/**/*'] }),
      'src/main.ts': "import { two } from './lib/two';\nexport const three: number = two + 1;\n",
      'src/lib/two.ts': 'export const two = 2;\n',
    });
    const typecheck: Step = { name: 'typecheck', what: 'tsc', command: ['node', join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], outputs: [], after: [], cached: true };
    const p = pipeline(root, [typecheck]);
    expect(await runStep(typecheck, { pipeline: p })).toMatchObject({ ok: true });
    const listed = execFileSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--listFilesOnly'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.startsWith(root) && !f.includes('/node_modules/'))
      .map((f) => f.slice(root.length + 1));
    expect(listed.sort()).toEqual(['src/lib/two.ts', 'src/main.ts']);
    expect(Object.keys(recordedInputs(typecheck, p)!.files)).toEqual(expect.arrayContaining([...listed, 'tsconfig.json']));
    edit(root, 'src/lib/extra.ts', 'export const x = 1;\n');
    expect(why(typecheck, p)).toBe('src/lib/extra.ts is new');
  });

  it('Vite build: its module graph — an edit to a shared module it imports, however far away, rebuilds', async () => {
    // As static/ imports src/testkase/limits.ts (EXPIRY_WARNING_DAYS), which the old hand-made list missed.
    const root = app({
      '.gitignore': 'node_modules\nout/\n.records/\n',
      'package.json': JSON.stringify({ type: 'module', scripts: { build: 'vite build --config web/vite.config.mjs', 'build:recorded': `tsx ${join(REPO, 'dev/ci/vite-build.ts')}` } }),
      'web/vite.config.mjs': "import { fileURLToPath } from 'node:url';\nexport default { root: fileURLToPath(new URL('.', import.meta.url)), base: './', logLevel: 'silent', build: { outDir: '../out', emptyOutDir: true } };\n",
      'web/index.html': '<!doctype html><script type="module" src="./main.ts"></script>',
      'web/main.ts': "import { WARNING_DAYS } from '../shared/limits';\nimport './style.css';\ndocument.title = String(WARNING_DAYS);\n",
      'web/style.css': 'body { margin: 0 }\n',
      'shared/limits.ts': 'export const WARNING_DAYS = 14;\n',
    });
    const build: Step = { name: 'build', what: 'vite', command: npm('build:recorded'), fallback: npm('build'), outputs: ['out'], after: [], cached: true, reports: true };
    const p = pipeline(root, [build]);
    const result = await runStep(build, { pipeline: p });
    expect(result.output).not.toContain('cannot record');
    expect(result).toMatchObject({ ok: true });
    expect(result.notRecorded).toBeUndefined();
    expect(Object.keys(recordedInputs(build, p)!.files)).toEqual(expect.arrayContaining(['shared/limits.ts', 'web/index.html', 'web/main.ts', 'web/style.css', 'web/vite.config.mjs']));
    expect(why(build, p)).toBe('fresh');
    edit(root, 'shared/limits.ts', 'export const WARNING_DAYS = 7;\n');
    expect(why(build, p)).toBe('shared/limits.ts changed');
  });
});

/**
 * The key that lets `npm test` skip Vitest (dev/ci/repository-key.ts): it changes with every kind of
 * input the tests could read — a test, a source file, a built output, the lockfile, the install, a
 * variable — and not with a time stamp; and only a complete passing run is recorded. Runs in small
 * apps of its own (temporary git repositories), with a real Vitest for the recording.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, repositoryInputs, type KeySpec } from '../../../dev/ci/repository-key';
import { freshness, npm, runStep, STEPS, type Pipeline, type Step } from '../../../dev/ci/steps';

const REPO = join(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function app(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tk-key-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  return root;
}
const edit = (root: string, path: string, text: string) => writeFileSync(join(root, path), text);

describe('the key over everything the tests could read', () => {
  const FILES = {
    '.gitignore': 'node_modules/\nout/\n*.log\n',
    'package.json': '{"type":"module"}\n',
    'package-lock.json': '{"lockfileVersion":3,"packages":{"node_modules/dep":{"version":"1.0.0"}}}\n',
    'node_modules/.package-lock.json': '{"packages":{"node_modules/dep":{"version":"1.0.0"}}}\n',
    'src/app.ts': "export const flag = process.env.APP_FLAG ?? 'off';\n",
    'test/app.test.ts': "import { flag } from '../src/app';\nit('reads the flag', () => expect(flag).toBe('off'));\n",
    'out/bundle.js': 'console.log(1);\n', // a build's output: git-ignored, read by the tests
  };
  const spec: KeySpec = { folders: ['out'], folderVariables: ['APP_RESOURCE_DIR'], unkeyable: ['APP_BROWSER'] };
  const COMMAND = ['npm', 'run', 'test:vitest'];
  const ENV = { PATH: '/usr/bin', HOME: '/home/someone' };
  let root: string;
  let base: string;
  const key = (env: NodeJS.ProcessEnv = ENV) => {
    const r = repositoryInputs(root, COMMAND, spec, env);
    if (!r.ok) throw new Error(r.why);
    return r;
  };
  /** Changes one thing, expects another key (saying why), puts it back, expects the first key again. */
  const changes = (change: () => void, undo: () => void, env: NodeJS.ProcessEnv = ENV) => {
    const before = key();
    change();
    const after = key(env);
    const why = differences(before.inputs, after.inputs);
    undo();
    expect(key().key).toBe(base);
    expect(after.key).not.toBe(base);
    return why;
  };
  const edited = (path: string, text: string) => {
    const was = FILES[path as keyof typeof FILES];
    return changes(
      () => edit(root, path, text),
      () => edit(root, path, was),
    );
  };

  beforeAll(() => {
    root = app(FILES);
    execFileSync('git', ['add', '-A'], { cwd: root });
    base = key().key;
  });

  it('is the same for the same content, and counts every file', () => {
    const { inputs } = key();
    expect(Object.keys(inputs.files).sort()).toEqual(['.gitignore', 'out/bundle.js', 'package-lock.json', 'package.json', 'src/app.ts', 'test/app.test.ts']);
    expect(key().key).toBe(base);
  });

  it('changes with a test file, a source file, the lockfile', () => {
    expect(edited('test/app.test.ts', "import { flag } from '../src/app';\nit('reads the flag', () => expect(flag).toBe('on'));\n")).toEqual(['test/app.test.ts changed']);
    expect(edited('src/app.ts', "export const flag = process.env.APP_FLAG ?? 'on';\n")).toEqual(['src/app.ts changed']);
    expect(edited('package-lock.json', '{"lockfileVersion":3,"packages":{"node_modules/dep":{"version":"1.0.1"}}}\n')).toEqual(['package-lock.json changed']);
  });

  it('changes with a built output (git-ignored) and with what npm installed', () => {
    expect(edited('out/bundle.js', 'console.log(2);\n')).toEqual(['out/bundle.js changed']);
    expect(
      changes(
        () => edit(root, 'out/chunk.js', ''),
        () => rmSync(join(root, 'out/chunk.js')),
      ),
    ).toEqual(['out/chunk.js is new']);
    expect(edited('node_modules/.package-lock.json', '{"packages":{"node_modules/dep":{"version":"1.0.1"}}}\n')).toEqual(['the install changed (npm ci / npm install)']);
  });

  it('changes with a new file that is not git-ignored, and with a removed one; not with an ignored one', () => {
    expect(
      changes(
        () => edit(root, 'test/new.test.ts', "it('new', () => {});\n"),
        () => rmSync(join(root, 'test/new.test.ts')),
      ),
    ).toEqual(['test/new.test.ts is new']);
    expect(
      changes(
        () => rmSync(join(root, 'src/app.ts')),
        () => edit(root, 'src/app.ts', FILES['src/app.ts']),
      ),
    ).toEqual(['src/app.ts was removed']);
    edit(root, 'debug.log', 'scratch');
    expect(key().key).toBe(base);
    rmSync(join(root, 'debug.log'));
  });

  it('changes with a variable the code reads, one of the tools’ prefixes, or a folder a variable names', () => {
    const none = () => undefined;
    expect(changes(none, none, { ...ENV, APP_FLAG: 'on' })).toEqual(['APP_FLAG is set']); // named in src/app.ts
    expect(changes(none, none, { ...ENV, TESTKASE_SKIP_E2E: '1' })).toEqual(['TESTKASE_SKIP_E2E is set']);
    expect(changes(none, none, { ...ENV, NODE_OPTIONS: '--max-old-space-size=100' })).toEqual(['NODE_OPTIONS is set']);
    expect(changes(none, none, { ...ENV, PATH: '/opt/bin:/usr/bin' })).toEqual(['PATH changed']);
  });

  it('does not change with a variable nothing reads; changes with the content of a folder a variable names', () => {
    expect(key({ ...ENV, UNRELATED_THING: 'x' }).key).toBe(base);
    const resources = mkdtempSync(join(tmpdir(), 'tk-key-resources-'));
    dirs.push(resources);
    writeFileSync(join(resources, 'index.html'), '<p>one</p>');
    const withDir = key({ ...ENV, APP_RESOURCE_DIR: resources }).key;
    expect(withDir).not.toBe(base);
    writeFileSync(join(resources, 'index.html'), '<p>two</p>');
    expect(key({ ...ENV, APP_RESOURCE_DIR: resources }).key).not.toBe(withDir);
    expect(repositoryInputs(root, COMMAND, spec, { ...ENV, APP_BROWSER: '/usr/bin/chromium' })).toEqual({ ok: false, why: 'APP_BROWSER is set: what it names is outside the key' });
  });

  it('does not change when only time stamps do (touch)', () => {
    const later = new Date(Date.now() + 3_600_000);
    for (const f of Object.keys(FILES)) utimesSync(join(root, f), later, later);
    edit(root, 'src/app.ts', FILES['src/app.ts']); // rewritten, same bytes
    expect(key().key).toBe(base);
  });

  it('covers what this repository’s tests read: every build output, the resource folder variable, CHROMIUM_PATH', () => {
    const vitest = STEPS.find((s) => s.name === 'vitest')!;
    expect(vitest.keyed).toEqual({ folderVariables: ['TESTKASE_RESOURCE_DIR'], unkeyable: ['CHROMIUM_PATH'] });
    const builds = STEPS.filter((s) => vitest.after.includes(s.name)).flatMap((s) => s.outputs);
    expect(builds.sort()).toEqual(['.forge/bundle', '.forge/native-ui', 'static/dist']);
  });
});

describe('recording a Vitest run', () => {
  // A real Vitest in a small app, through an npm script as the pipeline runs it.
  const vitest: Step = { name: 'vitest', what: 'vitest', command: npm('test:vitest'), outputs: [], after: [], cached: true, keyed: { folderVariables: [], unkeyable: [] } };
  let root: string;
  let p: Pipeline;
  const PASSING = "import { it, expect } from 'vitest';\nit('one', () => expect(1).toBe(1));\nit('two', () => expect(2).toBe(2));\n";
  const why = () => {
    const f = freshness(vitest, p);
    return f.fresh ? 'fresh' : f.why;
  };

  beforeAll(() => {
    root = app({
      '.gitignore': 'node_modules\n.records/\n',
      'package.json': JSON.stringify({ type: 'module', scripts: { 'test:vitest': 'vitest run' } }),
      'vitest.config.mjs': "export default { test: { include: ['t/**/*.test.mjs'] } };\n",
      't/a.test.mjs': PASSING,
    });
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    p = { root, steps: [vitest], cache: join(root, '.records') };
  });

  it('records a complete passing run, and skips the next one with the same inputs', async () => {
    expect(why()).toBe('no record of a complete passing run');
    const result = await runStep(vitest, { pipeline: p });
    expect(result).toMatchObject({ ok: true, code: 0 });
    expect(result.notRecorded).toBeUndefined();
    const f = freshness(vitest, p);
    expect(f.fresh && 'keyed' in f && { tests: f.keyed.tests, testFiles: f.keyed.testFiles }).toEqual({ tests: 2, testFiles: 1 });
    utimesSync(join(root, 't/a.test.mjs'), new Date(), new Date(Date.now() + 60_000));
    expect(why()).toBe('fresh');
    edit(root, 't/a.test.mjs', PASSING.replace("'two'", "'deux'"));
    expect(why()).toBe('t/a.test.mjs changed');
  }, 60_000);

  it('never records a failed run, and a failed run leaves no record', async () => {
    edit(root, 't/a.test.mjs', PASSING.replace('toBe(2)', 'toBe(3)'));
    const result = await runStep(vitest, { pipeline: p });
    expect(result.ok).toBe(false);
    edit(root, 't/a.test.mjs', PASSING);
    expect(why()).toBe('no record of a complete passing run'); // even with the inputs of the last passing run
  }, 60_000);

  it('never records a partial run (a skipped test, as TESTKASE_SKIP_E2E=1 skips the browser suites)', async () => {
    edit(root, 't/a.test.mjs', PASSING.replace("it('two'", "it.skip('two'"));
    const result = await runStep(vitest, { pipeline: p });
    expect(result).toMatchObject({ ok: true, notRecorded: 'a partial run: 1 of 2 tests skipped or to do' });
    expect(why()).toBe('no record of a complete passing run');
    edit(root, 't/a.test.mjs', PASSING);
  }, 60_000);
});

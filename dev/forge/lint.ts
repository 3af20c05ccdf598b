/**
 * `npm run lint:forge [-- --app DIR] [-- --control DIR]`: lints the app exactly as `forge lint` (and
 * every `forge deploy`) does, with Atlassian's @forge/lint (the version the Forge CLI pins), offline:
 * the client-side linters over every file under src/ and the manifest, in the app's folder.
 *
 * `--control DIR` (what `npm test` runs): then lints DIR too, a small app with planted problems, and
 * fails unless exactly the problems listed in DIR/expected.json are found — the proof that the lint
 * reads the code and the manifest, so that "no problem in the app" means something. In the same
 * process it costs well under a second (@forge/lint compiles the manifest schema once per process,
 * about 10 s of CPU, and a program of two files is nothing).
 *
 * The one difference from the CLI: its PermissionLinter downloads the Jira, Confluence and Bitbucket
 * REST API specs to know which scope each product call needs. @forge/lint reads local spec files
 * instead when USE_LOCAL_SWAGGER and the LOCAL_*_SWAGGER variables name them; ours (dev/forge/api-specs)
 * hold the operations this app calls. Exit status 1 on any error or warning.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Logger } from '@forge/cli-shared';
import { REPO_ROOT } from '../runtime/fixtures';

const SPECS = join(REPO_ROOT, 'dev/forge/api-specs');

export interface LintProblem {
  file: string;
  line: number;
  column: number;
  level: 'error' | 'warning';
  message: string;
}

export interface LintReport {
  files: number;
  problems: LintProblem[];
  ms: number;
}

/** What the Forge CLI's statsig answers for an app on a current runtime. */
const statsig = { getDeprecatedRuntimes: () => Promise.resolve([]) } as unknown as Parameters<typeof import('@forge/lint').lint>[4];

export async function lintApp(appDir = REPO_ROOT): Promise<LintReport> {
  const started = performance.now();
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: join(SPECS, 'jira.json'),
    LOCAL_JSM_SWAGGER: join(SPECS, 'empty.json'),
    LOCAL_JSW_SWAGGER: join(SPECS, 'empty.json'),
    LOCAL_CONF_SWAGGER: join(SPECS, 'empty.json'),
    LOCAL_CONF_V2_SWAGGER: join(SPECS, 'empty.json'),
    LOCAL_BB_SWAGGER: join(SPECS, 'empty.json'),
  });
  const { lint } = await import('@forge/lint');
  const { ConfigFile, FileSystemReader, FileSystemWriter, listGitIgnoreFiles } = await import('@forge/cli-shared');
  // Like the CLI, everything is read relative to the app's folder.
  const cwd = process.cwd();
  process.chdir(resolve(appDir));
  try {
    const reader = new FileSystemReader();
    const configFile = new ConfigFile(reader, new FileSystemWriter());
    const manifest = await configFile.readConfig();
    const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
    const files = await reader.recursiveReadDir('./src', exclude);
    const silent: Pick<Logger, 'info'> = { info: () => undefined };
    const results = await lint(files, manifest, 'development', silent, statsig, { linter: { mode: 'client-side' } });
    const problems = results.flatMap((r) => [
      ...r.errors.map((e) => ({ file: r.file, line: e.line, column: e.column, level: 'error' as const, message: e.message })),
      ...r.warnings.map((w) => ({ file: r.file, line: w.line, column: w.column, level: 'warning' as const, message: w.message })),
    ]);
    return { files: files.length, problems, ms: Math.round(performance.now() - started) };
  } finally {
    process.chdir(cwd);
  }
}

/** Lints the control app and says what differs from its expected.json (empty: exactly the planted problems). */
async function checkControl(dir: string): Promise<{ differences: string[]; planted: number; ms: number }> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as string[];
  const report = await lintApp(dir);
  const found = report.problems.map((p) => `${p.file}: ${p.level}: ${p.message}`);
  const differences = [...expected.filter((e) => !found.includes(e)).map((e) => `not found: ${e}`), ...found.filter((f) => !expected.includes(f)).map((f) => `unexpected: ${f}`)];
  return { differences, planted: expected.length, ms: report.ms };
}

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : undefined;
};

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  const appDir = option('--app') ?? REPO_ROOT;
  const control = option('--control');
  (async () => {
    const report = await lintApp(appDir);
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(report));
    } else {
      for (const p of report.problems) console.log(`${p.file}:${p.line}:${p.column} ${p.level} ${p.message}`);
      console.log(`Forge lint (@forge/lint, client-side linters): ${report.files} files, ${report.problems.filter((p) => p.level === 'error').length} errors, ${report.problems.filter((p) => p.level === 'warning').length} warnings in ${report.ms} ms`);
    }
    let ok = report.problems.length === 0;
    if (control) {
      const c = await checkControl(resolve(control));
      if (c.differences.length === 0) {
        console.log(`Negative control (${control}): the ${c.planted} planted problems found, nothing else, in ${c.ms} ms`);
      } else {
        console.log(`Negative control (${control}) FAILED: @forge/lint did not report exactly the planted problems, so it may not be reading the code:\n  ${c.differences.join('\n  ')}`);
        ok = false;
      }
    }
    process.exit(ok ? 0 : 1);
  })().catch((e: unknown) => {
    console.error(`Forge lint failed to run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  });
}

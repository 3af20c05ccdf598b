/**
 * `npm run lint:forge [-- --app DIR]`: lints the app exactly as `forge lint` (and every `forge deploy`)
 * does, with Atlassian's @forge/lint (the version the Forge CLI pins), offline: the client-side
 * linters over every file under src/ and the manifest, in the app's folder.
 *
 * The one difference from the CLI: its PermissionLinter downloads the Jira, Confluence and Bitbucket
 * REST API specs to know which scope each product call needs. @forge/lint reads local spec files
 * instead when USE_LOCAL_SWAGGER and the LOCAL_*_SWAGGER variables name them; ours (dev/forge/api-specs)
 * hold the operations this app calls. Exit status 1 on any error or warning.
 */
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
    LOCAL_JSW_SWAGGER: join(SPECS, 'jira-software.json'),
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

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  const at = process.argv.indexOf('--app');
  const appDir = at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : REPO_ROOT;
  lintApp(appDir).then(
    (report) => {
      if (process.argv.includes('--json')) {
        console.log(JSON.stringify(report));
      } else {
        for (const p of report.problems) console.log(`${p.file}:${p.line}:${p.column} ${p.level} ${p.message}`);
        console.log(`Forge lint (@forge/lint, client-side linters): ${report.files} files, ${report.problems.filter((p) => p.level === 'error').length} errors, ${report.problems.filter((p) => p.level === 'warning').length} warnings in ${report.ms} ms`);
      }
      process.exit(report.problems.length === 0 ? 0 : 1);
    },
    (e: unknown) => {
      console.error(`Forge lint failed to run: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}

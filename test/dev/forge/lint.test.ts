/**
 * `forge lint` offline: @forge/lint's client-side linters over the app find nothing, and they do read
 * the code — a copy of the app with a misspelt handler, a Jira call without its scope and the app's
 * own Jira scopes removed is flagged on each count (every Jira call of the app among them).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintReport } from '../../../dev/forge/lint';

const REPO = join(import.meta.dirname, '../../..');
const run = promisify(execFile);
const temp: string[] = [];

/** Runs `npm run lint:forge -- --app DIR --json` as a developer would (exit 1 on any problem). */
async function lint(appDir: string): Promise<LintReport> {
  const child = run(process.execPath, ['--import', 'tsx', join(REPO, 'dev/forge/lint.ts'), '--app', appDir, '--json'], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await child.catch((e: { stdout?: string; code?: number }) => {
    if (e.code === 1 && e.stdout) return { stdout: e.stdout };
    throw e;
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LintReport;
}

/** A copy of the app (manifest, tsconfig, src) with the change applied. */
function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tk-lint-'));
  temp.push(dir);
  for (const f of ['manifest.yml', 'tsconfig.json', 'package.json']) cpSync(join(REPO, f), join(dir, f));
  cpSync(join(REPO, 'src'), join(dir, 'src'), { recursive: true });
  // The resource the manifest names (the real one is built by npm test before the lint runs).
  mkdirSync(join(dir, 'static/dist'), { recursive: true });
  writeFileSync(join(dir, 'static/dist/index.html'), '<!doctype html><title>TestKase</title>');
  // The UI Kit resource's entry the manifest names (Forge bundles it from source).
  cpSync(join(REPO, 'uikit/src'), join(dir, 'uikit/src'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  // A misspelt handler, and every Jira scope of the app taken away (each of its Jira calls must be flagged).
  const manifest = readFileSync(join(dir, 'manifest.yml'), 'utf8').replace('handler: index.handler', 'handler: index.handlr');
  writeFileSync(join(dir, 'manifest.yml'), manifest.replace(/^\s+- read:[a-z:.-]+\n/gm, ''));
  writeFileSync(
    join(dir, 'src/jira-probe.ts'),
    `import api, { route } from '@forge/api';\n\n/** Reads a Jira issue as the user: needs read:jira-work, which the manifest does not ask for. */\nexport async function issueSummary(key: string): Promise<unknown> {\n  const res = await api.asUser().requestJira(route\`/rest/api/3/issue/\${key}\`);\n  return res.json();\n}\n`,
  );
  return dir;
}

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('Forge lint', () => {
  it('finds no error and no warning in the app, and flags a broken copy of it', async () => {
    const [app, broken] = await Promise.all([lint(REPO), lint(brokenCopy())]);

    expect(app.files).toBeGreaterThan(10);
    expect(app.problems).toEqual([]);

    // Exactly the planted problems: the handler (a warning in @forge/lint), the probe's missing scope, and
    // the app's own Jira calls once their scopes are gone (so the lint does see them): the four of the panel,
    // the global and the admin pages, and the coverage page's seven (POST calls are checked as POST: their
    // options are object literals).
    const found = broken.problems.map((p) => `${p.file}: ${p.level}: ${p.message}`).sort();
    expect(found).toHaveLength(14);
    const at = (file: string) => found.filter((f) => f.startsWith(`src/${file}: `));
    expect(at('index.ts')).toEqual([expect.stringMatching(/warning: Cannot find exported function "handlr"/)]);
    expect(at('jira-probe.ts')).toEqual([expect.stringMatching(/error: .*GET \/rest\/api\/3\/issue\/\{issueIdOrKey\} requires "read:jira-work"/)]);
    expect(at('jira/issue-types.ts')).toEqual([expect.stringMatching(/error: .*GET \/rest\/api\/3\/issue\/createmeta\/\{projectIdOrKey\}\/issuetypes requires/)]);
    expect(at('jira/myself.ts')).toEqual([expect.stringMatching(/error: .*GET \/rest\/api\/3\/myself requires "read:jira-user"/)]);
    expect(at('jira/permissions.ts')).toEqual([expect.stringMatching(/error: .*GET \/rest\/api\/3\/mypermissions requires "read:jira-work"/)]);
    expect(at('jira/users.ts')).toEqual([expect.stringMatching(/error: .*GET \/rest\/api\/3\/user\/bulk requires "read:jira-user"/)]);
    // Test coverage.
    expect(at('jira/bulk-issues.ts')).toEqual([expect.stringMatching(/error: .*POST \/rest\/api\/3\/issue\/bulkfetch requires "read:jira-work"/)]);
    expect(at('jira/search.ts')).toEqual([
      expect.stringMatching(/error: .*POST \/rest\/api\/3\/search\/approximate-count requires "read:jira-work"/),
      expect.stringMatching(/error: .*POST \/rest\/api\/3\/search\/jql requires "read:jira-work"/),
      expect.stringMatching(/error: .*POST \/rest\/api\/3\/search\/jql requires "read:jira-work"/),
    ]);
    expect(at('jira/versions.ts')).toEqual([expect.stringMatching(/error: .*GET \/rest\/api\/3\/project\/\{projectIdOrKey\}\/versions requires "read:jira-work"/)]);
    expect(at('jira/sprints.ts')).toEqual([
      expect.stringMatching(/error: .*GET \/rest\/agile\/1\.0\/board requires "read:board-scope:jira-software"/),
      expect.stringMatching(/error: .*GET \/rest\/agile\/1\.0\/board requires "read:project:jira"/),
      expect.stringMatching(/error: .*GET \/rest\/agile\/1\.0\/board\/\{boardId\}\/sprint requires "read:sprint:jira-software"/),
    ]);
  }, 180_000);
});

/**
 * `npm run grow:coverage -- [--issues 5000] [--bugs 50] [--host http://127.0.0.1:4000] [--sim http://127.0.0.1:4010]`:
 * grows a coverage scope of the running local world for the bench, or to see the page at scale — a new
 * version of DEMO holding that many new issues in the local Jira site (its admin route), and test cases
 * linked to them with results in the TestKase simulator (its admin route): every fifth issue uncovered,
 * the others with one to three tests, some failing with bugs. Prints the page to open.
 *
 * The same function serves the bench and the tests, against a runtime they started.
 */
import { relative } from 'node:path';
import { projectPagePath, readManifest } from './fixtures';

export interface GrownScope {
  versionId: string;
  versionName: string;
  issues: number;
  testCases: number;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

export async function growCoverageScope(target: { hostUrl: string; simUrl: string }, options: { issues: number; bugs?: number; versionName?: string }): Promise<GrownScope> {
  const versionName = options.versionName ?? `Scale ${options.issues}`;
  const jira = (await post(`${target.hostUrl}/__host/admin/grow-scope`, { projectKey: 'DEMO', versionName, count: options.issues, bugs: options.bugs ?? 50 })) as {
    version: { id: string; name: string };
    issues: { first: string; count: number };
    bugs: { first: string | null; count: number };
  };
  const number = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));
  const sim = (await post(`${target.simUrl}/_sim/admin/grow-coverage`, {
    issues: { jiraProjectKey: 'DEMO', first: number(jira.issues.first), count: jira.issues.count },
    ...(jira.bugs.first ? { bugs: { jiraProjectKey: 'DEMO', first: number(jira.bugs.first), count: jira.bugs.count } } : {}),
    cycleName: `${versionName} regression`,
  })) as { data: { testCases: number } };
  return { versionId: jira.version.id, versionName: jira.version.name, issues: jira.issues.count, testCases: sim.data.testCases };
}

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  const arg = (name: string, fallback: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
  };
  const hostUrl = arg('host', `http://127.0.0.1:${process.env.PORT ?? 4000}`);
  growCoverageScope({ hostUrl, simUrl: arg('sim', `http://127.0.0.1:${process.env.SIM_PORT ?? 4010}`) }, { issues: Number(arg('issues', '5000')), bugs: Number(arg('bugs', '50')) }).then(
    (g) => {
      console.log(`Grew "${g.versionName}" (version ${g.versionId}): ${g.issues} issues in Jira, ${g.testCases} linked test cases in TestKase.`);
      console.log(`Open ${hostUrl}${projectPagePath(readManifest(), 'DEMO')}/version/${g.versionId} (Test coverage). It lasts until the local host stops.`);
    },
    (e: unknown) => {
      console.error(`Growing the scope failed: ${e instanceof Error ? e.message : String(e)} (is npm start running?)`);
      process.exit(1);
    },
  );
}

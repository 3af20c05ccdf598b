/**
 * The indexes a TestKase server would keep to answer coverage (A50, A51) for thousands of Jira issues:
 * the test cases linked to each issue, each case's cycles, and the current result of each case in each
 * cycle. Rebuilt from the state after it changed (Store.revision), so a coverage request costs what the
 * links it asks about cost, not a scan of every result for every case.
 *
 * "Latest result" means what A4 (TestCase.latestExecution) and the glance use: the newest executed run
 * among the case's current results in its cycles (a case put back to Not Executed in a cycle withdraws
 * that cycle's result).
 */
import type { IssueCoverage, LinkedIssue, StatusCounts } from '../../src/testkase/contract';
import { LIMITS } from '../../src/testkase/contract';
import type { SimRun, SimState, SimTestCase } from './state';
import type { Store } from './store';

const k = (...parts: string[]) => parts.join('\u0000');

interface Built {
  state: SimState;
  revision: number;
  casesByIssue: Map<string, SimTestCase[]>;
  latest: Map<string, SimRun | null>;
}

export class CoverageIndex {
  private built: Built | null = null;

  constructor(private readonly store: Store) {}

  private index(): Built {
    const { state, revision } = this.store;
    if (this.built && this.built.state === state && this.built.revision === revision) return this.built;
    const current = new Map<string, SimRun>();
    for (const r of state.runs) {
      const key = k(r.projectId, r.cycleId, r.testCaseId);
      const seen = current.get(key);
      if (!seen || r.seq > seen.seq) current.set(key, r);
    }
    const latest = new Map<string, SimRun | null>();
    for (const m of state.members) {
      const key = k(m.projectId, m.testCaseId);
      const run = current.get(k(m.projectId, m.cycleId, m.testCaseId));
      const best = latest.get(key) ?? null;
      if (run && run.status !== 'NOT_EXECUTED' && (!best || run.seq > best.seq)) latest.set(key, run);
      else if (!latest.has(key)) latest.set(key, null);
    }
    const casesByIssue = new Map<string, SimTestCase[]>();
    for (const tc of state.testCases) {
      for (const issue of new Set(tc.jiraIssueKeys)) {
        const key = k(tc.projectId, issue);
        const list = casesByIssue.get(key);
        if (list) list.push(tc);
        else casesByIssue.set(key, [tc]);
      }
    }
    this.built = { state, revision, casesByIssue, latest };
    return this.built;
  }

  /** A50: one entry per key, in the order asked (each key once). */
  coverage(projectId: string, jiraIssueKeys: readonly string[]): IssueCoverage[] {
    const { casesByIssue, latest } = this.index();
    return [...new Set(jiraIssueKeys)].map((jiraIssueKey) => {
      const cases = casesByIssue.get(k(projectId, jiraIssueKey)) ?? [];
      const counts: StatusCounts = { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 };
      const defects = new Set<string>();
      let latestExecutedAt: string | null = null;
      for (const tc of cases) {
        const run = latest.get(k(projectId, tc.id)) ?? null;
        counts[run?.status ?? 'NOT_EXECUTED'] += 1;
        if (run && (latestExecutedAt === null || run.recordedAt > latestExecutedAt)) latestExecutedAt = run.recordedAt;
        if (run?.status === 'FAIL') for (const d of run.defects) defects.add(d);
      }
      const failingDefects = [...defects].sort(byIssueKey);
      return { jiraIssueKey, total: cases.length, counts, latestExecutedAt, failingDefects: failingDefects.slice(0, LIMITS.coverageDefectsMax), failingDefectsTotal: failingDefects.length };
    });
  }

  /** A51: the issues of one Jira project linked to the project's test cases, by project key and number. */
  linkedIssues(projectId: string, jiraProjectKey: string): LinkedIssue[] {
    const prefix = `${jiraProjectKey}-`;
    const found: LinkedIssue[] = [];
    for (const [key, cases] of this.index().casesByIssue) {
      const [project, jiraIssueKey] = key.split('\u0000') as [string, string];
      if (project === projectId && jiraIssueKey.startsWith(prefix)) found.push({ jiraIssueKey, testCases: cases.length });
    }
    return found.sort((a, b) => byIssueKey(a.jiraIssueKey, b.jiraIssueKey));
  }
}

function byIssueKey(a: string, b: string): number {
  const [pa, na] = [a.slice(0, a.lastIndexOf('-')), Number(a.slice(a.lastIndexOf('-') + 1))];
  const [pb, nb] = [b.slice(0, b.lastIndexOf('-')), Number(b.slice(b.lastIndexOf('-') + 1))];
  return pa.localeCompare(pb) || na - nb;
}

/**
 * Test coverage data for the local world, on top of the seed (seed.ts), in project PRJ-1 (mapped to
 * Jira project DEMO):
 *
 * - `seedCoverageDemo`: release 3.8 as the local Jira site has it (dev/runtime/jira-scope-fixtures.ts):
 *   test cases linked to most of its issues, some uncovered, results in a "Release 3.8 regression"
 *   cycle (passing, failing with bugs open or done, blocked, skipped, not run). Idempotent; `npm start`
 *   applies it, tests that want it call it.
 * - `growCoverage`: thousands of generated links and results for the issues a grown Jira scope holds
 *   (the bench's 5,000-issue scope), in one write.
 *
 * Both write the state directly in one `mutate`, as the simulator's `grow` does, because thousands of
 * single API calls would rewrite the state file thousands of times.
 */
import type { ExecutionStatus } from '../../src/testkase/contract';
import { SCOPE_ISSUES } from '../runtime/jira-scope-fixtures';
import type { SimCycle, SimState, SimTestCase } from './state';
import { SimError, type Store } from './store';

/** Per issue: the latest result of each linked test (P pass, F fail, B blocked, S skipped, N never run); '' = no test. */
const PLAN: Record<string, string> = {
  'DEMO-10': 'PPP', 'DEMO-11': 'PF', 'DEMO-12': 'PPN', 'DEMO-13': 'PP', 'DEMO-14': '', 'DEMO-15': 'FPF', 'DEMO-16': '', 'DEMO-17': 'PB',
  'DEMO-18': 'F', 'DEMO-19': 'NN', 'DEMO-20': 'PPPP', 'DEMO-21': '', 'DEMO-22': 'PS', 'DEMO-23': 'PP', 'DEMO-24': '', 'DEMO-25': 'N',
  'DEMO-26': '', 'DEMO-27': 'FP', 'DEMO-28': 'PPB', 'DEMO-29': '', 'DEMO-30': 'P', 'DEMO-31': 'PPP', 'DEMO-32': 'PN', 'DEMO-33': 'F',
  'DEMO-34': '', 'DEMO-35': 'PP', 'DEMO-36': 'BB', 'DEMO-37': 'PPP', 'DEMO-38': 'PP', 'DEMO-39': '', 'DEMO-40': 'FP', 'DEMO-41': 'PF',
  'DEMO-42': '', 'DEMO-43': 'P', 'DEMO-44': 'S', 'DEMO-45': 'PP', 'DEMO-46': '', 'DEMO-47': 'PNP', 'DEMO-48': 'PP', 'DEMO-49': 'P',
};

/** The bugs recorded on failing results: [issue, index of the failing test] → bug (DEMO-40's failure names none). */
const DEFECTS: Record<string, string> = {
  'DEMO-11#1': 'DEMO-50',
  'DEMO-15#0': 'DEMO-51',
  'DEMO-15#2': 'DEMO-52',
  'DEMO-18#0': 'DEMO-53',
  'DEMO-27#0': 'DEMO-54',
  'DEMO-33#0': 'DEMO-55',
  'DEMO-41#1': 'DEMO-56',
};

const SCENARIOS = ['happy path', 'edge cases', 'error messages', 'keyboard and screen reader'];
const STATUS: Record<string, ExecutionStatus> = { P: 'PASS', F: 'FAIL', B: 'BLOCKED', S: 'SKIPPED', N: 'NOT_EXECUTED' };
const DAY = 86_400_000;
const PROJECT = 'PRJ-1';

/** Keys whose plan links tests, for the test that checks they exist in the local Jira site. */
export const COVERAGE_DEMO_KEYS = Object.keys(PLAN);

export function seedCoverageDemo(store: Store, now: number): { testCases: number; results: number } {
  if (store.state.testCases.some((tc) => tc.projectId === PROJECT && tc.jiraIssueKeys.includes('DEMO-10'))) return { testCases: 0, results: 0 };
  const summary = (key: string) => SCOPE_ISSUES.find((i) => i.key === key)?.summary ?? key;
  return store.mutate((s) => {
    const writer = new Writer(s, PROJECT, now);
    const cycle = writer.cycle('Release 3.8 regression', 'Every story of release 3.8 before it ships.', 'staging');
    let testCases = 0;
    let results = 0;
    Object.entries(PLAN).forEach(([key, plan], n) => {
      [...plan].forEach((letter, i) => {
        const tc = writer.testCase(`${summary(key)}: ${SCENARIOS[i] ?? `scenario ${i + 1}`}`, key, n % 2 === 0 ? 'alice' : 'bob', 20 - (n % 10));
        writer.member(cycle, tc.id, 7);
        testCases += 1;
        const status = STATUS[letter]!;
        if (status === 'NOT_EXECUTED') return;
        writer.run(cycle, tc.id, status, (n + i) % 2 === 0 ? 'bob' : 'alice', 6 - ((n + i) % 5), DEFECTS[`${key}#${i}`] ?? null);
        results += 1;
      });
    });
    return { testCases, results };
  });
}

export interface GrowCoverageInput {
  projectId: string;
  /** The grown scope's issues: every fifth has no test, the others 1–3 with results. */
  issueKeys: readonly string[];
  /** Bugs for failing results to name (every other failure names one). */
  bugKeys: readonly string[];
  cycleName: string;
  by: string;
}

export function growCoverage(store: Store, input: GrowCoverageInput, now: number): { testCases: number; results: number } {
  if (!store.state.projects.some((p) => p.id === input.projectId)) throw new SimError(404, 'NOT_FOUND', `Project ${input.projectId} does not exist.`);
  store.user(input.by);
  const pattern: ExecutionStatus[] = ['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'FAIL', 'BLOCKED', 'SKIPPED', 'NOT_EXECUTED'];
  return store.mutate((s) => {
    const writer = new Writer(s, input.projectId, now);
    const cycle = writer.cycle(input.cycleName, `Generated: ${input.issueKeys.length} issues.`, null);
    let testCases = 0;
    let results = 0;
    input.issueKeys.forEach((key, i) => {
      if (i % 5 === 0) return;
      for (let j = 0; j < 1 + (i % 3); j++) {
        const tc = writer.testCase(`${key} generated check ${j + 1}`, key, input.by, 1);
        writer.member(cycle, tc.id, 1);
        testCases += 1;
        const status = pattern[(i * 7 + j) % pattern.length]!;
        if (status === 'NOT_EXECUTED') continue;
        const bug = status === 'FAIL' && i % 2 === 0 && input.bugKeys.length > 0 ? input.bugKeys[(i + j) % input.bugKeys.length]! : null;
        writer.run(cycle, tc.id, status, input.by, 0, bug);
        results += 1;
      }
    });
    return { testCases, results };
  });
}

/** Writes records the way the store does (ids per project, every case in the master cycle, a global seq). */
class Writer {
  private readonly master: SimCycle | undefined;

  constructor(
    private readonly s: SimState,
    private readonly projectId: string,
    private readonly now: number,
  ) {
    this.master = s.cycles.find((c) => c.projectId === projectId && c.isMaster);
  }

  private at(daysAgo: number): string {
    return new Date(this.now - daysAgo * DAY).toISOString();
  }

  private project() {
    const p = this.s.projects.find((x) => x.id === this.projectId);
    if (!p) throw new SimError(404, 'NOT_FOUND', `Project ${this.projectId} does not exist.`);
    return p;
  }

  cycle(name: string, description: string, environment: string | null): SimCycle {
    const c: SimCycle = { projectId: this.projectId, id: `TCYCLE-${this.project().nextCycle++}`, name, description, environment, isMaster: false, createdAt: this.at(8), updatedAt: this.at(0) };
    this.s.cycles.push(c);
    return c;
  }

  testCase(title: string, jiraIssueKey: string, ownerId: string, daysAgo: number): SimTestCase {
    const at = this.at(daysAgo);
    const tc: SimTestCase = {
      projectId: this.projectId, id: `TC-${this.project().nextCase++}`, title, description: '', priority: 'MEDIUM', type: 'FUNCTIONAL', status: 'READY',
      automationId: null, ownerId, preconditions: '', steps: [], jiraIssueKeys: [jiraIssueKey], createdAt: at, updatedAt: at,
    };
    this.s.testCases.push(tc);
    if (this.master) this.member(this.master, tc.id, daysAgo);
    return tc;
  }

  member(cycle: SimCycle, testCaseId: string, daysAgo: number): void {
    this.s.members.push({ id: `MEM-${++this.s.counters.member}`, projectId: this.projectId, cycleId: cycle.id, testCaseId, addedAt: this.at(daysAgo) });
  }

  run(cycle: SimCycle, testCaseId: string, status: ExecutionStatus, by: string, daysAgo: number, defect: string | null): void {
    this.s.runs.push({
      id: `EX-${++this.s.counters.run}`, projectId: this.projectId, cycleId: cycle.id, testCaseId, status, comment: null,
      defects: defect ? [defect] : [], stepResults: [], recordedBy: by, recordedAt: this.at(daysAgo), seq: ++this.s.counters.seq,
    });
  }
}

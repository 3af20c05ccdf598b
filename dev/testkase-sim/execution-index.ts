/**
 * The simulator's index of results (A11, A40), as a real TestKase keeps one: each case's current run in
 * each cycle, each cycle's members in id order, each case's cycles, and the test cases linked to each
 * Jira issue. Rebuilt (in one pass over the state) after any change — the store counts its changes —
 * so every read is a lookup, not a scan of every run: a cycle of 5,000 results costs its 5,000 rows, not 5,000 × 5,000.
 */
import { byId, type SimMember, type SimRun, type SimState } from './state';

const cell = (...parts: string[]) => parts.join('\u0000');

export class ExecutionIndex {
  /** The store's change count the index was built at. */
  private builtAt = -1;
  private current = new Map<string, SimRun>();
  private members = new Map<string, SimMember[]>();
  private memberships = new Map<string, SimMember[]>();
  private linked = new Map<string, Set<string>>();
  /**
   * Whether the simulator applies A40's `jiraIssueKey` filter on a cycle's executions: off, it behaves
   * as a TestKase without it (the parameter is ignored), so the app's fallback can be exercised.
   */
  filtersByIssue = true;

  constructor(private readonly source: { readonly state: SimState; readonly revision: number }) {}

  private fresh(): void {
    if (this.builtAt === this.source.revision) return;
    const { state } = this.source;
    this.current = new Map();
    for (const r of state.runs) {
      const k = cell(r.projectId, r.cycleId, r.testCaseId);
      const seen = this.current.get(k);
      if (!seen || r.seq > seen.seq) this.current.set(k, r);
    }
    this.members = new Map();
    this.memberships = new Map();
    for (const m of state.members) {
      const k = cell(m.projectId, m.cycleId);
      const list = this.members.get(k);
      if (list) list.push(m);
      else this.members.set(k, [m]);
      const byCase = cell(m.projectId, m.testCaseId);
      const of = this.memberships.get(byCase);
      if (of) of.push(m);
      else this.memberships.set(byCase, [m]);
    }
    for (const list of this.members.values()) list.sort((a, b) => byId({ id: a.testCaseId }, { id: b.testCaseId }));
    this.linked = new Map();
    for (const t of state.testCases) {
      for (const key of t.jiraIssueKeys) {
        const k = cell(t.projectId, key);
        const set = this.linked.get(k);
        if (set) set.add(t.id);
        else this.linked.set(k, new Set([t.id]));
      }
    }
    this.builtAt = this.source.revision;
  }

  /** The case's latest recorded result in the cycle. */
  currentRun(projectId: string, cycleId: string, testCaseId: string): SimRun | undefined {
    this.fresh();
    return this.current.get(cell(projectId, cycleId, testCaseId));
  }

  /** The cycle's members, in test case id order. */
  membersOf(projectId: string, cycleId: string): readonly SimMember[] {
    this.fresh();
    return this.members.get(cell(projectId, cycleId)) ?? [];
  }

  /** The case's memberships, one per cycle holding it (its latest execution is among their results). */
  membershipsOf(projectId: string, testCaseId: string): readonly SimMember[] {
    this.fresh();
    return this.memberships.get(cell(projectId, testCaseId)) ?? [];
  }

  /** The cycle's members whose test case is linked to the Jira issue (A40). */
  membersLinkedTo(projectId: string, cycleId: string, jiraIssueKey: string): SimMember[] {
    this.fresh();
    const linked = this.linked.get(cell(projectId, jiraIssueKey));
    if (!linked) return [];
    return this.membersOf(projectId, cycleId).filter((m) => linked.has(m.testCaseId));
  }
}

/**
 * Demo data: an organisation, alice (Project Admin), bob (User), gina (Guest) and nora (member of
 * the second project only); PRJ-1 mapped to Jira project DEMO, PRJ-2 mapped to nothing; a dozen
 * checkout test cases, some linked to DEMO-1 and DEMO-2; two cycles besides the master cycle.
 */
import type { ExecutionStatus, Priority } from '../../src/testkase/contract';
import type { SimExecution, SimState, SimTestCase } from './state';

const DAY = 86_400_000;

const CASES: Array<[title: string, priority: Priority, issues: string[], description: string]> = [
  ['Guest checkout with a saved card', 'HIGH', ['DEMO-1'], '1. Add an item to the cart\n2. Check out as a guest\n3. Pay with the saved Visa card\nExpected: the order is confirmed.'],
  ['Apply a percentage discount code', 'MEDIUM', ['DEMO-1'], 'Apply SAVE10 to a €50 cart. Expected: total is €45.'],
  ['Reject an expired discount code', 'MEDIUM', ['DEMO-1'], 'Apply SPRING22. Expected: "This code has expired" and the total is unchanged.'],
  ['Checkout total includes VAT for EU addresses', 'HIGH', ['DEMO-1'], 'Ship to Berlin. Expected: 19% VAT is shown on its own line.'],
  ['Payment declined shows a retry option', 'CRITICAL', ['DEMO-2'], 'Use the test card 4000 0000 0000 0002. Expected: a decline message and a Retry button.'],
  ['3-D Secure challenge completes and returns to the order page', 'CRITICAL', ['DEMO-2'], 'Use a 3DS2 test card, approve the challenge. Expected: order confirmation page.'],
  ['Order confirmation email is sent once', 'MEDIUM', [], 'Place an order, refresh the confirmation page twice. Expected: exactly one email.'],
  ['Cart survives a session timeout', 'LOW', [], 'Add items, wait 31 minutes, reload. Expected: the cart still holds the items.'],
  ['Shipping options update when the postcode changes', 'MEDIUM', [], 'Change the postcode from 75001 to 97400. Expected: overseas shipping options only.'],
  ['Refund to the original payment method', 'HIGH', [], 'Refund a paid order from the back office. Expected: the card is credited, not store credit.'],
  ['Invoice PDF shows the company VAT number', 'LOW', [], 'Order with a business account. Expected: the VAT number appears on the invoice PDF.'],
  ['Checkout form is usable with a keyboard only', 'HIGH', [], 'Complete checkout with Tab, Shift+Tab, Enter and Space only. Expected: every step reachable, focus visible.'],
];

const MOBILE_CASES: Array<[string, Priority]> = [
  ['Sign in with Face ID', 'HIGH'],
  ['Push notification opens the order', 'MEDIUM'],
  ['Offline mode shows cached orders', 'LOW'],
];

export function seedState(now: number): SimState {
  const at = (daysAgo: number, hours = 0) => new Date(now - daysAgo * DAY + hours * 3_600_000).toISOString();
  const testCases: SimTestCase[] = CASES.map(([title, priority, issues, description], i) => ({
    projectId: 'PRJ-1',
    id: `TC-${i + 1}`,
    title,
    description,
    priority,
    jiraIssueKeys: issues,
    createdAt: at(40 - i),
    updatedAt: at(20 - i),
  }));
  MOBILE_CASES.forEach(([title, priority], i) =>
    testCases.push({ projectId: 'PRJ-2', id: `TC-${i + 1}`, title, description: '', priority, jiraIssueKeys: [], createdAt: at(30), updatedAt: at(30) }),
  );

  let execution = 0;
  let seq = 0;
  const executions: SimExecution[] = [];
  const member = (projectId: string, cycleId: string, testCaseId: string, run?: [ExecutionStatus, string, number, string | null, string[]?]) => {
    executions.push({
      id: `EX-${++execution}`,
      projectId,
      cycleId,
      testCaseId,
      status: run ? run[0] : 'NOT_EXECUTED',
      executedBy: run ? run[1] : null,
      executedAt: run ? at(run[2], 2) : null,
      comment: run ? run[3] : null,
      defects: run?.[4] ?? [],
      seq: ++seq,
    });
  };
  // The master cycle holds every test case of its project.
  for (const tc of testCases) member(tc.projectId, 'TCYCLE-1', tc.id);
  member('PRJ-1', 'TCYCLE-2', 'TC-1', ['PASS', 'bob', 6, null]);
  member('PRJ-1', 'TCYCLE-2', 'TC-2', ['FAIL', 'alice', 5, 'Discount applied twice when the code is re-entered.', ['DEMO-1']]);
  member('PRJ-1', 'TCYCLE-2', 'TC-3', ['PASS', 'bob', 5, null]);
  member('PRJ-1', 'TCYCLE-2', 'TC-4', ['BLOCKED', 'bob', 4, 'Tax service sandbox is down.']);
  member('PRJ-1', 'TCYCLE-2', 'TC-5');
  member('PRJ-1', 'TCYCLE-2', 'TC-6', ['SKIPPED', 'alice', 4, '3DS test cards unavailable this sprint.']);
  member('PRJ-1', 'TCYCLE-3', 'TC-1', ['PASS', 'alice', 1, 'Smoke OK on production.']);
  member('PRJ-1', 'TCYCLE-3', 'TC-5');
  member('PRJ-1', 'TCYCLE-3', 'TC-7');
  member('PRJ-1', 'TCYCLE-3', 'TC-8');

  return {
    version: 1,
    org: { id: 'ORG-1', name: 'Acme Shop' },
    counters: { token: 0, execution, seq },
    users: [
      { id: 'alice', name: 'Alice Martin', email: 'alice@acme.example', memberships: { 'PRJ-1': 'PROJECT_ADMIN', 'PRJ-2': 'PROJECT_ADMIN' }, deleted: false },
      { id: 'bob', name: 'Bob Nguyen', email: 'bob@acme.example', memberships: { 'PRJ-1': 'USER' }, deleted: false },
      { id: 'gina', name: 'Gina Rossi', email: 'gina@acme.example', memberships: { 'PRJ-1': 'GUEST' }, deleted: false },
      { id: 'nora', name: 'Nora Kim', email: 'nora@acme.example', memberships: { 'PRJ-2': 'USER' }, deleted: false },
    ],
    projects: [
      { id: 'PRJ-1', key: 'CHK', name: 'Checkout', nextCase: CASES.length + 1, nextCycle: 4 },
      { id: 'PRJ-2', key: 'MOB', name: 'Mobile App', nextCase: MOBILE_CASES.length + 1, nextCycle: 2 },
    ],
    mappings: [{ jiraProjectKey: 'DEMO', projectId: 'PRJ-1' }],
    tokens: [],
    testCases,
    cycles: [
      { projectId: 'PRJ-1', id: 'TCYCLE-1', name: 'Master cycle', description: 'Every test case of the project.', environment: null, isMaster: true, createdAt: at(60) },
      { projectId: 'PRJ-1', id: 'TCYCLE-2', name: 'Sprint 42 regression', description: 'Checkout regression before the 3.8 release.', environment: 'staging', isMaster: false, createdAt: at(7) },
      { projectId: 'PRJ-1', id: 'TCYCLE-3', name: 'Release 3.8 smoke', description: '', environment: 'production', isMaster: false, createdAt: at(2) },
      { projectId: 'PRJ-2', id: 'TCYCLE-1', name: 'Master cycle', description: 'Every test case of the project.', environment: null, isMaster: true, createdAt: at(60) },
    ],
    executions,
  };
}

/**
 * Demo data: an organisation, alice (Project Admin), bob (User), gina (Guest) and nora (member of
 * the second project only); PRJ-1 mapped to Jira project DEMO, PRJ-2 mapped to nothing; a dozen
 * checkout test cases with preconditions and steps, some linked to DEMO-1 and DEMO-2; two cycles
 * besides the master cycle, with a few results recorded (one case run twice, one Fail with a bug).
 */
import type { ExecutionStatus, Priority } from '../../src/testkase/contract';
import type { SimMember, SimRun, SimState, SimTestCase } from './state';

/** Steps of the demo cases that have them: [action, expected result]. */
const STEPS: Record<string, { preconditions: string; steps: Array<[string, string]>; type?: SimTestCase['type']; automationId?: string }> = {
  'TC-1': {
    preconditions: 'A customer account with a saved Visa card; one item in stock.',
    steps: [
      ['Add the item to the cart', 'The cart shows 1 item'],
      ['Check out as a guest', 'The payment step offers the saved card'],
      ['Pay with the saved Visa card', 'The order confirmation page shows an order number'],
    ],
    type: 'SMOKE',
    automationId: '48271',
  },
  'TC-2': {
    preconditions: 'Discount code SAVE10 (10 %) is active; a €50 cart.',
    steps: [
      ['Open the cart and enter SAVE10', 'The code is accepted'],
      ['Apply the code', 'The total is €45.00'],
      ['Enter SAVE10 again and apply', 'The code is not applied twice: the total stays €45.00'],
    ],
    type: 'FUNCTIONAL',
  },
  'TC-3': {
    preconditions: 'Discount code SPRING22 expired yesterday.',
    steps: [
      ['Enter SPRING22 in the cart', 'The message "This code has expired" is shown'],
      ['Check the total', 'The total is unchanged'],
    ],
  },
  'TC-4': {
    preconditions: 'A shipping address in Berlin.',
    steps: [
      ['Go to checkout with a €100 cart', 'The summary shows the net amount'],
      ['Look at the tax line', '19 % VAT (€19.00) is shown on its own line'],
    ],
    type: 'REGRESSION',
  },
  'TC-5': {
    preconditions: 'Stripe test mode.',
    steps: [
      ['Pay with 4000 0000 0000 0002', 'The payment is declined'],
      ['Read the message', 'A plain decline message and a Retry button are shown'],
      ['Retry with 4242 4242 4242 4242', 'The order is confirmed'],
    ],
  },
  'TC-6': {
    preconditions: 'A 3-D Secure 2 test card.',
    steps: [
      ['Pay with the 3DS2 card', 'The bank challenge opens'],
      ['Approve the challenge', 'The shopper returns to the order confirmation page'],
    ],
  },
};

const OWNERS = ['alice', 'bob'];

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
  const testCases: SimTestCase[] = CASES.map(([title, priority, issues, description], i) => {
    const id = `TC-${i + 1}`;
    const extra = STEPS[id];
    return {
      projectId: 'PRJ-1',
      id,
      title,
      description,
      priority,
      type: extra?.type ?? 'FUNCTIONAL',
      status: i === 10 ? 'DRAFT' : 'READY',
      automationId: extra?.automationId ?? null,
      ownerId: OWNERS[i % OWNERS.length]!,
      preconditions: extra?.preconditions ?? '',
      steps: (extra?.steps ?? []).map(([action, expectedResult], n) => ({ order: n + 1, action, expectedResult })),
      jiraIssueKeys: issues,
      createdAt: at(40 - i),
      updatedAt: at(20 - i),
    };
  });
  MOBILE_CASES.forEach(([title, priority], i) =>
    testCases.push({
      projectId: 'PRJ-2',
      id: `TC-${i + 1}`,
      title,
      description: '',
      priority,
      type: 'FUNCTIONAL',
      status: 'READY',
      automationId: null,
      ownerId: null,
      preconditions: '',
      steps: [],
      jiraIssueKeys: [],
      createdAt: at(30),
      updatedAt: at(30),
    }),
  );

  let member = 0;
  let run = 0;
  let seq = 0;
  const members: SimMember[] = [];
  const runs: SimRun[] = [];
  const add = (projectId: string, cycleId: string, testCaseId: string, addedDaysAgo: number) =>
    members.push({ id: `MEM-${++member}`, projectId, cycleId, testCaseId, addedAt: at(addedDaysAgo) });
  const record = (cycleId: string, testCaseId: string, status: ExecutionStatus, by: string, daysAgo: number, comment: string | null, defects: string[] = []) =>
    runs.push({ id: `EX-${++run}`, projectId: 'PRJ-1', cycleId, testCaseId, status, comment, defects, stepResults: [], recordedBy: by, recordedAt: at(daysAgo, 2), seq: ++seq });

  // The master cycle holds every test case of its project.
  for (const tc of testCases) add(tc.projectId, 'TCYCLE-1', tc.id, 40);
  for (const id of ['TC-1', 'TC-2', 'TC-3', 'TC-4', 'TC-5', 'TC-6']) add('PRJ-1', 'TCYCLE-2', id, 7);
  for (const id of ['TC-1', 'TC-5', 'TC-7', 'TC-8']) add('PRJ-1', 'TCYCLE-3', id, 2);
  record('TCYCLE-2', 'TC-1', 'PASS', 'bob', 6, null);
  record('TCYCLE-2', 'TC-2', 'BLOCKED', 'bob', 6, 'Discount service was restarting; retried the next day.');
  record('TCYCLE-2', 'TC-2', 'FAIL', 'alice', 5, 'Discount applied twice when the code is re-entered.', ['DEMO-3']);
  record('TCYCLE-2', 'TC-3', 'PASS', 'bob', 5, null);
  record('TCYCLE-2', 'TC-4', 'BLOCKED', 'bob', 4, 'Tax service sandbox is down.');
  record('TCYCLE-2', 'TC-6', 'SKIPPED', 'alice', 4, '3DS test cards unavailable this sprint.');
  record('TCYCLE-3', 'TC-1', 'PASS', 'alice', 1, 'Smoke OK on production.');

  return {
    version: 2,
    org: { id: 'ORG-1', name: 'Acme Shop' },
    counters: { token: 0, member, run, seq },
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
      { projectId: 'PRJ-1', id: 'TCYCLE-1', name: 'Master cycle', description: 'Every test case of the project.', environment: null, isMaster: true, createdAt: at(60), updatedAt: at(40) },
      { projectId: 'PRJ-1', id: 'TCYCLE-2', name: 'Sprint 42 regression', description: 'Checkout regression before the 3.8 release.', environment: 'staging', isMaster: false, createdAt: at(7), updatedAt: at(4, 2) },
      { projectId: 'PRJ-1', id: 'TCYCLE-3', name: 'Release 3.8 smoke', description: '', environment: 'production', isMaster: false, createdAt: at(2), updatedAt: at(1, 2) },
      { projectId: 'PRJ-2', id: 'TCYCLE-1', name: 'Master cycle', description: 'Every test case of the project.', environment: null, isMaster: true, createdAt: at(60), updatedAt: at(30) },
    ],
    members,
    runs,
    idempotency: [],
  };
}

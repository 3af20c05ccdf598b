/**
 * The local site's release world, for the coverage page and gadget: project DEMO's versions, its
 * Scrum board and sprints, its epics, the issues of release 3.8 (about forty, placed in a sprint or an
 * epic) and the bugs that the TestKase simulator's failing results name (dev/testkase-sim/coverage-seed.ts
 * links tests to these keys). Statuses carry Jira's status categories: a bug is open until its status
 * is in the Done category.
 */
import { PROJECTS, type JiraIssue } from './fixtures';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** Jira's three status categories, as its REST API names them. */
export const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; key: StatusCategoryKey; name: string; colorName: string }> = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

/** The workflow statuses of the local projects, with their ids and categories. */
export const STATUSES: Record<string, { id: string; category: StatusCategoryKey }> = {
  'To Do': { id: '10000', category: 'new' },
  'In Progress': { id: '3', category: 'indeterminate' },
  'In Review': { id: '10001', category: 'indeterminate' },
  Done: { id: '10002', category: 'done' },
};

/** The Epic issue type (hierarchy level 1). The Create Issue dialog does not offer it locally. */
export const EPIC_TYPE = { id: '10004', name: 'Epic', description: 'A big user story that needs to be broken down.' } as const;

export interface JiraVersion {
  id: string;
  name: string;
  projectId: string;
  released: boolean;
  archived: boolean;
  releaseDate?: string;
  description: string;
}

export interface JiraBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectKey: string;
}

export interface JiraSprint {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  boardId: number;
  startDate?: string;
  endDate?: string;
  goal: string;
}

const DEMO = PROJECTS.find((p) => p.key === 'DEMO')!;

/** Release 3.8 is the one being tested; 3.7 shipped; 3.9 has no issue yet (the "scope with no issues" state). */
export const VERSIONS: readonly JiraVersion[] = [
  { id: '10009', name: '3.7', projectId: DEMO.id, released: true, archived: false, releaseDate: '2026-10-15', description: 'Autumn release.' },
  { id: '10010', name: '3.8', projectId: DEMO.id, released: false, archived: false, releaseDate: '2026-12-18', description: 'Checkout and payments release.' },
  { id: '10011', name: '3.9', projectId: DEMO.id, released: false, archived: false, description: 'Not planned yet.' },
];

export const BOARDS: readonly JiraBoard[] = [
  { id: 1, name: 'DEMO board', type: 'scrum', projectKey: 'DEMO' },
  // A Kanban board has no sprints: Jira answers 400 for its sprints, so the app asks for Scrum boards only.
  { id: 2, name: 'DEMO support', type: 'kanban', projectKey: 'DEMO' },
];

export const SPRINTS: readonly JiraSprint[] = [
  { id: 41, name: 'Sprint 41', state: 'closed', boardId: 1, startDate: '2026-11-02T09:00:00.000Z', endDate: '2026-11-16T17:00:00.000Z', goal: 'Ship 3.7 fixes' },
  { id: 42, name: 'Sprint 42', state: 'active', boardId: 1, startDate: '2026-11-30T09:00:00.000Z', endDate: '2026-12-14T17:00:00.000Z', goal: 'Checkout for 3.8' },
  { id: 43, name: 'Sprint 43', state: 'future', boardId: 1, goal: 'Payments for 3.8' },
];

/** Where the base fixtures' issues sit (fixtures.ts keeps their other fields). */
export const BASE_PLACEMENT: Readonly<Record<string, Pick<JiraIssue, 'fixVersions' | 'sprint' | 'parent'>>> = {
  'DEMO-1': { fixVersions: ['10010'], sprint: 42 },
  'DEMO-2': { fixVersions: ['10010'], sprint: 42, parent: 'DEMO-61' },
};

const story = (n: number, summary: string, status: string, place: Pick<JiraIssue, 'fixVersions' | 'sprint' | 'parent'>, type: 'Story' | 'Task' = 'Story'): JiraIssue => ({
  id: String(10000 + n),
  key: `DEMO-${n}`,
  type,
  typeId: type === 'Story' ? '10002' : '10003',
  status,
  summary,
  description: [`${summary}.`],
  project: DEMO,
  ...place,
});

const R38 = ['10010'];

/** The other 38 issues of release 3.8 (DEMO-10 … DEMO-47), two of 3.7, the bugs failing runs name, and the epics. */
export const SCOPE_ISSUES: readonly JiraIssue[] = [
  story(10, 'One-page checkout for signed-in shoppers', 'In Progress', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(11, 'Address autocomplete in the shipping step', 'In Review', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(12, 'Edit the cart from the order summary', 'In Progress', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(13, 'Remember the last used shipping method', 'Done', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(14, 'Show delivery dates per shipping option', 'To Do', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(15, 'Gift wrapping option per item', 'In Progress', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(16, 'Promo banner on the cart page', 'Done', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }, 'Task'),
  story(17, 'Guest checkout asks for an e-mail first', 'In Review', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(18, 'Split payment between a gift card and a card', 'In Progress', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(19, 'Order confirmation page redesign', 'To Do', { fixVersions: R38, sprint: 42, parent: 'DEMO-60' }),
  story(20, 'Apple Pay on supported browsers', 'In Progress', { fixVersions: R38, sprint: 42, parent: 'DEMO-61' }),
  story(21, 'Google Pay on Android', 'To Do', { fixVersions: R38, sprint: 42, parent: 'DEMO-61' }),
  story(22, 'Retry a failed payment without re-entering the card', 'In Review', { fixVersions: R38, sprint: 42, parent: 'DEMO-61' }),
  story(23, 'Save a card for next time', 'Done', { fixVersions: R38, sprint: 42, parent: 'DEMO-61' }),
  story(24, 'Upgrade the payment SDK', 'Done', { fixVersions: R38, sprint: 42, parent: 'DEMO-61' }, 'Task'),
  story(25, 'PayPal express checkout', 'To Do', { fixVersions: R38, sprint: 43, parent: 'DEMO-61' }),
  story(26, 'Klarna pay later', 'To Do', { fixVersions: R38, sprint: 43 }),
  story(27, 'Refund to a gift card', 'In Progress', { fixVersions: R38, sprint: 43 }),
  story(28, 'Partial refunds from the back office', 'To Do', { fixVersions: R38, sprint: 43 }),
  story(29, 'Invoice download from the order page', 'To Do', { fixVersions: R38, sprint: 43 }),
  story(30, 'Currency switcher in the header', 'To Do', { fixVersions: R38, sprint: 43 }),
  story(31, 'Prices include VAT for EU shoppers', 'Done', { fixVersions: R38 }),
  story(32, 'Tax exemption for business accounts', 'In Progress', { fixVersions: R38 }),
  story(33, 'Low-stock warning in the cart', 'Done', { fixVersions: R38 }),
  story(34, 'Back-in-stock e-mail alerts', 'To Do', { fixVersions: R38 }),
  story(35, 'Wish list shared by link', 'To Do', { fixVersions: R38 }),
  story(36, 'Rate-limit coupon attempts', 'In Progress', { fixVersions: R38 }, 'Task'),
  story(37, 'Fraud score on high-value orders', 'In Review', { fixVersions: R38 }),
  story(38, 'Order history search', 'Done', { fixVersions: R38 }),
  story(39, 'Reorder a previous order in one click', 'To Do', { fixVersions: R38 }),
  story(40, 'Free-shipping threshold progress bar', 'In Progress', { fixVersions: R38 }),
  story(41, 'Checkout works with a screen reader', 'In Review', { fixVersions: R38 }),
  story(42, 'Keyboard focus order in the payment form', 'To Do', { fixVersions: R38 }),
  story(43, 'Migrate checkout analytics events', 'Done', { fixVersions: R38 }, 'Task'),
  story(44, 'Performance budget for the cart page', 'In Progress', { fixVersions: R38 }, 'Task'),
  story(45, 'Cookie banner stays out of the payment form', 'Done', { fixVersions: R38 }),
  story(46, 'Postcode validation per country', 'To Do', { fixVersions: R38 }),
  story(47, 'Newsletter opt-in at checkout', 'To Do', { fixVersions: R38 }),
  story(48, 'Cart survives a session timeout', 'Done', { fixVersions: ['10009'], sprint: 41 }),
  story(49, 'Discount codes are case-insensitive', 'Done', { fixVersions: ['10009'], sprint: 41 }),
  // The bugs recorded on failing results: open until Done.
  bug(50, 'Address autocomplete picks the wrong street number', 'To Do'),
  bug(51, 'Gift wrap fee is charged twice', 'In Progress'),
  bug(52, 'Gift wrap message loses accents', 'Done'),
  bug(53, 'Split payment leaves a card authorisation open', 'To Do'),
  bug(54, 'Refund to gift card shows the wrong balance', 'In Review'),
  bug(55, 'Low-stock warning shows for items in stock', 'Done'),
  bug(56, 'Screen reader announces the total twice', 'To Do'),
  // Epics (hierarchy level 1): DEMO-62 has no child yet (an empty scope).
  epic(60, 'Checkout redesign', 'In Progress'),
  epic(61, 'Payment methods', 'In Progress'),
  epic(62, 'Accessibility audit fixes', 'To Do'),
];

function bug(n: number, summary: string, status: string): JiraIssue {
  return { id: String(10000 + n), key: `DEMO-${n}`, type: 'Bug', typeId: '10001', status, summary, description: [`${summary}.`], project: DEMO, reporter: 'local-bob' };
}

function epic(n: number, summary: string, status: string): JiraIssue {
  return { id: String(10000 + n), key: `DEMO-${n}`, type: EPIC_TYPE.name, typeId: EPIC_TYPE.id, status, summary, description: [`${summary}.`], project: DEMO };
}

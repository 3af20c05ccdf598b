// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
vi.mock('@forge/jira-bridge', () => import('../jiraBridgeMock'));
import { callsOf, routeInvoke, type Handlers } from '../bridgeMock';
import { viewOpened } from '../jiraBridgeMock';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import type { TestCaseSummary } from '../../../src/shared/definitions';
import { connectionView } from '../../../src/resolvers/state-messages';
import { detail, linked, panelCtx, panelState, run, testCase } from '../fixtures';
import { freshPanelEachTest } from './fresh-panel';

freshPanelEachTest();

/** A READY panel whose linked list is `items`, with `handlers` for the rest. */
async function renderReady(items: TestCaseSummary[], handlers: Handlers = {}, canWrite = true) {
  routeInvoke({
    getState: () => ({
      ok: true,
      data: panelState({
        connection: { kind: 'READY', project: { id: 'PRJ-1', name: 'Demo project', role: canWrite ? 'USER' : 'GUEST' }, canWrite },
        linked: { ok: true, data: linked(items) },
      }),
    }),
    ...handlers,
  });
  render(<IssuePanel ctx={panelCtx} />);
  await screen.findByRole('tablist');
}

const rowOf = (id: string) => document.querySelector<HTMLElement>(`li[data-case="${id}"]`)!;
const failed = { status: 'FAIL' as const, cycleId: 'TCYCLE-1', executedAt: '2026-11-02T10:00:00Z', executedBy: { id: 'u', name: 'A' } };

describe('Test Cases tab: the list', () => {
  it('lists id, title, priority, latest result and the coverage counts, and who acts in TestKase', async () => {
    await renderReady([testCase(1, { priority: 'HIGH' }), testCase(2, { latestExecution: failed })]);
    expect(rowOf('TC-1').textContent).toMatch(/TC-1.*Login works 1.*High.*Not Executed/);
    expect(within(rowOf('TC-2')).getByText('Fail').className).toContain('lozenge-fail');
    expect(screen.getByText('2 linked test cases')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Latest results: Not Executed 1, Fail 1');
    expect(screen.getByText(/Acting in TestKase as/).textContent).toContain('Acting in TestKase as Alice Admin');
  });

  it('renders HTML from TestKase as text', async () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    await renderReady([testCase(1, { title: evil })]);
    expect(screen.getByText(evil)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('pages a long list: 50 rows, then 50 more per "Show more"', async () => {
    await renderReady(Array.from({ length: 120 }, (_, i) => testCase(i + 1)));
    expect(document.querySelectorAll('li.case-row')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more test cases' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more test cases' }));
    expect(document.querySelectorAll('li.case-row')).toHaveLength(120);
  });

  it('has an empty state', async () => {
    await renderReady([]);
    expect(screen.getByText('No test cases are linked to DEMO-1 yet.')).toBeTruthy();
  });

  it('filters by latest result, priority and words; the counts and the bar are those of what is listed', async () => {
    await renderReady([testCase(1, { priority: 'HIGH', title: 'Cart keeps items' }), testCase(2, { latestExecution: failed, title: 'Cart timeout' }), testCase(3, { title: 'Checkout' })]);
    fireEvent.change(screen.getByLabelText('Latest result'), { target: { value: 'NOT_EXECUTED' } });
    expect(screen.getByText('Showing 2 of 3 linked test cases')).toBeTruthy();
    expect(document.querySelectorAll('li.case-row')).toHaveLength(2);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Latest results of the filtered test cases: Not Executed 2');
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'HIGH' } });
    expect([...document.querySelectorAll('li.case-row')].map((li) => li.getAttribute('data-case'))).toEqual(['TC-1']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(screen.getByLabelText('Filter'), { target: { value: 'timeout cart' } });
    expect([...document.querySelectorAll('li.case-row')].map((li) => li.getAttribute('data-case'))).toEqual(['TC-2']);
    expect(screen.getByText('Showing 1 of 3 linked test cases')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Filter'), { target: { value: 'nothing like this' } });
    expect(screen.getByText('No linked test case matches these filters.')).toBeTruthy();
    expect(screen.getByText('Showing 0 of 3 linked test cases')).toBeTruthy();
  });

  it('shows no write control to a Guest', async () => {
    await renderReady([testCase(1)], {}, false);
    expect(screen.getByText(/read-only \(Guest\)/)).toBeTruthy();
    const writeNames = /create|link existing|unlink|run|add .*cycle|save|record|select/i;
    expect(screen.queryAllByRole('button').filter((b) => writeNames.test(b.textContent ?? ''))).toEqual([]);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
  });
});

describe('Test Cases tab: forms', () => {
  it('Create: focus moves into the form, Esc closes it and focus goes back to the button', async () => {
    await renderReady([testCase(1)]);
    const open = screen.getByRole('button', { name: 'Create test case' });
    open.focus();
    fireEvent.click(open);
    const form = await screen.findByRole('form', { name: 'Create test case' });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/Title/)));
    fireEvent.keyDown(within(form).getByLabelText(/Title/), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Create test case' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(open));
  });

  it('Create: an over-long title is refused with a counter, never cut', async () => {
    await renderReady([testCase(1)], { createTestCase: () => ({ ok: true, data: testCase(9) }) });
    fireEvent.click(screen.getByRole('button', { name: 'Create test case' }));
    const form = await screen.findByRole('form', { name: 'Create test case' });
    const title = within(form).getByLabelText<HTMLInputElement>(/Title/);
    expect(title.hasAttribute('maxlength')).toBe(false);
    fireEvent.change(title, { target: { value: 'x'.repeat(335) } });
    expect(within(form).getByText('80 over the limit of 255')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('The title is 80 characters too long (at most 255).');
    expect(title.value).toHaveLength(335);
    expect(callsOf('createTestCase')).toHaveLength(0);
  });

  it('Create: the title is required, then it creates, refreshes the list and reports it', async () => {
    const created = testCase(9, { title: 'New case', priority: 'HIGH' });
    await renderReady([testCase(1)], {
      createTestCase: () => ({ ok: true, data: created }),
      listLinkedTests: () => ({ ok: true, data: linked([testCase(1), created]) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create test case' }));
    const form = await screen.findByRole('form', { name: 'Create test case' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('Enter a title for the test case.');
    fireEvent.change(within(form).getByLabelText(/Title/), { target: { value: '  New case ' } });
    fireEvent.change(within(form).getByLabelText('Description'), { target: { value: 'Steps' } });
    fireEvent.change(within(form).getByLabelText('Priority'), { target: { value: 'HIGH' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect((await screen.findByText('Created TC-9 and linked it to DEMO-1.'))).toBeTruthy();
    expect(callsOf('createTestCase')).toEqual([{ title: 'New case', description: 'Steps', priority: 'HIGH' }]);
    expect(rowOf('TC-9')).toBeTruthy();
  });

  it('Link existing: focus goes to the search field, so typing and Enter search; a blank query clears the old results', async () => {
    await renderReady([testCase(1)], {
      searchTestCases: (p) => ({ ok: true, data: { items: [testCase(1), testCase(7)], total: 2, page: p.page ?? 1, pageSize: 20 } }),
      linkTestCase: () => ({ ok: true, data: testCase(7) }),
      listLinkedTests: () => ({ ok: true, data: linked([testCase(1), testCase(7)]) }),
    });
    const toggle = screen.getByRole('button', { name: 'Link existing' });
    fireEvent.click(toggle);
    const search = await screen.findByRole('searchbox', { name: 'Search test cases' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.change(search, { target: { value: 'login' } });
    fireEvent.submit(search.closest('form')!);
    expect(await screen.findByText('Showing 2 of 2 matches.')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Link TC-1' })).toBeNull();

    fireEvent.change(search, { target: { value: '   ' } });
    fireEvent.submit(search.closest('form')!);
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a test case id/);
    expect(screen.queryByText('Showing 2 of 2 matches.')).toBeNull();
    expect(callsOf('searchTestCases')).toHaveLength(1);

    fireEvent.change(search, { target: { value: 'TC-7' } });
    fireEvent.submit(search.closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Link TC-7' }));
    expect(await screen.findByText('Linked TC-7 to DEMO-1.')).toBeTruthy();
  });

  it('Unlink: focus lands on the outcome (the row is gone), never on the page body', async () => {
    await renderReady([testCase(1), testCase(2)], {
      unlinkTestCase: () => ({ ok: true, data: testCase(1) }),
      listLinkedTests: () => ({ ok: true, data: linked([testCase(2)]) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Unlink TC-1' }));
    const outcome = await screen.findByText('Unlinked TC-1 from DEMO-1.');
    await waitFor(() => expect(document.activeElement).toBe(outcome.closest('.notice')));
    expect(rowOf('TC-1')).toBeNull();
  });
});

describe('Test Cases tab: details and history', () => {
  it('opens a row’s details (steps, type, owner, automation id) and history newest first with its bugs; Esc closes them back to the row', async () => {
    await renderReady([testCase(2)], {
      getTestCase: () => ({ ok: true, data: detail(2, { automationId: '48271', type: 'SMOKE' }) }),
      listTestCaseHistory: () => ({
        ok: true,
        data: {
          items: [
            run('TC-2', { id: 'EX-2', status: 'FAIL', comment: 'Applied twice.\nSecond line.', defects: ['DEMO-3'], executedBy: { id: 'a', name: 'Alice' }, executedAt: '2026-11-05T10:00:00Z', cycleName: 'Sprint 42' }),
            run('TC-2', { id: 'EX-1', status: 'NOT_EXECUTED', recordedBy: { id: 'b', name: 'Bob' }, recordedAt: '2026-11-04T10:00:00Z' }),
          ],
          total: 2,
          page: 1,
          pageSize: 20,
        },
      }),
    });
    const toggle = rowOf('TC-2').querySelector<HTMLElement>('.case-toggle')!;
    fireEvent.click(toggle);
    const details = await screen.findByRole('region', { name: 'Details of TC-2' });
    expect(await within(details).findByText('Sign in')).toBeTruthy();
    expect(within(details).getByText('The dashboard opens')).toBeTruthy();
    expect(within(details).getByText('48271')).toBeTruthy();
    expect(within(details).getByText('Smoke')).toBeTruthy();
    expect(within(details).getByText('Bob Nguyen')).toBeTruthy();
    const history = await within(details).findByRole('region', { name: 'Execution history of TC-2' });
    expect(within(history).getByText(/Times are in .*Europe\/Berlin/)).toBeTruthy();
    const results = history.querySelectorAll('li.run');
    expect(results[0]!.textContent).toMatch(/Fail.*Sprint 42.*Executed by Alice/);
    // Not Executed is recorded, not executed.
    expect(results[1]!.textContent).toMatch(/Set by Bob/);
    // The comment keeps its line break (shown with white-space: pre-wrap).
    expect(history.querySelector('.comment')!.textContent).toBe('Applied twice.\nSecond line.');
    fireEvent.click(within(history).getByRole('button', { name: 'DEMO-3' }));
    await waitFor(() => expect(viewOpened).toHaveBeenCalledWith('DEMO-3'));

    fireEvent.keyDown(within(history).getByRole('button', { name: 'DEMO-3' }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Details of TC-2' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(toggle));
  });

  it('pages older results', async () => {
    await renderReady([testCase(2)], {
      getTestCase: () => ({ ok: true, data: detail(2) }),
      listTestCaseHistory: (p) => ({ ok: true, data: { items: [run('TC-2', { id: `EX-${p.page ?? 1}`, comment: `page ${p.page ?? 1}` })], total: 2, page: p.page ?? 1, pageSize: 1 } }),
    });
    fireEvent.click(rowOf('TC-2').querySelector<HTMLElement>('.case-toggle')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Show older results' }));
    expect(await screen.findByText('page 2')).toBeTruthy();
    expect(screen.getByText('Showing 2 of 2 results, newest first.')).toBeTruthy();
    expect(callsOf('listTestCaseHistory')).toEqual([{ testCaseId: 'TC-2', page: 1 }, { testCaseId: 'TC-2', page: 2 }]);
  });
});

describe('Test Cases tab: a lost connection', () => {
  it('a TOKEN_REJECTED answer hands the whole panel to the state message: one message, no stale list, the settings action', async () => {
    let state = 0;
    routeInvoke({
      getState: () => ({
        ok: true,
        data: ++state === 1 ? panelState() : panelState({ connection: connectionView({ kind: 'PAT_SAVED', reason: 'TOKEN_REJECTED' }, { module: 'ISSUE_PANEL', jiraProjectKey: 'DEMO' }), linked: null }),
      }),
      unlinkTestCase: () => ({ ok: false, error: { code: 'TOKEN_REJECTED', message: 'TestKase rejected your Personal Access Token.' } }),
    });
    render(<IssuePanel ctx={panelCtx} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink TC-1' }));
    expect(await screen.findByText('TestKase rejected your token')).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Unlink/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open TestKase settings' })).toBeTruthy();
    expect(callsOf('getState')).toHaveLength(2);
  });

  it('Refresh fetches what is on screen again', async () => {
    await renderReady([testCase(1)], { listLinkedTests: () => ({ ok: true, data: linked([testCase(1), testCase(5)]) }) });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('Login works 5')).toBeTruthy();
    expect(callsOf('listLinkedTests')).toHaveLength(1);
  });
});

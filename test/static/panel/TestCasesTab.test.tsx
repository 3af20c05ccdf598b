// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import type { TestCase } from '../../../src/shared/definitions';
import { cycle, execution, linked, panelCtx, panelState, testCase } from '../fixtures';

beforeEach(() => {
  invoke.mockReset();
});
afterEach(cleanup);

/** A READY panel whose linked list is `items`, with `handlers` for the writes. */
async function renderReady(items: TestCase[], handlers: Handlers = {}, canWrite = true) {
  routeInvoke({
    getState: () => ({
      ok: true,
      data: panelState({
        config: { kind: 'READY', project: { id: 'PRJ-1', name: 'Demo project', role: canWrite ? 'USER' : 'GUEST' }, canWrite },
        linked: { ok: true, data: linked(items) },
      }),
    }),
    ...handlers,
  });
  render(<IssuePanel ctx={panelCtx} />);
  await screen.findByRole('tablist');
}

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

describe('Test Cases tab', () => {
  it('lists id, title, priority, latest status and the coverage counts', async () => {
    await renderReady([
      testCase(1, { priority: 'HIGH' }),
      testCase(2, { latestExecution: { status: 'FAIL', cycleId: 'TCYCLE-1', executedAt: '2026-11-02T10:00:00Z', executedBy: { id: 'u', name: 'A' } } }),
    ]);
    const row = rowOf('Login works 1');
    expect([...row.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)).toEqual(['TC-1', 'Login works 1', 'High', 'Not Executed']);
    expect(within(rowOf('Login works 2')).getByText('Fail').className).toContain('lozenge-fail');
    expect(screen.getByText('2 linked test cases')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Latest results: Not Executed 1, Fail 1');
  });

  it('renders HTML from TestKase as text', async () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    await renderReady([testCase(1, { title: evil })]);
    expect(screen.getByText(evil).tagName).toBe('TD');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('pages a long list: 50 rows, then 50 more per "Show more"', async () => {
    await renderReady(Array.from({ length: 120 }, (_, i) => testCase(i + 1)));
    const panel = screen.getByRole('tabpanel');
    expect(panel.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(screen.getByText('120 linked test cases')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more test cases' }));
    expect(panel.querySelectorAll('tbody tr')).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more test cases' }));
    expect(panel.querySelectorAll('tbody tr')).toHaveLength(120);
    expect(screen.queryByRole('button', { name: /more test cases/ })).toBeNull();
  });

  it('has an empty state', async () => {
    await renderReady([]);
    expect(screen.getByText('No test cases are linked to DEMO-1 yet.')).toBeTruthy();
  });

  it('shows no write controls to a Guest, in either tab', async () => {
    await renderReady([testCase(1)], {
      listCycles: () => ({ ok: true, data: [cycle(2)] }),
      listCycleExecutions: () => ({ ok: true, data: { cycle: cycle(2), items: [execution('TC-1')], notInCycle: ['TC-2'] } }),
    }, false);
    expect(screen.getByText(/read-only \(Guest\)/)).toBeTruthy();
    const writeNames = /create|link|unlink|execute|add .*cycle|save/i;
    expect(screen.queryAllByRole('button').filter((b) => writeNames.test(b.textContent ?? ''))).toEqual([]);

    fireEvent.click(screen.getByRole('tab', { name: 'Test Cycles' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    await screen.findByText('TC-2');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['← Back to cycles']);
  });

  it('validates the title, then creates, refreshes the list and reports it', async () => {
    const created = testCase(9, { title: 'New case', priority: 'HIGH' });
    await renderReady([testCase(1)], {
      createTestCase: () => ({ ok: true, data: created }),
      listLinkedTests: () => ({ ok: true, data: linked([testCase(1), created]) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create test case' }));
    const form = screen.getByRole('form', { name: 'Create test case' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('Enter a title for the test case.');
    expect(within(form).getByLabelText(/Title/).getAttribute('aria-invalid')).toBe('true');
    expect(callsOf('createTestCase')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Title/), { target: { value: '  New case ' } });
    fireEvent.change(within(form).getByLabelText('Description'), { target: { value: 'Steps' } });
    fireEvent.change(within(form).getByLabelText('Priority'), { target: { value: 'HIGH' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);

    expect((await screen.findByRole('status')).textContent).toBe('Created TC-9 and linked it to DEMO-1.');
    expect(callsOf('createTestCase')).toEqual([{ title: 'New case', description: 'Steps', priority: 'HIGH' }]);
    expect(callsOf('listLinkedTests')).toHaveLength(1);
    expect(rowOf('New case')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Create test case' })).toBeNull();
  });

  it('shows a backend title error on the field and other errors as an alert', async () => {
    let n = 0;
    await renderReady([testCase(1)], {
      createTestCase: () =>
        ++n === 1
          ? { ok: false, error: { code: 'VALIDATION', field: 'title', message: 'The title is not valid: it is too long. Nothing was changed.' } }
          : { ok: false, error: { code: 'FORBIDDEN', message: 'Your TestKase role does not allow this (Guests can only view).' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create test case' }));
    const form = screen.getByRole('form', { name: 'Create test case' });
    fireEvent.change(within(form).getByLabelText(/Title/), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/too long/);
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toMatch(/Guests can only view/));
  });

  it('searches, pages with Show more, and links a result', async () => {
    const page1 = [testCase(1), testCase(7, { jiraIssueKeys: [] })];
    const page2 = [testCase(8, { jiraIssueKeys: [] })];
    await renderReady([testCase(1)], {
      searchTestCases: (p) => ({ ok: true, data: { items: p.page === 2 ? page2 : page1, total: 3, page: p.page ?? 1, pageSize: 2 } }),
      linkTestCase: (p) => ({ ok: true, data: testCase(Number(p.testCaseId.slice(3))) }),
      listLinkedTests: () => ({ ok: true, data: linked([testCase(1), testCase(8)]) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Link existing' }));
    const search = screen.getByRole('searchbox', { name: 'Search test cases' });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a test case id/);
    expect(callsOf('searchTestCases')).toHaveLength(0);

    fireEvent.change(search, { target: { value: 'login' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Showing 2 of 3 matches.')).toBeTruthy();
    // TC-1 is already linked: no Link button for it.
    expect(screen.queryByRole('button', { name: 'Link TC-1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 3 of 3 matches.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(callsOf('searchTestCases')).toEqual([
      { query: 'login', page: 1 },
      { query: 'login', page: 2 },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Link TC-8' }));
    expect((await screen.findByRole('status')).textContent).toBe('Linked TC-8 to DEMO-1.');
    expect(callsOf('linkTestCase')).toEqual([{ testCaseId: 'TC-8' }]);
    expect(callsOf('listLinkedTests')).toHaveLength(1);
    expect(within(screen.getByRole('table')).getByText('Login works 8')).toBeTruthy();
    // The result now says Linked instead of offering the button again.
    expect(screen.queryByRole('button', { name: 'Link TC-8' })).toBeNull();
  });

  it('shows an empty search result and a search error', async () => {
    let n = 0;
    await renderReady([testCase(1)], {
      searchTestCases: () =>
        ++n === 1 ? { ok: true, data: { items: [], total: 0, page: 1, pageSize: 20 } } : { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached.' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Link existing' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search test cases' }), { target: { value: 'nothing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No test cases match “nothing”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toBe('TestKase could not be reached.');
  });

  it('unlinks a row and refreshes; a failed unlink is explained and keeps the row', async () => {
    let fail = true;
    await renderReady([testCase(1), testCase(2)], {
      unlinkTestCase: () =>
        fail ? { ok: false, error: { code: 'FORBIDDEN', message: 'Your TestKase role does not allow this.' } } : { ok: true, data: testCase(1, { jiraIssueKeys: [] }) },
      listLinkedTests: () => ({ ok: true, data: linked([testCase(2)]) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Unlink TC-1' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your TestKase role does not allow this.');
    expect(screen.getByText('Login works 1')).toBeTruthy();

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Unlink TC-1' }));
    expect(screen.getByRole('button', { name: 'Unlinking…' })).toHaveProperty('disabled', true);
    expect((await screen.findByRole('status')).textContent).toBe('Unlinked TC-1 from DEMO-1.');
    expect(screen.queryByText('Login works 1')).toBeNull();
    expect(callsOf('unlinkTestCase')).toEqual([{ testCaseId: 'TC-1' }, { testCaseId: 'TC-1' }]);
  });
});

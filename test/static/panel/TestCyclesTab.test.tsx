// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
vi.mock('@forge/jira-bridge', () => import('../jiraBridgeMock'));
import { callsOf, routeInvoke, type Handlers } from '../bridgeMock';
import { viewOpened } from '../jiraBridgeMock';
import TestCyclesTab from '../../../static/src/panel/TestCyclesTab';
import type { Execution } from '../../../src/shared/definitions';
import { cycle, cycleRows, cycles, detail, execution, linked, panelCtx, testCase } from '../fixtures';
import { freshPanelEachTest } from './fresh-panel';

freshPanelEachTest();

const onExecuted = vi.fn();
const linkedLoad = { status: 'ready' as const, data: linked([testCase(1), testCase(2)]) };

function renderTab(handlers: Handlers, canWrite = true) {
  routeInvoke(handlers);
  onExecuted.mockClear();
  render(<TestCyclesTab ctx={panelCtx} canWrite={canWrite} issueKey="DEMO-1" linked={linkedLoad} active onExecuted={onExecuted} />);
}

// The whole cycle: 106 cases, 5 executed.
const big = cycle(2, { environment: 'Staging', description: 'Second sprint', total: 106, counts: { NOT_EXECUTED: 101, PASS: 3, FAIL: 1, BLOCKED: 1, SKIPPED: 0 } });
const longComment = `First line\nSecond line\n${'x'.repeat(2000)}`;
const rows: Execution[] = [
  execution('TC-1', { status: 'PASS', executedBy: { id: 'u1', name: 'Alice Admin' }, executedAt: '2026-11-23T23:30:00Z', comment: longComment, defects: ['DEMO-3'] }),
  // Set back to Not Executed: recorded by Bob, but nobody executed it.
  execution('TC-2', { status: 'NOT_EXECUTED', executedBy: { id: 'u2', name: 'Bob' }, executedAt: '2026-11-22T10:00:00Z', recordedBy: { id: 'u2', name: 'Bob' }, recordedAt: '2026-11-22T10:00:00Z' }),
];
const withRows = (over: Handlers = {}): Handlers => ({
  listCycles: () => ({ ok: true, data: cycles([big, cycle(1)]) }),
  listCycleExecutions: () => ({ ok: true, data: cycleRows(big, rows) }),
  ...over,
});

describe('Test Cycles tab', () => {
  it('lists cycles as the backend orders them (most recently active first) with the whole cycle’s progress, labelled', async () => {
    renderTab({ listCycles: () => ({ ok: true, data: cycles([big, cycle(1)], 111) }) });
    const open = await screen.findByRole('button', { name: 'Open cycle Sprint 2' });
    expect(within(open.closest('li')!).getByText('Cycle: 5/106 executed')).toBeTruthy();
    expect(within(open.closest('li')!).getByText('Staging')).toBeTruthy();
    expect([...document.querySelectorAll('.cycle-name')].map((b) => b.textContent)).toEqual(['Sprint 2', 'Master']);
    expect(screen.getByText(/111 cycles, most recently active first \(the first 2 are listed\)/)).toBeTruthy();
  });

  it('searches cycles by name', async () => {
    renderTab({ listCycles: (p) => ({ ok: true, data: p.search ? cycles([cycle(7, { name: 'Checkout hotfix' })]) : cycles([big]) }) });
    await screen.findByRole('button', { name: 'Open cycle Sprint 2' });
    fireEvent.change(screen.getByLabelText('Search cycles by name'), { target: { value: ' hotfix checkout ' } });
    fireEvent.submit(screen.getByRole('search', { name: 'Search test cycles' }));
    expect(await screen.findByRole('button', { name: 'Open cycle Checkout hotfix' })).toBeTruthy();
    expect(callsOf('listCycles')).toEqual([{}, { search: 'hotfix checkout' }]);
    expect(screen.getByText(/1 cycle matches “hotfix checkout”/)).toBeTruthy();
  });

  it('has empty and error states; Retry reloads', async () => {
    let n = 0;
    renderTab({ listCycles: () => (++n === 1 ? { ok: false, error: { code: 'RATE_LIMITED', message: 'Wait 5 seconds and try again.' } } : { ok: true, data: cycles([]) }) });
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('This TestKase project has no test cycles yet.')).toBeTruthy();
  });

  it('creates a cycle: name required, environment over its limit refused, then the new cycle on top', async () => {
    const created = cycle(5, { name: 'Regression', environment: 'Prod', total: 0, counts: { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 } });
    renderTab({ listCycles: () => ({ ok: true, data: cycles([big, cycle(1)]) }), createCycle: () => ({ ok: true, data: created }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Create cycle' }));
    const form = screen.getByRole('form', { name: 'Create cycle' });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/Name/)));
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('Enter a name for the cycle.');
    fireEvent.change(within(form).getByLabelText(/Name/), { target: { value: 'Regression' } });
    fireEvent.change(within(form).getByLabelText('Environment'), { target: { value: 'e'.repeat(61) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('The environment is 1 character too long (at most 60).');
    expect(callsOf('createCycle')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Environment'), { target: { value: ' Prod ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Created the cycle “Regression”.')).toBeTruthy();
    expect(callsOf('createCycle')).toEqual([{ name: 'Regression', environment: 'Prod' }]);
    expect([...document.querySelectorAll('.cycle-name')].map((b) => b.textContent)).toEqual(['Regression', 'Sprint 2', 'Master']);
  });

  it('opens a cycle: focus on its heading, this issue’s and the whole cycle’s counts labelled, Not Executed without executor, comments and bugs', async () => {
    renderTab(withRows());
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    const heading = await screen.findByRole('heading', { name: /Sprint 2/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(await screen.findByText('This issue: 1/2 executed · Cycle: 5/106 executed')).toBeTruthy();
    expect(screen.getByText(/Times are in .*Europe\/Berlin/)).toBeTruthy();
    const [first, second] = [...document.querySelectorAll('li.exec-row')] as HTMLElement[];
    expect(first!.textContent).toMatch(/Executed by Alice Admin · Nov 24, 2026, 12:30 AM/);
    expect(second!.querySelector('.exec-when')!.textContent).toBe('Executed by — · —');
    // Line breaks kept; a long comment clamped with Show more.
    const comment = first!.querySelector('.comment')!;
    expect(comment.textContent).toBe(longComment);
    expect(comment.className).toContain('long-text-clamped');
    fireEvent.click(within(first!).getByRole('button', { name: 'Show more' }));
    expect(comment.className).not.toContain('long-text-clamped');
    fireEvent.click(within(first!).getByRole('button', { name: 'DEMO-3' }));
    await waitFor(() => expect(viewOpened).toHaveBeenCalledWith('DEMO-3'));
  });

  it('runs a case from the cycle with its last result shown, and updates the row', async () => {
    renderTab(
      withRows({
        getTestCase: () => ({ ok: true, data: detail(1) }),
        executeTest: (p) => ({ ok: true, data: execution(p.testCaseId, { status: p.status, executedBy: { id: 'u9', name: 'Bob Nguyen' }, executedAt: '2026-11-25T10:00:00Z' }) }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Run TC-1' }));
    const form = await screen.findByRole('form', { name: 'Run TC-1' });
    expect(await within(form).findByText(/Last result in Sprint 2/)).toBeTruthy();
    expect(callsOf('listCycleExecutions')).toHaveLength(1); // the row's result is reused, not fetched again
    fireEvent.click(within(form).getByLabelText('Skipped'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText('Saved Skipped for TC-1 in Sprint 2.')).toBeTruthy();
    expect(callsOf('executeTest')).toEqual([{ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), cycleId: 'TCYCLE-2', testCaseId: 'TC-1', status: 'SKIPPED' }]);
    expect(document.querySelector('li.exec-row')!.textContent).toContain('Bob Nguyen');
    expect(onExecuted).toHaveBeenCalledTimes(1);
  });

  it('"Add all" sends every linked case not in the cycle at once', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `TC-${i + 1}`);
    renderTab({
      listCycles: () => ({ ok: true, data: cycles([big]) }),
      listCycleExecutions: () => ({ ok: true, data: cycleRows(big, [], ids) }),
      addToCycle: (p) => ({ ok: true, data: { added: p.testCaseIds, alreadyInCycle: [] } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add all 120 to cycle' }));
    expect(await screen.findByText('Added 120 test cases to Sprint 2.')).toBeTruthy();
    expect(callsOf('addToCycle')).toEqual([{ cycleId: 'TCYCLE-2', testCaseIds: ids }]);
  });

  it('the browser’s Back closes the cycle (the panel’s own history entry) and focus returns to the cycle', async () => {
    renderTab(withRows());
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    await screen.findByText(/This issue:/);
    window.history.back();
    const link = await screen.findByRole('button', { name: 'Open cycle Sprint 2' });
    await waitFor(() => expect(document.activeElement).toBe(link));
  });

  it('a Guest sees the cycle without any write control', async () => {
    renderTab(withRows({ listCycleExecutions: () => ({ ok: true, data: cycleRows(big, rows, ['TC-9']) }) }), false);
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    await screen.findByText('TC-9');
    expect(screen.queryAllByRole('button').filter((b) => /Run|Add|Report/.test(b.textContent ?? ''))).toEqual([]);
  });

  it('shows an error when a cycle cannot be opened', async () => {
    renderTab({ listCycles: () => ({ ok: true, data: cycles([big]) }), listCycleExecutions: () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'TestKase could not find that item.' } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    expect((await screen.findByRole('alert')).textContent).toContain('TestKase could not find that item.');
  });
});

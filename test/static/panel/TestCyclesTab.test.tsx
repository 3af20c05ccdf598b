// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import TestCyclesTab from '../../../static/src/panel/TestCyclesTab';
import type { Execution, ExecutionStatus } from '../../../src/shared/definitions';
import { LIMITS } from '../../../src/testkase/limits';
import { cycle, execution, linked, panelCtx, testCase } from '../fixtures';

beforeEach(() => {
  invoke.mockReset();
});
afterEach(cleanup);

const onExecuted = vi.fn();
const linkedLoad = { status: 'ready' as const, data: linked([testCase(1), testCase(2)]) };

function renderTab(handlers: Handlers, canWrite = true) {
  routeInvoke(handlers);
  onExecuted.mockClear();
  render(<TestCyclesTab ctx={panelCtx} canWrite={canWrite} linked={linkedLoad} onExecuted={onExecuted} />);
}

const sprint = cycle(2, { environment: 'Staging', description: 'Second sprint' });
const ran: Execution = execution('TC-1', {
  status: 'PASS',
  executedBy: { id: 'u1', name: 'Alice Admin' },
  executedAt: '2026-11-23T23:30:00Z',
  comment: '<script>alert(1)</script> ok',
});

describe('Test Cycles tab', () => {
  it('lists cycles with executed/total and a per-status bar', async () => {
    renderTab({ listCycles: () => ({ ok: true, data: [cycle(1), sprint] }) });
    expect(screen.getByText('Loading test cycles…')).toBeTruthy();
    const open = await screen.findByRole('button', { name: 'Open cycle Sprint 2' });
    const row = open.closest('li')!;
    expect(within(row).getByText('3/4 executed')).toBeTruthy();
    expect(within(row).getByText('Staging')).toBeTruthy();
    expect(within(row).getByRole('img').getAttribute('aria-label')).toBe('Progress of Sprint 2: Not Executed 1, Pass 2, Fail 1');
    expect(within(screen.getByRole('button', { name: 'Open cycle Master' }).closest('li')!).getByText('Master', { selector: '.lozenge' })).toBeTruthy();
  });

  it('has empty and error states; Retry reloads', async () => {
    let n = 0;
    renderTab({
      listCycles: () => (++n === 1 ? { ok: false, error: { code: 'RATE_LIMITED', message: 'Wait 5 seconds and try again.' } } : { ok: true, data: [] }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wait 5 seconds and try again.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('This TestKase project has no test cycles yet.')).toBeTruthy();
  });

  it('creates a cycle: name required, then the payload, the new row and a result', async () => {
    const created = cycle(5, { name: 'Regression', environment: 'Prod', total: 0, counts: { NOT_EXECUTED: 0, PASS: 0, FAIL: 0, BLOCKED: 0, SKIPPED: 0 } });
    renderTab({ listCycles: () => ({ ok: true, data: [cycle(1)] }), createCycle: () => ({ ok: true, data: created }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Create cycle' }));
    const form = screen.getByRole('form', { name: 'Create cycle' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('Enter a name for the cycle.');
    expect(callsOf('createCycle')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Name/), { target: { value: 'Regression' } });
    fireEvent.change(within(form).getByLabelText('Description'), { target: { value: 'Before release' } });
    fireEvent.change(within(form).getByLabelText('Environment'), { target: { value: ' Prod ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect((await screen.findByRole('status')).textContent).toBe('Created the cycle “Regression”.');
    expect(callsOf('createCycle')).toEqual([{ name: 'Regression', description: 'Before release', environment: 'Prod' }]);
    expect(screen.getAllByRole('button', { name: /^Open cycle/ }).map((b) => b.textContent)).toEqual(['Regression', 'Master']);
  });

  it('opens a cycle: executions with who, when (in the Jira timezone, zone on hover) and comment as text', async () => {
    renderTab({
      listCycles: () => ({ ok: true, data: [sprint] }),
      listCycleExecutions: () => ({ ok: true, data: { cycle: sprint, items: [ran], notInCycle: [] } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    const title = await screen.findByText('Login works 1');
    expect(callsOf('listCycleExecutions')).toEqual([{ cycleId: 'TCYCLE-2' }]);
    const cells = [...title.closest('tr')!.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s/g, ' '));
    // 23:30 UTC is 00:30 the next day in Berlin.
    expect(cells.slice(0, 5)).toEqual(['TC-1Login works 1', 'Pass', 'Alice Admin', 'Nov 24, 2026, 12:30 AM', '<script>alert(1)</script> ok']);
    const time = title.closest('tr')!.querySelector('time')!;
    expect(time.getAttribute('title')).toBe('Central European Standard Time (Europe/Berlin)');
    expect(time.getAttribute('dateTime')).toBe('2026-11-23T23:30:00Z');
    expect(document.querySelector('tbody script')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '← Back to cycles' }));
    expect(await screen.findByRole('button', { name: 'Open cycle Sprint 2' })).toBeTruthy();
  });

  it('adds a linked case that is not in the cycle', async () => {
    let added = false;
    renderTab({
      listCycles: () => ({ ok: true, data: [sprint] }),
      listCycleExecutions: () => ({
        ok: true,
        data: { cycle: sprint, items: added ? [ran, execution('TC-2')] : [ran], notInCycle: added ? [] : ['TC-2'] },
      }),
      addToCycle: () => {
        added = true;
        return { ok: true, data: { added: ['TC-2'], alreadyInCycle: [] } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add to cycle TC-2' }));
    expect(screen.getByRole('button', { name: 'Adding…' })).toHaveProperty('disabled', true);
    expect((await screen.findByRole('status')).textContent).toBe('Added TC-2 to Sprint 2.');
    expect(callsOf('addToCycle')).toEqual([{ cycleId: 'TCYCLE-2', testCaseIds: ['TC-2'] }]);
    expect(screen.getByText('Login works 2').closest('tr')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add to cycle/ })).toBeNull();
  });

  it('"Add all" sends no more test cases than the backend accepts in one call', async () => {
    const ids = Array.from({ length: LIMITS.addToCycleMax + 5 }, (_, i) => `TC-${i + 1}`);
    renderTab({
      listCycles: () => ({ ok: true, data: [sprint] }),
      listCycleExecutions: () => ({ ok: true, data: { cycle: sprint, items: [], notInCycle: ids } }),
      addToCycle: (p) => ({ ok: true, data: { added: p.testCaseIds, alreadyInCycle: [] } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    fireEvent.click(await screen.findByRole('button', { name: `Add all ${ids.length} to cycle` }));
    expect((await screen.findByRole('status')).textContent).toBe(`Added ${LIMITS.addToCycleMax} test cases to Sprint 2.`);
    expect(callsOf('addToCycle')).toEqual([{ cycleId: 'TCYCLE-2', testCaseIds: ids.slice(0, LIMITS.addToCycleMax) }]);
  });

  it.each(['PASS', 'FAIL', 'BLOCKED', 'SKIPPED', 'NOT_EXECUTED'] as ExecutionStatus[])('executes a test as %s with the right payload and immediate feedback', async (status) => {
    const label = { PASS: 'Pass', FAIL: 'Fail', BLOCKED: 'Blocked', SKIPPED: 'Skipped', NOT_EXECUTED: 'Not Executed' }[status];
    renderTab({
      listCycles: () => ({ ok: true, data: [sprint] }),
      listCycleExecutions: () => ({ ok: true, data: { cycle: sprint, items: [execution('TC-1'), execution('TC-2')], notInCycle: [] } }),
      executeTest: (p) => ({
        ok: true,
        data: execution(p.testCaseId, { status: p.status, comment: p.comment ?? null, executedBy: { id: 'u1', name: 'Alice Admin' }, executedAt: '2026-11-23T10:00:00Z' }),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Execute TC-2' }));
    const form = screen.getByRole('form', { name: 'Execute TC-2' });
    expect(within(form).getAllByRole('option').map((o) => o.textContent)).toEqual(['Not Executed', 'Pass', 'Fail', 'Blocked', 'Skipped']);
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: status } });
    if (status === 'FAIL') fireEvent.change(within(form).getByLabelText('Comment (optional)'), { target: { value: ' Button missing ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(within(form).getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);

    expect((await screen.findByRole('status')).textContent).toBe(`Saved ${label} for TC-2.`);
    expect(callsOf('executeTest')).toEqual([
      status === 'FAIL' ? { cycleId: 'TCYCLE-2', testCaseId: 'TC-2', status, comment: 'Button missing' } : { cycleId: 'TCYCLE-2', testCaseId: 'TC-2', status },
    ]);
    const row = screen.getByText('Login works 2').closest('tr')!;
    expect(within(row).getByText(label).className).toContain('lozenge');
    expect(within(row).getByText('Alice Admin')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Execute TC-2' })).toBeNull();
    expect(onExecuted).toHaveBeenCalledTimes(1);
  });

  it('keeps the form and explains a failed execution', async () => {
    renderTab({
      listCycles: () => ({ ok: true, data: [sprint] }),
      listCycleExecutions: () => ({ ok: true, data: { cycle: sprint, items: [execution('TC-1')], notInCycle: [] } }),
      executeTest: () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Your TestKase role does not allow this (Guests can only view).' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Execute TC-1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save result' }));
    const form = screen.getByRole('form', { name: 'Execute TC-1' });
    expect((await within(form).findByRole('alert')).textContent).toBe('Your TestKase role does not allow this (Guests can only view).');
    expect(within(screen.getByText('Login works 1').closest('tr')!).getByText('Not Executed')).toBeTruthy();
    expect(onExecuted).not.toHaveBeenCalled();
  });

  it('shows an error when a cycle cannot be opened', async () => {
    renderTab({
      listCycles: () => ({ ok: true, data: [sprint] }),
      listCycleExecutions: () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'TestKase could not find that item.' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open cycle Sprint 2' }));
    expect((await screen.findByRole('alert')).textContent).toContain('TestKase could not find that item.');
  });
});

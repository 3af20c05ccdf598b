// @vitest-environment jsdom
/** Several selected test cases at once: the whole selection added in one request, one result recorded for all. */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
import { callsOf, invoke, routeInvoke, type Handlers } from '../bridgeMock';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import { cycle, cycles, execution, linked, panelCtx, panelState, testCase } from '../fixtures';

// The bar is a lazy chunk. Loaded here, under the hook's limit, so the waits below cover the UI and not
// Vitest transforming the chunk on first use: in a full `npm test` at load average 19 the wait for the
// bar ran out at 20 s while this file alone takes 2.7 s (the transform is the likely cost, not measured apart).
beforeAll(async () => {
  await import('../../../static/src/panel/bulk/BulkBar');
});

beforeEach(() => {
  invoke.mockReset();
});
afterEach(cleanup);

const many = Array.from({ length: 120 }, (_, i) => testCase(i + 1));

async function renderWith(handlers: Handlers) {
  routeInvoke({
    getState: () => ({ ok: true, data: panelState({ linked: { ok: true, data: linked(many) } }) }),
    listCycles: () => ({ ok: true, data: cycles([cycle(2), cycle(1)]) }),
    ...handlers,
  });
  render(<IssuePanel ctx={panelCtx} />);
  await screen.findByRole('tablist');
}

describe('bulk actions', () => {
  it('adds all 120 selected to a cycle in one request and reports one outcome', async () => {
    await renderWith({ addToCycle: (p) => ({ ok: true, data: { added: p.testCaseIds.slice(1), alreadyInCycle: p.testCaseIds.slice(0, 1) } }) });
    fireEvent.click(screen.getByLabelText('Select all 120 shown'));
    fireEvent.click(await screen.findByRole('button', { name: 'Add 120 to a cycle' }));
    const form = await screen.findByRole('form', { name: 'Add 120 to a cycle' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add 120' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose a test cycle.');
    fireEvent.change(within(form).getByLabelText('Test cycle'), { target: { value: 'TCYCLE-2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add 120' }));
    expect(await screen.findByText('Added 119 test cases to Sprint 2. 1 was already in it.')).toBeTruthy();
    expect(callsOf('addToCycle')).toEqual([{ cycleId: 'TCYCLE-2', testCaseIds: many.map((t) => t.id) }]);
    expect(screen.queryByRole('button', { name: /Add all/ })).toBeNull();
  });

  it('records one result for the selection and says which were not recorded, updating the recorded rows in place', async () => {
    await renderWith({
      executeMany: (p) => ({
        ok: true,
        data: {
          recorded: p.testCaseIds.slice(0, 1).map((id) => execution(id, { status: p.status, executedBy: { id: 'b', name: 'Bob' }, executedAt: '2026-11-23T10:00:00Z' })),
          failed: [{ testCaseId: 'TC-2', message: 'TC-2 is not in this cycle, so no result was recorded for it. Add it to the cycle first.' }],
        },
      }),
    });
    fireEvent.click(screen.getByLabelText('Select TC-1'));
    fireEvent.click(screen.getByLabelText('Select TC-2'));
    fireEvent.click(await screen.findByRole('button', { name: 'Record a result for 2' }));
    const form = await screen.findByRole('form', { name: 'Record a result for 2' });
    fireEvent.change(within(form).getByLabelText('Test cycle'), { target: { value: 'TCYCLE-2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record for 2' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose a result.');
    fireEvent.click(within(form).getByLabelText('Pass'));
    fireEvent.change(within(form).getByLabelText('Comment (optional)'), { target: { value: 'Smoke' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record for 2' }));
    expect((await screen.findByText(/Recorded Pass for 1 of 2 in Sprint 2\./)).textContent).toContain('TC-2 is not in this cycle');
    expect(callsOf('executeMany')).toEqual([{ cycleId: 'TCYCLE-2', testCaseIds: ['TC-1', 'TC-2'], status: 'PASS', comment: 'Smoke' }]);
    expect(document.querySelector('li[data-case="TC-1"] .case-meta')!.textContent).toContain('Pass');
    expect(document.querySelector('li[data-case="TC-2"] .case-meta')!.textContent).toContain('Not Executed');
  });
});

// @vitest-environment jsdom
/**
 * Lists the backend answers in parts (ListPart: total, from, next — a part ends early to fit Forge's
 * answer limit): the panel says how much it shows of how much, and Show more asks for the next part
 * where the last one ended and adds it to the same list.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../testing-library';

vi.mock('@forge/bridge', () => import('../bridgeMock'));
vi.mock('@forge/jira-bridge', () => import('../jiraBridgeMock'));
import { callsOf, routeInvoke } from '../bridgeMock';
import IssuePanel from '../../../static/src/panel/IssuePanel';
import TestCyclesTab from '../../../static/src/panel/TestCyclesTab';
import { joinPart } from '../../../static/src/components/parts';
import type { CycleList } from '../../../src/shared/definitions';
import { cycle, linked, panelCtx, panelState, testCase } from '../fixtures';
import { freshPanelEachTest } from './fresh-panel';

freshPanelEachTest();

const cyclesPart = (from: number, count: number, total: number): CycleList => ({
  items: Array.from({ length: count }, (_, i) => cycle(from + i + 2, { name: `Sprint ${from + i + 2}` })),
  total,
  from,
  next: from + count < total ? from + count : null,
});

describe('a list answered in parts', () => {
  it('the linked test cases: "showing the first N of M", and Show more adds the next part', async () => {
    const first = { ...linked([testCase(1), testCase(2)]), total: 3, from: 0, next: 2 };
    routeInvoke({
      getState: () => ({ ok: true, data: panelState({ linked: { ok: true, data: first } }) }),
      listLinkedTests: ({ from = 0 }) => ({ ok: true, data: { ...linked([testCase(3)]), total: 3, from, next: null } }),
    });
    render(<IssuePanel ctx={panelCtx} />);
    await screen.findByText('Showing the first 2 of 3 test cases linked in TestKase.');
    expect(document.querySelectorAll('li.case-row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(document.querySelectorAll('li.case-row')).toHaveLength(3));
    expect(callsOf('listLinkedTests')).toEqual([{ from: 2 }]);
    expect(screen.queryByText(/Showing the first/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('the cycles: the rows not loaded yet count as not shown; Show more fetches them from where the part ended', async () => {
    let fail = true;
    routeInvoke({
      listCycles: ({ from = 0 }) => {
        if (from === 0) return { ok: true, data: cyclesPart(0, 50, 60) };
        if (fail) return { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached. Try again in a moment.' } };
        return { ok: true, data: cyclesPart(from, 10, 60) };
      },
    });
    render(<TestCyclesTab ctx={panelCtx} canWrite={false} issueKey="DEMO-1" linked={{ status: 'ready', data: linked([]) }} active onExecuted={() => undefined} />);
    await screen.findByText('60 cycles, most recently active first (the first 50 are listed).');
    expect(document.querySelectorAll('li.cycle-row')).toHaveLength(50);
    expect(screen.getByText(/10 not shown yet/)).toBeTruthy();
    // A failed part says why and keeps the rows and the button.
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more cycles' }));
    await screen.findByText('TestKase could not be reached. Try again in a moment.');
    expect(document.querySelectorAll('li.cycle-row')).toHaveLength(50);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more cycles' }));
    await waitFor(() => expect(document.querySelectorAll('li.cycle-row')).toHaveLength(60));
    expect(callsOf('listCycles')).toEqual([{}, { from: 50 }, { from: 50 }]);
    expect(screen.getByText('60 cycles, most recently active first.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /more cycles/ })).toBeNull();
  });

  it('a part is added only where it continues the list, each item once', () => {
    const list = cyclesPart(0, 3, 6);
    const next = cyclesPart(3, 3, 6);
    const id = (c: { id: string }) => c.id;
    expect(joinPart(list, next, id).items.map(id)).toEqual(['TCYCLE-2', 'TCYCLE-3', 'TCYCLE-4', 'TCYCLE-5', 'TCYCLE-6', 'TCYCLE-7']);
    expect(joinPart(list, next, id).next).toBeNull();
    // Refreshed meanwhile (another start): the part is not added.
    expect(joinPart(list, cyclesPart(4, 2, 6), id)).toBe(list);
    // The list shifted by one between the answers: the item seen twice is listed once.
    const shifted = { ...next, items: [list.items[2]!, ...next.items] };
    expect(joinPart(list, shifted, id).items.map(id)).toHaveLength(6);
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from './testing-library';

vi.mock('@forge/bridge', () => import('./bridgeMock'));
import { enableTheme, getContext, invoke, routeInvoke } from './bridgeMock';
import { adminCtx, globalCtx, globalState, panelCtx, panelState } from './fixtures';

beforeEach(() => {
  invoke.mockReset();
});
afterEach(cleanup);

describe('entry', () => {
  it('enables theming, reads the context and renders the issue panel for its module key', async () => {
    routeInvoke({ getState: () => ({ ok: true, data: panelState() }) });
    getContext.mockResolvedValue({ ...panelCtx, extension: { type: 'jira:issuePanel' } });
    document.body.innerHTML = '<div id="root"></div>';
    await import('../../static/src/main');
    expect(await screen.findByRole('tab', { name: 'Test Cases' })).toBeTruthy();
    expect(enableTheme).toHaveBeenCalledTimes(1);
    expect(getContext).toHaveBeenCalledTimes(1);
    expect(invoke.mock.calls).toEqual([['getState']]);
    document.body.innerHTML = '';
  });

  it('renders the admin page for its module key, from its own chunk', async () => {
    const { App, moduleFor } = await import('../../static/src/main');
    const { default: AdminPage } = await import('../../static/src/admin/AdminPage');
    expect(moduleFor('testkase-admin-page')).not.toBe(moduleFor('testkase-global-page'));
    routeInvoke({ adminListConnections: () => ({ ok: true, data: { rows: [], counts: { ALL: 0, WORKING: 0, REJECTED: 0, EXPIRED: 0, NOT_CHECKED: 0, SUSPENDED: 0, EXPIRING_SOON: 0, NOT_YOURS: 0 }, matched: 0, page: 1, pageSize: 25, usersKnown: true, source: { kind: 'LIVE' } } }), adminAuditLog: () => ({ ok: true, data: { entries: [], nextCursor: null } }) });
    render(<App ctx={adminCtx} />);
    expect(await screen.findByText(/No one has connected TestKase yet/)).toBeTruthy();
    expect(typeof AdminPage).toBe('function');
  });

  it('renders the global page for its module key, and a message for an unknown one', async () => {
    const { App } = await import('../../static/src/main');
    routeInvoke({ getState: () => ({ ok: true, data: globalState() }) });
    render(<App ctx={globalCtx} />);
    expect(await screen.findByRole('heading', { name: 'TestKase for Jira' })).toBeTruthy();
    cleanup();
    render(<App ctx={{ ...panelCtx, moduleKey: 'something-else' }} />);
    expect(screen.getByRole('alert').textContent).toMatch(/Unknown TestKase module/);
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from './testing-library';

vi.mock('@forge/bridge', () => import('./bridgeMock'));
import { enableTheme, getContext, invoke, routeInvoke } from './bridgeMock';
import { globalCtx, globalState, panelCtx, panelState } from './fixtures';

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

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '../testing-library';
import { Loaded } from '../../../static/src/components/Loaded';
import type { Load } from '../../../static/src/load';

afterEach(cleanup);

function show(state: Load<string[]>, onRetry = vi.fn()) {
  render(
    <Loaded state={state} loadingLabel="Loading test cycles…" errorTitle="Test cycles could not be loaded" onRetry={onRetry}>
      {(names) => <ul>{names.map((n) => <li key={n}>{n}</li>)}</ul>}
    </Loaded>,
  );
  return onRetry;
}

describe('Loaded', () => {
  it('shows a busy skeleton that names what is loading', () => {
    show({ status: 'loading' });
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toBe('Loading test cycles…');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows the error title, the backend sentence and a Retry that calls back', () => {
    const onRetry = show({ status: 'error', error: { code: 'RATE_LIMITED', message: 'Wait 5 seconds and try again.' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Test cycles could not be loaded');
    expect(alert.textContent).toContain('Wait 5 seconds and try again.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('renders the data', () => {
    show({ status: 'ready', data: ['Master', 'Sprint 2'] });
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Master', 'Sprint 2']);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

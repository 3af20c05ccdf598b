/**
 * The panel's side of the app's bridge events (src/shared/app-events.ts): it announces that the issue's
 * tests changed, so the issue context summary fetches again instead of showing stale counts, and it
 * comes into view when the summary's "Open test cases" asks. Neither may ever break the panel: a host
 * without events support only loses the convenience.
 */
import { events } from '@forge/bridge';
import { CONNECTION_CHANGED_EVENT, SHOW_PANEL_EVENT, TESTS_CHANGED_EVENT } from '../../src/shared/app-events';

export function announceTestsChanged(): void {
  try {
    void events.emit(TESTS_CHANGED_EVENT, {}).catch(() => undefined);
  } catch {
    // no events on this host
  }
}

export function comeIntoViewOnRequest(target: HTMLElement): void {
  try {
    void events.on(SHOW_PANEL_EVENT, () => target.scrollIntoView({ behavior: 'smooth', block: 'start' })).catch(() => undefined);
  } catch {
    // no events on this host
  }
}

/** The panel learned the connection changed (token or mapping gone): the glance fetches its state again. */
export function announceConnectionChanged(): void {
  try {
    void events.emit(CONNECTION_CHANGED_EVENT, {}).catch(() => undefined);
  } catch {
    // no events on this host
  }
}

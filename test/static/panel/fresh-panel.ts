/**
 * The panel's component tests share one reset: before each test, no invoke route and no Jira dialog
 * opened yet (both bridges mocked with `vi.mock(...)` in the test file); after it, an empty document.
 */
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '../testing-library';
import { invoke } from '../bridgeMock';
import { createOpened, viewOpened } from '../jiraBridgeMock';

export function freshPanelEachTest(): void {
  beforeEach(() => {
    invoke.mockReset();
    createOpened.mockReset();
    viewOpened.mockReset();
  });
  afterEach(cleanup);
}

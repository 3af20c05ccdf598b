/**
 * The @forge/jira-bridge stand-in for UI tests: `vi.mock('@forge/jira-bridge', () => import('./jiraBridgeMock'))`.
 * Records what each dialog was opened with; `closeCreate(...)` plays the person closing Jira's Create
 * Issue dialog (with what they created).
 */
import { vi } from 'vitest';

type CreateOptions = { context?: Record<string, unknown>; onClose?: (args: { payload: Array<{ issueId: string; issueKey?: string }> }) => void };

export const createOpened = vi.fn<(options: CreateOptions) => void>();
export const viewOpened = vi.fn<(issueKey: string) => void>();
let pendingClose: CreateOptions['onClose'] | undefined;

export class CreateIssueModal {
  constructor(private readonly options: CreateOptions) {}
  open(): Promise<void> {
    createOpened(this.options);
    pendingClose = this.options.onClose;
    return Promise.resolve();
  }
}

export class ViewIssueModal {
  constructor(private readonly options: { context: { issueKey: string } }) {}
  open(): Promise<void> {
    viewOpened(this.options.context.issueKey);
    return Promise.resolve();
  }
}

/** The person closes the Create Issue dialog, having created `payload` ([] = cancelled). */
export function closeCreate(payload: Array<{ issueId: string; issueKey?: string }>): void {
  const close = pendingClose;
  pendingClose = undefined;
  close?.({ payload });
}

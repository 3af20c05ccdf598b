/**
 * The @forge/jira-bridge stand-in for UI tests: `vi.mock('@forge/jira-bridge', () => import('./jiraBridgeMock'))`.
 * Records what each dialog was opened with; `closeCreate(...)` plays the person closing Jira's Create
 * Issue dialog (with what they created).
 */
import { vi } from 'vitest';
import type { CreateIssueModalOptions, ViewIssueModalOptions } from '@forge/jira-bridge/out/modal/types';

// Atlassian's published options: onClose gets the created issues' ids only, never their keys.
type CreateOptions = CreateIssueModalOptions;
type CreatedPayload = Parameters<NonNullable<CreateOptions['onClose']>>[0]['payload'];

export const createOpened = vi.fn<(options: CreateOptions) => void>();
export const viewOpened = vi.fn<(issueKey: string) => void>();
let pendingClose: CreateOptions['onClose'] | undefined;
let pendingViewClose: ViewIssueModalOptions['onClose'] | undefined;

export class CreateIssueModal {
  constructor(private readonly options: CreateOptions) {}
  open(): Promise<void> {
    createOpened(this.options);
    pendingClose = this.options.onClose;
    return Promise.resolve();
  }
}

export class ViewIssueModal {
  constructor(private readonly options: ViewIssueModalOptions) {}
  open(): Promise<void> {
    viewOpened(this.options.context.issueKey);
    pendingViewClose = this.options.onClose;
    return Promise.resolve();
  }
}

/** The person closes the Create Issue dialog, having created `payload` ([] = cancelled). */
export function closeCreate(payload: CreatedPayload): void {
  const close = pendingClose;
  pendingClose = undefined;
  close?.({ payload });
}

/** The person closes Jira's issue view dialog. */
export function closeView(): void {
  const close = pendingViewClose;
  pendingViewClose = undefined;
  close?.();
}

/**
 * Jira's own dialogs, through Atlassian's @forge/jira-bridge: the issue view (a defect key) and the
 * Create Issue dialog (a bug from a failed result). The person creates the bug, so Jira records them
 * as its Reporter; the app writes nothing to Jira itself. Loaded on first use: the package reads the
 * host's bridge when it loads, and most panel views never open a dialog.
 */
import { router } from '@forge/bridge';
import { api } from './api';
import type { CreateIssueModalContext, CreateIssueModalOptions } from '@forge/jira-bridge/out/modal/types';

export type BugContext = Pick<CreateIssueModalContext, 'projectId' | 'issueTypeId' | 'summary' | 'description'>;

/**
 * What Jira's Create Issue dialog hands its onClose: the ids of the issues created, never their keys
 * (@forge/jira-bridge's CreateIssueModalOptions). The panel asks Jira for the keys (getJiraIssues).
 */
export type CreatedIssue = CreateIssueModalOptions extends { onClose?: (args: { payload: Array<infer P> }) => void } ? P : never;

/**
 * Jira's issue view dialog; where a host cannot open it, the issue in a new tab instead. `onClose`
 * runs when the dialog closes (the caller puts focus back on what opened it).
 */
export async function viewIssue(issueKey: string, onClose?: () => void): Promise<void> {
  try {
    const { ViewIssueModal } = await import('@forge/jira-bridge');
    await new ViewIssueModal({ context: { issueKey }, ...(onClose ? { onClose } : {}) }).open();
  } catch {
    await router.open({ target: 'issue', issueKey });
  }
}

/** Opens Jira's Create Issue dialog; resolves with what the person created once it closes ([] when cancelled). */
export async function createIssue(context: BugContext): Promise<CreatedIssue[]> {
  const { CreateIssueModal } = await import('@forge/jira-bridge');
  return new Promise<CreatedIssue[]>((resolve, reject) => {
    const modal = new CreateIssueModal({ context, onClose: (args) => resolve(createdIssues(args)) });
    modal.open().catch(reject);
  });
}

/** The ids in onClose's answer, checked: the host is another party, whatever its types say. */
function createdIssues(args: unknown): CreatedIssue[] {
  const payload = (args as { payload?: unknown } | undefined)?.payload;
  if (!Array.isArray(payload)) return [];
  return payload.flatMap((p: unknown) => {
    const { issueId } = (p ?? {}) as { issueId?: unknown };
    return typeof issueId === 'string' && issueId ? [{ issueId }] : [];
  });
}

/**
 * The id of the project's Bug issue type for the dialog, asked of the backend when Report bug is used
 * (getBugIssueType: Jira's createmeta as the user, cached there per project). Undefined when the
 * project has no Bug type or Jira could not say: the dialog then opens on the project's default type.
 */
export async function bugIssueTypeId(): Promise<string | undefined> {
  const r = await api.getBugIssueType();
  return r.ok ? (r.data.issueTypeId ?? undefined) : undefined;
}

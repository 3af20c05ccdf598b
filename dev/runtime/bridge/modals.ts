/**
 * Jira's own dialogs, as @forge/jira-bridge opens them: the host page shows them, and the app's
 * `onClose` runs when they close, with exactly what Atlassian's types say it gets — Create Issue the
 * ids of what was created (`{ payload: [{ issueId }] }`, `[]` when cancelled), the issue view nothing.
 * Whatever the page posts back, only the ids cross to the app.
 */
import type { CreateIssueModalCall, CreateIssueModalClosed, ViewIssueModalCall } from './contract';
import type { ToHost } from './config';

type Pending = { kind: 'issue-create'; onClose: CreateIssueModalCall['data']['onClose'] } | { kind: 'issue-view'; onClose: ViewIssueModalCall['data']['onClose'] };

export function createModals(toParent: (message: ToHost) => void) {
  const pending = new Map<string, Pending>();
  let seq = 0;
  const open = (entry: Pending, context: unknown): boolean => {
    seq += 1;
    const requestId = `modal-${seq}`;
    pending.set(requestId, entry);
    toParent({ type: 'forge-local:open-modal', kind: entry.kind, requestId, context: JSON.parse(JSON.stringify(context ?? {})) });
    return true;
  };
  const noop = () => undefined;
  return {
    openIssueCreateModal(call: CreateIssueModalCall): boolean {
      const data = call?.data ?? ({} as Partial<CreateIssueModalCall['data']>);
      return open({ kind: 'issue-create', onClose: typeof data.onClose === 'function' ? data.onClose : noop }, data.context);
    },
    openIssueViewModal(call: ViewIssueModalCall): boolean {
      const data = call?.data ?? ({} as Partial<ViewIssueModalCall['data']>);
      if (typeof data.context?.issueKey !== 'string') throw new Error('openIssueViewModal: context.issueKey is required');
      return open({ kind: 'issue-view', onClose: typeof data.onClose === 'function' ? data.onClose : noop }, data.context);
    },
    /** The page says a dialog closed; `created` is what it reports for Create Issue. */
    closed(requestId: unknown, created: unknown): void {
      if (typeof requestId !== 'string') return;
      const entry = pending.get(requestId);
      if (!entry) return;
      pending.delete(requestId);
      try {
        if (entry.kind === 'issue-create') entry.onClose(createdIssues(created));
        else entry.onClose();
      } catch (e) {
        console.error(e);
      }
    },
  };
}

/** The published answer: the created issues' ids, nothing else. */
function createdIssues(created: unknown): CreateIssueModalClosed {
  const list = Array.isArray(created) ? created : [];
  return { payload: list.flatMap((c: unknown) => (c && typeof (c as { issueId?: unknown }).issueId === 'string' ? [{ issueId: (c as { issueId: string }).issueId }] : [])) };
}

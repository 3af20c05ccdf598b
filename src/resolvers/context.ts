/**
 * What a resolver may trust about who is calling and from where. The accountId comes only from
 * the platform principal (@forge/resolver puts it in context.accountId); the issue and project
 * only from the Forge-provided `context.extension`, never from the payload.
 */
import { z } from 'zod';
import { JiraIssueKey, JiraProjectKey } from '../testkase/contract';
import type { ModuleKind } from '../shared/definitions';
import { words } from '../shared/words/backend';
import { fail } from './errors';

type IssueModule = 'ISSUE_PANEL' | 'ISSUE_CONTEXT';

/** The trusted caller, one shape per module: on an issue, its key and project are always known. */
export type CallContext = {
  [M in ModuleKind]: { accountId: string; module: M } & (M extends IssueModule
    ? { issueKey: string; jiraProjectKey: string }
    : M extends 'PROJECT_PAGE'
      ? { issueKey: null; jiraProjectKey: string } // a project page sits in its project
      : { issueKey: null; jiraProjectKey: null });
}[ModuleKind];

/** A caller from one of `M` (what the envelope lets through to a function the table lists for `M`). */
export type CallerIn<M extends ModuleKind> = Extract<CallContext, { module: M }>;

// The issue panel (Custom UI) and the issue context module (UI Kit) both sit on one issue — of the
// project the context names: an issue key is its project's key, a hyphen and a number, so a context
// whose issue is another project's is not one Jira sends, and nothing is done for it (the project
// decides the TestKase project, the issue whose tests are read and written).
const IssueExtension = z
  .object({
    type: z.enum(['jira:issuePanel', 'jira:issueContext']),
    issue: z.object({ key: JiraIssueKey }),
    project: z.object({ key: JiraProjectKey }),
  })
  .refine((e) => e.issue.key.startsWith(`${e.project.key}-`) && /^\d+$/.test(e.issue.key.slice(e.project.key.length + 1)));
const GlobalPageExtension = z.object({ type: z.literal('jira:globalPage') });
const AdminPageExtension = z.object({ type: z.literal('jira:adminPage') });
// Test coverage: the project page sits in one project; the gadget on a dashboard, in none.
const ProjectPageExtension = z.object({ type: z.literal('jira:projectPage'), project: z.object({ key: JiraProjectKey }) });
const GadgetExtension = z.object({ type: z.literal('jira:dashboardGadget') });

function trustedContext(context: Record<string, unknown> | undefined): CallContext | undefined {
  const accountId = context?.accountId;
  if (typeof accountId !== 'string' || accountId.length === 0) return undefined;
  const issue = IssueExtension.safeParse(context?.extension);
  if (issue.success) {
    const on = { issueKey: issue.data.issue.key, jiraProjectKey: issue.data.project.key };
    return issue.data.type === 'jira:issuePanel' ? { accountId, module: 'ISSUE_PANEL', ...on } : { accountId, module: 'ISSUE_CONTEXT', ...on };
  }
  if (GlobalPageExtension.safeParse(context?.extension).success) {
    return { accountId, module: 'GLOBAL_PAGE', issueKey: null, jiraProjectKey: null };
  }
  if (AdminPageExtension.safeParse(context?.extension).success) {
    return { accountId, module: 'ADMIN_PAGE', issueKey: null, jiraProjectKey: null };
  }
  const projectPage = ProjectPageExtension.safeParse(context?.extension);
  if (projectPage.success) return { accountId, module: 'PROJECT_PAGE', issueKey: null, jiraProjectKey: projectPage.data.project.key };
  if (GadgetExtension.safeParse(context?.extension).success) return { accountId, module: 'DASHBOARD_GADGET', issueKey: null, jiraProjectKey: null };
  return undefined;
}

/** The trusted caller of a resolver call, or a typed error when the platform did not say. */
export function callerOf(context: Record<string, unknown> | undefined): CallContext {
  const ctx = trustedContext(context);
  if (!ctx) throw fail('INTERNAL', words.errors.noCaller);
  return ctx;
}

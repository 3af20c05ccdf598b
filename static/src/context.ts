/** What the UI needs from the Forge context, and how to reach the global (settings) page from it. */
import { router } from '@forge/bridge';
import { JIRA_ISSUE_KEY, MODULE_KEYS } from '../../src/shared/facts';
import { placeOf } from '../../src/shared/place';

export const ISSUE_PANEL_KEY = MODULE_KEYS.ISSUE_PANEL;
export const GLOBAL_PAGE_KEY = MODULE_KEYS.GLOBAL_PAGE;
export const ADMIN_PAGE_KEY = MODULE_KEYS.ADMIN_PAGE;
export const COVERAGE_PAGE_KEY = MODULE_KEYS.COVERAGE_PAGE;
export const COVERAGE_GADGET_KEY = MODULE_KEYS.COVERAGE_GADGET;

export interface UiContext {
  moduleKey: string;
  localId: string;
  environmentId?: string;
  /** The user's Jira timezone (IANA name); dates are shown in it. */
  timezone: string;
  locale: string;
  /** The Jira project of the issue the panel is on (the bug dialog opens in it); absent outside an issue. */
  projectId?: string;
  /** The site and the signed-in user: what a draft kept in this browser is keyed by (never used to authorise). */
  cloudId?: string;
  accountId?: string;
  /** The issue the frame is on: with cloudId and accountId, whose kept copy may be shown (kept/). */
  issueKey?: string;
}

/** Narrow whatever `view.getContext()` returned to the fields we use, with safe defaults. */
export function toUiContext(raw: unknown): UiContext {
  const r = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' && v.length > 0 ? v : fallback);
  const { timeZone, locale } = placeOf(raw);
  const ctx: UiContext = { moduleKey: str(r.moduleKey, ''), localId: str(r.localId, ''), timezone: timeZone, locale };
  if (typeof r.environmentId === 'string' && r.environmentId) ctx.environmentId = r.environmentId;
  const project = (r.extension as { project?: { id?: unknown } } | undefined)?.project;
  if (typeof project?.id === 'string' && project.id) ctx.projectId = project.id;
  if (typeof r.cloudId === 'string' && r.cloudId) ctx.cloudId = r.cloudId;
  if (typeof r.accountId === 'string' && r.accountId) ctx.accountId = r.accountId;
  const issue = (r.extension as { issue?: { key?: unknown } } | undefined)?.issue;
  if (typeof issue?.key === 'string' && issue.key) ctx.issueKey = issue.key;
  return ctx;
}

/**
 * `localId` looks like `ari:cloud:ecosystem::extension/<appId>/<envId>/static/<moduleKey>`.
 * Returns null when it does not (the caller then cannot build the settings URL).
 */
export function parseLocalId(localId: string, environmentIdFallback?: string): { appId: string; environmentId: string } | null {
  const marker = 'extension/';
  const at = localId.indexOf(marker);
  if (at < 0) return null;
  const [appId, envId] = localId.slice(at + marker.length).split('/');
  const environmentId = envId || environmentIdFallback;
  if (!appId || !environmentId) return null;
  return { appId, environmentId };
}

/** The Jira URL of the app's global page, or null when the context does not say where it is. */
export function globalPageUrl(ctx: Pick<UiContext, 'localId' | 'environmentId'>): string | null {
  const ids = parseLocalId(ctx.localId, ctx.environmentId);
  return ids ? `/jira/apps/${ids.appId}/${ids.environmentId}` : null;
}

/** The settings page's query parameter naming the issue it was opened from ("Back to DEMO-1"). */
export const RETURN_TO = 'returnTo';

/** Opens the settings page; with `returnTo`, the page offers a way back to that issue once the token is saved. */
export async function openSettings(ctx: Pick<UiContext, 'localId' | 'environmentId'>, returnTo?: string | null): Promise<void> {
  const url = globalPageUrl(ctx);
  if (!url) return;
  await router.navigate(returnTo && JIRA_ISSUE_KEY.test(returnTo) ? `${url}?${RETURN_TO}=${encodeURIComponent(returnTo)}` : url);
}

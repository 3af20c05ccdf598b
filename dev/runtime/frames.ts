/**
 * The app's frames as the host knows them: each page that shows the app opens a frame session
 * (random id in the frame's URL) recording who is signed in, which module and which issue. The
 * contexts the frame and the resolver receive are built from the session, never from the browser.
 */
import { randomBytes } from 'node:crypto';
import type { FullContext } from '@forge/bridge';
import { CLOUD_ID, DASHBOARD, ENV_ID, MODULE_KEYS, MODULE_TYPES, projectPagePath, type AppManifest, type JiraIssue, type JiraProject, type JiraUser, type ModuleKey } from './fixtures';
import type { Theme } from './tokens';

export interface FrameSession {
  id: string;
  user: JiraUser;
  moduleKey: ModuleKey;
  issue: JiraIssue | null;
  theme: Theme;
  initialPath: string;
  invokes: number[];
  /** A project page's project. */
  project: JiraProject | null;
  /** A dashboard gadget: its id, whether it opens for editing, and its saved configuration (as Jira keeps it per gadget). */
  gadget: GadgetFrame | null;
}

export interface GadgetFrame {
  id: string;
  entryPoint: 'view' | 'edit';
  configuration: Record<string, unknown>;
}

const MAX_SESSIONS = 2000;

export class FrameSessions {
  private readonly sessions = new Map<string, FrameSession>();

  open(user: JiraUser, moduleKey: ModuleKey, issue: JiraIssue | null, theme: Theme, initialPath: string, place: { project?: JiraProject; gadget?: GadgetFrame } = {}): FrameSession {
    const session: FrameSession = { id: randomBytes(16).toString('hex'), user, moduleKey, issue, theme, initialPath, invokes: [], project: place.project ?? null, gadget: place.gadget ?? null };
    this.sessions.set(session.id, session);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return session;
  }

  get(id: string): FrameSession | undefined {
    return this.sessions.get(id);
  }
}

/** What the frame's session means to Forge: its site, the app's ids, the global page's location. */
export interface FrameSite {
  manifest: AppManifest;
  /** http://127.0.0.1:<port>, once listening. */
  origin(): string;
  globalPagePath: string;
  adminPagePath: string;
}

/**
 * What Jira puts in `extension` for each module (@forge/bridge types it `{ [k: string]: any }`; the
 * shapes are the module docs' "Extension context": developer.atlassian.com/platform/forge/
 * manifest-reference/modules/jira-issue-panel/, …/jira-issue-context/, …/jira-global-page/, …/jira-project-page/, …/jira-dashboard-gadget/,
 * …/jira-admin-page/).
 */
interface IssueOfContext {
  id: string;
  key: string;
  type: string;
  typeId: string;
}
interface ProjectOfContext {
  id: string;
  key: string;
  type: string;
}
type FrameExtension =
  | { type: 'jira:issuePanel'; issue: IssueOfContext; project: ProjectOfContext; isNewToIssue: boolean }
  | { type: 'jira:issueContext'; issue: IssueOfContext; project: ProjectOfContext }
  | { type: 'jira:globalPage'; location: string }
  | { type: 'jira:adminPage'; location: string }
  /** …/jira-project-page/: the project it is opened in. */
  | { type: 'jira:projectPage'; project: ProjectOfContext; location: string }
  /** …/jira-dashboard-gadget/: the gadget, its dashboard and configuration; `entryPoint: 'edit'` in its edit mode. */
  | { type: 'jira:dashboardGadget'; gadget: { id: string }; dashboard: { id: string }; gadgetConfiguration: Record<string, unknown>; entryPoint?: 'edit'; location: string };

/** What getContext() answers in the frame: @forge/bridge's FullContext, its extension as Jira fills it. */
export type FrameContext = Omit<FullContext, 'extension'> & { extension: FrameExtension };

/** What getContext() answers in the frame (Forge's FullContext for Jira). */
export function frontendContext(s: FrameSession, site: FrameSite): FrameContext {
  return {
    accountId: s.user.accountId,
    cloudId: CLOUD_ID,
    workspaceId: CLOUD_ID,
    environmentId: ENV_ID,
    environmentType: 'DEVELOPMENT',
    localId: localId(s, site),
    moduleKey: s.moduleKey,
    siteUrl: site.origin(),
    locale: 'en-US',
    timezone: s.user.timezone,
    theme: { colorMode: s.theme, light: 'light', dark: 'dark', contrastMode: 'no-preference', spacing: 'spacing', typography: 'typography' },
    surfaceColor: null,
    extension: extensionOf(s, site),
  };
}

/** The context the resolver receives: the host's knowledge of the frame, not the browser's. */
export function resolverContext(s: FrameSession, site: FrameSite): Record<string, unknown> {
  return {
    cloudId: CLOUD_ID,
    localId: localId(s, site),
    moduleKey: s.moduleKey,
    environmentId: ENV_ID,
    environmentType: 'DEVELOPMENT',
    siteUrl: site.origin(),
    locale: 'en-US',
    timezone: s.user.timezone,
    extension: extensionOf(s, site),
  };
}

function localId(s: FrameSession, site: FrameSite): string {
  return `ari:cloud:ecosystem::extension/${site.manifest.appId}/${ENV_ID}/static/${s.moduleKey}`;
}

/** The Forge module type of a frame's module, as the resolver's and the frame's contexts name it. */
export function moduleTypeOf(moduleKey: ModuleKey): (typeof MODULE_TYPES)[ModuleKey] {
  return MODULE_TYPES[moduleKey];
}

function extensionOf(s: FrameSession, site: FrameSite): FrameExtension {
  const type = moduleTypeOf(s.moduleKey);
  if ((type === 'jira:issuePanel' || type === 'jira:issueContext') && s.issue) {
    const issue = { id: s.issue.id, key: s.issue.key, type: s.issue.type, typeId: s.issue.typeId };
    const project = { id: s.issue.project.id, key: s.issue.project.key, type: s.issue.project.type };
    return type === 'jira:issuePanel' ? { type, issue, project, isNewToIssue: false } : { type, issue, project };
  }
  if (s.moduleKey === MODULE_KEYS.adminPage) return { type: 'jira:adminPage', location: `${site.origin()}${site.adminPagePath}` };
  // A project page: its project (Jira Software adds the board when opened from one; the local site has none there).
  if (type === 'jira:projectPage' && s.project) {
    return { type, project: { id: s.project.id, key: s.project.key, type: s.project.type }, location: `${site.origin()}${projectPagePath(site.manifest, s.project.key)}` };
  }
  // A dashboard gadget: the gadget, its dashboard, its configuration, and `entryPoint: 'edit'` in its edit mode.
  if (type === 'jira:dashboardGadget' && s.gadget) {
    return {
      type,
      gadget: { id: s.gadget.id },
      dashboard: { id: DASHBOARD.id },
      gadgetConfiguration: s.gadget.configuration,
      ...(s.gadget.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
      location: `${site.origin()}/jira/dashboards/${DASHBOARD.id}`,
    };
  }
  return { type: 'jira:globalPage', location: `${site.origin()}${site.globalPagePath}` };
}

/**
 * What the local Jira host knows: the signed-in accounts, the issues and projects, and the ids
 * Forge would give the app (app id from manifest.yml, a fixed local environment id, a cloud id).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface JiraUser {
  /** The `?user=` name: alice, bob, gina, diana, or a seeded user's (qa1 … : local-users.ts). */
  name: string;
  accountId: string;
  displayName: string;
  timezone: string;
  /** What the user is in TestKase's seed data (shown in the switcher as a hint). */
  testkaseRole: string;
  /** Holds Jira's ADMINISTER global permission (a Jira / site admin): sees Jira settings and the app's admin page. */
  jiraAdmin: boolean;
  /**
   * What Jira answers as `emailAddress` (the same as the person's TestKase user in the simulator's
   * seed); absent when their profile visibility hides it, as Jira does.
   */
  emailAddress?: string;
}

// The same people as the TestKase simulator's users (dev/testkase-sim/seed.ts): same names, same
// e-mails. Gina hides her e-mail in Jira, so the app compares her by name.
export const USERS: readonly JiraUser[] = [
  { name: 'alice', accountId: 'local-alice', displayName: 'Alice Martin', timezone: 'Europe/Paris', testkaseRole: 'Project Admin', jiraAdmin: false, emailAddress: 'alice@acme.example' },
  { name: 'bob', accountId: 'local-bob', displayName: 'Bob Nguyen', timezone: 'America/New_York', testkaseRole: 'User', jiraAdmin: false, emailAddress: 'bob@acme.example' },
  { name: 'gina', accountId: 'local-gina', displayName: 'Gina Rossi', timezone: 'Europe/Rome', testkaseRole: 'Guest', jiraAdmin: false },
  { name: 'diana', accountId: 'local-diana', displayName: 'Diana Evans', timezone: 'Europe/London', testkaseRole: 'none (no TestKase user)', jiraAdmin: true, emailAddress: 'diana@acme.example' },
];
export const DEFAULT_USER = USERS[0]!;

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  type: 'software';
}

export interface JiraIssue {
  id: string;
  key: string;
  type: string;
  typeId: string;
  status: string;
  summary: string;
  description: string[];
  project: JiraProject;
  /** accountId of the person who created it (issues created in the local Create Issue dialog, and DEMO-3). */
  reporter?: string;
  // Where the issue sits in the project (the coverage page's scopes: jira-scope-fixtures.ts).
  /** Ids of its fix versions. */
  fixVersions?: string[];
  /** Id of its sprint. */
  sprint?: number;
  /** Key of its parent (an epic). */
  parent?: string;
}

/**
 * The issue types of the local projects (ids as Jira gives them: strings of digits): what the Create
 * Issue dialog offers, and what the REST API's createmeta answers (jira-api.ts).
 */
export const ISSUE_TYPES: ReadonlyArray<{ id: string; name: string; description: string }> = [
  { id: '10001', name: 'Bug', description: 'A problem or error.' },
  { id: '10002', name: 'Story', description: 'A feature expressed as a user goal.' },
  { id: '10003', name: 'Task', description: 'A small, distinct piece of work.' },
];

const DEMO: JiraProject = { id: '10000', key: 'DEMO', name: 'Demo Shop', type: 'software' };
const OTHER: JiraProject = { id: '10100', key: 'OTHER', name: 'Other Team', type: 'software' };
export const PROJECTS: readonly JiraProject[] = [DEMO, OTHER];

export const ISSUES: readonly JiraIssue[] = [
  {
    id: '10001',
    key: 'DEMO-1',
    type: 'Story',
    typeId: '10002',
    status: 'In Progress',
    summary: 'Checkout applies discount codes and VAT correctly',
    description: [
      'As a shopper I want my discount code and the right VAT applied at checkout, so that the total I pay is the total I expect.',
      'Acceptance: percentage codes are applied once, expired codes are rejected with a message, EU addresses show VAT on its own line.',
    ],
    project: DEMO,
  },
  {
    id: '10002',
    key: 'DEMO-2',
    type: 'Story',
    typeId: '10002',
    status: 'To Do',
    summary: 'Card payments handle declines and 3-D Secure',
    description: [
      'A declined card shows a clear message and a Retry button; a 3-D Secure challenge returns the shopper to the order page.',
    ],
    project: DEMO,
  },
  {
    // The bug the seeded Fail of TC-2 in Sprint 42 names as its defect.
    id: '10003',
    key: 'DEMO-3',
    type: 'Bug',
    typeId: '10001',
    status: 'To Do',
    summary: '[TC-2] Apply a percentage discount code fails',
    description: ['Re-entering SAVE10 applies the discount a second time: the total drops from €45.00 to €40.50.'],
    project: DEMO,
    reporter: 'local-alice',
  },
  {
    id: '10101',
    key: 'OTHER-1',
    type: 'Task',
    typeId: '10003',
    status: 'To Do',
    summary: 'Refresh the onboarding email copy',
    description: ['This project has no TestKase project mapped, so the TestKase panel explains how to map one.'],
    project: OTHER,
  },
];

export const MODULE_KEYS = {
  panel: 'testkase-issue-panel',
  globalPage: 'testkase-global-page',
  issueContext: 'testkase-issue-context',
  adminPage: 'testkase-admin-page',
  // Test coverage: a project page and a dashboard gadget (with its edit mode).
  coveragePage: 'testkase-coverage-page',
  coverageGadget: 'testkase-coverage-gadget',
} as const;
export type ModuleKey = (typeof MODULE_KEYS)[keyof typeof MODULE_KEYS];

/** The Forge module type of each module (the invocation's `moduleType`, the context's `extension.type`). */
export const MODULE_TYPES = {
  [MODULE_KEYS.panel]: 'jira:issuePanel',
  [MODULE_KEYS.globalPage]: 'jira:globalPage',
  [MODULE_KEYS.issueContext]: 'jira:issueContext',
  [MODULE_KEYS.adminPage]: 'jira:adminPage',
  [MODULE_KEYS.coveragePage]: 'jira:projectPage',
  [MODULE_KEYS.coverageGadget]: 'jira:dashboardGadget',
} as const satisfies Record<ModuleKey, string>;

/** A fixed local Forge environment id (Forge gives each environment a UUID). */
export const ENV_ID = '5f1c0c2e-7d4a-4b1e-9c3a-10ca1e000001';
export const CLOUD_ID = 'c10ad000-0000-4000-8000-000000000001';

export interface AppManifest {
  /** The UUID part of `app.id`. */
  appId: string;
  /** The ARI as written in manifest.yml. */
  appAri: string;
  /** `permissions` as written in manifest.yml (what @forge/csp reads). */
  permissions: Record<string, unknown>;
  /** Title of each Custom UI module, by key. */
  titles: Record<string, string>;
  /** The path of the `main` resource. */
  resourcePath: string;
  /** `resources[main].tunnel.port`: where `forge tunnel` expects the resource's dev server. */
  tunnelPort: number | null;
  /** Each function's handler (`module.export`), by function key. */
  functions: Record<string, string>;
  /** The function behind each module's resolver, by module key. */
  resolvers: Record<string, string>;
  /** UI Kit modules (`render: native`): the key of the resource each renders, by module key. */
  nativeResources: Record<string, string>;
  /** `viewportSize` of each module that sets one, by module key (see viewport.ts). */
  viewportSizes: Record<string, string>;
  /** `permissions.scopes`. */
  scopes: string[];
  /** `permissions.external.fetch.backend`, as addresses. */
  egress: string[];
}

export function readManifest(file = `${REPO_ROOT}manifest.yml`): AppManifest {
  const doc = parseYaml(readFileSync(file, 'utf8')) as {
    app?: { id?: string };
    permissions?: Record<string, unknown>;
    modules?: Record<string, Array<{ key?: string; title?: string; handler?: string; resource?: string; render?: string; resolver?: { function?: string }; viewportSize?: string }>>;
    resources?: Array<{ key?: string; path?: string; tunnel?: { port?: number } }>;
  };
  const appAri = doc.app?.id ?? '';
  const appId = appAri.match(/app\/([0-9a-f-]{36})$/i)?.[1];
  if (!appId) throw new Error(`manifest.yml: app.id is not an app ARI: ${appAri}`);
  const titles: Record<string, string> = {};
  const resolvers: Record<string, string> = {};
  const nativeResources: Record<string, string> = {};
  const viewportSizes: Record<string, string> = {};
  for (const list of Object.values(doc.modules ?? {})) {
    for (const m of list) {
      if (m.key && m.title) titles[m.key] = m.title;
      if (m.key && m.resolver?.function) resolvers[m.key] = m.resolver.function;
      if (m.key && m.render === 'native' && m.resource) nativeResources[m.key] = m.resource;
      if (m.key && m.viewportSize) viewportSizes[m.key] = m.viewportSize;
    }
  }
  const main = doc.resources?.find((r) => r.key === 'main');
  const resourcePath = main?.path ?? 'static/dist';
  const tunnelPort = main?.tunnel?.port ?? null;
  const functions: Record<string, string> = {};
  for (const f of doc.modules?.function ?? []) if (f.key && f.handler) functions[f.key] = f.handler;
  const permissions = (doc.permissions ?? {}) as { scopes?: string[]; external?: { fetch?: { backend?: Array<string | { address?: string }> } } };
  const egress = (permissions.external?.fetch?.backend ?? []).map((e) => (typeof e === 'string' ? e : (e.address ?? ''))).filter(Boolean);
  return { appId, appAri, permissions: doc.permissions ?? {}, titles, resourcePath, tunnelPort, functions, resolvers, nativeResources, viewportSizes, scopes: permissions.scopes ?? [], egress };
}

export function globalPagePath(manifest: AppManifest): string {
  return `/jira/apps/${manifest.appId}/${ENV_ID}`;
}

/** Where Jira shows a `jira:projectPage`: /jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}. */
export function projectPagePath(manifest: AppManifest, projectKey: string): string {
  return `/jira/software/projects/${projectKey}/apps/${manifest.appId}/${ENV_ID}`;
}

/** The local site's one dashboard, where the app's gadget sits. */
export const DASHBOARD = { id: '10000', name: 'Release dashboard' } as const;

/** Where Jira shows a `jira:adminPage`: Jira settings → Apps, at /jira/settings/apps/{appId}/{envId}. */
export function adminPagePath(manifest: AppManifest): string {
  return `/jira/settings/apps/${manifest.appId}/${ENV_ID}`;
}

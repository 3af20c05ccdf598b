/**
 * The Jira REST API of the local site, as the app's function reaches it through the platform
 * (`asUser().requestJira(route`…`)` → `__forge_fetch__` → FunctionHost's `product` hook), answered
 * from the fixtures: who the caller is, other users, the caller's permissions and the issue types a
 * project offers. As in Jira:
 * - a call is made as the invocation's account (`provider: 'user'`), never as anyone the function names;
 * - an operation the app's manifest has no scope for is refused (401 "scope does not match"); the
 *   scopes each operation needs are read from dev/forge/api-specs/jira.json, the same file the Forge
 *   lint checks the code against;
 * - an unknown path answers 404, naming the path.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ProductApi, ProductRequest } from '../forge/functions';
import { ISSUE_TYPES, ISSUES, REPO_ROOT, USERS, type JiraUser } from './fixtures';
import { issueRoutes } from './jira-api-issues';
import { LocalIssues } from './jira-issues';
import { jiraSearchRoutes, type JiraCall } from './jira-search';

// Jira's platform spec lists each operation's classic and granular scope sets (x-atlassian-oauth2-scopes);
// Jira Software's has one set under `security` (the PermissionLinter reads both the same way).
const Spec = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        'x-atlassian-oauth2-scopes': z.array(z.object({ scopes: z.array(z.string()) })).optional(),
        security: z.array(z.object({ OAuth2: z.array(z.string()).optional() })).optional(),
      }),
    ),
  ),
});
const SPEC_FILES = ['dev/forge/api-specs/jira.json', 'dev/forge/api-specs/jira-software.json'];

export type Answer = { status: number; body: unknown };
export type Handler = (call: JiraCall) => Answer;

export interface JiraApiOptions {
  /** The app's scopes (manifest.yml `permissions.scopes`). */
  scopes: readonly string[];
  /** The site's origin, for `self` and avatar URLs (the host serves the avatars). */
  siteOrigin: () => string;
  /** Where each call is reported (the runtime log). */
  log?: (line: string) => void;
  /** The site's accounts; default the local users (fixtures.ts). The runtime's LocalUsers adds seeded ones; in-process tests add their own. */
  users?: () => readonly JiraUser[];
  /** One account by id, when the caller has an index of them (LocalUsers); default a search of `users()`. */
  userOf?: (accountId: string) => JiraUser | undefined;
  /** The site's issues (shared with the host's pages and dialogs); default a fresh set of the fixtures. */
  issues?: LocalIssues;
}

const error = (status: number, message: string): Answer => ({ status, body: { errorMessages: [message], errors: {} } });

/** Jira's global and project permissions the local site knows; a Jira admin has them all. */
const PERMISSIONS: Record<string, { name: string; type: 'GLOBAL' | 'PROJECT' }> = {
  ADMINISTER: { name: 'Administer Jira', type: 'GLOBAL' },
  USER_PICKER: { name: 'Browse users and groups', type: 'GLOBAL' },
  BROWSE_PROJECTS: { name: 'Browse Projects', type: 'PROJECT' },
  CREATE_ISSUES: { name: 'Create Issues', type: 'PROJECT' },
  EDIT_ISSUES: { name: 'Edit Issues', type: 'PROJECT' },
};


export function createJiraApi(options: JiraApiOptions): ProductApi {
  const specPaths = Object.assign({}, ...SPEC_FILES.map((f) => Spec.parse(JSON.parse(readFileSync(`${REPO_ROOT}${f}`, 'utf8'))).paths)) as z.infer<typeof Spec>['paths'];
  const origin = () => options.siteOrigin();
  const users = options.users ?? (() => USERS);
  const userOf = options.userOf ?? ((accountId: string) => users().find((u) => u.accountId === accountId));
  const userJson = (u: JiraUser) => ({
    self: `${origin()}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    accountType: 'atlassian',
    // Jira leaves emailAddress out when the user's profile visibility hides it.
    ...(u.emailAddress ? { emailAddress: u.emailAddress } : {}),
    displayName: u.displayName,
    active: true,
    timeZone: u.timezone,
    locale: 'en_US',
    avatarUrls: Object.fromEntries(['16x16', '24x24', '32x32', '48x48'].map((size) => [size, `${origin()}/__host/avatars/${encodeURIComponent(u.name)}.svg?size=${size.split('x')[0]}`])),
  });

  const routes: Array<{ method?: 'GET' | 'POST'; template: string; handler: Handler }> = [
    {
      template: '/rest/api/3/myself',
      handler: ({ caller }) => (caller ? { status: 200, body: userJson(caller) } : error(401, 'You are not authenticated.')),
    },
    {
      template: '/rest/api/3/user',
      handler: ({ query }) => {
        const user = userOf(query.get('accountId') ?? '');
        return user ? { status: 200, body: userJson(user) } : error(404, `Specified user does not exist or you do not have required permissions`);
      },
    },
    {
      template: '/rest/api/3/user/bulk',
      handler: ({ query }) => {
        const ids = query.getAll('accountId');
        if (ids.length === 0) return error(400, 'The accountId query parameter is required.');
        const startAt = Number(query.get('startAt') ?? 0);
        const maxResults = Math.min(Number(query.get('maxResults') ?? 10), 200);
        const wanted = new Set(ids);
        const found = users().filter((u) => wanted.has(u.accountId));
        const values = found.slice(startAt, startAt + maxResults).map(userJson);
        return { status: 200, body: { maxResults, startAt, total: found.length, isLast: startAt + maxResults >= found.length, values } };
      },
    },
    {
      template: '/rest/api/3/mypermissions',
      handler: ({ caller, query }) => {
        const asked = (query.get('permissions') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
        if (asked.length === 0) return error(400, 'The permissions query parameter is required.');
        const unknown = asked.find((p) => !PERMISSIONS[p]);
        if (unknown) return error(400, `Invalid permission key: ${unknown}`);
        const permissions = Object.fromEntries(
          asked.map((key, i) => {
            const p = PERMISSIONS[key]!;
            const have = caller !== null && (caller.jiraAdmin || key !== 'ADMINISTER');
            return [key, { id: String(i + 1), key, name: p.name, type: p.type, description: p.name, havePermission: have }];
          }),
        );
        return { status: 200, body: { permissions } };
      },
    },
    {
      template: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes',
      handler: ({ params }) => {
        const project = ISSUES.map((i) => i.project).find((p) => p.key === params.projectIdOrKey || p.id === params.projectIdOrKey);
        if (!project) return error(404, `No project could be found with key '${params.projectIdOrKey}'.`);
        // The types the local Create Issue dialog offers (fixtures.ts), with the same ids.
        const issueTypes = ISSUE_TYPES.map((t) => ({ ...t, subtask: false, hierarchyLevel: 0, self: `${origin()}/rest/api/3/issuetype/${t.id}`, iconUrl: `${origin()}/__host/favicon.svg` }));
        return { status: 200, body: { issueTypes, maxResults: 50, startAt: 0, total: issueTypes.length } };
      },
    },
    // The issues themselves, as the caller may see them (jira-api-issues.ts).
    ...issueRoutes({ issues: options.issues ?? new LocalIssues(), origin, userJson, userOf }),
    // Issue search, versions, boards and sprints: the coverage page's scopes (jira-search.ts).
    ...jiraSearchRoutes(options.issues ?? new LocalIssues(), origin),
  ];
  const compiled = routes.map((r) => {
    const method = r.method ?? 'GET';
    const operation = specPaths[r.template]?.[method.toLowerCase()];
    // A `security` entry without OAuth2 (basic auth, or `{}`: anonymous access) grants an app nothing.
    const scopeSets = [...(operation?.['x-atlassian-oauth2-scopes'] ?? []).map((s) => s.scopes), ...(operation?.security ?? []).flatMap((s) => (s.OAuth2 ? [s.OAuth2] : []))];
    return { ...r, method, regex: new RegExp(`^${r.template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`), scopeSets };
  });

  return (request: ProductRequest) => {
    const url = new URL(request.path, 'http://jira.local');
    const what = `${request.method} ${url.pathname}`;
    const route = compiled.find((r) => r.method === request.method && r.regex.test(url.pathname));
    if (!route) {
      options.log?.(`[jira-local] ${what}: not answered by the local Jira site (404)`);
      return Promise.resolve(error(404, `The local Jira site does not answer ${what} (see dev/runtime/jira-api.ts).`));
    }
    // As Jira does for a Forge app: the manifest must grant one whole scope set of the operation.
    if (!route.scopeSets.some((set) => set.every((scope) => options.scopes.includes(scope)))) {
      options.log?.(`[jira-local] ${what}: refused, manifest.yml has none of the scope sets it needs (${route.scopeSets.map((s) => s.join(' + ')).join(' or ')})`);
      return Promise.resolve({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
    }
    // Only calls made as the user act as someone; `asApp()` has no Jira account of its own here.
    const caller = request.target.provider === 'user' ? (userOf(request.accountId) ?? null) : null;
    const params = route.regex.exec(url.pathname)?.groups ?? {};
    let body: unknown;
    if (request.body) {
      try {
        body = JSON.parse(request.body);
      } catch {
        return Promise.resolve(error(400, 'The request body is not valid JSON.'));
      }
    }
    const answer = route.handler({ caller, query: url.searchParams, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)])), body });
    options.log?.(`[jira-local] ${what} as ${caller?.accountId ?? 'the app'} → ${answer.status}`);
    return Promise.resolve(answer);
  };
}

/**
 * Who Jira accounts are, for the Jira admin page: display name, avatar and whether the account is
 * active, from GET /rest/api/3/user/bulk, called as the signed-in user. Only what is shown is kept; an
 * account Jira does not return (deleted, or not visible to the caller) is simply absent.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import type { JiraUserSummary } from '../shared/definitions';
import { jiraJson } from './answer';

/** Account ids per request: Jira pages this endpoint, and a URL of 50 ids stays well under 8 KB. */
const IDS_PER_REQUEST = 50;

// Avatars are shown as images: only http(s) URLs are kept (no `javascript:` or `data:`).
const ImageUrl = z.url({ protocol: /^https?$/ });

const BulkUsers = z.object({
  values: z.array(
    z.object({
      accountId: z.string().min(1).max(128),
      displayName: z.string().max(255).optional(),
      active: z.boolean().optional(),
      avatarUrls: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

export async function lookUpUsers(accountIds: readonly string[]): Promise<Map<string, JiraUserSummary>> {
  const asked = new Set(accountIds);
  const unique = [...asked];
  const found = new Map<string, JiraUserSummary>();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) chunks.push(unique.slice(i, i + IDS_PER_REQUEST));
  const pages = await Promise.all(
    chunks.map((ids) => {
      const query = new URLSearchParams([['maxResults', String(ids.length)], ...ids.map((id) => ['accountId', id])]);
      return jiraJson(asUser().requestJira(route`/rest/api/3/user/bulk?${query}`), BulkUsers, 'user/bulk');
    }),
  );
  for (const page of pages) {
    for (const user of page.values) {
      if (!asked.has(user.accountId)) continue; // only the accounts asked about
      const avatar = ImageUrl.safeParse(user.avatarUrls?.['48x48'] ?? user.avatarUrls?.['32x32']);
      found.set(user.accountId, {
        accountId: user.accountId,
        displayName: user.displayName ?? null,
        avatarUrl: avatar.success ? avatar.data : null,
        active: user.active ?? null,
      });
    }
  }
  return found;
}

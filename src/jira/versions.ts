/**
 * A project's fix versions, as the signed-in user: GET /rest/api/3/project/{projectIdOrKey}/versions
 * (every version, not paged). Granular scope read:project-version:jira.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';

const Versions = z
  .array(z.object({ id: z.string().regex(/^\d{1,18}$/), name: z.string().max(255), released: z.boolean().optional(), archived: z.boolean().optional() }))
  .max(5_000);

export interface VersionSummary {
  id: string;
  name: string;
  released: boolean;
}

/** Unarchived versions, unreleased first (the ones a release is being tested for), then released, each in Jira's order. */
export async function projectVersions(projectKey: string): Promise<VersionSummary[]> {
  const all = await jiraJson(asUser().requestJira(route`/rest/api/3/project/${projectKey}/versions`), Versions, 'project versions');
  const live = all.filter((v) => !v.archived).map((v) => ({ id: v.id, name: v.name, released: v.released ?? false }));
  return [...live.filter((v) => !v.released), ...live.filter((v) => v.released)];
}

import api, { route } from '@forge/api';

/** Reads a Jira issue as the user: needs read:jira-work, which the manifest does not ask for (planted). */
export async function issueSummary(key) {
  const res = await api.asUser().requestJira(route`/rest/api/3/issue/${key}`);
  return res.json();
}

/**
 * Whether the signed-in user is a Jira administrator, as Jira itself says: the ADMINISTER global
 * permission ("Administer Jira") from GET /rest/api/3/mypermissions, called as the user. Site admins
 * hold it too. Nothing the browser sends takes part.
 */
import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { jiraJson } from './answer';

const MyPermissions = z.object({
  permissions: z.object({ ADMINISTER: z.object({ havePermission: z.boolean() }) }),
});

export async function isJiraAdministrator(): Promise<boolean> {
  const answer = await jiraJson(asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`), MyPermissions, 'mypermissions');
  return answer.permissions.ADMINISTER.havePermission;
}

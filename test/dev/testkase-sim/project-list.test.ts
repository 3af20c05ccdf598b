/** The project list on either of its two documented paths: the simulator serves one, switchable at run time. */
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/testkase/contract';
import { startSimulator, type Simulator } from '../../../dev/testkase-sim';
import { http, simForFile } from './support';

const FIRST = endpoints.userProjects.path;
const SECOND = endpoints.userProjects.alternativePath!;

const { sim, aliceToken } = simForFile({ aliceToken: 'paths' });

const statuses = async (s: Simulator, t: string) => [(await http(s, 'GET', FIRST, { token: t })).status, (await http(s, 'GET', SECOND, { token: t })).status];

describe('project list path switch', () => {
  it('serves the path seed 001 documents by default, and the other one answers 404', async () => {
    expect(sim().admin.projectListPath()).toBe(FIRST);
    expect(await statuses(sim(), aliceToken())).toEqual([200, 404]);
  });

  it('switches in process and over the admin API, with the same body on either path', async () => {
    const before = (await http(sim(), 'GET', FIRST, { token: aliceToken() })).json;
    sim().admin.setProjectListPath(SECOND);
    try {
      expect(await statuses(sim(), aliceToken())).toEqual([404, 200]);
      expect((await http(sim(), 'GET', SECOND, { token: aliceToken() })).json).toEqual(before);
      expect(sim().admin.requests().at(-1)).toMatchObject({ route: 'userProjects', path: `/api/v1${SECOND}`, status: 200 });
      const put = await fetch(`${sim().url}/_sim/admin/project-list`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: FIRST }) });
      expect(await put.json()).toEqual({ data: { path: FIRST } });
      expect(await statuses(sim(), aliceToken())).toEqual([200, 404]);
      const bad = await fetch(`${sim().url}/_sim/admin/project-list`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/projects/all' }) });
      expect(bad.status).toBe(400);
    } finally {
      sim().admin.setProjectListPath(FIRST);
    }
  });

  it('can start on the other path', async () => {
    const other = await startSimulator({ port: 0, dataDir: null, quiet: true, projectListPath: SECOND });
    try {
      const t = other.admin.createToken({ user: 'bob', name: 'paths', days: 30 }).token;
      expect(await statuses(other, t)).toEqual([404, 200]);
    } finally {
      await other.stop();
    }
  });
});

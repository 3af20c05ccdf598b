/**
 * Token validation against a TestKase serving the project list on either documented path: the
 * backend tries the first, falls back to the second on 404, remembers which answered for that base
 * URL, and logs once which one is in use.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../../../src/testkase/contract';
import { backendForFile, expectOk } from '../../support/backend';

const FIRST = endpoints.userProjects.path;
const SECOND = endpoints.userProjects.alternativePath!;

const b = backendForFile();
const infoLines: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void infoLines.push(args.map(String).join(' ')));
});
afterAll(() => {
  vi.restoreAllMocks();
  b().sim.admin.setProjectListPath(FIRST);
});
beforeEach(() => b().sim.admin.clearRequests());

let n = 0;
/** Saves a fresh token for a fresh user (a save validates it, listing the user's projects); returns the paths asked. */
async function saveAndListPaths(): Promise<string[]> {
  b().sim.admin.clearRequests();
  expectOk(await b().call(`acc-paths-${++n}`, 'savePat', { token: await b().token('alice') }, 'global'));
  return b().sim.admin.requests().filter((r) => r.path.startsWith('/api/v1/projects/')).map((r) => `${r.path.replace('/api/v1', '')} ${r.status}`);
}
const usedLines = () => infoLines.filter((l) => l.includes("lists the user's projects at"));

describe('the project list on either documented path', () => {
  it('uses the first path when TestKase serves it, and says so once', async () => {
    expect(await saveAndListPaths()).toEqual([`${FIRST} 200`]);
    expect(await saveAndListPaths()).toEqual([`${FIRST} 200`]);
    expect(usedLines()).toEqual([`[testkase] TestKase at ${b().sim.apiBaseUrl} lists the user's projects at GET ${FIRST}`]);
  });

  it('falls back to the second on 404, then asks the second first', async () => {
    b().sim.admin.setProjectListPath(SECOND);
    expect(await saveAndListPaths()).toEqual([`${FIRST} 404`, `${SECOND} 200`]);
    expect(await saveAndListPaths()).toEqual([`${SECOND} 200`]);
    expect(usedLines()).toHaveLength(2);
    expect(usedLines()[1]).toContain(`GET ${SECOND}`);
  });

  it('follows TestKase back to the first path, and a panel render validates with it', async () => {
    b().sim.admin.setProjectListPath(FIRST);
    expect(await saveAndListPaths()).toEqual([`${SECOND} 404`, `${FIRST} 200`]);
    expect(usedLines()).toHaveLength(3);
    const me = `acc-paths-${n}`;
    b().advance(11 * 60_000); // past the validation cache
    expect(expectOk(await b().call(me, 'getState')).connection.kind).toBe('READY');
  });
});

/** Running the simulator as people do: persistence, --reset, the CLI and the API Keys page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimulator, type Simulator } from '../../../dev/testkase-sim';
import { http } from './support';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'dev/testkase-sim/cli.ts'];

describe('persistence', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sim-data-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps tokens, mappings and data across a restart, atomically, and reseeds on reset', async () => {
    let sim = await startSimulator({ port: 0, dataDir: dir, quiet: true });
    const { token } = sim.admin.createToken({ user: 'bob', name: 'kept', days: 30 });
    sim.admin.removeMapping('DEMO');
    await http(sim, 'POST', '/test-cycles', { token, body: { projectId: 'PRJ-1', name: 'Survives restarts' } });
    await sim.stop();

    sim = await startSimulator({ port: 0, dataDir: dir, quiet: true });
    expect((await http(sim, 'GET', '/auth/token-info', { token })).json.data.token.name).toBe('kept');
    expect(sim.admin.mappings()).toEqual([]);
    expect((await http(sim, 'GET', '/test-cycles?projectId=PRJ-1', { token })).json.data.map((c: { name: string }) => c.name)).toContain('Survives restarts');
    expect(readdirSync(dir)).toEqual(['testkase-sim.json']); // no temp file left behind
    await sim.stop();

    sim = await startSimulator({ port: 0, dataDir: dir, quiet: true, reset: true });
    expect((await http(sim, 'GET', '/auth/token-info', { token })).status).toBe(401);
    expect(sim.admin.mappings().map((m) => m.jiraProjectKey)).toEqual(['DEMO']);
    await sim.stop();
  });
});

// Each CLI call is a new Node process loading TypeScript (1–2 s; several times that on a busy 2-core CI machine).
describe('CLI against a running simulator', () => {
  let sim: Simulator;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
    env = { ...process.env, TESTKASE_SIM_URL: sim.url };
  });
  afterAll(() => sim.stop());
  const cli = (...args: string[]) => run(process.execPath, [...CLI, ...args], { env, cwd: process.cwd() });

  it('token create prints only the new token, which works at once', async () => {
    const { stdout } = await cli('token', 'create', '--user', 'alice', '--name', 'Jira Plugin', '--days', '90');
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^tk_pat_/);
    expect((await http(sim, 'GET', '/auth/token-info', { token })).json.data.user.id).toBe('alice');
    const { stdout: list } = await cli('token', 'list', '--user', 'alice');
    expect(list).toContain(`${token.slice(0, 11)}…${token.slice(-2)}`);
    expect(list).not.toContain(token);
  });

  it('mapping remove/add and fault add/clear change the running simulator', async () => {
    await cli('mapping', 'remove', '--jira-project', 'DEMO');
    expect(sim.admin.mappings()).toEqual([]);
    await cli('mapping', 'add', '--jira-project', 'DEMO', '--project', 'PRJ-1');
    expect(sim.admin.mappings()).toEqual([{ jiraProjectKey: 'DEMO', projectId: 'PRJ-1', projectName: 'Checkout' }]);
    const { stdout } = await cli('fault', 'add', '--route', 'testCases', '--status', '503', '--times', '2');
    expect(sim.admin.listFaults()).toEqual([expect.objectContaining({ id: stdout.trim(), route: 'testCases', status: 503, times: 2 })]);
    await cli('fault', 'clear');
    expect(sim.admin.listFaults()).toEqual([]);
  });

  it('fails with a plain message and exit code 1', async () => {
    await expect(cli('token', 'create', '--user', 'zed')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("No user 'zed'") });
    await expect(cli('token', 'create', '--user', 'bob', '--days', '14')).rejects.toMatchObject({ stderr: expect.stringContaining('7, 30, 60, 90, 180, 365') });
    await expect(run(process.execPath, [...CLI, 'token', 'list'], { env: { ...env, TESTKASE_SIM_URL: 'http://127.0.0.1:9' } })).rejects.toMatchObject({ stderr: expect.stringContaining('No simulator answers') });
  });
});

describe('API Keys page', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
  });
  afterAll(() => sim.stop());

  it('serves the page under a strict CSP with its script and styles as files', async () => {
    const res = await fetch(`${sim.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await res.text();
    for (const text of ['Generate New Token', 'Token Preview', 'It will not be shown again', '<option value="7">7 days</option>', '<option value="365">365 days</option>']) expect(html).toContain(text);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    expect((await fetch(`${sim.url}/_sim/ui.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${sim.url}/_sim/ui.css`)).status).toBe(200);
  });

  it('is backed by the admin API the page calls', async () => {
    const created = await fetch(`${sim.url}/_sim/admin/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'gina', name: 'From the page', days: 7 }) });
    const { data } = (await created.json()) as { data: { id: string; token: string } };
    const listed = (await (await fetch(`${sim.url}/_sim/admin/tokens?user=gina`)).json()) as { data: Array<{ id: string }> };
    expect(listed.data.map((t) => t.id)).toEqual([data.id]);
    expect(JSON.stringify(listed)).not.toContain(data.token);
    expect((await fetch(`${sim.url}/_sim/admin/tokens/${data.id}`, { method: 'DELETE' })).status).toBe(200);
  });
});

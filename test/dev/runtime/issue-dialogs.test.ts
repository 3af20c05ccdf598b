/**
 * The local site's issue endpoints behind Jira's dialogs, over HTTP: an issue is created as the
 * signed-in person (never as whoever the body names), checked as Jira checks it, and readable by key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Runtime } from '../../../dev/runtime';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startRuntime({ port: 0, simPort: 0, dataDir: null, quiet: true });
});
afterAll(async () => {
  await runtime?.stop();
});

const post = (body: unknown, user = 'bob') =>
  fetch(`${runtime.url}/__host/issues`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `tk_user=${user}` }, body: JSON.stringify(body) });

describe('issues created in the local Create Issue dialog', () => {
  it('creates the next key of the project, reported by the signed-in user whatever the body says', async () => {
    const res = await post({ projectId: '10000', issueTypeId: '10001', summary: ' A bug ', description: 'First.\n\nSecond.', reporter: 'local-alice' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { key: string; reporter: { displayName: string }; type: string; summary: string; description: string[] };
    expect(created).toMatchObject({ type: 'Bug', summary: 'A bug', reporter: { displayName: 'Bob Nguyen' }, description: ['First.', 'Second.'] });
    expect(created.key).toMatch(/^DEMO-([4-9]|\d{2,})$/); // after the fixtures' DEMO-1…3
    const again = (await (await fetch(`${runtime.url}/__host/issues/${created.key}`)).json()) as { key: string };
    expect(again.key).toBe(created.key);
    const next = (await (await post({ projectId: '10000', issueTypeId: '10001', summary: 'B' })).json()) as { key: string };
    expect(Number(next.key.split('-')[1])).toBe(Number(created.key.split('-')[1]) + 1);
  });

  it('refuses what Jira refuses, and knows no unknown issue', async () => {
    for (const [body, error] of [
      [{ projectId: '99', issueTypeId: '10001', summary: 'x' }, 'Choose a project.'],
      [{ projectId: '10000', issueTypeId: '1', summary: 'x' }, 'Choose an issue type.'],
      [{ projectId: '10000', issueTypeId: '10001', summary: '  ' }, 'Summary is required.'],
      [{ projectId: '10000', issueTypeId: '10001', summary: 'x'.repeat(256) }, 'Summary must be 255 characters or fewer.'],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error });
    }
    expect((await fetch(`${runtime.url}/__host/issues/NOPE-1`)).status).toBe(404);
  });

  it('lists the projects with their issue types and the signed-in reporter for the dialog', async () => {
    const meta = (await (await fetch(`${runtime.url}/__host/create-meta`, { headers: { cookie: 'tk_user=gina' } })).json()) as {
      projects: Array<{ key: string; issueTypes: Array<{ name: string }> }>;
      reporter: { displayName: string };
    };
    expect(meta.projects.map((p) => p.key)).toEqual(['DEMO', 'OTHER']);
    expect(meta.projects[0]!.issueTypes.map((t) => t.name)).toContain('Bug');
    expect(meta.reporter.displayName).toBe('Gina Rossi');
  });
});

/**
 * The local host's coverage world without a browser: the project page and the dashboard frame the
 * right modules with Forge's context (the project; the gadget's id, configuration and edit entry point),
 * in Forge's iframe sandbox; `view.submit` is taken only from a gadget's edit view; and
 * `npm run grow:coverage`'s function grows a scope in the Jira site and the simulator together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Runtime } from '../../../dev/runtime';
import { projectPagePath } from '../../../dev/runtime/fixtures';
import { growCoverageScope } from '../../../dev/runtime/grow-coverage';

let rt: Runtime;
beforeAll(async () => {
  rt = await startRuntime({ port: 0, simPort: 0, dataDir: null, quiet: true, coverageDemo: true });
}, 60_000);
afterAll(() => rt.stop());

async function frameOf(path: string, selector: string): Promise<{ html: string; session: string; context: Record<string, any> }> {
  const html = await (await fetch(`${rt.url}${path}`)).text();
  const tag = new RegExp(`<iframe[^>]*${selector}[^>]*src="http://localhost:\\d+/resource/([0-9a-f]{32})/index\\.html"`).exec(html);
  if (!tag) throw new Error(`no frame ${selector} on ${path}`);
  const script = await (await fetch(`${rt.url}/resource/${tag[1]}/__bridge.js`)).text();
  const context = JSON.parse(/\.startBridge\((\{.*\})\);/.exec(script)![1]!).context as Record<string, any>;
  return { html: tag[0], session: tag[1]!, context };
}

describe('the local host’s test coverage', () => {
  it('frames the project page with its project, in Forge’s sandbox, the scope from the path as the app’s route', async () => {
    const { html, context } = await frameOf(`${projectPagePath(rt.manifest, 'DEMO')}/version/10010`, 'data-module="project-page"');
    expect(html).toContain('sandbox="allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts"');
    expect(context).toMatchObject({ moduleKey: 'testkase-coverage-page', extension: { type: 'jira:projectPage', project: { key: 'DEMO', id: '10000', type: 'software' } } });
    expect((await fetch(`${rt.url}${projectPagePath(rt.manifest, 'NOPE')}`)).status).toBe(404);
  });

  it('frames each gadget with its configuration; a new one opens in its edit mode; only an edit view may submit', async () => {
    const saved = await frameOf('/jira/dashboards/10000', 'data-gadget="10001"');
    expect(saved.context.extension).toMatchObject({ type: 'jira:dashboardGadget', gadget: { id: '10001' }, dashboard: { id: '10000' }, gadgetConfiguration: { jiraProjectKey: 'DEMO', scope: { kind: 'VERSION', id: '10010' } } });
    expect(saved.context.extension).not.toHaveProperty('entryPoint');
    const fresh = await frameOf('/jira/dashboards/10000', 'data-gadget="10002"');
    expect(fresh.context.extension).toMatchObject({ entryPoint: 'edit', gadgetConfiguration: {} });
    const submit = (session: string, body: unknown) => fetch(`${rt.url}/resource/${session}/__forge/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await submit(saved.session, { jiraProjectKey: 'OTHER' })).status).toBe(400);
    expect((await submit(fresh.session, ['not', 'an', 'object'])).status).toBe(400);
    expect((await submit(fresh.session, { jiraProjectKey: 'DEMO', scope: { kind: 'SPRINT', id: 42 }, scopeName: 'Sprint 42' })).status).toBe(200);
    const after = await frameOf('/jira/dashboards/10000', 'data-gadget="10002"');
    expect(after.context.extension).toMatchObject({ gadgetConfiguration: { scope: { kind: 'SPRINT', id: 42 } } });
    expect(after.context.extension).not.toHaveProperty('entryPoint');
  });

  it('grows a scope in both worlds: a new version of new issues in Jira, linked tests with results in TestKase', async () => {
    const grown = await growCoverageScope({ hostUrl: rt.url, simUrl: rt.sim.url }, { issues: 200, bugs: 10 });
    expect(grown).toMatchObject({ versionName: 'Scale 200', issues: 200 });
    expect(grown.testCases).toBe(320); // 1 + i % 3 tests for each of the 160 issues not divisible by 5
    expect((await fetch(`${rt.url}/browse/DEMO-63`)).status).toBe(200);
    const refused = await fetch(`${rt.url}/__host/admin/grow-scope`, { method: 'POST', body: '{"count":5}' });
    expect(refused.status).toBe(415);
  });
});

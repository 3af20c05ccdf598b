/** Every simulator route answers exactly what src/testkase/contract.ts describes. */
import { describe, expect, it } from 'vitest';
import { endpoints, ErrorBody, LIMITS } from '../../../src/testkase/contract';
import { pathsOf, requestPath } from '../../../src/testkase/endpoint';
import { request } from 'node:http';
import { http, simForFile } from './support';

const { sim, aliceToken } = simForFile({ aliceToken: 'contract' });

const get = (path: string) => http(sim(), 'GET', path, { token: aliceToken() });

describe('documented routes', () => {
  it('GET /projects/user-projects lists the user’s projects with roles', async () => {
    const r = await get(endpoints.userProjects.path);
    expect(r.status).toBe(200);
    const body = endpoints.userProjects.response.parse(r.json);
    expect(body.data.map((p) => [p.id, p.role])).toEqual([['PRJ-1', 'PROJECT_ADMIN'], ['PRJ-2', 'PROJECT_ADMIN']]);
  });

  it('GET /test-cases?projectId= pages through a dozen seeded cases, counts and lists agree', async () => {
    const first = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', pageSize: 5 } }))).json);
    expect(first.pagination).toEqual({ page: 1, pageSize: 5, total: 12 });
    const seen = [...first.data];
    for (let page = 2; page <= 3; page++) {
      seen.push(...endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', page, pageSize: 5 } }))).json).data);
    }
    expect(seen.map((t) => t.id)).toEqual(Array.from({ length: 12 }, (_, i) => `TC-${i + 1}`));
    const past = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', page: 9, pageSize: 5 } }))).json);
    expect(past.data).toEqual([]);
    expect(past.pagination.total).toBe(12);
  });

  it('filters test cases by linked Jira issue and by id or title', async () => {
    const demo1 = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', jiraIssueKey: 'DEMO-1' } }))).json);
    expect(demo1.data).toHaveLength(4);
    expect(demo1.data.every((t) => t.jiraIssueKeys.includes('DEMO-1'))).toBe(true);
    const byTitle = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', search: 'DISCOUNT' } }))).json);
    expect(byTitle.data.map((t) => t.id)).toEqual(['TC-2', 'TC-3']);
    const byId = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', search: 'tc-12' } }))).json);
    expect(byId.data.map((t) => t.id)).toEqual(['TC-12']);
  });

  it('reports each case’s latest execution', async () => {
    const all = endpoints.testCases.response.parse((await get(requestPath(endpoints.testCases, { query: { projectId: 'PRJ-1', pageSize: 100 } }))).json).data;
    const byId = new Map(all.map((t) => [t.id, t]));
    expect(byId.get('TC-2')?.latestExecution).toMatchObject({ status: 'FAIL', cycleId: 'TCYCLE-2', executedBy: { id: 'alice' } });
    expect(byId.get('TC-1')?.latestExecution).toMatchObject({ status: 'PASS', cycleId: 'TCYCLE-3' }); // the later of two runs
    expect(byId.get('TC-12')?.latestExecution).toBeNull();
  });

  it('GET /test-cycles?projectId= starts with the master cycle; counts add up to totals', async () => {
    const body = endpoints.testCycles.response.parse((await get(requestPath(endpoints.testCycles, { query: { projectId: 'PRJ-1' } }))).json);
    expect(body.data.map((c) => [c.id, c.isMaster])).toEqual([['TCYCLE-1', true], ['TCYCLE-2', false], ['TCYCLE-3', false]]);
    expect(body.data[0]!.total).toBe(12);
    for (const c of body.data) expect(Object.values(c.counts).reduce((a, n) => a + n, 0)).toBe(c.total);
    expect(body.data[1]!.counts).toEqual({ NOT_EXECUTED: 1, PASS: 2, FAIL: 1, BLOCKED: 1, SKIPPED: 1 });
  });
});

describe('assumed routes', () => {
  it('GET /auth/token-info names the user and the token without revealing it', async () => {
    const r = await get(endpoints.whoAmI.path);
    const body = endpoints.whoAmI.response.parse(r.json);
    expect(body.data.user).toMatchObject({ id: 'alice', name: 'Alice Martin' });
    expect(body.data.token.name).toBe('contract');
    expect(body.data.token.preview).toBe(`${aliceToken().slice(0, 11)}…${aliceToken().slice(-2)}`);
    expect(JSON.stringify(r.json)).not.toContain(aliceToken());
  });

  it('GET /integrations/jira/mappings tells mapped from unmapped', async () => {
    expect(endpoints.jiraMappings.response.parse((await get(requestPath(endpoints.jiraMappings, { query: { jiraProjectKey: 'DEMO' } }))).json).data).toEqual([{ jiraProjectKey: 'DEMO', projectId: 'PRJ-1', projectName: 'Checkout' }]);
    expect(endpoints.jiraMappings.response.parse((await get(requestPath(endpoints.jiraMappings, { query: { jiraProjectKey: 'OTHER' } }))).json).data).toEqual([]);
    sim().admin.addMapping('OTHER', 'PRJ-2');
    expect(endpoints.jiraMappings.response.parse((await get(requestPath(endpoints.jiraMappings, { query: { jiraProjectKey: 'OTHER' } }))).json).data[0]?.projectId).toBe('PRJ-2');
    expect(sim().admin.removeMapping('OTHER')).toBe(true);
    expect(endpoints.jiraMappings.response.parse((await get(requestPath(endpoints.jiraMappings, { query: { jiraProjectKey: 'OTHER' } }))).json).data).toEqual([]);
  });

  it('creates, links and unlinks test cases; new cases join the master cycle', async () => {
    const created = await http(sim(), 'POST', endpoints.createTestCase.path, { token: aliceToken(), body: { projectId: 'PRJ-1', title: '  Pay with <b>PayPal</b>  ', jiraIssueKeys: ['DEMO-7'] } });
    expect(created.status).toBe(201);
    const tc = endpoints.createTestCase.response.parse(created.json).data;
    expect(tc).toMatchObject({ id: 'TC-13', title: 'Pay with <b>PayPal</b>', priority: 'MEDIUM', description: '', jiraIssueKeys: ['DEMO-7'], latestExecution: null });

    const linked = endpoints.linkIssue.response.parse((await http(sim(), 'POST', requestPath(endpoints.linkIssue, { params: { testCaseId: tc.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', jiraIssueKey: 'DEMO-8' } })).json).data;
    expect(linked.jiraIssueKeys).toEqual(['DEMO-7', 'DEMO-8']);
    const again = endpoints.linkIssue.response.parse((await http(sim(), 'POST', requestPath(endpoints.linkIssue, { params: { testCaseId: tc.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', jiraIssueKey: 'DEMO-8' } })).json).data;
    expect(again.jiraIssueKeys).toEqual(['DEMO-7', 'DEMO-8']); // idempotent
    const unlinked = await http(sim(), 'DELETE', requestPath(endpoints.unlinkIssue, { params: { testCaseId: tc.id, jiraIssueKey: 'DEMO-7' }, query: { projectId: 'PRJ-1' } }), { token: aliceToken() });
    expect(endpoints.unlinkIssue.response.parse(unlinked.json).data.jiraIssueKeys).toEqual(['DEMO-8']);
    const notLinked = await http(sim(), 'DELETE', requestPath(endpoints.unlinkIssue, { params: { testCaseId: tc.id, jiraIssueKey: 'DEMO-7' }, query: { projectId: 'PRJ-1' } }), { token: aliceToken() });
    expect(notLinked.status).toBe(404);

    const master = endpoints.cycleExecutions.response.parse((await get(requestPath(endpoints.cycleExecutions, { params: { cycleId: 'TCYCLE-1' }, query: { projectId: 'PRJ-1', testCaseIds: [tc.id] } }))).json);
    expect(master.data).toEqual([expect.objectContaining({ testCaseId: tc.id, status: 'NOT_EXECUTED', executedBy: null, executedAt: null })]);
  });

  it('creates a cycle, adds cases (reporting duplicates), lists and records executions', async () => {
    const created = await http(sim(), 'POST', endpoints.createCycle.path, { token: aliceToken(), body: { projectId: 'PRJ-1', name: 'Nightly', environment: 'qa' } });
    expect(created.status).toBe(201);
    const cycle = endpoints.createCycle.response.parse(created.json).data;
    expect(cycle).toMatchObject({ id: 'TCYCLE-4', name: 'Nightly', environment: 'qa', isMaster: false, total: 0 });

    const add = (ids: string[]) => http(sim(), 'POST', requestPath(endpoints.addToCycle, { params: { cycleId: cycle.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', testCaseIds: ids } });
    expect(endpoints.addToCycle.response.parse((await add(['TC-1', 'TC-2'])).json).data).toEqual({ added: ['TC-1', 'TC-2'], alreadyInCycle: [] });
    expect(endpoints.addToCycle.response.parse((await add(['TC-2', 'TC-3'])).json).data).toEqual({ added: ['TC-3'], alreadyInCycle: ['TC-2'] });
    const unknown = await add(['TC-3', 'TC-999']);
    expect(unknown.status).toBe(404);

    const rec = await http(sim(), 'POST', requestPath(endpoints.recordExecution, { params: { cycleId: cycle.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', testCaseId: 'TC-1', status: 'FAIL', comment: 'Broken on Safari', defects: ['DEMO-1', 'DEMO-1'] } });
    expect(rec.status).toBe(201);
    const ex = endpoints.recordExecution.response.parse(rec.json).data;
    expect(ex).toMatchObject({ cycleId: cycle.id, testCaseId: 'TC-1', status: 'FAIL', comment: 'Broken on Safari', defects: ['DEMO-1'], executedBy: { id: 'alice', name: 'Alice Martin' } });
    expect(ex.executedAt).toMatch(/Z$/); // UTC
    const notIn = await http(sim(), 'POST', requestPath(endpoints.recordExecution, { params: { cycleId: cycle.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', testCaseId: 'TC-9', status: 'PASS' } });
    expect(notIn.status).toBe(409);

    const list = endpoints.cycleExecutions.response.parse((await get(requestPath(endpoints.cycleExecutions, { params: { cycleId: cycle.id }, query: { projectId: 'PRJ-1' } }))).json);
    expect(list.data.map((e) => [e.testCaseId, e.status])).toEqual([['TC-1', 'FAIL'], ['TC-2', 'NOT_EXECUTED'], ['TC-3', 'NOT_EXECUTED']]);
    const only = endpoints.cycleExecutions.response.parse((await get(requestPath(endpoints.cycleExecutions, { params: { cycleId: cycle.id }, query: { projectId: 'PRJ-1', testCaseIds: ['TC-3'] } }))).json);
    expect(only.data.map((e) => e.testCaseId)).toEqual(['TC-3']);
    const cycles = endpoints.testCycles.response.parse((await get(requestPath(endpoints.testCycles, { query: { projectId: 'PRJ-1' } }))).json).data;
    expect(cycles.find((c) => c.id === cycle.id)).toMatchObject({ total: 3, counts: { FAIL: 1, NOT_EXECUTED: 2 } });

    // A60: one result by id, also once it is no longer the case's latest; 404 in another cycle or for no such id.
    await http(sim(), 'POST', requestPath(endpoints.recordExecution, { params: { cycleId: cycle.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', testCaseId: 'TC-1', status: 'PASS' } });
    const byId = (cycleId: string, executionId: string) => get(requestPath(endpoints.execution, { params: { cycleId, executionId }, query: { projectId: 'PRJ-1' } }));
    const found = await byId(cycle.id, ex.id);
    expect(found.status).toBe(200);
    expect(endpoints.execution.response.parse(found.json).data).toEqual(ex);
    for (const missing of [await byId('TCYCLE-1', ex.id), await byId(cycle.id, 'EX-99999')]) expect([missing.status, ErrorBody.parse(missing.json).error.code]).toEqual([404, 'NOT_FOUND']);
    // The bulk path is not an execution id.
    expect((await http(sim(), 'POST', requestPath(endpoints.recordExecutions, { params: { cycleId: cycle.id } }), { token: aliceToken(), body: { projectId: 'PRJ-1', results: [] } })).status).not.toBe(404);
  });
});

describe('clear errors, never a crash', () => {
  const expectError = (r: { status: number; json: unknown }, status: number) => {
    expect(r.status).toBe(status);
    const body = ErrorBody.parse(r.json);
    expect(body.error.message.length).toBeGreaterThan(5);
    return body.error;
  };

  it('400 for bad input, naming the field', async () => {
    expect(expectError(await get('/test-cases'), 400).message).toMatch(/projectId/);
    expect(expectError(await get('/test-cases?projectId=nope'), 400).message).toMatch(/PRJ-1/);
    expect(expectError(await get(`/test-cases?projectId=PRJ-1&pageSize=${LIMITS.pageSizeMax + 1}`), 400).message).toMatch(/pageSize/);
    const post = (body: unknown) => http(sim(), 'POST', '/test-cases', { token: aliceToken(), body });
    expect(expectError(await post({ projectId: 'PRJ-1', title: '' }), 400).message).toMatch(/title/);
    expect(expectError(await post({ projectId: 'PRJ-1', title: 'x', priority: 'URGENT' }), 400).message).toMatch(/priority/);
    expect(expectError(await post({ projectId: 'PRJ-1', title: 'x', extra: 1 }), 400).message).toMatch(/extra|unrecognized/i);
    expect(expectError(await post('{"projectId":'), 400).message).toMatch(/not valid JSON/);
    expectError(await http(sim(), 'POST', '/test-cases', { token: aliceToken(), body: '{}', headers: { 'content-type': 'text/plain' } }), 415);
    expectError(await http(sim(), 'POST', '/test-cycles/TCYCLE-1/executions', { token: aliceToken(), body: { projectId: 'PRJ-1', testCaseId: 'TC-1', status: 'PASSED' } }), 400);
    expectError(await get('/test-cycles/%E0%A4%A/executions?projectId=PRJ-1'), 400);
  });

  it('404 for unknown routes and resources, 405 with Allow for wrong methods', async () => {
    expectError(await get('/nope'), 404);
    expectError(await http(sim(), 'GET', '/../../etc/passwd', { token: aliceToken() }), 404);
    expectError(await get('/test-cycles/TCYCLE-99/executions?projectId=PRJ-1'), 404);
    expectError(await get('/test-cases?projectId=PRJ-77'), 404);
    const r = await http(sim(), 'PUT', '/test-cases', { token: aliceToken(), body: {} });
    expectError(r, 405);
    expect(r.headers.get('allow')).toBe('GET, POST');
  });

  it('413 for an oversized body, and the server keeps answering', async () => {
    const big = { projectId: 'PRJ-1', title: 'x', description: 'y'.repeat(70 * 1024) };
    const refused = await http(sim(), 'POST', '/test-cases', { token: aliceToken(), body: big });
    expectError(refused, 413);
    expect(refused.headers.get('connection')).toBe('close'); // the unread rest of the body ends the connection
    expect((await get('/projects/user-projects')).status).toBe(200);
  });

  it('reads a body sent without a length (chunked) up to the same limit', async () => {
    const chunked = (text: string) =>
      new Promise<number>((done, fail) => {
        const req = request(`${sim().apiBaseUrl}/test-cycles`, { method: 'POST', headers: { authorization: `Bearer ${aliceToken()}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.write(text.slice(0, 10));
        req.end(text.slice(10));
      });
    expect(await chunked(JSON.stringify({ projectId: 'PRJ-1', name: 'Chunked' }))).toBe(201);
    expect(await chunked(JSON.stringify({ projectId: 'PRJ-1', name: 'Chunked', description: 'y'.repeat(70 * 1024) }))).toBe(413);
  });
});

describe('routes come from the endpoint table', () => {
  const endpointList = Object.values(endpoints);
  const concrete = (template: string) => template.replace(':testCaseId', 'TC-1').replace(':jiraIssueKey', 'DEMO-1').replace(':cycleId', 'TCYCLE-1');

  it('serves every entry on its method and path (here without a token: 401, not 404)', async () => {
    for (const e of endpointList) {
      const [path] = pathsOf(e);
      const r = await http(sim(), e.method, concrete(path), e.method === 'GET' || e.method === 'DELETE' ? {} : { body: {} });
      expect([e.path, r.status]).toEqual([e.path, 401]);
    }
  });

  it('answers 405 on the path of an entry, with the methods the table gives that path in Allow', async () => {
    for (const e of endpointList) {
      const [path] = pathsOf(e);
      const allow = endpointList.filter((x) => x.path === e.path).map((x) => x.method).join(', ');
      const r = await http(sim(), 'PUT', concrete(path), { token: aliceToken(), body: {} });
      expect([e.path, r.status, r.headers.get('allow')]).toEqual([e.path, 405, allow]);
    }
  });
});

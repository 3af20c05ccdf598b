/**
 * The backend against a TestKase stand-in that misbehaves: pages longer than asked for, a body far
 * larger than any real page, a server that refuses URLs over 8 KB, redirects. The resolvers answer
 * what the view asked for, read at most a bounded number of bytes, split long id lists, and never
 * follow a redirect with the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';
import { MAX_RESPONSE_BYTES } from '../../../src/testkase/http';
import { contextFor } from '../../support/context';
import type { Definitions } from '../../../src/shared/definitions';
import { wireCycle, wireExecution, wireTestCase } from '../../support/testkase-wire';

const TOKEN = 'tk_pat_HostileStandInTestOnly0123456789ab';
const URL_LIMIT = 8 * 1024; // many servers and proxies refuse longer request lines

/** How the stand-in answers the routes under test; everything else answers like a well-behaved TestKase. */
let linkedCount = 4;
let searchPageLength = 0; // 0: honour pageSize
let hugeLinkedBytes = 0; // >0: the linked-cases page is this many bytes of valid JSON
let redirectCycles = false;
let requests: { method: string; url: string; auth: string | undefined }[] = [];
let bytesSentBeforeClose = 0;
let hugePageClosed: Promise<void> = Promise.resolve();

let server: Server;
let restore: () => void;
let handler: typeof import('../../../src/index').handler;

const testCase = (n: number) => wireTestCase(n, { description: 'x'.repeat(200) });
const execution = (id: string) => wireExecution({ id: `EX-${id}`, testCaseId: id });
const cycle = wireCycle();

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Streams `bytes` of valid JSON (one page whose items repeat), honouring backpressure, counting what left. */
function streamHugePage(res: ServerResponse, bytes: number) {
  res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: chunked, as a streaming server sends it
  const item = JSON.stringify(testCase(1));
  let sent = 0;
  hugePageClosed = new Promise((resolve) =>
    res.on('close', () => {
      bytesSentBeforeClose = sent;
      resolve();
    }),
  );
  const head = '{"pagination":{"page":1,"pageSize":100,"total":1},"data":[' + item;
  const write = () => {
    let ok = true;
    if (sent === 0) {
      ok = res.write(head);
      sent += head.length;
    }
    while (ok && sent < bytes) {
      const piece = (',' + item).repeat(200);
      ok = res.write(piece);
      sent += piece.length;
    }
    if (sent >= bytes) res.end(']}');
    else res.once('drain', write);
  };
  write();
}

function answer(req: IncomingMessage, res: ServerResponse) {
  requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization });
  if (req.url!.length > URL_LIMIT) return json(res, 414, { error: { code: 'URI_TOO_LONG', message: 'URI too long' } });
  const url = new URL(req.url!, 'http://x');
  const path = url.pathname.replace(/^\/api\/v1/, '');
  const q = url.searchParams;
  const page = Number(q.get('page') ?? 1);
  const pageSize = Number(q.get('pageSize') ?? 50);
  if (path === '/auth/token-info') return json(res, 200, { data: { user: { id: 'u1', name: 'Una' }, token: { name: 'Jira', preview: 'x', createdAt: '2026-01-01T00:00:00Z', expiresAt: null } } });
  if (path === '/projects/user-projects') return json(res, 200, { data: [{ id: 'PRJ-1', name: 'Demo', role: 'USER' }] });
  if (path === '/integrations/jira/mappings') return json(res, 200, { data: [{ jiraProjectKey: 'DEMO', projectId: 'PRJ-1', projectName: 'Demo' }] });
  if (path === '/test-cases' && q.has('jiraIssueKey')) {
    if (hugeLinkedBytes > 0) return streamHugePage(res, hugeLinkedBytes);
    const ids = Array.from({ length: linkedCount }, (_, i) => i + 1).slice((page - 1) * pageSize, page * pageSize);
    return json(res, 200, { data: ids.map(testCase), pagination: { page, pageSize, total: linkedCount } });
  }
  if (path === '/test-cases') {
    const length = searchPageLength || pageSize;
    return json(res, 200, { data: Array.from({ length }, (_, i) => testCase(i + 1)), pagination: { page, pageSize, total: 5_000 } });
  }
  if (path === '/test-cycles') {
    if (redirectCycles) {
      res.writeHead(302, { location: '/api/v1/redirected-here' });
      return res.end();
    }
    return json(res, 200, { data: [cycle], pagination: { page: 1, pageSize, total: 1 } });
  }
  if (path === '/test-cycles/TCYCLE-1/executions') {
    const ids = (q.get('testCaseIds') ?? '').split(',').filter(Boolean);
    const rows = ids.map(execution).slice((page - 1) * pageSize, page * pageSize);
    return json(res, 200, { data: rows, pagination: { page, pageSize, total: ids.length } });
  }
  return json(res, 404, { error: { code: 'NOT_FOUND', message: `no route ${path}` } });
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.TESTKASE_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  restore = installForgeFetch(new KvsEmulator());
  ({ handler } = await import('../../../src/index'));
  expect(await call('savePat', { token: TOKEN }, 'global')).toMatchObject({ ok: true });
});
afterAll(async () => {
  restore();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
afterEach(() => {
  linkedCount = 4;
  searchPageLength = 0;
  hugeLinkedBytes = 0;
  redirectCycles = false;
  requests = [];
});

async function call<K extends keyof Definitions>(fn: K, payload: unknown = undefined, where: 'global' | { issue: string } = { issue: 'DEMO-1' }) {
  return (await handler({ call: { functionKey: fn, payload: payload }, context: contextFor(where) }, { principal: { accountId: 'acc-hostile' } })) as Awaited<ReturnType<Definitions[K]>>;
}

describe('a hostile TestKase', () => {
  it('search: answers the 20 results the view asked for, though TestKase sent 2,000', async () => {
    searchPageLength = 2_000;
    const r = await call('searchTestCases', { query: 'case' });
    expect(r).toMatchObject({ ok: true, data: { from: 0, next: 20, total: 5_000 } });
    if (r.ok) expect(r.data.items).toHaveLength(20);
    expect(requests.find((q) => q.url.includes('search='))?.url).toContain('pageSize=20');
  });

  it(`stops reading a body larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB: a typed error, and most of it never sent`, async () => {
    const size = 64 * 1024 * 1024;
    hugeLinkedBytes = size;
    const r = await call('listLinkedTests');
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    await hugePageClosed;
    expect(bytesSentBeforeClose).toBeGreaterThan(0);
    expect(bytesSentBeforeClose).toBeLessThan(size / 2);
  });

  it('1,900 linked test cases: executions are asked for in chunks whose URLs a server accepts, and all come back', async () => {
    linkedCount = 1_900;
    const r = await call('listCycleExecutions', { cycleId: 'TCYCLE-1' });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.data.items).toHaveLength(1_900);
    expect(new Set(r.data.items.map((e) => e.testCaseId)).size).toBe(1_900);
    expect(r.data.notInCycle).toEqual([]);
    const executionUrls = requests.filter((q) => q.url.includes('/executions')).map((q) => q.url.length);
    expect(executionUrls.length).toBeGreaterThanOrEqual(19);
    expect(Math.max(...executionUrls)).toBeLessThan(URL_LIMIT / 2);
  });

  it('a redirect is not followed: the token is sent once, to the address the app chose, and the call fails typed', async () => {
    redirectCycles = true;
    const r = await call('listCycles');
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    expect(requests.filter((q) => q.url.includes('redirected-here'))).toEqual([]);
    expect(requests.filter((q) => q.url.includes('/test-cycles'))).toHaveLength(1); // not retried either
  });
});

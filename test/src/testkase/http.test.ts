import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestKaseClient } from '../../../src/testkase/client';
import { resolveBaseUrl } from '../../../src/testkase/base-url';
import { TestKaseError } from '../../../src/testkase/errors';
import { wireCycle, wireExecution, wireTestCase } from '../../support/testkase-wire';

// A real HTTP server on loopback that answers from a per-test script: the client's real fetch path is exercised.
type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let script: Reply[] = [];
let seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];
let server: Server;
let baseUrl: string;
const TOKEN = 'tk_pat_TESTONLYnotARealToken0123456789';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const hang: Reply = () => undefined;
const drop: Reply = (req) => req.socket.destroy();
const projects = { data: [{ id: 'PRJ-1', name: 'Demo', role: 'USER' }] };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const reply = script.shift() ?? json(500, { error: { code: 'SCRIPT', message: 'no scripted reply' } });
      reply(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  script = [];
  seen = [];
});

const waits: number[] = [];
function client(extra: Partial<ConstructorParameters<typeof TestKaseClient>[0]> = {}) {
  waits.length = 0;
  return new TestKaseClient({
    baseUrl,
    token: TOKEN,
    timeoutMs: 3_000, // an answer comes at once (0.54 s at most, measured under load); 300 ms had first requests time out and retry into an empty script
    budgetMs: 3_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
}

async function failure(p: Promise<unknown>): Promise<TestKaseError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TestKaseError) return e;
    throw e;
  }
  throw new Error('expected a TestKaseError');
}

describe('TestKase HTTP client against a real loopback server', () => {
  it('sends the PAT as a Bearer header to the documented path and validates the body', async () => {
    script = [json(200, projects)];
    expect(await client().userProjects()).toEqual(projects.data);
    expect(seen).toEqual([{ method: 'GET', url: '/api/v1/projects/user-projects', auth: `Bearer ${TOKEN}`, body: '' }]);
  });

  it('maps 401 to UNAUTHORIZED without retrying', async () => {
    script = [json(401, { error: { code: 'UNAUTHORIZED', message: 'revoked' } })];
    const e = await failure(client().userProjects());
    expect(e.kind).toBe('UNAUTHORIZED');
    expect(seen).toHaveLength(1);
  });

  it('maps 403 and 404 without retrying', async () => {
    script = [json(403, { error: { code: 'FORBIDDEN', message: 'guest' } }), json(404, { error: { code: 'NOT_FOUND', message: 'x' } })];
    expect((await failure(client().userProjects())).kind).toBe('FORBIDDEN');
    expect((await failure(client().whoAmI())).kind).toBe('NOT_FOUND');
    expect(seen).toHaveLength(2);
  });

  it('lists projects on the second documented path when the first answers 404, and on neither when both do', async () => {
    const notFound = json(404, { error: { code: 'NOT_FOUND', message: 'x' } });
    script = [notFound, notFound];
    expect((await failure(client().userProjects())).kind).toBe('NOT_FOUND');
    expect(seen.map((r) => r.url)).toEqual(['/api/v1/projects/user-projects', '/api/v1/projects/user/my-projects']);
    seen = [];
    script = [json(401, { error: { code: 'UNAUTHORIZED', message: 'revoked' } })];
    expect((await failure(client().userProjects())).kind).toBe('UNAUTHORIZED'); // only a 404 means "the other path"
    expect(seen).toHaveLength(1);
  });

  it('retries a read on 429 honouring Retry-After, then succeeds', async () => {
    script = [json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '2' }), json(200, projects)];
    expect(await client().userProjects()).toHaveLength(1);
    expect(waits).toEqual([2000]);
    expect(seen).toHaveLength(2);
  });

  it('reports RATE_LIMITED at once when Retry-After would overrun the time budget', async () => {
    script = [json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '60' })];
    const e = await failure(client().userProjects());
    expect(e.kind).toBe('RATE_LIMITED');
    expect(e.details.retryAfterSeconds).toBe(60);
    expect(waits).toEqual([]);
  });

  it('retries reads on 502/503/504 with backoff, at most maxRetries times', async () => {
    script = [json(502, {}), json(503, {}), json(504, {})];
    const e = await failure(client().userProjects());
    expect(e.kind).toBe('UNAVAILABLE');
    expect(seen).toHaveLength(3);
    expect(waits).toHaveLength(2);
    script = [json(503, {}), json(200, projects)];
    expect(await client().userProjects()).toHaveLength(1);
  });

  it('does not retry 500 (not a transient gateway error)', async () => {
    script = [json(500, {})];
    expect((await failure(client().userProjects())).kind).toBe('UNAVAILABLE');
    expect(seen).toHaveLength(1);
  });

  it('never retries a write, even on 503', async () => {
    script = [json(503, {})];
    const e = await failure(client().createCycle({ projectId: 'PRJ-1', name: 'x' }));
    expect(e.kind).toBe('UNAVAILABLE');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
  });

  it('refuses a request the contract does not allow as BAD_REQUEST, and sends nothing', async () => {
    script = [json(200, projects)];
    const badBody = await failure(client().createCycle({ projectId: 'PRJ-1', name: '   ' }));
    expect([badBody.kind, badBody.message]).toEqual(['BAD_REQUEST', expect.stringMatching(/^POST \/test-cycles: the request does not match the contract \(name: .+\); nothing was sent$/)]);
    const badParam = await failure(client().linkIssue('../../admin', 'PRJ-1', 'DEMO-1'));
    expect([badParam.kind, badParam.message]).toEqual(['BAD_REQUEST', expect.stringContaining('/test-cases/:testCaseId/jira-links')]);
    expect((await failure(client().testCasesPage({ projectId: 'PRJ-1', pageSize: 1_000 }))).kind).toBe('BAD_REQUEST');
    expect(seen).toEqual([]);
  });

  it('sends the body its schema leaves, defaults filled in, to the filled-in template', async () => {
    const cycle = wireCycle({ id: 'TCYCLE-4', name: 'Nightly', isMaster: false });
    const execution = wireExecution({ cycleId: 'TCYCLE-4' });
    script = [json(201, { data: cycle }), json(201, { data: execution })];
    await client().createCycle({ projectId: 'PRJ-1', name: ' Nightly ' });
    await client().recordExecution('TCYCLE-4', { projectId: 'PRJ-1', testCaseId: 'TC-1', status: 'PASS' });
    expect(seen.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
      ['POST', '/api/v1/test-cycles', { projectId: 'PRJ-1', name: 'Nightly', description: '', environment: null }],
      ['POST', '/api/v1/test-cycles/TCYCLE-4/executions', { projectId: 'PRJ-1', testCaseId: 'TC-1', status: 'PASS', comment: null, defects: [], stepResults: [] }],
    ]);
  });

  it('times out a hung request, retries it, and stays within the total budget', async () => {
    script = [hang, hang, hang];
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 200, budgetMs: 1_000, sleep: undefined }).userProjects());
    expect(e.kind).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('treats a dropped connection as UNAVAILABLE', async () => {
    script = [drop, drop, drop];
    expect((await failure(client().userProjects())).kind).toBe('UNAVAILABLE');
  });

  it('rejects malformed JSON and bodies that do not match the contract as BAD_RESPONSE', async () => {
    script = [(_q, res) => res.end('{"data": [')];
    expect((await failure(client().userProjects())).kind).toBe('BAD_RESPONSE');
    script = [json(200, { data: [{ id: 'not-a-project', name: 1 }] })];
    expect((await failure(client().userProjects())).kind).toBe('BAD_RESPONSE');
  });

  it('never puts the token in an error message', async () => {
    script = [json(401, { error: { code: 'UNAUTHORIZED', message: `bad ${TOKEN}` } }), hang, hang, hang];
    const errors = [await failure(client().userProjects()), await failure(client({ timeoutMs: 100, budgetMs: 400 }).userProjects())];
    for (const e of errors) expect(`${e.message} ${e.stack} ${JSON.stringify(e)}`).not.toContain(TOKEN.slice(7));
  });

  it('does not follow a redirect, even to the same origin: one request, a typed error, no retry', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      seen = [];
      script = [(_req, res) => {
        res.writeHead(status, { location: '/api/v1/projects/user-projects?again=1' });
        res.end();
      }, json(200, projects)];
      const e = await failure(client().userProjects());
      expect(e.kind).toBe('BAD_RESPONSE');
      expect(e.message).toMatch(/redirect/);
      expect(seen.map((r) => r.url)).toEqual(['/api/v1/projects/user-projects']);
    }
  });

  it('refuses an answer a platform fetch reached by following a redirect anyway', async () => {
    const followed = new Response(JSON.stringify(projects), { status: 200, headers: { 'content-type': 'application/json' } });
    Object.defineProperty(followed, 'redirected', { value: true });
    const e = await failure(client({ fetch: async () => followed }).userProjects());
    expect(e.kind).toBe('BAD_RESPONSE');
  });

  it('asks fetch not to follow redirects', async () => {
    const inits: RequestInit[] = [];
    await client({ fetch: async (_url, init) => (inits.push(init), new Response(JSON.stringify(projects), { status: 200 })) }).userProjects();
    expect(inits[0]!.redirect).toBe('manual');
  });

  it('reads at most maxResponseBytes of a body, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ data: Array.from({ length: 2_000 }, () => projects.data[0]) }); // ~90 KB
    script = [json(200, JSON.parse(big)), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no content-length
      res.write(big.slice(0, 40_000));
      setTimeout(() => res.end(big.slice(40_000)), 10);
    }];
    for (let i = 0; i < 2; i++) {
      const e = await failure(client({ maxResponseBytes: 32 * 1024 }).userProjects());
      expect(e.kind).toBe('BAD_RESPONSE');
      expect(e.message).toMatch(/larger than 32768 bytes/);
    }
    script = [json(200, JSON.parse(big))];
    expect(await client({ maxResponseBytes: 256 * 1024 }).userProjects()).toHaveLength(2_000);
  });

  it('keeps the status of an error whose body is too large to read', async () => {
    script = [json(401, { error: { code: 'UNAUTHORIZED', message: 'x'.repeat(200_000) } })];
    expect((await failure(client().userProjects())).kind).toBe('UNAUTHORIZED');
  });

  it('scrubs the token out of the code and the message TestKase sends, prefixed or not', async () => {
    const bare = 'UHJlZml4bGVzc1Rva2VuRm9yQVRlc3QwMTIzNDU2';
    for (const token of [TOKEN, bare]) {
      script = [json(400, { error: { code: `E_${token}`, message: `bad\n${token}\u0007 here` } })];
      const e = await failure(client({ token }).userProjects());
      const all = `${e.message} ${JSON.stringify(e.details)}`;
      expect(all).not.toContain(token.slice(7));
      expect(e.details.code).toMatch(/^E_/);
      expect(e.details.serverMessage).toMatch(/^bad \[redacted\] here$/);
    }
  });

  it('pages through every test case so the list agrees with the total', async () => {
    const make = (n: number) => wireTestCase(n);
    const pageOf = (page: number) => {
      const start = (page - 1) * 100;
      const ids = Array.from({ length: Math.max(0, Math.min(100, 250 - start)) }, (_, i) => start + i + 1);
      return { data: ids.map(make), pagination: { page, pageSize: 100, total: 250 } };
    };
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url!, 'http://x');
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body: '' });
      json(200, pageOf(Number(url.searchParams.get('page'))))(req, res, '');
    });
    const { items, total } = await client().allTestCases({ projectId: 'PRJ-1', jiraIssueKey: 'DEMO-1' });
    expect(total).toBe(250);
    expect(items.map((t) => t.id)).toEqual(Array.from({ length: 250 }, (_, i) => `TC-${i + 1}`));
    expect(seen.map((s) => new URL(s.url, 'http://x').searchParams.get('page')).sort()).toEqual(['1', '2', '3']);
    expect(seen[0]!.url).toContain('jiraIssueKey=DEMO-1');
  });
});

describe('resolveBaseUrl', () => {
  it('defaults to the documented HTTPS base URL', () => {
    expect(resolveBaseUrl(undefined)).toBe('https://api.testkase.com/api/v1');
    expect(resolveBaseUrl('')).toBe('https://api.testkase.com/api/v1');
  });
  it('accepts HTTPS and loopback HTTP, refuses any other HTTP', () => {
    expect(resolveBaseUrl('https://eu.testkase.example/api/v1/')).toBe('https://eu.testkase.example/api/v1');
    expect(resolveBaseUrl('http://127.0.0.1:4010/api/v1')).toBe('http://127.0.0.1:4010/api/v1');
    expect(resolveBaseUrl('http://localhost:4010/api/v1')).toBe('http://localhost:4010/api/v1');
    expect(() => resolveBaseUrl('http://api.testkase.com/api/v1')).toThrow(/https/);
    expect(() => resolveBaseUrl('http://10.0.0.5/api/v1')).toThrow(/https/);
    expect(() => resolveBaseUrl('ftp://x')).toThrow(/https/);
    expect(() => resolveBaseUrl('not a url')).toThrow(/not a URL/);
    expect(() => resolveBaseUrl('https://user:pw@api.testkase.com/api/v1')).toThrow(/credentials/);
  });
});

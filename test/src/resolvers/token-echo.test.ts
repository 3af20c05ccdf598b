/**
 * A TestKase that echoes the caller's token back — in an error's `code`, in its `message`, in data —
 * must not make the backend repeat it: no console line and no resolver response may contain it, for
 * tokens with and without the `tk_pat_` prefix. Runs the real handler against a loopback stand-in
 * and captures everything written to the console.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';
import { contextFor, type Where } from '../../support/context';
import type { Definitions } from '../../../src/shared/definitions';
import { wireTestCase } from '../../support/testkase-wire';
import { CHECK_SETTINGS } from '../../../src/admin/check-all';

/** One route of the stand-in that, instead of answering, echoes the token with this status. */
interface Echo {
  method: string;
  path: string;
  status: number;
}

let server: Server;
let echoes: Echo[] = [];
let echoInData = false;
/** What the echo puts in the error's `code` (default: the whole token). */
let echoCode = (token: string) => token;
let clock = Date.now();
let restore: () => void;
let handler: typeof import('../../../src/index').handler;
const console_: string[] = [];

const testCase = (title: string) => wireTestCase(1, { title, description: title });

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const path = new URL(req.url!, 'http://x').pathname.replace(/^\/api\/v1/, '');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const echo = echoes.find((e) => e.method === req.method && e.path === path);
      if (echo) return send(echo.status, { error: { code: echoCode(token), message: `The token ${token} is not accepted here (${token}).` } }, echo.status === 429 ? { 'retry-after': '0' } : {});
      const title = echoInData ? `Pasted ${token}` : 'Checkout';
      if (path === '/auth/token-info') return send(200, { data: { user: { id: 'u1', name: 'Una' }, token: { name: 'Jira', preview: 'x', createdAt: '2026-01-01T00:00:00Z', expiresAt: null } } });
      if (path === '/projects/user-projects') return send(200, { data: [{ id: 'PRJ-1', name: 'Demo', role: 'USER' }] });
      if (path === '/integrations/jira/mappings') return send(200, { data: [{ jiraProjectKey: 'DEMO', projectId: 'PRJ-1', projectName: 'Demo' }] });
      if (path === '/test-cases' && req.method === 'GET') return send(200, { data: [testCase(title)], pagination: { page: 1, pageSize: 100, total: 1 } });
      if (path === '/test-cycles' && req.method === 'GET') return send(200, { data: [], pagination: { page: 1, pageSize: 100, total: 0 } });
      return send(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.TESTKASE_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  // The Jira admin page's calls: everyone is a Jira admin here, and Jira knows nobody's name.
  restore = installForgeFetch(new KvsEmulator({ now: () => clock }), {
    product: async ({ path }) =>
      path.startsWith('/rest/api/3/mypermissions') ? { status: 200, body: { permissions: { ADMINISTER: { havePermission: true } } } } : { status: 200, body: { values: [] } },
  });
  ({ handler } = await import('../../../src/index'));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void console_.push(args.map(String).join(' ')));
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  restore();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
afterEach(() => {
  echoes = [];
  echoInData = false;
  echoCode = (token) => token;
});

async function call<K extends keyof Definitions>(accountId: string, fn: K, payload: unknown = undefined, where: Where = { issue: 'DEMO-1' }) {
  return (await handler({ call: { functionKey: fn, payload: payload }, context: contextFor(where) }, { principal: { accountId } })) as Awaited<ReturnType<Definitions[K]>>;
}

const TOKENS = {
  'without a prefix': 'Qm9vdHN0cmFwVG9rZW5XaXRob3V0UHJlZml4MDE',
  'with the tk_pat_ prefix': 'tk_pat_RWNob2VkQmFja0J5VGVzdEthc2VTdGFuZEluMQ',
};

describe.each(Object.entries(TOKENS))('a TestKase that echoes a token %s', (_kind, token) => {
  it('never gets the token into a console line or a response', async () => {
    const me = `acc-echo-${token.slice(0, 6)}`;
    console_.length = 0;
    const responses: unknown[] = [];
    const run = async (p: Promise<unknown>) => responses.push(await p);

    await run(call(me, 'savePat', { token }, 'global'));
    expect(responses[0]).toMatchObject({ ok: true });
    await run(call(me, 'getState')); // warm: validation and mapping cached

    // Errors echoing the token in code and message, on an operation and on a cold validation.
    for (const status of [400, 409, 500, 503, 429]) {
      echoes = [{ method: 'GET', path: '/test-cycles', status }];
      await run(call(me, 'listCycles'));
    }
    echoes = [{ method: 'GET', path: '/auth/token-info', status: 500 }];
    clock += 11 * 60_000; // past the validation cache: the next render asks TestKase again
    await run(call(me, 'getState'));
    echoes = [{ method: 'GET', path: '/auth/token-info', status: 422 }];
    await run(call(me, 'savePat', { token }, 'global'));
    // Success answers carrying the token in data.
    echoes = [];
    echoInData = true;
    await run(call(me, 'getState'));
    await run(call(me, 'listLinkedTests'));
    // A Jira admin's check of every stored token, with TestKase echoing it (refused, failing, fine).
    echoInData = false;
    const settings = { ...CHECK_SETTINGS };
    Object.assign(CHECK_SETTINGS, { budgetMs: 300, perSecond: 1000 }); // a 429 ends the invocation at once
    for (const status of [401, 500, 429]) {
      echoes = [{ method: 'GET', path: '/auth/token-info', status }];
      await run(call('acc-echo-admin', 'adminCheckAll', {}, 'admin'));
    }
    echoes = [];
    await run(call('acc-echo-admin', 'adminCheckAll', {}, 'admin'));
    await run(call('acc-echo-admin', 'adminListConnections', {}, 'admin'));
    await run(call('acc-echo-admin', 'adminRemoveConnection', { accountId: me }, 'admin'));
    await run(call('acc-echo-admin', 'adminAuditLog', {}, 'admin'));
    Object.assign(CHECK_SETTINGS, settings);
    expect(responses.slice(-4)).toMatchObject([{ ok: true }, { ok: true, data: { counts: { ALL: 1 } } }, { ok: true, data: { removed: true } }, { ok: true }]);

    const secretPart = token.replace(/^tk_pat_/, '').slice(0, 20);
    const leaks = [...console_.map((l) => `console: ${l}`), ...responses.map((r) => `response: ${JSON.stringify(r)}`)]
      .filter((text) => text.includes(secretPart))
      .map((text) => text.split(secretPart).join('<TOKEN>').slice(0, 160));
    expect(leaks).toEqual([]);
    // The capture is real; the echoed message was used (scrubbed), the echoed code dropped (not code-shaped, A22).
    expect(console_.some((line) => /token validation failed .*HTTP 500/.test(line))).toBe(true);
    expect(console_.some((line) => /HTTP 500 \S/.test(line))).toBe(false);
    expect(JSON.stringify(responses)).toMatch(/The token \[redacted\] is not accepted here/);
    expect(console_.some((line) => /a resolver result contained a token/.test(line))).toBe(true);
  });
});

describe("TestKase's error code", () => {
  it('reaches a log line or a message only when it is code-shaped (^[A-Z0-9_]{1,40}$): a partial echo of the token (25 of its characters) never does', async () => {
    const token = TOKENS['without a prefix'];
    const me = 'acc-echo-code';
    expect((await call(me, 'savePat', { token }, 'global')).ok).toBe(true);
    console_.length = 0;
    const partial = token.slice(2, 27); // not the whole token, no tk_pat_: no scrubbing recognises it
    echoCode = () => partial;
    echoes = [{ method: 'GET', path: '/auth/token-info', status: 500 }];
    clock += 11 * 60_000; // past the validation cache: the render asks TestKase, which fails
    const answer = await call(me, 'getState');
    expect(console_.some((line) => line.includes('token validation failed'))).toBe(true);
    expect([...console_, JSON.stringify(answer)].filter((text) => text.includes(partial))).toEqual([]);
    // A code-shaped one is kept: it says what TestKase meant.
    echoCode = () => 'SERVICE_DOWN';
    clock += 11 * 60_000;
    await call(me, 'getState');
    expect(console_.some((line) => /HTTP 500 SERVICE_DOWN/.test(line))).toBe(true);
  });
});

/** Fault injection and the per-token rate limit, switched at run time. */
import { afterEach, describe, expect, it } from 'vitest';
import { Faults } from '../../../dev/testkase-sim/faults';
import { http, simForFile } from './support';

const { sim, aliceToken } = simForFile({ aliceToken: 'faults' });
afterEach(() => {
  sim().admin.clearFaults();
  sim().admin.setRateLimit({ limit: 600, windowSeconds: 60 });
});

const projects = () => http(sim(), 'GET', '/projects/user-projects', { token: aliceToken() });
const cases = () => http(sim(), 'GET', '/test-cases?projectId=PRJ-1', { token: aliceToken() });

describe('fault plans (pure)', () => {
  it('adds latency of every matching rule, with jitter within its bounds', () => {
    const f = new Faults();
    f.add({ latencyMs: 100 });
    f.add({ route: 'testCases', latencyMs: 50, jitterMs: 40 });
    expect(f.plan('testCases', () => 0).delayMs).toBe(150);
    expect(f.plan('testCases', () => 0.999).delayMs).toBe(190);
    expect(f.plan('whoAmI', () => 0.5).delayMs).toBe(100);
  });

  it('lets the first matching terminal rule decide, and expires rules after `times`', () => {
    const f = new Faults();
    f.add({ route: 'whoAmI', status: 503, times: 2 });
    f.add({ drop: true });
    expect(f.plan('whoAmI').outcome).toEqual({ kind: 'status', status: 503 });
    expect(f.plan('userProjects').outcome).toEqual({ kind: 'drop' });
    expect(f.plan('whoAmI').outcome).toEqual({ kind: 'status', status: 503 });
    expect(f.plan('whoAmI').outcome).toEqual({ kind: 'drop' });
    expect(f.list()).toHaveLength(1);
  });

  it('refuses rules that do nothing or two things', () => {
    const f = new Faults();
    expect(() => f.add({ route: 'x' })).toThrow(/needs/);
    expect(() => f.add({ hang: true, drop: true })).toThrow(/one of/);
    expect(() => f.add({ status: 200 })).toThrow();
  });
});

describe('faults over HTTP', () => {
  it('delays answers by the injected latency', async () => {
    sim().admin.addFault({ route: 'userProjects', latencyMs: 150 });
    const t0 = performance.now();
    expect((await projects()).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145); // a fault check, not a performance assertion
    expect(sim().admin.requests().at(-1)).toMatchObject({ route: 'userProjects', status: 200, fault: 'latency 150ms' });
  });

  it('answers a 429 burst with Retry-After, then recovers', async () => {
    sim().admin.addFault({ status: 429, retryAfterSeconds: 3, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await cases();
      expect([r.status, r.headers.get('retry-after'), r.json.error.code]).toEqual([429, '3', 'RATE_LIMITED']);
    }
    expect((await cases()).status).toBe(200);
  });

  it('answers 5xx only on the faulted route', async () => {
    sim().admin.addFault({ route: 'testCases', status: 502 });
    expect((await cases()).status).toBe(502);
    expect((await projects()).status).toBe(200);
  });

  it('hangs a request until the client gives up', async () => {
    sim().admin.addFault({ route: 'testCases', hang: true, times: 1 });
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 300);
    await expect(fetch(`${sim().apiBaseUrl}/test-cases?projectId=PRJ-1`, { headers: { authorization: `Bearer ${aliceToken()}` }, signal: ctl.signal })).rejects.toThrow(/abort/i);
    clearTimeout(timer);
    expect((await cases()).status).toBe(200);
  });

  it('sends malformed JSON', async () => {
    sim().admin.addFault({ route: 'userProjects', malformed: true });
    const r = await projects();
    expect(r.status).toBe(200);
    expect(r.json.unparsable).toBeDefined();
  });

  it('drops the connection', async () => {
    sim().admin.addFault({ drop: true, times: 1 });
    await expect(fetch(`${sim().apiBaseUrl}/projects/user-projects`, { headers: { authorization: `Bearer ${aliceToken()}` } })).rejects.toThrow();
    expect((await projects()).status).toBe(200);
  });

  it('can be managed over the admin HTTP API, which only accepts JSON writes', async () => {
    const post = (body: string, type: string) => fetch(`${sim().url}/_sim/admin/faults`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post(JSON.stringify({ route: 'whoAmI', status: 500 }), 'text/plain')).status).toBe(415);
    const created = await post(JSON.stringify({ route: 'whoAmI', status: 500 }), 'application/json');
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string } };
    expect((await http(sim(), 'GET', '/auth/token-info', { token: aliceToken() })).status).toBe(500);
    expect((await post(JSON.stringify({ route: 'whoAmI', bogus: true }), 'application/json')).status).toBe(400);
    expect((await fetch(`${sim().url}/_sim/admin/faults/${data.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await http(sim(), 'GET', '/auth/token-info', { token: aliceToken() })).status).toBe(200);
  });
});

describe('rate limit per token', () => {
  it('answers 429 with Retry-After past the limit, per aliceToken(), and resets with the window', async () => {
    sim().admin.setRateLimit({ limit: 3, windowSeconds: 10 });
    const other = sim().admin.createToken({ user: 'bob', name: 'other', days: 30 }).token;
    for (let i = 0; i < 3; i++) expect((await projects()).status).toBe(200);
    const limited = await projects();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect((await http(sim(), 'GET', '/projects/user-projects', { token: other })).status).toBe(200);
    sim().admin.advanceClock(10_000);
    expect((await projects()).status).toBe(200);
  });
});

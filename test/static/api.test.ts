import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@forge/bridge', () => import('./bridgeMock'));
import { emit, invoke } from './bridgeMock';
import { api, CALL_TIMEOUT_MS, onConnectionLost, unwrap } from '../../static/src/api';
import { FUNCTION_KEYS } from '../../src/shared/calls';

afterEach(() => {
  invoke.mockReset();
  emit.mockClear();
  vi.useRealTimers();
});

describe('api', () => {
  it('has one call for every function of the table, and no other', () => {
    expect(Object.keys(api)).toEqual(FUNCTION_KEYS);
  });

  it('passes the function key and payload to the typed invoke and returns the result', async () => {
    invoke.mockResolvedValue({ ok: true, data: { items: [], total: 0, page: 2, pageSize: 20 } });
    const r = await api.searchTestCases({ query: 'login', page: 2 });
    expect(invoke).toHaveBeenCalledWith('searchTestCases', { query: 'login', page: 2 });
    expect(r).toEqual({ ok: true, data: { items: [], total: 0, page: 2, pageSize: 20 } });
  });

  it('unwraps a { body, metadata } answer', async () => {
    invoke.mockResolvedValue({ body: { ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } }, metadata: {} });
    expect(await api.linkTestCase({ testCaseId: 'TC-1' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } });
    expect(unwrap({ ok: true, data: 1, body: 'x' })).toEqual({ ok: true, data: 1, body: 'x' });
  });

  it('turns a throw into an UNAVAILABLE result with a sentence', async () => {
    invoke.mockRejectedValue(new Error('There was an error invoking the function'));
    const r = await api.getState();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('UNAVAILABLE');
      expect(r.error.message).toMatch(/try again/i);
    }
  });

  it('turns an answer that is not a Result into an error, not a crash', async () => {
    for (const weird of [undefined, 'text', { ok: 'yes' }, { ok: false, error: 'x' }, { ok: true }]) {
      invoke.mockResolvedValueOnce(weird);
      const r = await api.listCycles();
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    }
  });

  it('gives up after the timeout instead of loading forever', async () => {
    vi.useFakeTimers();
    invoke.mockReturnValue(new Promise(() => undefined));
    const pending = api.listLinkedTests();
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS + 1);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('tells the issue summary to fetch again after each write that changes what it counts, and only then', async () => {
    invoke.mockResolvedValue({ ok: true, data: {} });
    await api.executeTest({ cycleId: 'TCYCLE-2', testCaseId: 'TC-1', status: 'PASS' });
    await api.linkTestCase({ testCaseId: 'TC-9' });
    await api.unlinkTestCase({ testCaseId: 'TC-9' });
    await api.createTestCase({ title: 'New' });
    await api.executeMany({ cycleId: 'TCYCLE-2', testCaseIds: ['TC-1', 'TC-2'], status: 'PASS' });
    await api.addToCycle({ cycleId: 'TCYCLE-2', testCaseIds: ['TC-1'] });
    expect(emit.mock.calls).toEqual(Array.from({ length: 6 }, () => ['testkase:tests-changed', {}]));
    emit.mockClear();
    await api.listLinkedTests();
    await api.createCycle({ name: 'Sprint' });
    await api.addDefect({ cycleId: 'TCYCLE-2', testCaseId: 'TC-2', executionId: 'EX-1', issueKey: 'DEMO-9' });
    invoke.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', message: 'Guests can only view.' } });
    await api.executeTest({ cycleId: 'TCYCLE-2', testCaseId: 'TC-1', status: 'FAIL' });
    expect(emit).not.toHaveBeenCalled();
  });
});

describe('a lost connection', () => {
  it('tells the listeners when any call answers TOKEN_REJECTED, NO_TOKEN or NOT_MAPPED, and not for other errors', async () => {
    const heard: string[] = [];
    const stop = onConnectionLost((e) => heard.push(e.code));
    for (const code of ['TOKEN_REJECTED', 'NO_TOKEN', 'NOT_MAPPED', 'UNAVAILABLE', 'FORBIDDEN']) {
      invoke.mockResolvedValueOnce({ ok: false, error: { code, message: 'x' } });
      await api.unlinkTestCase({ testCaseId: 'TC-1' });
    }
    stop();
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'TOKEN_REJECTED', message: 'x' } });
    await api.listLinkedTests();
    expect(heard).toEqual(['TOKEN_REJECTED', 'NO_TOKEN', 'NOT_MAPPED']);
  });
});

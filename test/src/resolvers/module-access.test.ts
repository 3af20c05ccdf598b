/**
 * Which module may call each function is one fact, in the function table (src/shared/calls.ts), and one
 * place refuses the others: the envelope, from the trusted Forge context, before the payload is parsed,
 * with one error code (WRONG_MODULE). Every function from every module, through the real handler.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleKind } from '../../../src/shared/definitions';
import { CALLS, FUNCTION_KEYS, mayCall } from '../../../src/shared/calls';
import { FUNCTIONS } from '../../../src/shared/functions';
import { words } from '../../../src/shared/words/backend';
import type { Where } from '../../support/context';
import { backendForFile, expectOk } from '../../support/backend';

const b = backendForFile();
const ME = 'acc-module-access';

const FROM: Record<ModuleKind, Where> = {
  ISSUE_PANEL: { issue: 'DEMO-1' },
  ISSUE_CONTEXT: { issue: 'DEMO-1', module: 'issueContext' },
  GLOBAL_PAGE: 'global',
  ADMIN_PAGE: 'admin',
  PROJECT_PAGE: { projectPage: 'DEMO' },
  DASHBOARD_GADGET: { gadget: '10001' },
};
const MODULES = Object.keys(FROM) as ModuleKind[];
/** No schema of the table accepts it: a call that got as far as parsing would answer VALIDATION. */
const NOT_A_PAYLOAD = { notAField: '<script>' };

/** Every request the backend makes through Forge (storage, TestKase, Jira) while `body` runs. */
async function outboundDuring<T>(body: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const original = globalThis.__forge_fetch__!;
  let requests = 0;
  globalThis.__forge_fetch__ = (...args) => {
    requests += 1;
    return original(...args);
  };
  try {
    return { result: await body(), requests };
  } finally {
    globalThis.__forge_fetch__ = original;
  }
}

beforeAll(async () => {
  expectOk(await b().call(ME, 'savePat', { token: await b().token('alice') }, 'global'));
});
afterEach(() => {
  b().jiraCalls.length = 0;
});

describe('module access', () => {
  it('lists, for every function of the payload table, the modules that may call it, and no other key', () => {
    expect(Object.keys(FUNCTIONS)).toEqual(FUNCTION_KEYS);
    for (const key of FUNCTION_KEYS) {
      expect(CALLS[key].modules.length, key).toBeGreaterThan(0);
      for (const m of CALLS[key].modules) expect(MODULES, key).toContain(m);
    }
  });

  it('refuses a function from every module the table does not list, with WRONG_MODULE, before parsing and without a request', async () => {
    let refusals = 0;
    for (const key of FUNCTION_KEYS) {
      for (const module of MODULES.filter((m) => !mayCall(key, m))) {
        const { result, requests } = await outboundDuring(() => b().call(ME, key, NOT_A_PAYLOAD, FROM[module]));
        const where = `${key} from ${module}`;
        // The sentence says where the function works (the first module the table lists).
        expect(result, where).toEqual({ ok: false, error: { code: 'WRONG_MODULE', message: words.errors.onlyIn[CALLS[key].modules[0]] } });
        expect(requests, where).toBe(0);
        refusals += 1;
      }
    }
    expect(b().jiraCalls).toEqual([]);
    // 24 functions × 4 modules, less the 28 (function, module) pairs the table allows.
    expect(refusals).toBe(FUNCTION_KEYS.length * MODULES.length - FUNCTION_KEYS.reduce((n, k) => n + CALLS[k].modules.length, 0));
  });

  it('lets every listed module through to the next check (the admin check, then the payload)', async () => {
    for (const key of FUNCTION_KEYS) {
      for (const module of CALLS[key].modules) {
        const r = await b().call(ME, key, NOT_A_PAYLOAD, FROM[module]);
        // ME is no Jira administrator: an admin function stops at that check, any other at its payload.
        expect(r, `${key} from ${module}`).toMatchObject({ ok: false, error: { code: 'access' in CALLS[key] ? 'FORBIDDEN' : 'VALIDATION' } });
      }
    }
  });

  it('is what the UIs call: the panel writes that change the issue’s tests, the glance its summary, the settings page the token', () => {
    const by = (m: ModuleKind) => FUNCTION_KEYS.filter((k) => mayCall(k, m)).sort();
    expect(by('ISSUE_CONTEXT')).toEqual(['getIssueSummary']);
    expect(by('GLOBAL_PAGE')).toEqual(['checkIdentity', 'deletePat', 'getState', 'savePat']);
    expect(by('ADMIN_PAGE')).toEqual(['adminAuditLog', 'adminCheckAll', 'adminListConnections', 'adminRefreshListing', 'adminRemoveConnection', 'adminResumeConnection', 'adminSetNote', 'adminSuspendConnection', 'getState']);
    expect(FUNCTION_KEYS.filter((k) => 'changesTests' in CALLS[k]).sort()).toEqual(['addToCycle', 'createTestCase', 'executeMany', 'executeTest', 'linkTestCase', 'unlinkTestCase']);
  });
});

/**
 * Generated bad input for every resolver: each call must return a typed error envelope (never
 * throw, never a stack trace), and storage must not change. Seeded, so a failure reproduces.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';
import { contextFor } from '../../support/context';
import { expectTypedResult, nastyValues } from '../../support/fuzz';
import type { Definitions } from '../../../src/shared/definitions';

const SEED = 20261122;
const RUNS = 60; // × 13 functions = 780 generated calls per run

let kvs: KvsEmulator;
let restore: () => void;
let handler: typeof import('../../../src/index').handler;

beforeAll(async () => {
  // Nothing listens on port 9 (discard): a payload that passes validation fails fast as UNAVAILABLE.
  process.env.TESTKASE_BASE_URL = 'http://127.0.0.1:9/api/v1';
  kvs = new KvsEmulator();
  restore = installForgeFetch(kvs);
  ({ handler } = await import('../../../src/index'));
});
afterAll(() => restore());

const nasty = nastyValues(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u0000\u0007', '𝕿𝖊𝖘𝖙 ✅ 测试', '../../etc/passwd', 'TC-1; DROP TABLE', ' ', 'TC-', 'TCYCLE-01x'], 50);
const pollutingKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'issueKey', 'accountId', 'projectId');
const payload = fc.oneof(
  fc.constant(undefined),
  nasty,
  fc.dictionary(fc.oneof(fc.constantFrom('token', 'query', 'page', 'testCaseId', 'title', 'description', 'priority', 'name', 'environment', 'cycleId', 'testCaseIds', 'status', 'comment'), pollutingKeys, fc.string({ maxLength: 8 })), nasty, { maxKeys: 4 }),
);

const functions: (keyof Definitions)[] = [
  'getState', 'savePat', 'deletePat', 'listLinkedTests', 'searchTestCases', 'linkTestCase', 'unlinkTestCase',
  'createTestCase', 'listCycles', 'createCycle', 'addToCycle', 'listCycleExecutions', 'executeTest', 'getIssueSummary',
];

describe('fuzzed resolver payloads', () => {
  for (const fn of functions) {
    it(`${fn}: every generated payload gets a typed result and storage is unchanged`, async () => {
      await fc.assert(
        fc.asyncProperty(payload, fc.constantFrom<'global' | { issue: string }>('global', { issue: 'DEMO-1' }), async (p, where) => {
          const before = JSON.stringify(kvs.snapshot());
          const result = (await handler({ call: { functionKey: fn, payload: p }, context: contextFor(where) }, { principal: { accountId: 'acc-fuzz' } })) as {
            ok: boolean;
            error?: { code: string; message: string };
          };
          expectTypedResult(result);
          if (fn !== 'deletePat') expect(JSON.stringify(kvs.snapshot())).toBe(before);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});

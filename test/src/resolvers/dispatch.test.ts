/**
 * Only the app's own function keys reach a resolver. @forge/resolver looks functions up with `in`,
 * so without the wrapper `constructor` echoed the caller's context and `valueOf`, `hasOwnProperty`,
 * `__proto__` threw out of the handler. Seeded fuzz over prototype names and odd call shapes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';
import { ownFunctionsOnly } from '../../../src/resolvers/dispatch';
import { rememberSecret } from '../../../src/log';
import { contextFor } from '../../support/context';

const SEED = 20261123;
const MARKER = 'caller-context-marker';

let kvs: KvsEmulator;
let restore: () => void;
let handler: typeof import('../../../src/index').handler;

beforeAll(async () => {
  process.env.TESTKASE_BASE_URL = 'http://127.0.0.1:9/api/v1'; // nothing listens: no TestKase needed here
  kvs = new KvsEmulator();
  restore = installForgeFetch(kvs);
  ({ handler } = await import('../../../src/index'));
});
afterAll(() => restore());

const OWN_KEYS = new Set(['getState', 'savePat', 'deletePat', 'listLinkedTests', 'searchTestCases', 'linkTestCase', 'unlinkTestCase', 'createTestCase', 'listCycles', 'createCycle', 'addToCycle', 'listCycleExecutions', 'executeTest', 'getIssueSummary']);
const PROTOTYPE_NAMES = [
  ...new Set([
    ...[Object.prototype, Function.prototype, Array.prototype, String.prototype, Promise.prototype].flatMap((p) => Object.getOwnPropertyNames(p)),
    '__proto__',
    'prototype',
    'constructor',
  ]),
];

const call = (functionKey: unknown, context: Record<string, unknown> = { ...contextFor({ issue: 'DEMO-1' }), cloudId: MARKER }) =>
  handler({ call: { functionKey: functionKey as string, payload: {} }, context }, { principal: { accountId: 'acc-dispatch' } });

describe('the handler calls only the app’s own functions', () => {
  it('answers every prototype name with the typed unknown-function error, echoing nothing and storing nothing', async () => {
    expect(PROTOTYPE_NAMES.length).toBeGreaterThan(40);
    const before = JSON.stringify(kvs.snapshot());
    for (const name of PROTOTYPE_NAMES) {
      const result = await call(name);
      expect(result, name).toEqual({ ok: false, error: { code: 'UNKNOWN_FUNCTION', message: expect.stringMatching(/Reload the page/) } });
      expect(JSON.stringify(result)).not.toContain(MARKER);
    }
    expect(JSON.stringify(kvs.snapshot())).toBe(before);
  });

  it('answers any other key or call shape the same way, and never throws', async () => {
    const key = fc.oneof(
      fc.constantFrom(...PROTOTYPE_NAMES),
      fc.string({ maxLength: 40 }).filter((k) => !OWN_KEYS.has(k)),
      fc.constantFrom('GetState', 'getstate', 'getState ', ' savePat', 'savePat\u0000', 'resolver', 'handler'),
      fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 })),
    );
    await fc.assert(
      fc.asyncProperty(key, async (k) => {
        const result = await call(k);
        expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } });
      }),
      { seed: SEED, numRuns: 300 },
    );
    for (const event of [undefined, null, {}, { call: null }, { call: {} }, { call: { functionKey: 'constructor' } }]) {
      await expect(handler(event as never, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } });
    }
  });

  it('still calls its own functions', async () => {
    expect(await call('getState')).toMatchObject({ ok: true, data: { connection: { kind: 'NO_CONFIG' } } });
  });
});

describe('ownFunctionsOnly', () => {
  it('turns a resolver that throws into a typed INTERNAL error', async () => {
    const wrapped = ownFunctionsOnly({ boom: () => undefined }, async () => {
      throw new Error('bug');
    });
    expect(await wrapped({ call: { functionKey: 'boom' } }, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('scrubs a token the call handled out of its result', async () => {
    const secret = 'QmFzZTY0aXNoVG9rZW5XaXRob3V0UHJlZml4';
    const wrapped = ownFunctionsOnly({ echo: () => undefined }, async () => {
      rememberSecret(secret);
      return { ok: true, data: { title: `copied ${secret} here`, nested: [secret] } };
    });
    const result = await wrapped({ call: { functionKey: 'echo' } }, {});
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(result).toEqual({ ok: true, data: { title: 'copied [redacted] here', nested: ['[redacted]'] } });
  });

  it('keeps each call’s secrets to that call', async () => {
    const seen: unknown[] = [];
    const wrapped = ownFunctionsOnly({ a: () => undefined, b: () => undefined }, async (event: { call: { functionKey: string } }) => {
      if (event.call.functionKey === 'a') rememberSecret('secret-of-call-a-0123456789');
      await new Promise((r) => setTimeout(r, 5));
      return { text: 'secret-of-call-a-0123456789' };
    });
    seen.push(...(await Promise.all([wrapped({ call: { functionKey: 'a' } }), wrapped({ call: { functionKey: 'b' } })])));
    expect(seen).toEqual([{ text: '[redacted]' }, { text: 'secret-of-call-a-0123456789' }]);
  });
});

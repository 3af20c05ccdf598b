/**
 * The function table is the one description of what the UI may send: the UI's payload types come
 * from its schemas, so a UI call that drifts from a schema does not compile. The `@ts-expect-error`
 * lines are the proof: if one of those calls compiled, `npm run typecheck` (part of `npm test`)
 * would fail on the unused directive.
 */
import type { makeInvoke } from '@forge/bridge';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { FUNCTIONS, type Definitions, type PayloadOf } from '../../../src/shared/functions';
import type { ExecutionStatus, Priority } from '../../../src/shared/definitions';
import type { TEST_CASE_TYPES } from '../../../src/shared/facts';

type Invoke = ReturnType<typeof makeInvoke<Definitions>>;
/** Never called: the calls below are checked by the compiler only. */
const invoke: Invoke = () => Promise.reject(new Error('type-level only'));

describe('the function table', () => {
  it('gives the UI the input types of the payload schemas', () => {
    expectTypeOf<PayloadOf<'searchTestCases'>>().toEqualTypeOf<{ query: string; from?: number | undefined }>();
    expectTypeOf<PayloadOf<'createTestCase'>>().toEqualTypeOf<{
      title: string;
      description?: string | undefined;
      priority?: Priority | undefined;
      type?: (typeof TEST_CASE_TYPES)[number] | undefined;
      preconditions?: string | undefined;
      steps?: { action: string; expectedResult: string }[] | undefined;
    }>();
    expectTypeOf<PayloadOf<'executeTest'>>().toEqualTypeOf<{
      requestId?: string | undefined;
      cycleId: string;
      testCaseId: string;
      status: ExecutionStatus;
      comment?: string | undefined;
      defects?: string[] | undefined;
      stepResults?: { order: number; status: ExecutionStatus; actualResult?: string | undefined }[] | undefined;
      overridesSteps?: true | undefined;
    }>();
  });

  it('does not compile a UI payload the schema does not describe', () => {
    const calls = [
      () => invoke('searchTestCases', { query: 'cart', from: 20 }),
      // @ts-expect-error: a renamed field (the schema says `query`)
      () => invoke('searchTestCases', { querry: 'cart' }),
      // @ts-expect-error: a missing required field
      () => invoke('executeTest', { cycleId: 'TCYCLE-2', testCaseId: 'TC-1' }),
      // @ts-expect-error: a status the schema does not list
      () => invoke('executeTest', { cycleId: 'TCYCLE-2', testCaseId: 'TC-1', status: 'PASSED' }),
      // @ts-expect-error: getState takes no payload
      () => invoke('getState', { issueKey: 'DEMO-1' }),
      // @ts-expect-error: a function the table does not have
      () => invoke('deleteEverything'),
    ];
    expect(calls).toHaveLength(6);
  });

  it('parses every payload with the schema the table names (strict: unknown keys are refused)', () => {
    expect(FUNCTIONS.searchTestCases.payload.safeParse({ query: ' cart ' })).toMatchObject({ success: true, data: { query: 'cart' } });
    expect(FUNCTIONS.searchTestCases.payload.safeParse({ querry: 'cart' }).success).toBe(false);
    expect(FUNCTIONS.getState.payload.safeParse({ issueKey: 'DEMO-1' }).success).toBe(false);
  });
});

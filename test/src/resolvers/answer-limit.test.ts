/**
 * Forge's invoke limit (5,242,880 bytes of the answer's JSON, in UTF-8) against the simulator's real
 * sizes: the figures of issue 21 — 600 cycles with 10,000-character descriptions, 1,900 results with
 * 2,000-character CJK comments. Every answer leaving the backend fits, says how much of the list it
 * holds, and the rest comes part by part from where the last part ended, each item once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGE_LIMITS } from '../../../src/platform/limits';
import type { Definitions, Result } from '../../../src/shared/definitions';
import { expectOk, startBackend, type Backend } from '../../support/backend';

let b: Backend;
const me = 'acc-limit-alice';
const bytes = (answer: unknown) => Buffer.byteLength(JSON.stringify(answer), 'utf8');

beforeAll(async () => {
  b = await startBackend();
  expectOk(await b.call(me, 'savePat', { token: await b.token('alice') }, 'global'));
});
afterAll(async () => {
  await b.stop();
});

/** Every part of a list, asked for as the UI does (`from: next`), with the size of each answer as it leaves the backend. */
async function allParts<K extends 'listCycles' | 'listCycleExecutions'>(fn: K, payload: Record<string, unknown>, issue: string) {
  const sizes: number[] = [];
  const parts: Awaited<ReturnType<Definitions[K]>>[] = [];
  let from: number | null = 0;
  while (from !== null && parts.length < 20) {
    const r = (await b.call(me, fn, { ...payload, ...(from ? { from } : {}) }, { issue })) as Result<{ items: unknown[]; total: number; from?: number; next?: number | null }>;
    sizes.push(bytes(r));
    parts.push(r as never);
    from = r.ok ? (r.data.next ?? null) : null;
  }
  return { sizes, parts: parts.map((p) => expectOk(p as Result<{ items: unknown[]; total: number; from?: number; next?: number | null }>)) };
}

describe("Forge's invoke limit, measured in UTF-8 bytes of the answer", () => {
  it('listCycles: 600 cycles with 10,000-character descriptions (6 MB of JSON) come in parts under the limit, every cycle once', async () => {
    const grown = b.sim.admin.grow({ cycles: 600, cycleDescription: 'd'.repeat(10_000) });
    const { sizes, parts } = await allParts('listCycles', {}, 'DEMO-1');
    expect(sizes.every((s) => s <= FORGE_LIMITS.invokeAnswerBytes)).toBe(true);
    expect(parts.length).toBeGreaterThan(1);
    const [first] = parts;
    // The first part says how many it holds of how many, and where the rest starts.
    expect(first!.items.length).toBeLessThan(first!.total);
    expect(first!.next).toBe(first!.items.length);
    expect(sizes[0]).toBeGreaterThan(FORGE_LIMITS.invokeAnswerBytes * 0.95); // as much as fits, not a guess
    const ids = parts.flatMap((p) => p.items.map((c) => (c as { id: string }).id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(grown.cycleIds));
    expect(ids).toHaveLength(first!.total);
  });

  it('listCycleExecutions: 1,900 results with 2,000-character CJK comments (11.5 MB) come in parts under the limit; counts cover all of them', async () => {
    const grown = b.sim.admin.grow({ testCases: 1_900, linkedTo: 'DEMO-71', cycles: 1, resultsPerCycle: 1_900, resultComment: '測'.repeat(2_000) });
    const cycleId = grown.cycleIds[0]!;
    const { sizes, parts } = await allParts('listCycleExecutions', { cycleId }, 'DEMO-71');
    // 2,000 CJK characters are 2,000 UTF-16 units but 6,000 bytes: the measure is the bytes.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FORGE_LIMITS.invokeAnswerBytes);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const first = parts[0] as unknown as { items: { testCaseId: string }[]; total: number; counts: Record<string, number> };
    expect(first.total).toBe(1_900);
    expect(Object.values(first.counts).reduce((a, n) => a + n, 0)).toBe(1_900);
    const ids = parts.flatMap((p) => (p.items as { testCaseId: string }[]).map((e) => e.testCaseId));
    expect(new Set(ids).size).toBe(1_900);
    expect([...new Set(ids)].sort()).toEqual([...grown.testCaseIds].sort());
    // The run form's last result: one test case's row, though it is in the last part.
    const late = grown.testCaseIds.at(-1)!;
    expect(parts[0]!.items.some((e) => (e as { testCaseId: string }).testCaseId === late)).toBe(false);
    const one = expectOk(await b.call(me, 'listCycleExecutions', { cycleId, testCaseId: late }, { issue: 'DEMO-71' }));
    expect(one.items.map((e) => e.testCaseId)).toEqual([late]);
  });

  it('a part that fits is sent whole, with next null at the end of the list', async () => {
    const grown = b.sim.admin.grow({ testCases: 3, linkedTo: 'DEMO-72', cycles: 1, resultsPerCycle: 3, resultComment: 'short' });
    const r = expectOk(await b.call(me, 'listCycleExecutions', { cycleId: grown.cycleIds[0]! }, { issue: 'DEMO-72' }));
    expect(r).toMatchObject({ total: 3, from: 0, next: null });
    expect(r.items).toHaveLength(3);
  });

  it('the linked test cases: past LIMITS.listMax (2,000) the next part holds the rest', async () => {
    const grown = b.sim.admin.grow({ testCases: 2_001, linkedTo: 'DEMO-73' });
    const last = grown.testCaseIds.at(-1)!;
    // 2,001 linked cases: the list of the issue stops at 2,000 (LIMITS.listMax); its next part holds the last one.
    const linked = expectOk(await b.call(me, 'listLinkedTests', {}, { issue: 'DEMO-73' }));
    expect(linked).toMatchObject({ total: 2_001, from: 0, next: 2_000 });
    const rest = expectOk(await b.call(me, 'listLinkedTests', { from: 2_000 }, { issue: 'DEMO-73' }));
    expect(rest).toMatchObject({ total: 2_001, from: 2_000, next: null });
    expect(rest.items.map((t) => t.id)).toEqual([last]);
  });
});

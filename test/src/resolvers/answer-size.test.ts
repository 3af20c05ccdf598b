/**
 * The one guard for Forge's invoke limit (resolvers/answer-size.ts), at the dispatch every function's
 * answer leaves through: bytes counted in UTF-8 as the platform counts them, a list cut to the most whole
 * items that fit, anything else a typed TOO_LARGE with a sentence that never invites a repeated write.
 */
import { describe, expect, it } from 'vitest';
import { ownFunctionsOnly } from '../../../src/resolvers/dispatch';
import { ANSWER_BUDGET_BYTES } from '../../../src/resolvers/answer-size';
import { FORGE_LIMITS } from '../../../src/platform/limits';
import { words } from '../../../src/shared/words/backend';

const bytes = (answer: unknown) => Buffer.byteLength(JSON.stringify(answer), 'utf8');

/** The dispatch, with `answer` as whatever the function `key` returned. */
async function leaving(key: string, answer: unknown): Promise<unknown> {
  const handler = ownFunctionsOnly({ [key]: true }, () => Promise.resolve(answer));
  return handler({ call: { functionKey: key, payload: {} } });
}

const execution = (n: number, comment: string) => ({
  id: `EX-${n}`, cycleId: 'TCYCLE-2', testCaseId: `TC-${n}`, status: 'PASS', comment, executedBy: { id: 'u1', name: 'Alice' }, executedAt: '2026-12-01T10:00:00Z',
  recordedBy: { id: 'u1', name: 'Alice' }, recordedAt: '2026-12-01T10:00:00Z', defects: [], stepResults: [],
});

describe("the invoke limit's guard", () => {
  it('leaves an answer that fits as it is', async () => {
    const answer = { ok: true, data: { items: [execution(1, 'fine')], total: 1, from: 0, next: null } };
    expect(await leaving('listCycleExecutions', answer)).toBe(answer);
  });

  it('counts UTF-8 bytes, not characters: 1,000 results with 2,000-character CJK comments (2 M characters, 6 MB) are cut', async () => {
    const items = Array.from({ length: 1_000 }, (_, i) => execution(i + 1, '測'.repeat(2_000)));
    const answer = { ok: true, data: { cycle: { id: 'TCYCLE-2' }, items, total: 1_000, from: 0, next: null, counts: { PASS: 1_000 }, notInCycle: [] } };
    expect(JSON.stringify(answer).length).toBeLessThan(FORGE_LIMITS.invokeAnswerBytes); // by characters it would "fit"
    const out = (await leaving('listCycleExecutions', answer)) as typeof answer;
    expect(bytes(out)).toBeLessThanOrEqual(ANSWER_BUDGET_BYTES);
    const kept = out.data.items.length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(1_000);
    expect(out.data).toMatchObject({ total: 1_000, from: 0, next: kept, counts: { PASS: 1_000 } });
    // As many as fit: one more item would not.
    expect(bytes({ ...out, data: { ...out.data, items: items.slice(0, kept + 1) } })).toBeGreaterThan(ANSWER_BUDGET_BYTES);
  });

  it('measures what JSON escapes as it is sent (a control character is 6 bytes, a lone surrogate too)', async () => {
    const nasty = '\u0001\ud800"\\'.repeat(100_000); // 400,000 characters, 1.4 MB of JSON
    const items = Array.from({ length: 8 }, (_, i) => ({ id: `TCYCLE-${i + 2}`, name: nasty }));
    const out = (await leaving('listCycles', { ok: true, data: { items, total: 8, from: 16, next: null } })) as { data: { items: unknown[]; next: number } };
    expect(bytes(out)).toBeLessThanOrEqual(ANSWER_BUDGET_BYTES);
    expect(out.data.items).toHaveLength(3);
    expect(out.data.next).toBe(19); // from the part's own start
  });

  it('a list whose first item alone is over the limit, and an answer without a list, are TOO_LARGE: a read says nothing changed', async () => {
    const huge = 'x'.repeat(FORGE_LIMITS.invokeAnswerBytes);
    const list = await leaving('listTestCaseHistory', { ok: true, data: { items: [{ id: 'EX-1', comment: huge }], total: 1, from: 0, next: null } });
    expect(list).toEqual({ ok: false, error: { code: 'TOO_LARGE', message: words.errors.answerTooLarge } });
    const detail = await leaving('getTestCase', { ok: true, data: { id: 'TC-1', steps: [{ order: 1, action: huge }] } });
    expect(detail).toEqual({ ok: false, error: { code: 'TOO_LARGE', message: words.errors.answerTooLarge } });
  });

  it('executeMany after 2,000 results were written (12 MB): TOO_LARGE saying it was done, so the person refreshes instead of recording all again', async () => {
    const recorded = Array.from({ length: 2_000 }, (_, i) => execution(i + 1, '測'.repeat(2_000)));
    const answer = { ok: true, data: { recorded, failed: [] } };
    expect(bytes(answer)).toBeGreaterThan(12_000_000);
    const out = await leaving('executeMany', answer);
    expect(out).toEqual({ ok: false, error: { code: 'TOO_LARGE', message: words.errors.answerTooLargeAfterWrite } });
    expect(words.errors.answerTooLargeAfterWrite).toMatch(/do not do it again/);
    // A function the guard has no shape for is treated as a write.
    expect(await leaving('someWriteWithoutAShape', answer)).toMatchObject({ error: { message: words.errors.answerTooLargeAfterWrite } });
  });
});

/**
 * Batches sized for TestKase (testkase/batches.ts): by item count and by body bytes, against the
 * simulator's own 413 for a body over A20's limit. 100 results with a 700-character comment are one
 * 76 KB body that TestKase refuses whole; split, every one of them is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../dev/testkase-sim';
import { splitBatches } from '../../../src/testkase/batches';
import { TestKaseClient } from '../../../src/testkase/client';
import { endpoints, LIMITS } from '../../../src/testkase/contract';
import { isTestKaseError } from '../../../src/testkase/errors';
import { REQUEST_BODY_MAX_BYTES } from '../../../src/testkase/sizes';

let sim: Simulator;
let client: TestKaseClient;
const bytes = (body: unknown) => Buffer.byteLength(JSON.stringify(body), 'utf8');

beforeAll(async () => {
  sim = await startSimulator({ port: 0, dataDir: null, quiet: true });
  client = new TestKaseClient({ baseUrl: sim.apiBaseUrl, token: sim.admin.createToken({ user: 'alice', name: 'batches', days: 30 }).token });
});
afterAll(async () => {
  await sim.stop();
});

const resultsOf = (ids: string[], comment: string) => (batch: string[]) => ({ projectId: 'PRJ-1', results: batch.map((testCaseId) => ({ testCaseId, status: 'PASS' as const, comment })) });

describe('batches sized for TestKase', () => {
  it('100 results with a 700-character comment: one batch by count is refused whole (413); split by bytes, all 100 are recorded', async () => {
    const grown = sim.admin.grow({ testCases: 100, cycles: 1 });
    const cycleId = grown.cycleIds[0]!;
    const body = resultsOf(grown.testCaseIds, 'c'.repeat(700));
    // Before: a batch of LIMITS.bulkMax results, as the count alone allows.
    expect(bytes(body(grown.testCaseIds))).toBeGreaterThan(REQUEST_BODY_MAX_BYTES);
    const refused = await client.recordExecutions(cycleId, body(grown.testCaseIds)).catch((e: unknown) => e);
    expect(isTestKaseError(refused, 'BAD_REQUEST') && refused.details.status).toBe(413);

    const batches = splitBatches(endpoints.recordExecutions, grown.testCaseIds, body, { maxItems: LIMITS.bulkMax });
    expect(batches.length).toBe(2);
    expect(batches.flatMap((b) => b.items)).toEqual(grown.testCaseIds); // in order, each once
    for (const b of batches) expect(bytes(b.body)).toBeLessThanOrEqual(REQUEST_BODY_MAX_BYTES);
    let recorded = 0;
    for (const b of batches) recorded += (await client.recordExecutions(cycleId, b.body)).recorded.length;
    expect(recorded).toBe(100);
  });

  it('counts bytes in UTF-8 as sent: CJK comments make more, smaller batches; each batch is as full as fits', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `TC-${i + 1}`);
    const body = resultsOf(ids, '測'.repeat(700)); // 700 characters, 2,100 bytes
    const batches = splitBatches(endpoints.recordExecutions, ids, body, { maxItems: LIMITS.bulkMax });
    expect(batches.flatMap((b) => b.items)).toEqual(ids);
    for (const [i, b] of batches.entries()) {
      expect(bytes(b.body)).toBeLessThanOrEqual(REQUEST_BODY_MAX_BYTES);
      // One more item would not have fitted (the last batch simply ends the list).
      if (i < batches.length - 1) expect(bytes(body([...b.items, ids[0]!]))).toBeGreaterThan(REQUEST_BODY_MAX_BYTES);
    }
    expect(batches.map((b) => b.items.length)).toEqual([30, 30, 30, 30, 30, 30, 30, 30, 10]);
    // The body is what the client sends: validated and defaulted by the endpoint's schema.
    expect(batches[0]!.body.results[0]).toEqual({ testCaseId: 'TC-1', status: 'PASS', comment: '測'.repeat(700) });
  });

  it('by count when the bodies are small: test cases added to a cycle, at most LIMITS.addToCycleMax a call', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `TC-${i + 1}`);
    const batches = splitBatches(endpoints.addToCycle, ids, (testCaseIds) => ({ projectId: 'PRJ-1', testCaseIds }), { maxItems: LIMITS.addToCycleMax });
    expect(batches.map((b) => b.items.length)).toEqual([100, 100, 50]);
  });

  it('refuses, before anything is sent, a body its schema refuses or one item alone over the limit', () => {
    const over = () => splitBatches(endpoints.recordExecutions, ['TC-1'], resultsOf(['TC-1'], 'x'.repeat(100)), { maxItems: 100, maxBytes: 50 });
    expect(over).toThrow(/item 1 alone makes a body over TestKase's limit of 50 bytes; nothing was sent/);
    const wrong = () => splitBatches(endpoints.recordExecutions, ['TC-1'], resultsOf(['TC-1'], 'x'.repeat(LIMITS.commentMax + 1)), { maxItems: 100 });
    expect(wrong).toThrow(/does not match the contract \(results\.0\.comment/);
  });
});

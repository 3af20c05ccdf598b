/**
 * The audit log's order: newest first, also for entries written within one millisecond (the admin
 * page's "Remove" on several connections in a row writes them that fast), page after page.
 */
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installForgeFetch, KvsEmulator } from '../../../dev/kvs';
import { appendAudit, readAudit, type AuditRecord } from '../../../src/storage/audit-log';
import { AUDIT_PREFIX } from '../../../src/storage/keys';

let restore: () => void;
beforeAll(() => {
  restore = installForgeFetch(new KvsEmulator());
});
afterAll(() => restore());

const entry = (target: string): Omit<AuditRecord, 'id' | 'at'> => ({ action: 'REMOVE_CONNECTION', actor: 'acc-admin', target, outcome: 'DONE', token: null, check: null });

async function readAll(pageSize: number): Promise<string[]> {
  const targets: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await readAudit(pageSize, cursor);
    targets.push(...page.records.map((r) => r.target ?? ''));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return targets;
}

describe('the audit log', () => {
  it('reads entries of one millisecond newest first, page after page', async () => {
    const at = Date.UTC(2026, 0, 5, 9, 30);
    // 40 entries in one millisecond: random ids alone put them in order 1 time in 40! (it never happens).
    for (let i = 0; i < 40; i++) await appendAudit(entry(`same-ms-${i}`), at);
    const newestFirst = Array.from({ length: 40 }, (_, i) => `same-ms-${39 - i}`);
    expect(await readAll(7)).toEqual(newestFirst);
  });

  it('keeps time order across milliseconds, and entries stored before the counter in theirs', async () => {
    const at = Date.UTC(2026, 0, 6, 9, 30);
    await appendAudit(entry('older'), at);
    await appendAudit(entry('newer-1'), at + 1);
    await appendAudit(entry('newer-2'), at + 1);
    // Written by the previous version: `<inverted ms>:<id>`, one millisecond before 'older'.
    await kvs.set(`${AUDIT_PREFIX}${String(9_999_999_999_999 - (at - 1)).padStart(13, '0')}:00000000-old`, { id: 'old', at: new Date(at - 1).toISOString(), ...entry('before-the-counter') });
    const all = await readAll(25);
    expect(all.slice(0, 4)).toEqual(['newer-2', 'newer-1', 'older', 'before-the-counter']);
  });
});

import { describe, expect, it } from 'vitest';
import { bugDescription, bugSummary } from '../../../static/src/panel/bug/report';
import { cycle, detail, execution } from '../fixtures';

describe('the bug report Jira’s dialog is prefilled with', () => {
  it('summary: "[TC-2] <title> fails", within Jira’s 255 characters', () => {
    expect(bugSummary('TC-2', 'Apply a percentage discount code')).toBe('[TC-2] Apply a percentage discount code fails');
    const long = bugSummary('TC-2', 'word '.repeat(80));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).toMatch(/^\[TC-2\] word .*… fails$/);
  });

  it('description: a valid ADF document with where it was found, the environment, each step’s expected and actual result and the comment', () => {
    const doc = bugDescription({
      issueKey: 'DEMO-1',
      testCase: { id: 'TC-2', title: 'Apply a code' },
      detail: detail(2),
      execution: execution('TC-2', { status: 'FAIL', comment: 'Twice.\nAgain.', stepResults: [{ order: 1, status: 'PASS', actualResult: null }, { order: 2, status: 'FAIL', actualResult: 'Error 500' }] }),
      cycle: cycle(2, { environment: 'Staging' }),
      timeZone: 'UTC',
    });
    expect(doc).toMatchObject({ version: 1, type: 'doc' });
    // ADF refuses empty text nodes.
    const texts: string[] = [];
    const walk = (n: unknown): void => {
      const node = n as { type: string; text?: string; content?: unknown[] };
      if (node.type === 'text') {
        expect(node.text).not.toBe('');
        texts.push(node.text!);
      }
      node.content?.forEach(walk);
    };
    walk(doc);
    const all = texts.join('|');
    expect(all).toContain('TC-2 Apply a code');
    expect(all).toContain(' for DEMO-1');
    expect(all).toContain(' in the test cycle Sprint 2 (TCYCLE-2). Result: Fail.');
    expect(all).toContain('Staging');
    expect(all).toContain('Open the sign-in page|Expected: |The form is shown|Actual: |Pass');
    expect(all).toContain('Sign in|Expected: |The dashboard opens|Actual: |Fail: Error 500');
    expect(all).toContain('Twice.|Again.');
    expect(JSON.stringify(doc)).toContain('"hardBreak"');
  });

  it('leaves out the actual result of steps that were not recorded, and writes the time in the tester’s timezone with the zone named', () => {
    const texts: string[] = [];
    const walk = (n: unknown): void => {
      const node = n as { type: string; text?: string; content?: unknown[] };
      if (node.type === 'text') texts.push(node.text!);
      node.content?.forEach(walk);
    };
    walk(
      bugDescription({
        issueKey: 'DEMO-1',
        testCase: { id: 'TC-2', title: 'Apply a code' },
        detail: detail(2),
        // Only an overall Fail was recorded: no step results at all.
        execution: execution('TC-2', { status: 'FAIL', executedAt: '2026-11-23T13:05:00Z', executedBy: { id: 'u1', name: 'Alice' }, stepResults: [] }),
        cycle: cycle(2),
        timeZone: 'Europe/Paris',
        locale: 'en-US',
      }),
    );
    const all = texts.join('|');
    expect(all).toContain('Open the sign-in page|Expected: |The form is shown');
    expect(all).not.toContain('Actual');
    expect(all.toLowerCase()).not.toContain('not executed');
    expect(all).toContain('recorded by Alice at Nov 23, 2026, 2:05 PM, Central European Standard Time (Europe/Paris).');
    expect(all).not.toContain('UTC');
  });
});

import { describe, expect, it } from 'vitest';
import { contradictsSteps, deriveStatus } from '../../../static/src/panel/run/derive';
import { parseDefects } from '../../../static/src/panel/run/defects';

describe('the overall result of a step-by-step run', () => {
  it.each([
    [['PASS', 'FAIL', 'BLOCKED'], 'FAIL'],
    [['FAIL', null], 'FAIL'],
    [['PASS', 'BLOCKED', 'SKIPPED'], 'BLOCKED'],
    [['BLOCKED', null], 'BLOCKED'],
    [['SKIPPED', 'SKIPPED'], 'SKIPPED'],
    [['PASS', 'SKIPPED'], 'PASS'],
    [['PASS', 'PASS'], 'PASS'],
    [['PASS', null], null],
    [[], null],
  ] as const)('%j → %s', (steps, expected) => {
    expect(deriveStatus(steps)).toBe(expected);
  });
});

describe('a result the steps contradict (it needs the tester’s explicit override)', () => {
  it.each([
    ['PASS', ['FAIL', 'FAIL'], true],
    ['PASS', ['PASS', 'BLOCKED'], true],
    ['PASS', ['PASS', 'PASS'], false],
    ['PASS', [], false],
    ['FAIL', ['PASS', 'PASS'], false],
    ['SKIPPED', ['FAIL'], false],
  ] as const)('%s over %j → %s', (status, steps, expected) => {
    expect(contradictsSteps(status, steps)).toBe(expected);
  });
});

describe('bug keys typed with a result', () => {
  it('accepts keys separated by commas or spaces, upper-cases and de-duplicates them', () => {
    expect(parseDefects(' demo-7, DEMO-8  DEMO-7;OTHER-1 ')).toEqual({ keys: ['DEMO-7', 'DEMO-8', 'OTHER-1'], error: null });
    expect(parseDefects('')).toEqual({ keys: [], error: null });
  });

  it('refuses what is not a key, and more than 20', () => {
    expect(parseDefects('DEMO-7 7-DEMO').error).toBe('7-DEMO is not a Jira issue key (like DEMO-12).');
    expect(parseDefects(Array.from({ length: 21 }, (_, i) => `DEMO-${i + 1}`).join(',')).error).toBe('At most 20 bugs per result.');
  });
});

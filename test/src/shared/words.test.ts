/**
 * The catalog of words (src/shared/words): one entry per sentence or label, each a string or a function
 * of named parameters, in parts that never define the same group twice (a part spread over another
 * would silently replace its words), and TestKase's own names for its statuses everywhere.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/shared/words';
import { words as base } from '../../../src/shared/words/base';
import { backendWords } from '../../../src/shared/words/backend';
import { panelWords } from '../../../src/shared/words/panel';
import { testCaseWords } from '../../../src/shared/words/test-case';
import { cyclesWords } from '../../../src/shared/words/cycles';
import { runWords } from '../../../src/shared/words/run';
import { settingsWords } from '../../../src/shared/words/settings';
import { adminWords } from '../../../src/shared/words/admin';
import { glanceWords } from '../../../src/shared/words/glance';
import { adminBackendWords } from '../../../src/shared/words/admin-backend';
import { coverageWords } from '../../../src/shared/words/coverage';
import { keptWords } from '../../../src/shared/words/kept';
import { STATUSES } from '../../../src/shared/facts';

const PARTS = { base, backendWords, panelWords, testCaseWords, cyclesWords, runWords, settingsWords, adminWords, glanceWords, adminBackendWords, coverageWords, keptWords };

/** Every entry of the catalog with its path ("panel.actingAs"); an object of entries is a group, not an entry. */
function entries(node: unknown, path: string[] = []): Array<[string, unknown]> {
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([k, v]) => entries(v, [...path, k]));
  return [[path.join('.'), node]];
}

describe('the catalog of words', () => {
  it('is its parts, none of which defines a group another one defines', () => {
    const groups = Object.values(PARTS).flatMap((part) => Object.keys(part));
    expect(new Set(groups).size).toBe(groups.length);
    expect(Object.keys(catalog).sort()).toEqual([...groups].sort());
  });

  it('has only whole entries: a non-empty string, a null where nothing is said, or a function of one object of named parameters', () => {
    const all = entries(catalog);
    expect(all.length).toBeGreaterThan(300);
    for (const [path, entry] of all) {
      if (typeof entry === 'function') {
        expect(entry.length, `${path} takes its parameters by name, in one object`).toBeLessThanOrEqual(1);
        expect(String(entry), `${path} takes an object of named parameters`).toMatch(/^(<\w+>)?\(\{|^\(\)/);
      } else if (entry !== null) {
        expect(typeof entry, path).toBe('string');
        expect((entry as string).length, path).toBeGreaterThan(0);
      }
    }
  });

  it('names the statuses as TestKase does, for every module, and counts them the same way', () => {
    expect(STATUSES.map((s) => catalog.status[s])).toEqual(['Not Executed', 'Pass', 'Fail', 'Blocked', 'Skipped']);
    expect(catalog.statusCount({ status: catalog.status.NOT_EXECUTED, count: 3 })).toBe('Not Executed 3');
    expect(catalog.glance.counts({ total: 1, statuses: ['Pass 1'] })).toBe('1\u00a0test · Pass\u00a01');
  });

  it('gives a rich sentence its parts in order, so a translation can move what the UI renders itself', () => {
    const name = { bold: 'Alice' };
    expect(catalog.panel.actingAs({ name })).toEqual(['Acting in TestKase as ', name]);
    expect(catalog.settings.helpCreate({ place: name })).toEqual(['Create a token in TestKase under ', name, ' and paste it below.']);
  });
});

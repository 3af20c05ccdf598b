/**
 * static/build/tslib-subset.ts stands in for tslib in the UI bundle: every tslib helper that the
 * CommonJS output of the Forge packages in the bundle calls must be one it exports, or the panel
 * breaks at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as subset from '../../static/build/tslib-subset';

const ROOT = join(import.meta.dirname, '../..');
// The packages of the UI bundle that require tslib (@forge/bridge's own dependencies among them).
const PACKAGES = ['@forge/bridge', '@forge/jira-bridge', '@forge/egress', '@forge/i18n'];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe('the tslib subset of the UI bundle', () => {
  const used = new Set<string>();
  for (const p of PACKAGES) {
    for (const file of jsFiles(join(ROOT, 'node_modules', p, 'out'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/tslib_\d+\.(__\w+)/g)) used.add(m[1]!);
    }
  }

  it('finds the helpers the packages call (a real scan, not an empty set)', () => {
    expect(used.has('__exportStar')).toBe(true);
  });

  it('exports every one of them', () => {
    expect([...used].filter((name) => typeof (subset as Record<string, unknown>)[name] !== 'function')).toEqual([]);
  });

  it('re-exports what __exportStar copies, as tslib does', () => {
    const target: Record<string, unknown> = {};
    subset.__exportStar({ a: 1, default: 2 }, target);
    expect(target).toEqual({ a: 1 });
    expect(subset.__importDefault({ x: 1 })).toEqual({ default: { x: 1 } });
    expect(subset.__importStar({ y: 2 }).default).toEqual({ y: 2 });
  });
});

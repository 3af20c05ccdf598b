/// <reference types="node" />
/**
 * React versions kept apart: the UI Kit resource renders with React 18 from its own install
 * (uikit/node_modules), in its tests and in the bundle @forge/bundler built (`npm run build:native`,
 * before Vitest in `npm test`), and nothing of the Custom UI's preact/compat or the root's packages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as React from 'react';
import { describe, expect, it } from 'vitest';

const UIKIT = join(import.meta.dirname, '..');
const BUILT = join(UIKIT, '../.forge/native-ui/issue-summary/issue-summary.js.map');

describe('the UI Kit resource’s React', () => {
  it('is React 18 from uikit/node_modules in the tests', () => {
    expect(React.version).toMatch(/^18\./);
    const require = createRequire(join(UIKIT, 'src/index.tsx'));
    expect(require.resolve('react')).toBe(join(UIKIT, 'node_modules/react/index.js'));
    expect(require.resolve('@forge/react')).toBe(join(UIKIT, 'node_modules/@forge/react/out/index.js'));
  });

  it('is React 18 from uikit/node_modules in the bundle Forge builds, with no Preact and no root package', () => {
    const sources = (JSON.parse(readFileSync(BUILT, 'utf8')) as { sources: string[] }).sources.map((s) => s.replace(/^webpack:\/\/[^/]*\//, ''));
    const packages = sources.filter((s) => s.includes('node_modules/'));
    expect(packages.length).toBeGreaterThan(50);
    expect(packages.filter((s) => !s.startsWith('./uikit/node_modules/'))).toEqual([]);
    expect(packages).toContain('./uikit/node_modules/react/cjs/react.production.min.js');
    expect(packages).toContain('./uikit/node_modules/react-reconciler/cjs/react-reconciler.production.min.js');
    expect(packages.filter((s) => /\/preact\//.test(s))).toEqual([]);
  });
});

/**
 * One React for both UIs: the UI Kit resource renders with the same React 18 as the Custom UI — the
 * one copy in the root's node_modules, in its tests and in the bundle @forge/bundler built
 * (`npm run build:native`, before Vitest in `npm test`) — and nothing of Preact. And the layout is the
 * one @forge/bundler's NativeUIBundler (what `forge deploy` runs) reads: modules from the resource's
 * folder upward, the tsconfig nearest its entry.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as React from 'react';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BUILT = join(ROOT, '.forge/native-ui/issue-summary/issue-summary.js.map');
const resolveFrom = (file: string, id: string) => createRequire(join(ROOT, file)).resolve(id);

describe('the UI Kit resource’s React', () => {
  it('is React 18 in the tests, the copy the Custom UI resolves too', () => {
    expect(React.version).toMatch(/^18\./);
    expect(resolveFrom('uikit/src/index.tsx', 'react')).toBe(join(ROOT, 'node_modules/react/index.js'));
    expect(resolveFrom('static/src/main.tsx', 'react')).toBe(join(ROOT, 'node_modules/react/index.js'));
    expect(resolveFrom('uikit/src/index.tsx', '@forge/react')).toBe(join(ROOT, 'node_modules/@forge/react/out/index.js'));
    // @forge/react's own `react` (its reconciler's) is that copy as well, not a nested one.
    expect(resolveFrom('node_modules/@forge/react/out/index.js', 'react')).toBe(join(ROOT, 'node_modules/react/index.js'));
  });

  it('is React 18 from the root install in the bundle Forge builds, with no Preact', () => {
    const sources = (JSON.parse(readFileSync(BUILT, 'utf8')) as { sources: string[] }).sources.map((s) => s.replace(/^webpack:\/\/[^/]*\//, ''));
    const packages = sources.filter((s) => s.includes('node_modules/'));
    expect(packages.length).toBeGreaterThan(50);
    expect(packages.filter((s) => !s.startsWith('./node_modules/'))).toEqual([]);
    expect(packages).toContain('./node_modules/react/cjs/react.production.min.js');
    expect(packages).toContain('./node_modules/react-reconciler/cjs/react-reconciler.production.min.js');
    expect(packages.filter((s) => /\/node_modules\/react\//.test(s) && !s.startsWith('./node_modules/react/'))).toEqual([]);
    expect(packages.filter((s) => /\/preact\//.test(s))).toEqual([]);
    expect((JSON.parse(readFileSync(join(ROOT, 'node_modules/react/package.json'), 'utf8')) as { version: string }).version).toMatch(/^18\./);
  });

  it('is built with uikit/tsconfig.json and the root node_modules, where NativeUIBundler looks for them', async () => {
    await import('../../dev/forge/as-cli'); // @forge/bundler wants a CommonJS main module, as in the CLI
    const { createEntryPointsForResource, getNativeUiBuildConfig } = await import('@forge/bundler');
    const config = getNativeUiBuildConfig(createEntryPointsForResource('issue-summary', join(ROOT, 'uikit/src/index.tsx')));
    // ts-loader without a configFile takes the tsconfig.json nearest the entry's folder (TypeScript's own lookup)…
    expect(config.module?.rules?.find((r) => r && typeof r === 'object' && r.loader === 'ts-loader')).toEqual({ test: /\.tsx?$/, loader: 'ts-loader' });
    expect(ts.findConfigFile(join(ROOT, 'uikit/src'), (f) => ts.sys.fileExists(f))).toBe(join(ROOT, 'uikit/tsconfig.json'));
    // …and webpack resolves packages from node_modules folders from the importing file upward: the root's.
    expect(config.resolve?.modules).toBeUndefined();
    expect(config.resolve?.alias).toBeUndefined();
  });
});

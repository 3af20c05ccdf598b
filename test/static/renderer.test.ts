/**
 * One renderer everywhere (static/renderer.ts): Vitest, the Vite dev server and the production build
 * all render the UI with React 18 and react-dom 18 — the one copy in node_modules, which the UI Kit
 * module's @forge/react uses too — so the component tests render what ships. The production build
 * keeps React out of the entry chunk: the first getState starts before React loads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, createServer, type Rollup } from 'vite';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { createRoot } from 'react-dom/client';

const UI_CONFIG = fileURLToPath(new URL('../../static/vite.config.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../../static/src/main.tsx', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const PREACT = /\/node_modules\/preact\//;
const REACT = /\/node_modules\/react(-dom)?\//;
const installed = (name: string) => (JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;

describe('the renderer', () => {
  it('is React 18 and react-dom 18 in the component tests, the installed copies', () => {
    expect(React.version).toMatch(/^18\./);
    expect(React.version).toBe(installed('react'));
    expect(ReactDom.version).toBe(installed('react-dom'));
    expect(ReactDom.version).toBe(React.version);
    expect(typeof createRoot).toBe('function');
  });

  it('is React in the dev server, with React Fast Refresh', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'tk-vite-cache-')); // not the dev server's own pre-bundle cache
    const server = await createServer({ configFile: UI_CONFIG, cacheDir, logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false } });
    // The dev server pre-bundles dependencies: the page runs the file a dependency is bundled from.
    const source = async (id: string) => {
      const resolved = (await server.pluginContainer.resolveId(id, MAIN))?.id ?? '';
      const deps = server.environments.client.depsOptimizer?.metadata;
      const bundled = [...Object.values(deps?.optimized ?? {}), ...Object.values(deps?.discovered ?? {})];
      return bundled.find((dep) => dep.file === resolved.split('?')[0])?.src ?? resolved;
    };
    try {
      for (const id of ['react', 'react-dom/client', 'react/jsx-runtime']) {
        const file = await source(id);
        expect(file).toMatch(REACT);
        expect(file.startsWith(NODE_MODULES)).toBe(true);
      }
      expect(server.config.plugins.map((p) => p.name)).toContain('vite:react-refresh');
    } finally {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('is React, and no Preact, in the production build, with React out of the entry chunk', async () => {
    const out = (await build({ configFile: UI_CONFIG, logLevel: 'silent', build: { write: false } })) as Rollup.RollupOutput;
    const chunks = out.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const modules = chunks.flatMap((c) => c.moduleIds);
    expect(modules.filter((id) => REACT.test(id))).not.toEqual([]);
    expect(modules.filter((id) => PREACT.test(id))).toEqual([]);
    const entry = chunks.filter((c) => c.isEntry);
    expect(entry).toHaveLength(1);
    expect(entry[0]!.moduleIds.filter((id) => REACT.test(id))).toEqual([]);
    expect(entry[0]!.moduleIds.some((id) => id.endsWith('/static/src/api.ts'))).toBe(true);
    // React arrives with main.tsx, which the entry imports lazily.
    const main = chunks.find((c) => c.facadeModuleId?.endsWith('/static/src/main.tsx'));
    expect(main?.isDynamicEntry).toBe(true);
    expect(entry[0]!.dynamicImports).toContain(main!.fileName);
  });
});

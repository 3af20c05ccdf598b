/**
 * One renderer everywhere (static/renderer.ts): Vitest, the Vite dev server and the production build
 * all give React's API to the UI as preact/compat, so the component tests render what ships.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, createServer, type Rollup } from 'vite';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import * as compat from 'preact/compat';
import { createRoot as compatCreateRoot } from 'preact/compat/client';

const UI_CONFIG = fileURLToPath(new URL('../../static/vite.config.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../../static/src/main.tsx', import.meta.url));
const PREACT = /\/node_modules\/preact\//;
const REACT = /\/node_modules\/react(-dom)?\//;

describe('the renderer', () => {
  it('is preact/compat in the component tests', () => {
    expect(React.useState).toBe(compat.useState);
    expect(React.lazy).toBe(compat.lazy);
    expect(createRoot).toBe(compatCreateRoot);
  });

  it('is preact/compat in the dev server, with Preact hot reload', async () => {
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
      for (const id of ['react', 'react-dom/client', 'react/jsx-runtime']) expect(await source(id)).toMatch(PREACT);
      expect(server.config.plugins.map((p) => p.name)).toContain('prefresh');
    } finally {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('is Preact, and no React, in the production build', async () => {
    const out = (await build({ configFile: UI_CONFIG, logLevel: 'silent', build: { write: false } })) as Rollup.RollupOutput;
    const modules = out.output.flatMap((o) => (o.type === 'chunk' ? o.moduleIds : []));
    expect(modules.filter((id) => PREACT.test(id))).not.toEqual([]);
    expect(modules.filter((id) => REACT.test(id))).toEqual([]);
  });
});

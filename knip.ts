// knip (part of `npm test`): no unused file, export or dependency, no unlisted dependency — in the app
// and in uikit/, the UI Kit resource's own install (its dependencies are checked against its package.json).
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: [
        'src/index.ts', // the Forge function (manifest.yml: index.handler)
        'dev/forge/runtime/dist/*.js', // copied into the bundle by @forge/bundler
        'test/support/*.ts', // save-child.ts is spawned by the durability test
        'test/dev/forge/fixture-app/src/index.ts', // bundled by the sandbox test
        'bench/floor-app/src/index.ts', // bundled by the benchmark's floor measurement
        'bench/floor-app/static/floor.ts', // built by Vite from bench/floor-app/static/index.html
      ],
      project: ['src/**/*.{ts,tsx}', 'static/**/*.{ts,tsx}', 'dev/**/*.{ts,js}', 'bench/**/*.ts', 'test/**/*.{ts,tsx}'],
      ignoreDependencies: [
        // static/ imports react-dom/client, which the one renderer definition (static/renderer.ts) points at preact/compat.
        'react-dom',
        // @forge/kvs requires tslib without declaring it; the app declares it so the bundle never depends on a
        // transitive copy being hoisted.
        'tslib',
      ],
    },
    uikit: {
      entry: ['src/index.tsx'], // manifest.yml: resource issue-summary (render: native)
      project: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    },
  },
};

export default config;

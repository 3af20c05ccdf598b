// knip (part of `npm test`): no unused file, export or dependency, no unlisted dependency. One
// package.json serves the backend, the Custom UI (static/) and the UI Kit resource (uikit/).
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: [
        'src/index.ts', // the Forge function (manifest.yml: index.handler)
        'uikit/src/index.tsx', // manifest.yml: resource issue-summary (render: native), built by @forge/bundler
        'dev/forge/runtime/dist/*.js', // copied into the bundle by @forge/bundler
        'test/support/*.ts', // save-child.ts is spawned by the durability test
        'test/dev/forge/fixture-app/src/index.ts', // bundled by the sandbox test
        'bench/floor-app/src/index.ts', // bundled by the benchmark's floor measurement
        'bench/floor-app/static/floor.ts', // built by Vite from bench/floor-app/static/index.html
      ],
      project: ['src/**/*.{ts,tsx}', 'static/**/*.{ts,tsx}', 'uikit/src/**/*.{ts,tsx}', 'dev/**/*.{ts,js}', 'bench/**/*.ts', 'test/**/*.{ts,tsx}'],
      ignoreDependencies: [
        // @forge/kvs requires tslib without declaring it; the app declares it so the bundle never depends on a
        // transitive copy being hoisted.
        'tslib',
      ],
    },
  },
};

export default config;

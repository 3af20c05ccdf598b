import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { reactRenderer } from './static/renderer.js';

export default defineConfig({
  test: {
    // Browser suites start Chromium and servers: keep the 2-core machine from oversubscribing.
    maxWorkers: 2,
    projects: [
      {
        plugins: [reactRenderer()],
        resolve: {
          // @forge/jira-bridge declares only a `browser` entry, which the build uses; point the tests at the same file.
          alias: { '@forge/jira-bridge': fileURLToPath(new URL('./node_modules/@forge/jira-bridge/out/index.js', import.meta.url)) },
        },
        test: {
          name: 'app',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/uikit/**'],
          environment: 'node',
          setupFiles: ['test/support/testing-library.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 15_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The UI Kit resource (uikit/): the same React 18, rendered by @forge/react's reconciler into a
        // fake Forge host bridge, which must be in place before @forge/bridge loads (it reads it then).
        test: {
          name: 'uikit',
          include: ['test/uikit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/uikit/support/bridge.ts'],
        },
      },
    ],
  },
});

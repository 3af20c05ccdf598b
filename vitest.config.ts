import { defineConfig } from 'vitest/config';
import { preactRenderer } from './static/renderer.js';

export default defineConfig({
  test: {
    // Browser suites start Chromium and servers: keep the 2-core machine from oversubscribing.
    maxWorkers: 2,
    projects: [
      {
        plugins: [preactRenderer()],
        test: {
          name: 'app',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/support/testing-library.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 15_000,
          hookTimeout: 60_000,
        },
      },
      // The UI Kit resource (React 18 + @forge/react, its own install): no preact/compat there.
      'uikit/vitest.config.ts',
    ],
  },
});

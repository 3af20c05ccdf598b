import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { preactRenderer } from './static/renderer.js';

export default defineConfig({
  plugins: [preactRenderer()],
  resolve: {
    // @forge/jira-bridge declares only a `browser` entry, which the build uses; point the tests at the same file.
    alias: { '@forge/jira-bridge': fileURLToPath(new URL('./node_modules/@forge/jira-bridge/out/index.js', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/support/testing-library.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 15_000,
    hookTimeout: 60_000,
    // Browser suites start Chromium and servers: keep the 2-core machine from oversubscribing.
    maxWorkers: 2,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { reactRenderer } from './static/renderer.js';

// Limits that turn a hang into a failure, never a speed check: about three times the slowest
// measured with `npm run test:timings` beside two CPU-bound processes (the 2-core machine also
// busy with other work, load average 10-22): a test 30.8 s (e2e token-leak), a hook 22.7 s. Both
// projects: the UI Kit one imports @forge/bundler in a test (5.9 s under load, over Vitest's 5 s default).
const LIMITS = { testTimeout: 90_000, hookTimeout: 90_000 };

export default defineConfig({
  test: {
    // Three on the 2-core machine: the suites spend much of their time waiting (timers, simulated
    // latency, the browser), so a third overlaps that. Measured back to back, load average 10-11 from
    // other work: 2 workers 395 s, 3 workers 237 s.
    maxWorkers: 3,
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
          ...LIMITS,
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
          ...LIMITS,
        },
      },
    ],
  },
});

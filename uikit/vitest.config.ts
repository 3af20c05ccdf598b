/**
 * The UI Kit resource's tests: a Vitest project of its own, rooted here so `react` and `@forge/react`
 * resolve from uikit/node_modules (React 18), and without the Custom UI's preact/compat renderer,
 * which the root project applies to static/.
 */
import { defineProject } from 'vitest/config';

export default defineProject({
  root: import.meta.dirname,
  test: {
    name: 'uikit',
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/support/bridge.ts'],
  },
});

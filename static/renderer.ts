/**
 * The one renderer definition for everything that turns `static/` into a page: the production build,
 * the Vite dev server (`npm run dev`, `forge tunnel`) and Vitest all load this, so what the tests
 * render is what ships.
 *
 * The Custom UI renders with React 18 and react-dom 18: the same `react` (one copy in node_modules)
 * that @forge/react, the UI Kit module's reconciler, needs. `@vitejs/plugin-react` compiles JSX with
 * the automatic runtime (`react/jsx-runtime`, as tsconfig's `jsx: react-jsx` says) and gives the dev
 * server React Fast Refresh; in the build it adds nothing else. The issue panel's JS budget is kept by
 * code splitting (static/src/main.tsx, `lazy` below the first render), checked by a test.
 */
import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';

export function reactRenderer(): PluginOption[] {
  return react();
}

/**
 * The one renderer definition for everything that turns `static/` into a page: the production build,
 * the Vite dev server (`npm run dev`, `forge tunnel`) and Vitest all load this, so what the tests
 * render is what ships.
 *
 * The UI is written against React's API (`import … from 'react'`) but renders with `preact/compat`:
 * React 19 + react-dom alone is ~68 KB gzip, twice the issue panel's JS budget (≤ 35 KB before the
 * first data render); Preact's hooks, `lazy` and `Suspense` cover what this UI uses for ~5 KB.
 * `@preact/preset-vite` holds the alias table (react, react-dom, react-dom/client, react/jsx-runtime
 * → preact), compiles JSX for Preact and gives the dev server hot reload (prefresh) instead of
 * React Fast Refresh, which cannot refresh Preact components.
 */
import preact from '@preact/preset-vite';
import type { PluginOption } from 'vite';

export function preactRenderer(): PluginOption[] {
  return preact();
}

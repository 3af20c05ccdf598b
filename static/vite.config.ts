import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The production bundle renders with Preact's React-compatible API: React 19 + react-dom alone is
// 68.6 KB gzip, over the panel's 50 KB budget; preact/compat is ~5 KB for the same hooks, lazy and
// Suspense this UI uses. The e2e suite runs this production build; component tests and the
// `forge tunnel` dev server use React itself (its fast refresh needs React).
const preact = {
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
  react: 'preact/compat',
};

// Forge serves the resource from a sub-path: assets must be relative (`base: './'`), or the panel is blank.
export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: command === 'build' ? { alias: preact } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: { port: 3000, strictPort: true, host: '127.0.0.1' },
}));

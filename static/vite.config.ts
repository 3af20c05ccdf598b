import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { reactRenderer } from './renderer.js';

/**
 * Dev server only: CSS imported by a module is attached as `<link rel="stylesheet">` (served by Vite
 * as `?direct` CSS) instead of Vite's usual `<style>` element. Forge's Custom UI policy allows
 * stylesheets from the resource but no inline style (the manifest keeps it strict), so under
 * `forge tunnel` — and `npm run dev`, which applies the same tunnel policy — a `<style>` element would be
 * blocked and the app would render unstyled. Hot reload keeps working: an edit replaces the link.
 */
const PLAIN_CSS = /\.css$/; // not ?inline, ?url, ?raw or ?direct requests

function cssAsStylesheet(): Plugin {
  let root = '';
  return {
    name: 'testkase:css-as-stylesheet',
    apply: 'serve',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    transform(_code, id) {
      if (!PLAIN_CSS.test(id)) return null;
      const url = id.startsWith(`${root}/`) ? id.slice(root.length) : `/@fs${id}`;
      return {
        code: [
          `const id = ${JSON.stringify(url)};`,
          'let link = document.querySelector(`link[data-dev-css="${id}"]`);',
          "if (!link) { link = document.createElement('link'); link.rel = 'stylesheet'; link.dataset.devCss = id; document.head.append(link); }",
          "link.href = `${id}?direct&t=${Date.now()}`;",
          'import.meta.hot.accept();',
          'import.meta.hot.prune(() => link.remove());',
          "export default '';",
        ].join('\n'),
        map: { mappings: '' },
      };
    },
  };
}

// Forge serves the resource from a sub-path: assets must be relative (`base: './'`), or the panel is blank.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [reactRenderer(), cssAsStylesheet()],
  // Only the tslib helpers the Forge packages call (build/tslib-subset.ts says why).
  resolve: { alias: { tslib: fileURLToPath(new URL('./build/tslib-subset.ts', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: the chunk graph bench/panel-js.ts reads to size the panel's first download.
    manifest: true,
  },
  server: { port: 3000, strictPort: true, host: '127.0.0.1' },
});

/**
 * /__host/ui-kit.js: the host page's UI Kit renderer (page-script.ts and what it imports, zod included),
 * bundled for the browser with Vite once per process, when first asked for.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const ENTRY = fileURLToPath(new URL('./page-script.ts', import.meta.url));

let script: Promise<string> | undefined;

export function uiKitHostScript(): Promise<string> {
  script ??= build({
    configFile: false,
    logLevel: 'silent',
    root: fileURLToPath(new URL('.', import.meta.url)),
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: ENTRY, formats: ['iife'], name: 'forgeLocalUiKit', fileName: () => 'ui-kit.js' },
    },
  }).then((result) => {
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error('bundling the UI Kit host script produced no code');
    return `/* Local Jira host: the UI Kit renderer (dev/runtime/ui-kit). */\n${chunk.code}`;
  });
  return script;
}

/**
 * A browser script the host serves, bundled from TypeScript with Vite as one IIFE, once per process and
 * only when first asked for (about a tenth of a second): the frame bridge and the UI Kit renderer.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

/** `entry` (a file URL) as an IIFE assigning `name`; `what` names it when the bundle comes out empty. */
export function browserBundle(entry: URL, name: string, what: string): () => Promise<string> {
  let bundled: Promise<string> | undefined;
  return () =>
    (bundled ??= build({
      configFile: false,
      logLevel: 'silent',
      root: fileURLToPath(new URL('.', entry)),
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        lib: { entry: fileURLToPath(entry), formats: ['iife'], name, fileName: () => `${name}.js` },
      },
    }).then((result) => {
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
      if (!chunk) throw new Error(`bundling ${what} produced no code`);
      return chunk.code;
    }));
}

/**
 * The pipeline's `build` step (`npm run build:recorded`): runs what package.json's `build` script says (`vite build [--config
 * FILE] [--mode MODE] [root]`) through Vite's own API, as its CLI does (createBuilder → buildApp),
 * with one plugin added that reports what the build read. Vite 8 bundles with Rolldown, which reads
 * modules natively, past the `fs` that record-reads.mjs watches; so the build reports its inputs
 * itself: every module of the graph (this.getModuleIds) and the folders they are in, the config
 * file and its imports, the public folder (copied as is) and the .env files Vite looks for. What
 * Vite's JavaScript plugins read (CSS imports…) is recorded by record-reads.mjs as in any step.
 *
 * Written to TESTKASE_REPORTED_READS (see inputs.ts: ReportedReads). A `build` script of another
 * shape is refused with exit status 3: the pipeline then runs it as it is, uncached.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { readScripts } from './scripts';

/** `vite build …` as the CLI reads it; null when the script is anything else. */
export function parseViteBuild(script: string): { configFile?: string; mode?: string; root?: string } | null {
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'vite' || words[1] !== 'build') return null;
  const out: { configFile?: string; mode?: string; root?: string } = {};
  for (let i = 2; i < words.length; i++) {
    const w = words[i]!;
    const value = words[i + 1];
    if ((w === '--config' || w === '-c') && value) [out.configFile, i] = [value, i + 1];
    else if ((w === '--mode' || w === '-m') && value) [out.mode, i] = [value, i + 1];
    else if (!w.startsWith('-') && out.root === undefined) out.root = w;
    else return null;
  }
  return out;
}

function recorder(found: { modules: Set<string>; config?: ResolvedConfig }): Plugin {
  return {
    name: 'testkase:record-inputs',
    apply: 'build',
    configResolved(config) {
      found.config = config;
    },
    generateBundle() {
      for (const id of this.getModuleIds()) found.modules.add(id);
    },
  };
}

/** A module id as a file path: no virtual modules, no `?query`. */
function filePath(id: string): string | null {
  if (id.startsWith('\0') || id.includes('\0')) return null;
  const path = id.replace(/[?#].*$/, '');
  return path.startsWith('/') && existsSync(path) ? path : null;
}

function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out = [dir];
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) out.push(...tree(join(dir, e.name)));
  return out;
}

async function main(): Promise<void> {
  const root = process.cwd(); // the app's folder, as for `npm run build`
  const script = readScripts(root).build ?? '';
  const parsed = parseViteBuild(script);
  if (!parsed) {
    console.error(`The build script is "${script}", not "vite build [--config FILE] [--mode MODE] [root]": dev/ci/vite-build.ts cannot record what it reads.`);
    process.exit(3);
  }
  const { createBuilder } = await import('vite');
  const found: { modules: Set<string>; config?: ResolvedConfig } = { modules: new Set() };
  const builder = await createBuilder(
    {
      ...(parsed.root ? { root: resolve(root, parsed.root) } : {}),
      ...(parsed.configFile ? { configFile: resolve(root, parsed.configFile) } : {}),
      ...(parsed.mode ? { mode: parsed.mode } : {}),
      plugins: [recorder(found)],
    },
    null,
  );
  await builder.buildApp();

  const config = found.config;
  const files = new Set<string>();
  for (const id of found.modules) {
    const p = filePath(id);
    if (p) files.add(p);
  }
  const missing: string[] = [];
  // Rolldown resolves imports natively too: a file added beside a module could change what an import
  // resolves to, so the folders of the graph's modules count as listed.
  const folders = [...new Set([...files].filter((f) => !f.includes('/node_modules/')).map((f) => dirname(f)))];
  if (config) {
    if (config.configFile) files.add(config.configFile);
    for (const dep of config.configFileDependencies) files.add(resolve(dep));
    // Copied to the output as they are.
    if (config.publicDir) {
      folders.push(...tree(config.publicDir));
      for (const d of tree(config.publicDir)) for (const e of readdirSync(d, { withFileTypes: true })) if (e.isFile()) files.add(join(d, e.name));
    }
    // What loadEnv looks for, there or not.
    if (config.envDir !== false) {
      for (const f of ['.env', '.env.local', `.env.${config.mode}`, `.env.${config.mode}.local`]) {
        const p = join(config.envDir, f);
        if (existsSync(p)) files.add(p);
        else missing.push(p);
      }
    }
  }
  const report = process.env.TESTKASE_REPORTED_READS;
  if (report) writeFileSync(report, JSON.stringify({ files: [...files].sort(), missing, folders }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});

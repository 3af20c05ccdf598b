/**
 * "Panel JS before the first data render", computed from the built files (static/dist, as Forge
 * serves them): the entry chunk and everything it imports statically, plus the lazy chunks the issue
 * panel's first render loads and their static imports, read from Vite's build manifest
 * (static/dist/.vite/manifest.json), each file counted once, gzip-compressed as a browser receives it.
 *
 * `npm test` checks it against GOALS.panelJsKb (test/bench/panel-js.test.ts); `npm run bench`
 * reports it and compares it with the files the panel frame actually fetched before its first row
 * appeared (Resource Timing), so a first render that starts loading another chunk shows up there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';

/**
 * The lazy boundaries the issue panel crosses before its first data render, in order (manifest keys,
 * relative to static/): the entry (boot.ts) imports main.tsx (React and the app) once getState is
 * started, and main.tsx renders `lazy(() => import('./panel/IssuePanel'))` for the panel's module key.
 * Every other `lazy()` below it (the cycles tab, forms, details, run, bulk, Report bug) renders only
 * after a click.
 */
export const PANEL_FIRST_RENDER = ['src/main.tsx', 'src/panel/IssuePanel.tsx'] as const;

export const STATIC_DIST = join(import.meta.dirname, '../static/dist');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface PanelJs {
  /** The files, relative to the dist folder (assets/…), JS and CSS. */
  files: string[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  jsGzipKb: number;
  cssGzipKb: number;
}

function readManifest(distDir: string): Record<string, ManifestChunk> {
  const file = join(distDir, '.vite/manifest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  } catch (e) {
    throw new Error(`Vite's build manifest is missing or unreadable (${file}): run "npm run build"`, { cause: e });
  }
}

export function panelJsBeforeFirstData(distDir = STATIC_DIST, lazyModules: readonly string[] = PANEL_FIRST_RENDER): PanelJs {
  const manifest = readManifest(distDir);
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the build manifest, found ${entries.length}: ${entries.join(', ')}`);
  const chunks = new Set<string>();
  const add = (key: string) => {
    if (chunks.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
    chunks.add(key);
    for (const imported of chunk.imports ?? []) add(imported);
  };
  add(entries[0]!);
  for (const key of lazyModules) {
    // A lazy module must be a lazy chunk that the code loaded so far imports: a renamed or inlined
    // module fails here instead of being measured as nothing.
    const importers = [...chunks].filter((k) => manifest[k]!.dynamicImports?.includes(key));
    if (!manifest[key]?.isDynamicEntry || importers.length === 0) throw new Error(`${key} is not a lazy chunk of the panel's code (static/dist/.vite/manifest.json)`);
    add(key);
  }
  const files = new Set<string>();
  for (const key of chunks) {
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  let js = 0;
  let css = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(join(distDir, file))).length;
    if (file.endsWith('.css')) css += size;
    else js += size;
  }
  return { files: [...files].sort(), jsGzipBytes: js, cssGzipBytes: css, jsGzipKb: round(js / 1024), cssGzipKb: round(css / 1024) };
}

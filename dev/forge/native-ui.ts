/**
 * `npm run build:native`: builds the app's UI Kit resources (`render: native` modules) exactly as
 * `forge deploy` and `forge tunnel` do, with @forge/bundler's NativeUIBundler (webpack + ts-loader with
 * the resource's nearest tsconfig, babel for .jsx, html-webpack-plugin), offline: the manifest's
 * resources are read with the CLI's own ConfigFile (`getResources(['nativeUI'])`, `shouldBundleResource`).
 *
 * Output: .forge/native-ui/<resource key>/ (git-ignored): index.html and the bundle, what the CLI
 * uploads and what the local host serves to the module's hidden frame.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Logger } from '@forge/cli-shared';
import { REPO_ROOT } from '../runtime/fixtures';
import { NATIVE_UI_DIR } from './paths';

import './as-cli';
const { NativeUIBundler, createEntryPointsForResource, getCompiler, getNativeUiBuildConfig, handleWebpackCompilationResult } = await import('@forge/bundler');
const { ConfigFile, FileSystemReader, FileSystemWriter, shouldBundleResource } = await import('@forge/cli-shared');

export interface NativeUiResult {
  /** One folder per UI Kit resource, by key. */
  dirs: Record<string, string>;
  /** Bytes of the JavaScript shipped (source maps excluded), per resource key. */
  jsBytes: Record<string, number>;
  ms: number;
  warnings: string[];
}

const jsBytes = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

function quietLogger(warnings: string[]): Logger {
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (line: string) => void warnings.push(line),
    error: (error: Error) => {
      throw error;
    },
  };
}

/** The manifest's UI Kit resources, read by the CLI's own ConfigFile in the app's folder (paths are relative to it). */
async function nativeResources(appDir: string) {
  const cwd = process.cwd();
  process.chdir(appDir);
  try {
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    return (await configFile.getResources(['nativeUI'])).filter(shouldBundleResource).map((r) => ({ ...r, path: resolve(appDir, r.path) }));
  } finally {
    process.chdir(cwd);
  }
}

/** Replaces the resource's folder under `outDir` with what the bundler wrote. */
function publish(outputDir: string, outDir: string, key: string): string {
  const dir = join(outDir, key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(outputDir, dir, { recursive: true });
  return dir;
}

export async function buildNativeUi(options: { appDir?: string; outDir?: string } = {}): Promise<NativeUiResult> {
  const started = performance.now();
  const appDir = resolve(options.appDir ?? REPO_ROOT);
  const outDir = options.outDir ?? NATIVE_UI_DIR;
  const warnings: string[] = [];
  const logger = quietLogger(warnings);
  // Like the CLI, the bundler runs in the app's folder.
  const cwd = process.cwd();
  process.chdir(appDir);
  try {
    const resources = await nativeResources(appDir);
    const { nativeUiBundlesDetails } = await new NativeUIBundler(logger).bundleResources(resources);
    rmSync(outDir, { recursive: true, force: true });
    const result: NativeUiResult = { dirs: {}, jsBytes: {}, ms: 0, warnings };
    for (const bundle of nativeUiBundlesDetails) {
      const dir = publish(bundle.path, outDir, bundle.key);
      rmSync(bundle.path, { recursive: true, force: true });
      result.dirs[bundle.key] = dir;
      result.jsBytes[bundle.key] = jsBytes(dir);
    }
    result.ms = Math.round(performance.now() - started);
    return result;
  } finally {
    process.chdir(cwd);
  }
}

/**
 * `npm run dev`: rebuilds each UI Kit resource when its sources change, with the compiler `forge tunnel`
 * uses for them (NativeUITunnelServer: getNativeUiBuildConfig, webpack's watch ignoring node_modules),
 * and publishes each build where the local host serves it. A failed build leaves the previous one served.
 */
export async function watchNativeUi(options: {
  appDir?: string;
  outDir?: string;
  onBuild: (key: string, dir: string) => void;
  onError: (error: Error) => void;
}): Promise<{ stop(): Promise<void> }> {
  const appDir = resolve(options.appDir ?? REPO_ROOT);
  const outDir = options.outDir ?? NATIVE_UI_DIR;
  const logger = quietLogger([]);
  const watchers = (await nativeResources(appDir)).map((resource) => {
    const config = getNativeUiBuildConfig(createEntryPointsForResource(resource.key, resource.path, resource.entry));
    let first = true;
    return getCompiler(config).watch({ aggregateTimeout: 200, ignored: '**/node_modules' }, (error, stats) => {
      try {
        // Throws the bundler's own error for a failed build (typed here: it is an assertion function).
        (handleWebpackCompilationResult as (l: Logger, e: Error | null, st: unknown) => void)(logger, error ?? null, stats);
        const dir = publish(config.output.path, outDir, resource.key);
        // The first build repeats what `npm run dev` already built at start: only later ones are news.
        if (!first) options.onBuild(resource.key, dir);
      } catch (e) {
        options.onError(e instanceof Error ? e : new Error(String(e)));
      } finally {
        first = false;
      }
    });
  });
  return {
    stop: () => Promise.all(watchers.map((w) => new Promise<void>((done) => (w ? w.close(() => done()) : done())))).then(() => undefined),
  };
}

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  buildNativeUi().then(
    (r) => {
      for (const [key, dir] of Object.entries(r.dirs)) {
        console.log(`Built the UI Kit resource ${key} with @forge/bundler into ${relative(REPO_ROOT, dir)}: ${(r.jsBytes[key]! / 1024).toFixed(0)} KB of JavaScript in ${r.ms} ms`);
      }
      for (const w of r.warnings) console.log(`warning: ${w}`);
    },
    (e: unknown) => {
      console.error(`Building the UI Kit resources failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}

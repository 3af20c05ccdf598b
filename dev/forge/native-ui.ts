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
const { NativeUIBundler } = await import('@forge/bundler');
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

export async function buildNativeUi(options: { appDir?: string; outDir?: string } = {}): Promise<NativeUiResult> {
  const started = performance.now();
  const appDir = resolve(options.appDir ?? REPO_ROOT);
  const outDir = options.outDir ?? NATIVE_UI_DIR;
  const warnings: string[] = [];
  const logger: Logger = {
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
  // Like the CLI, resource paths are relative to the app's folder.
  const cwd = process.cwd();
  process.chdir(appDir);
  try {
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    const resources = (await configFile.getResources(['nativeUI'])).filter(shouldBundleResource);
    const { nativeUiBundlesDetails } = await new NativeUIBundler(logger).bundleResources(resources);
    rmSync(outDir, { recursive: true, force: true });
    const result: NativeUiResult = { dirs: {}, jsBytes: {}, ms: 0, warnings };
    for (const bundle of nativeUiBundlesDetails) {
      const dir = join(outDir, bundle.key);
      mkdirSync(dir, { recursive: true });
      cpSync(bundle.path, dir, { recursive: true });
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

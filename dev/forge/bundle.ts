/**
 * `npm run bundle`: bundles the backend exactly as `forge deploy` and `forge tunnel` do, with
 * Atlassian's @forge/bundler (the version the Forge CLI pins), offline.
 *
 * The one difference from the CLI: at bundle time the CLI downloads Forge's node runtime wrapper
 * and loader from Atlassian's CDN, which is unreachable here. @forge/bundler has its own switch for
 * that — FORGE_RUNTIME_PATH makes its LocalWrapperProvider read `<path>/dist/{wrapper,loader}.js` —
 * and we point it at dev/forge/runtime, our stand-in (see docs/local-runtime.md).
 *
 * Output: .forge/bundle/ (git-ignored): the webpack bundle (`index.cjs`), `__forge__.cjs`,
 * `__forge_wrapper__.cjs`, `runtime.json` and the manifest, laid out as @forge/tunnel lays out
 * its own sandbox folder.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { Logger } from '@forge/cli-shared';
import { REPO_ROOT } from '../runtime/fixtures';
import { BUNDLE_DIR, RUNTIME_WRAPPER_DIR } from './paths';

import './as-cli';
const { getEntryPoints, getNodeBundler, getWrapperProvider, mergeOutputs } = await import('@forge/bundler');
const { ConfigFile, DirectoryArchiver, FileSystemReader, FileSystemWriter, manifestFileName } = await import('@forge/cli-shared');


export interface BundleResult {
  dir: string;
  /** Bytes of every file in the bundle folder. */
  bytes: number;
  ms: number;
  warnings: string[];
}

/** Collects the bundler's messages; anything it reports as an error fails the bundle (or goes to `onError` when watching). */
function collectingLogger(warnings: string[], verbose: boolean, onError?: (error: Error) => void): Logger {
  const say = (line: string) => (verbose ? console.log(line) : undefined);
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: say,
    warn: (line: string) => {
      warnings.push(line);
      say(`warning: ${line}`);
    },
    error: (error: Error) => {
      if (onError) onError(error);
      else throw error;
    },
  };
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + statSync(join(d.parentPath, d.name)).size, 0);
}

/** The statsig answers the Forge CLI would get for a plain Node app: no TypeScript bundler EAP. */
const statsig = {
  isTypescriptBundlerEnabled: () => Promise.resolve(false),
  testForgeCliBundleRuntimeLoaderGate: () => Promise.resolve(true),
} as unknown as Parameters<typeof getNodeBundler>[3];

type Output = Awaited<ReturnType<ReturnType<typeof getNodeBundler>['bundle']>>;

/** The Forge CLI runs in the app's folder (the manifest and src/ are read relative to it), with our runtime wrapper. */
async function inApp<T>(appDir: string, body: (tools: { bundler: ReturnType<typeof getNodeBundler>; configFile: InstanceType<typeof ConfigFile> }) => Promise<T>, logger: Logger): Promise<T> {
  const cwd = process.cwd();
  process.chdir(appDir);
  const previousRuntimePath = process.env.FORGE_RUNTIME_PATH;
  process.env.FORGE_RUNTIME_PATH = RUNTIME_WRAPPER_DIR;
  try {
    const reader = new FileSystemReader();
    const configFile = new ConfigFile(reader, new FileSystemWriter());
    const wrapperProvider = getWrapperProvider({ fileSystemReader: reader, statsigService: statsig });
    return await body({ bundler: getNodeBundler(logger, wrapperProvider, configFile, statsig), configFile });
  } finally {
    if (previousRuntimePath === undefined) delete process.env.FORGE_RUNTIME_PATH;
    else process.env.FORGE_RUNTIME_PATH = previousRuntimePath;
    process.chdir(cwd);
  }
}

/** Lays the bundler's output out as a sandbox folder, as @forge/tunnel does: code, runtime files, manifest. */
async function writeBundle(output: Output, manifest: unknown, outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = mergeOutputs(output.additionalOutputs, new Map([[manifestFileName, Buffer.from(JSON.stringify(manifest))]]));
  const archiver = new DirectoryArchiver(outDir);
  archiver.addFrom('', output.outputDir);
  archiver.addMany(files);
  await archiver.finalise();
}

export async function bundleBackend(options: { appDir?: string; outDir?: string; verbose?: boolean } = {}): Promise<BundleResult> {
  const started = performance.now();
  const outDir = options.outDir ?? BUNDLE_DIR;
  const warnings: string[] = [];
  const appDir = resolve(options.appDir ?? REPO_ROOT);
  await inApp(appDir, async ({ bundler, configFile }) => {
    const output = await bundler.bundle({ appDirectory: appDir, entryPoints: getEntryPoints(await configFile.getAppHandlers()) });
    await writeBundle(output, await configFile.readConfig(), outDir);
    rmSync(output.outputDir, { recursive: true, force: true });
  }, collectingLogger(warnings, options.verbose ?? false));
  return { dir: outDir, bytes: folderBytes(outDir), ms: Math.round(performance.now() - started), warnings };
}

/**
 * Re-bundles on every change to the backend's sources, with the bundler's own watch mode (what
 * `forge tunnel` uses); each build lands in a fresh folder so a running sandbox is never half-updated.
 */
export async function watchBackend(options: {
  appDir?: string;
  onBundle: (dir: string) => void | Promise<void>;
  onError: (error: Error) => void;
  onStart?: () => void;
}): Promise<{ stop(): Promise<void> }> {
  const appDir = resolve(options.appDir ?? REPO_ROOT);
  let build = 0;
  const logger = collectingLogger([], false, options.onError);
  return inApp(appDir, async ({ bundler, configFile }) => {
    const manifest = await configFile.readConfig();
    const onFinished = async (err: Error | null, output?: Output) => {
      if (err || !output) return options.onError(err ?? new Error('the bundler reported no output'));
      const dir = join(BUNDLE_DIR, '..', `dev-bundle-${process.pid}-${++build}`);
      await writeBundle(output, manifest, dir);
      const previous = join(BUNDLE_DIR, '..', `dev-bundle-${process.pid}-${build - 2}`);
      rmSync(previous, { recursive: true, force: true }); // keep the one a sandbox may still be loading
      await options.onBundle(dir);
    };
    const watcher = await bundler.watch(
      { appDirectory: appDir, entryPoints: getEntryPoints(await configFile.getAppHandlers()), watchMode: 'watch', successMessage: 'bundled' },
      { onBuildWillStart: () => Promise.resolve(options.onStart?.()), onBuildFinished: onFinished },
    );
    await onFinished(null, watcher.result);
    return {
      async stop() {
        await watcher.stop();
        for (let n = Math.max(1, build - 1); n <= build; n++) rmSync(join(BUNDLE_DIR, '..', `dev-bundle-${process.pid}-${n}`), { recursive: true, force: true });
      },
    };
  }, logger);
}

/**
 * For the pipeline's cache (dev/ci/inputs.ts): writes what webpack read to `file` — the compilation's
 * fileDependencies, missingDependencies (paths it looked for and did not find) and contextDependencies
 * (folders it listed). @forge/bundler keeps its compiler to itself; every build passes its stats to
 * WebpackBundler's getOutput (the Node bundler's too, through `super`), so that is where they are seen.
 */
function reportWebpackReads(file: string): void {
  type Compilation = { fileDependencies: Iterable<string>; missingDependencies: Iterable<string>; contextDependencies: Iterable<string> };
  type GetOutput = (this: unknown, args: unknown, config: unknown, stats?: { compilation: Compilation }) => Promise<unknown>;
  const { WebpackBundler } = createRequire(import.meta.url)('@forge/bundler/out/webpack.js') as { WebpackBundler: { prototype: { getOutput: GetOutput } } };
  const seen = { files: new Set<string>(), missing: new Set<string>(), folders: new Set<string>() };
  const getOutput = WebpackBundler.prototype.getOutput;
  WebpackBundler.prototype.getOutput = function (args, config, stats) {
    if (stats) {
      for (const f of stats.compilation.fileDependencies) seen.files.add(f);
      for (const f of stats.compilation.missingDependencies) seen.missing.add(f);
      for (const f of stats.compilation.contextDependencies) seen.folders.add(f);
      writeFileSync(file, JSON.stringify({ files: [...seen.files], missing: [...seen.missing], folders: [...seen.folders] }));
    }
    return getOutput.call(this, args, config, stats);
  };
}

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  if (process.env.TESTKASE_REPORTED_READS) reportWebpackReads(process.env.TESTKASE_REPORTED_READS);
  bundleBackend({ verbose: process.argv.includes('--verbose') }).then(
    (r) => {
      console.log(`Bundled the backend with @forge/bundler into ${relative(REPO_ROOT, r.dir)}: ${(r.bytes / 1024).toFixed(0)} KB in ${r.ms} ms`);
      for (const w of r.warnings) console.log(`warning: ${w}`);
    },
    (e: unknown) => {
      console.error(`Bundling failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}

/**
 * `npm run dev`: the local mirror of `forge tunnel`. The Custom UI comes from the Vite dev server on
 * `resources[].tunnel.port` (hot reload), proxied into the local Jira host with Forge's tunnel CSP, the
 * backend is re-bundled by @forge/bundler's watch mode on every change and reloaded into the sandbox,
 * and the UI Kit resources are rebuilt on change with the compiler `forge tunnel` uses for them.
 */
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { REPO_ROOT, readManifest } from './fixtures';
import { startRuntime, type Runtime, type RuntimeOptions } from './index';

export interface DevOptions extends Omit<RuntimeOptions, 'devServer' | 'resourceDir'> {
  /** The Custom UI project (holding vite.config.ts); default static/. */
  uiRoot?: string;
  /** Dev server port; default the manifest's tunnel port. 0 picks a free one. */
  uiPort?: number;
  /** Re-bundle the backend on change (default true); false serves the existing bundle. */
  watchBackend?: boolean;
  /** Rebuild the UI Kit resources on change (default: as watchBackend); false serves the existing build. */
  watchNativeUi?: boolean;
}

export interface Dev {
  runtime: Runtime;
  vite: ViteDevServer;
  /** http://127.0.0.1:<uiPort> */
  uiUrl: string;
  stop(): Promise<void>;
}

export async function startDev(options: DevOptions = {}): Promise<Dev> {
  const manifest = readManifest();
  const uiRoot = resolve(options.uiRoot ?? join(REPO_ROOT, 'static'));
  const say = options.log ?? ((line: string) => (options.quiet ? undefined : console.log(line)));
  const vite = await createServer({
    configFile: join(uiRoot, 'vite.config.ts'),
    root: uiRoot,
    logLevel: options.quiet ? 'silent' : 'info',
    clearScreen: false,
    server: { port: options.uiPort ?? manifest.tunnelPort ?? 3000, strictPort: true, host: '127.0.0.1' },
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  const uiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let runtime: Runtime;
  try {
    runtime = await startRuntime({ ...options, devServer: uiUrl });
  } catch (e) {
    await vite.close();
    throw e;
  }

  let watcher: { stop(): Promise<void> } | undefined;
  if (options.watchBackend ?? true) {
    const { watchBackend } = await import('../forge/bundle');
    watcher = await watchBackend({
      onStart: () => say('[forge-local] backend changed: bundling…'),
      onBundle: (dir) => {
        runtime.functions.reload(dir);
        say(`[forge-local] backend bundled: new invocations run ${dir}`);
      },
      onError: (e) => say(`[forge-local] bundling failed (the previous bundle keeps running): ${e.message}`),
    });
  }

  let nativeWatcher: { stop(): Promise<void> } | undefined;
  if (options.watchNativeUi ?? options.watchBackend ?? true) {
    const { watchNativeUi } = await import('../forge/native-ui');
    nativeWatcher = await watchNativeUi({
      onBuild: (key) => say(`[forge-local] UI Kit resource ${key} rebuilt: reload the page to see it`),
      onError: (e) => say(`[forge-local] building a UI Kit resource failed (the previous build stays served): ${e.message}`),
    });
  }

  return {
    runtime,
    vite,
    uiUrl,
    async stop() {
      await nativeWatcher?.stop();
      await watcher?.stop();
      await runtime.stop();
      await vite.close();
    },
  };
}

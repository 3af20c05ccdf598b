/** Where the Forge build artifacts live; no heavy imports, so the runtime can check them cheaply. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../runtime/fixtures';

/** What `npm run bundle` writes (git-ignored; the Forge CLI keeps its own builds under .forge too). */
export const BUNDLE_DIR = join(REPO_ROOT, '.forge/bundle');
/** What `npm run build:native` writes: one folder per UI Kit resource (`render: native`), by key. */
export const NATIVE_UI_DIR = join(REPO_ROOT, '.forge/native-ui');
/** FORGE_RUNTIME_PATH for @forge/bundler: our stand-in for Forge's runtime wrapper and loader. */
export const RUNTIME_WRAPPER_DIR = join(REPO_ROOT, 'dev/forge/runtime');

/** True when the folder holds what a sandbox needs. */
export function bundleExists(dir = BUNDLE_DIR): boolean {
  return existsSync(join(dir, '__forge__.cjs')) && existsSync(join(dir, 'index.cjs'));
}

/** True when the UI Kit resource was built (its index.html is what the host serves first). */
export function nativeUiBuilt(key: string, dir = NATIVE_UI_DIR): boolean {
  return existsSync(join(dir, key, 'index.html'));
}

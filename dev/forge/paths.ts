/** Where the Forge build artifacts live; no heavy imports, so the runtime can check them cheaply. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../runtime/fixtures';

/** What `npm run bundle` writes (git-ignored; the Forge CLI keeps its own builds under .forge too). */
export const BUNDLE_DIR = join(REPO_ROOT, '.forge/bundle');
/** FORGE_RUNTIME_PATH for @forge/bundler: our stand-in for Forge's runtime wrapper and loader. */
export const RUNTIME_WRAPPER_DIR = join(REPO_ROOT, 'dev/forge/runtime');

/** True when the folder holds what a sandbox needs. */
export function bundleExists(dir = BUNDLE_DIR): boolean {
  return existsSync(join(dir, '__forge__.cjs')) && existsSync(join(dir, 'index.cjs'));
}

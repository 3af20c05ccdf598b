/**
 * /__host/ui-kit.js: the host page's UI Kit renderer (page-script.ts and what it imports, zod included),
 * bundled for the browser with Vite once per process, when first asked for.
 */
import { browserBundle } from '../browser-bundle';

const renderer = browserBundle(new URL('./page-script.ts', import.meta.url), 'forgeLocalUiKit', 'the UI Kit host script');

export async function uiKitHostScript(): Promise<string> {
  return `/* Local Jira host: the UI Kit renderer (dev/runtime/ui-kit). */\n${await renderer()}`;
}

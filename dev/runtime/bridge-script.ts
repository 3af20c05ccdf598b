/**
 * The host-generated script each app frame loads (as an external <script>, first thing in <head>)
 * before the app's bundle: the Custom UI bridge (bridge/frame.ts), typed against Atlassian's published
 * types (bridge/contract.ts) and bundled for the browser with Vite once per process, then started with
 * the frame's own settings. Why TypeScript compiled into the script rather than a script written as a
 * string: the answers the bridge builds itself (invoke's `{ body, metadata }`, a Subscription, a
 * dialog's onClose argument) are then checked by the compiler against @forge/bridge's and
 * @forge/jira-bridge's types, as are the host's own (getContext's FullContext, in frames.ts).
 */
import { browserBundle } from './browser-bundle';
import type { BridgeConfig } from './bridge/config';

export type { BridgeConfig } from './bridge/config';

/** The IIFE's global name, kept inside the per-frame wrapper (nothing of it reaches the app's globals). */
const NAME = 'forgeLocalBridge';

/** The bridge's code, bundled once per process. */
export const bridgeCode = browserBundle(new URL('./bridge/frame.ts', import.meta.url), NAME, 'the frame bridge');

export async function bridgeScript(config: BridgeConfig): Promise<string> {
  // JSON is a valid JS expression; `<` is escaped so the text can never close a tag anywhere.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `/* Local Forge runtime: the Custom UI bridge (dev/runtime/bridge, generated per frame). */\n(function () {\n'use strict';\n${await bridgeCode()}\n${NAME}.startBridge(${json});\n})();\n`;
}

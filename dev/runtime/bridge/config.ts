/** Per-frame settings the host bakes into a frame's bridge script (never trusted back from the browser). */
import type { FrameContext } from '../frames';

export interface BridgeConfig {
  /** `/resource/<session>/__forge/` */
  endpoint: string;
  /** Origin of the host page (postMessage target). */
  hostOrigin: string;
  /** What the frame's getContext() answers: @forge/bridge's FullContext, as Jira fills it (frames.ts). */
  context: FrameContext;
  /** The site-relative path of the global page (router targets `module`). */
  globalPagePath: string;
  globalPageModuleKey: string;
  /** Initial history location for the global page. */
  initialPath: string;
  /** The `data-theme` value the token stylesheet is keyed on. */
  themeAttribute: string;
  /** A UI Kit module's frame: the host renders what its reconciler sends (`reconcile`). */
  nativeUi: boolean;
  /** The project page module (router target `module` with a projectKey), and its path with `{projectKey}`. */
  projectPageModuleKey: string;
  projectPagePath: string;
  /** A dashboard gadget's edit view: `submit` saves its configuration, `close` leaves without saving. */
  gadgetEditing: boolean;
}

/** What the frame posts to the host page, and what the page posts back (origin-checked on both sides). */
export type ToHost =
  | { type: 'forge-local:navigate'; url: string; newTab: boolean }
  | { type: 'forge-local:reload' }
  | { type: 'forge-local:history'; path: string }
  | { type: 'forge-local:title'; title: string }
  | { type: 'forge-local:emit'; event: string; payload: unknown }
  | { type: 'forge-local:open-modal'; kind: 'issue-create' | 'issue-view'; requestId: string; context: unknown }
  | { type: 'forge-local:reconcile'; forgeDoc: unknown }
  | { type: 'forge-local:resize'; height: number }
  /** A gadget's edit view saved its configuration (view.submit) or was left without saving (view.close). */
  | { type: 'forge-local:gadget-saved' }
  | { type: 'forge-local:gadget-closed' };

/**
 * The host page's side of UI Kit (bundled for the browser by script.ts, served as /__host/ui-kit.js):
 * each native module's section holds a hidden frame running the app's UI Kit bundle with the bridge;
 * the ForgeDoc its reconciler sends is validated and rendered here, natively, with the page's design
 * tokens; a person's click goes back to the frame as a handler call, as Jira's host does.
 */
import './no-eval';
import { parseForgeDoc, type HandlerRef } from './forge-doc';
import { renderFailure, renderForgeDoc } from './render';

/** Jira shows an error when a UI Kit app never renders; so does the local host, instead of loading forever. */
const FIRST_RENDER_TIMEOUT_MS = 20_000;

function connect(section: HTMLElement): void {
  const frame = section.querySelector<HTMLIFrameElement>('iframe.forge-uikit-frame');
  const container = section.querySelector<HTMLElement>('.forge-native-content');
  if (!frame || !container) return;
  const origin = new URL(frame.src).origin;
  const call = (handler: HandlerRef, args: unknown[]) =>
    frame.contentWindow?.postMessage({ type: 'forge-local:ui-event', handler: handler.$$forgeHandler, args }, origin);
  let rendered = false;
  const timer = setTimeout(() => {
    if (!rendered) renderFailure(container, `${section.dataset.title ?? 'The app'} did not load. Reload the page to try again.`, { document });
  }, FIRST_RENDER_TIMEOUT_MS);

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data as { type?: unknown; forgeDoc?: unknown } | null;
    if (data?.type !== 'forge-local:reconcile') return;
    const parsed = parseForgeDoc(data.forgeDoc);
    if (!parsed.ok) {
      console.error(`[forge-local] ${section.dataset.module ?? 'UI Kit module'}: ${parsed.reason}`);
      renderFailure(container, `The app sent a screen the local Jira host cannot show: ${parsed.reason}.`, { document });
      return;
    }
    rendered = true;
    clearTimeout(timer);
    renderForgeDoc(container, parsed.doc, { document, call });
    container.setAttribute('aria-busy', 'false');
  });
  // The frame may have rendered before this script ran (it loads in parallel with the page): ask for
  // its last tree. A frame not listening yet has sent nothing, and what it sends next arrives here.
  frame.contentWindow?.postMessage({ type: 'forge-local:resend' }, origin);
}

document.querySelectorAll<HTMLElement>('[data-forge-native]').forEach(connect);

/**
 * Renders a ForgeDoc into the host page, replacing what was there: the tree the app's reconciler sent
 * last is what a person sees. A component type the local host does not know is shown as a visible
 * placeholder naming it (with its children inside), never left out silently.
 */
import { COMPONENTS, type RenderContext } from './components';
import type { ForgeDoc } from './forge-doc';

/** Where each element sits in the tree, so focus can be put back on "the same" element after a re-render. */
const PATH = 'data-uk-path';

function renderNode(node: ForgeDoc, path: string, ctx: RenderContext): Node {
  if (node.type === 'String') {
    const text = node.props.text;
    return ctx.document.createTextNode(typeof text === 'string' || typeof text === 'number' ? String(text) : '');
  }
  const children = () => node.children.map((child, i) => renderNode(child, `${path}.${i}`, ctx));
  const component = Object.hasOwn(COMPONENTS, node.type) ? COMPONENTS[node.type] : undefined;
  const element = component ? component(node, children, ctx) : placeholder(node, children, ctx);
  element.setAttribute(PATH, path);
  element.dataset.ukType = node.type;
  if (typeof node.props.testId === 'string') element.dataset.testid = node.props.testId;
  return element;
}

function placeholder(node: ForgeDoc, children: () => Node[], ctx: RenderContext): HTMLElement {
  const box = ctx.document.createElement('div');
  box.className = 'uk-unknown';
  box.setAttribute('role', 'note');
  const label = ctx.document.createElement('span');
  label.className = 'uk-unknown-label';
  const name = ctx.document.createElement('code');
  name.textContent = node.type;
  label.append('The local Jira host cannot render the UI Kit component ', name);
  box.append(label, ...children());
  return box;
}

/** Renders `doc` (its Root's children) into `container`, keeping keyboard focus where it was. */
export function renderForgeDoc(container: HTMLElement, doc: ForgeDoc, ctx: RenderContext): void {
  const focused = ctx.document.activeElement;
  const focusPath = focused && container.contains(focused) ? focused.getAttribute(PATH) : null;
  const nodes = doc.type === 'Root' ? doc.children.map((child, i) => renderNode(child, String(i), ctx)) : [renderNode(doc, '0', ctx)];
  container.replaceChildren(...nodes);
  if (focusPath) container.querySelector<HTMLElement>(`[${PATH}="${focusPath}"]`)?.focus();
}

/** What the container shows when the module's frame said something the host cannot render. */
export function renderFailure(container: HTMLElement, message: string, ctx: Pick<RenderContext, 'document'>): void {
  const box = ctx.document.createElement('div');
  box.className = 'uk-host-failure';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  container.replaceChildren(box);
}

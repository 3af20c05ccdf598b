/** Reading a ForgeDoc in tests: find components by type, their text, and call their event handlers. */
import { act } from 'react';
import type { ForgeDoc } from './fake-bridge';

/** Every node of `type` (depth first, in order). */
export function findAll(doc: ForgeDoc, type: string): ForgeDoc[] {
  return [...(doc.type === type ? [doc] : []), ...doc.children.flatMap((c) => findAll(c, type))];
}

/** The text a person reads in this subtree (String nodes joined; no-break spaces read as spaces). */
export function textOf(doc: ForgeDoc): string {
  if (doc.type === 'String') return typeof doc.props?.text === 'string' ? doc.props.text.replace(/\u00a0/g, ' ') : '';
  return doc.children.map(textOf).join('');
}

/** The one Button whose text is `label`; fails when there is none or more than one. */
export function button(doc: ForgeDoc, label: string): ForgeDoc {
  const found = findAll(doc, 'Button').filter((b) => textOf(b) === label);
  if (found.length !== 1) throw new Error(`expected one "${label}" button, found ${found.length}: ${findAll(doc, 'Button').map(textOf).join(', ')}`);
  return found[0]!;
}

/** Calls an event handler prop as the host does when a person uses the component. */
export async function fire(node: ForgeDoc, prop = 'onClick'): Promise<void> {
  const handler = node.props?.[prop];
  if (typeof handler !== 'function') throw new Error(`${node.type} has no ${prop} handler`);
  await act(async () => {
    await (handler as () => unknown)();
  });
}

/** The component types of the tree, as an outline (one line per node, indented), for readable assertions. */
export function outline(doc: ForgeDoc, depth = 0): string[] {
  const label = doc.type === 'String' ? JSON.stringify(textOf(doc)) : doc.type;
  return [`${'  '.repeat(depth)}${label}`, ...doc.children.flatMap((c) => outline(c, depth + 1))];
}

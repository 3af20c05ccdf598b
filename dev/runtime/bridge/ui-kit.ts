/**
 * UI Kit frames (`render: native`): the ForgeDoc @forge/react's reconciler sends crosses to the host
 * page as plain data. Each function prop becomes a handler reference (@forge/react gives each function
 * an __id__); the host sends the reference back when a person uses the component, and the frame calls
 * the function (what Forge's bridge does). References of the last two trees are kept, so a click on a
 * tree that was replaced a moment ago still reaches its handler.
 */
import type { HandlerTable, NativeUiCommands } from './contract';
import type { ToHost } from './config';

type Fn = (...args: unknown[]) => unknown;

/** A ForgeDoc type or key as text (they are strings or numbers; anything else as JSON, never "[object Object]"). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? `${v}` : (JSON.stringify(v) ?? 'undefined'));
interface DocNode {
  type?: unknown;
  key?: unknown;
  props?: Record<string, unknown>;
  children?: unknown[];
}
export interface SerialisedNode {
  type: string;
  key: string | undefined;
  props: Record<string, unknown>;
  children: SerialisedNode[];
}

export function createUiKit(toParent: (message: ToHost) => void, report: (kind: string, detail: Record<string, unknown>) => void) {
  let handlers: Record<string, Fn> = {};
  let previous: Record<string, Fn> = {};
  // The last tree sent, for a host page that started listening after it was sent ('forge-local:resend').
  let lastForgeDoc: SerialisedNode | null = null;

  const serialiseValue = (value: unknown, seen: WeakSet<object>): unknown => {
    if (typeof value === 'function') {
      const named = (value as { __id__?: unknown }).__id__;
      const id = typeof named === 'string' ? named : `h-${Math.random().toString(36).slice(2, 12)}`;
      handlers[id] = value as Fn;
      return { $$forgeHandler: id };
    }
    if (Array.isArray(value)) return value.map((v) => serialiseValue(v, seen));
    if (value && typeof value === 'object') {
      if (seen.has(value)) return null;
      seen.add(value);
      const out: Record<string, unknown> = {};
      Object.keys(value).forEach((k) => (out[k] = serialiseValue((value as Record<string, unknown>)[k], seen)));
      return out;
    }
    return value;
  };
  const serialiseNode = (node: unknown, seen: WeakSet<object>): SerialisedNode | null => {
    if (!node || typeof node !== 'object' || seen.has(node)) return null;
    seen.add(node);
    const n = node as DocNode;
    const props: Record<string, unknown> = {};
    Object.keys(n.props ?? {}).forEach((name) => (props[name] = serialiseValue(n.props![name], seen)));
    const children = (n.children ?? []).map((child) => serialiseNode(child, seen)).filter((c): c is SerialisedNode => c !== null);
    return { type: asText(n.type), key: n.key === undefined ? undefined : asText(n.key), props, children };
  };

  const commands: HandlerTable<NativeUiCommands> = {
    reconcile(call) {
      previous = handlers;
      handlers = {};
      lastForgeDoc = serialiseNode(call?.forgeDoc, new WeakSet());
      toParent({ type: 'forge-local:reconcile', forgeDoc: lastForgeDoc });
    },
    onError(call) {
      const error = call?.error;
      console.error('[forge-local] the UI Kit app failed to render', error);
      report('ui-kit-error', { message: error instanceof Error ? error.message : JSON.stringify(error) ?? String(error) });
    },
  };
  return {
    commands,
    resend(): void {
      if (lastForgeDoc) toParent({ type: 'forge-local:reconcile', forgeDoc: lastForgeDoc });
    },
    /** A person used a component: its handler, from the current tree or the one before. */
    use(handler: string, args: unknown): void {
      const fn = Object.prototype.hasOwnProperty.call(handlers, handler) ? handlers[handler] : Object.prototype.hasOwnProperty.call(previous, handler) ? previous[handler] : undefined;
      if (!fn) {
        console.warn(`[forge-local] no handler ${handler} in the current UI Kit tree`);
        return;
      }
      try {
        fn(...(Array.isArray(args) ? (args as unknown[]) : []));
      } catch (e) {
        console.error(e);
      }
    },
  };
}

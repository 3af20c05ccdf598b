/**
 * The host side of the Forge bridge for UI Kit unit tests: `globalThis.__bridge.callBridge`, which the
 * real @forge/bridge and @forge/react call. It records every command, keeps the last ForgeDoc the
 * reconciler sent, answers `invoke` from `answers`, and delivers `emit` to `on` listeners, so a test
 * drives the module through the same seam the Jira host (or the local host) does.
 */
import type { FunctionKey } from '../../../src/shared/definitions';

export interface ForgeDoc {
  type: string;
  props?: Record<string, unknown>;
  children: ForgeDoc[];
  key?: string;
}

type Listener = (payload: unknown) => unknown;

export interface FakeBridge {
  calls: Array<{ command: string; payload: unknown }>;
  /** The last tree `reconcile` sent (what the host would render). */
  doc(): ForgeDoc;
  /** What `invoke` answers for a function key; a function is called with the payload. Unset keys reject. */
  answers: Partial<Record<FunctionKey, unknown>>;
  invokes(key?: FunctionKey): unknown[];
  context: Record<string, unknown>;
  /** Delivers an app event as Forge does to the module's `events.on` listeners. */
  emit(event: string, payload?: unknown): Promise<void>;
  reset(): void;
}

export function installFakeBridge(): FakeBridge {
  let listeners = new Map<string, Listener[]>();
  let lastDoc: ForgeDoc | null = null;
  const bridge: FakeBridge = {
    calls: [],
    answers: {},
    context: { timezone: 'Europe/Paris', locale: 'en-US', moduleKey: 'testkase-issue-context' },
    doc() {
      if (!lastDoc) throw new Error('the module has not sent a ForgeDoc yet');
      return lastDoc;
    },
    invokes(key) {
      return bridge.calls.filter((c) => c.command === 'invoke' && (!key || (c.payload as { functionKey: string }).functionKey === key));
    },
    async emit(event, payload) {
      await Promise.all((listeners.get(event) ?? []).map((l) => l(payload)));
    },
    reset() {
      bridge.calls = [];
      bridge.answers = {};
      listeners = new Map();
      lastDoc = null;
    },
  };
  const callBridge = async (command: string, payload: unknown): Promise<unknown> => {
    bridge.calls.push({ command, payload });
    switch (command) {
      case 'reconcile':
        // As the host receives it: a snapshot (the reconciler mutates its tree in place afterwards).
        lastDoc = snapshot((payload as { forgeDoc: ForgeDoc }).forgeDoc);
        return undefined;
      case 'invoke': {
        const { functionKey, payload: body } = payload as { functionKey: FunctionKey; payload: unknown };
        if (!(functionKey in bridge.answers)) throw new Error(`There was an error invoking the function - no answer for ${functionKey}`);
        const answer = bridge.answers[functionKey];
        return typeof answer === 'function' ? (answer as (p: unknown) => unknown)(body) : answer;
      }
      case 'getContext':
        return bridge.context;
      case 'on': {
        const { event, callback } = payload as { event: string; callback: Listener };
        listeners.set(event, [...(listeners.get(event) ?? []), callback]);
        return { unsubscribe: () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== callback)) };
      }
      default:
        return undefined;
    }
  };
  const host = { callBridge };
  Object.assign(globalThis, { __bridge: host, self: globalThis, IS_REACT_ACT_ENVIRONMENT: true });
  return bridge;
}

/** A deep copy that keeps function props as they are (the host calls them back on events). */
function snapshot(doc: ForgeDoc): ForgeDoc {
  return { ...doc, props: { ...(doc.props ?? {}) }, children: doc.children.map(snapshot) };
}

/**
 * The frame's half of the Realtime emulation (../realtime.ts is the service): the two commands
 * @forge/bridge's `realtime` sends (contract.ts), over the host's endpoints and one server-sent event
 * stream per frame, opened at the first subscribe. A refused subscribe rejects, as a failed bridge call
 * does. When the stream is lost, each subscriber's callback gets `('', error)` with an Error and its
 * subscription ends (the published callback type: `(payload, error?) => any`).
 */
import type { HandlerTable, RealtimeSubscribeCall } from './contract';
import type { BridgeCommands } from './contract';

type RealtimeCommands = Pick<BridgeCommands, 'subscribeRealtimeChannel' | 'publishRealtimeChannel'>;
type OnEvent = RealtimeSubscribeCall['onEvent'];

export function createRealtime(endpoint: string): HandlerTable<RealtimeCommands> {
  let stream: Promise<string> | null = null;
  let subscribers: Record<string, OnEvent> = {};

  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const r = await fetch(`${endpoint}realtime/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await r.json().catch(() => ({}))) as { ok?: unknown; error?: unknown } & T;
    if (!r.ok || answer.ok !== true) throw new Error(typeof answer.error === 'string' ? answer.error : `Realtime: HTTP ${r.status}`);
    return answer;
  };

  const open = (): Promise<string> => {
    if (stream) return stream;
    stream = new Promise<string>((resolve, reject) => {
      const source = new EventSource(`${endpoint}realtime/events`);
      let id: string | null = null;
      source.addEventListener('ready', (e) => {
        id = (JSON.parse((e as MessageEvent<string>).data) as { stream: string }).stream;
        resolve(id);
      });
      source.addEventListener('event', (e) => {
        const m = JSON.parse((e as MessageEvent<string>).data) as { subscription: string; payload: string };
        const callback = subscribers[m.subscription];
        try {
          callback?.(m.payload);
        } catch (err) {
          console.error(err);
        }
      });
      source.addEventListener('error', () => {
        source.close();
        stream = null;
        if (id === null) return reject(new Error('Realtime: the event stream could not be opened'));
        const lost = subscribers;
        subscribers = {};
        for (const callback of Object.values(lost)) {
          try {
            callback('', new Error('Realtime: the connection was lost'));
          } catch (err) {
            console.error(err);
          }
        }
      });
    });
    return stream;
  };

  return {
    async subscribeRealtimeChannel(call) {
      if (!call || typeof call.channelName !== 'string' || typeof call.onEvent !== 'function') throw new Error('subscribeRealtimeChannel: channelName and onEvent are required');
      const id = await open();
      const { subscription } = await post<{ subscription: string }>('subscribe', { stream: id, channelName: call.channelName, options: call.options ?? {}, isGlobal: call.isGlobal === true });
      subscribers[subscription] = call.onEvent;
      return {
        unsubscribe: async () => {
          delete subscribers[subscription];
          await post('unsubscribe', { stream: id, subscription }).catch(() => undefined);
        },
      };
    },
    async publishRealtimeChannel(call) {
      if (!call || typeof call.channelName !== 'string') throw new Error('publishRealtimeChannel: channelName is required');
      const { result } = await post<{ result: Awaited<ReturnType<BridgeCommands['publishRealtimeChannel']>> }>('publish', { channelName: call.channelName, eventPayload: call.eventPayload, options: call.options ?? {}, isGlobal: call.isGlobal === true });
      return result;
    },
  };
}

/**
 * The frame's half of the Realtime emulation (dev/runtime/realtime.ts), appended to the bridge script:
 * the two commands @forge/bridge's `realtime` sends — `subscribeRealtimeChannel` `{ channelName,
 * onEvent, options, isGlobal? }` (answers a Subscription: `{ unsubscribe(): Promise<void> }`) and
 * `publishRealtimeChannel` `{ channelName, eventPayload, options, isGlobal? }` (answers a PublishResult) —
 * over the host's endpoints and one server-sent event stream per frame, opened at the first subscribe.
 * A refused subscribe rejects, as a failed bridge call does. When the stream is lost, each subscriber's
 * callback gets `(payload, error)` with an Error and its subscription ends.
 */
export const REALTIME_BRIDGE = String.raw`
var realtimeStream = null;
var realtimeSubscribers = {};
function realtimePost(path, body) {
  return fetch(CONFIG.endpoint + 'realtime/' + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(function (r) { return r.json().catch(function () { return {}; }).then(function (a) {
      if (!r.ok || !a || a.ok !== true) throw new Error((a && a.error) || ('Realtime: HTTP ' + r.status));
      return a;
    }); });
}
function realtimeOpen() {
  if (realtimeStream) return realtimeStream;
  realtimeStream = new Promise(function (resolve, reject) {
    var source = new EventSource(CONFIG.endpoint + 'realtime/events');
    var id = null;
    source.addEventListener('ready', function (e) { id = JSON.parse(e.data).stream; resolve(id); });
    source.addEventListener('event', function (e) {
      var m = JSON.parse(e.data);
      var cb = realtimeSubscribers[m.subscription];
      if (cb) { try { cb(m.payload); } catch (err) { console.error(err); } }
    });
    source.addEventListener('error', function () {
      source.close();
      realtimeStream = null;
      if (id === null) { reject(new Error('Realtime: the event stream could not be opened')); return; }
      var lost = realtimeSubscribers;
      realtimeSubscribers = {};
      Object.keys(lost).forEach(function (k) { try { lost[k]('', new Error('Realtime: the connection was lost')); } catch (err) { console.error(err); } });
    });
  });
  return realtimeStream;
}
handlers.subscribeRealtimeChannel = function (payload) {
  if (!payload || typeof payload.channelName !== 'string' || typeof payload.onEvent !== 'function') throw new Error('subscribeRealtimeChannel: channelName and onEvent are required');
  return realtimeOpen().then(function (stream) {
    return realtimePost('subscribe', { stream: stream, channelName: payload.channelName, options: payload.options || {}, isGlobal: payload.isGlobal === true }).then(function (a) {
      realtimeSubscribers[a.subscription] = payload.onEvent;
      return { unsubscribe: function () {
        delete realtimeSubscribers[a.subscription];
        return realtimePost('unsubscribe', { stream: stream, subscription: a.subscription }).then(function () {}, function () {});
      } };
    });
  });
};
handlers.publishRealtimeChannel = function (payload) {
  if (!payload || typeof payload.channelName !== 'string') throw new Error('publishRealtimeChannel: channelName is required');
  return realtimePost('publish', { channelName: payload.channelName, eventPayload: payload.eventPayload, options: payload.options || {}, isGlobal: payload.isGlobal === true }).then(function (a) { return a.result; });
};
`;

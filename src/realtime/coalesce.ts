/**
 * Bursts of announcements in one function instance, coalesced per key: while one announcement is on
 * its way, every later one waits and shares a single next one — which starts after all of them asked,
 * so it is never earlier than the change it announces. N concurrent writes of one issue make at most
 * two publishes here, never zero for the last.
 */
export function coalescer<K>(send: (key: K) => Promise<void>): (key: K) => Promise<void> {
  const running = new Map<K, Promise<void>>();
  const queued = new Map<K, Promise<void>>();
  const start = (key: K): Promise<void> => {
    const p = send(key)
      .catch(() => undefined)
      .finally(() => {
        if (running.get(key) === p) running.delete(key);
      });
    running.set(key, p);
    return p;
  };
  return (key) => {
    const current = running.get(key);
    if (!current) return start(key);
    const waiting = queued.get(key);
    if (waiting) return waiting;
    const next = current.then(() => {
      queued.delete(key);
      return start(key);
    });
    queued.set(key, next);
    return next;
  };
}

/** The global page's `view.createHistory()`: a small in-memory history, mirrored into the host page's URL. */
import type { LocalHistory } from './contract';

type Location = LocalHistory['location'];
type Path = string | Partial<Location>;

export function createLocalHistory(initialPath: string, mirror: (path: string) => void): LocalHistory {
  let listeners: Array<Parameters<LocalHistory['listen']>[0]> = [];
  let stack: Location[] = [];
  let index = 0;
  const parsePath = (path: Path, state: unknown = null): Location => {
    const text = typeof path === 'string' ? path : (path.pathname || '/') + (path.search || '') + (path.hash || '');
    const u = new URL(text, 'http://local');
    return { pathname: u.pathname, search: u.search, hash: u.hash, state, key: Math.random().toString(36).slice(2, 8) };
  };
  stack.push(parsePath(initialPath || '/'));
  const changed = (action: LocalHistory['action']) => {
    history.action = action;
    history.location = stack[index]!;
    const loc = history.location;
    mirror(loc.pathname + loc.search + loc.hash);
    listeners.slice().forEach((l) => {
      try {
        l(loc, action);
      } catch (e) {
        console.error(e);
      }
    });
  };
  const history: LocalHistory = {
    action: 'POP',
    location: stack[0]!,
    get length() {
      return stack.length;
    },
    push(path, state) {
      stack = stack.slice(0, index + 1);
      stack.push(parsePath(path, state === undefined ? null : state));
      index++;
      changed('PUSH');
    },
    replace(path, state) {
      stack[index] = parsePath(path, state === undefined ? null : state);
      changed('REPLACE');
    },
    go(delta) {
      const next = Math.max(0, Math.min(stack.length - 1, index + delta));
      if (next === index) return;
      index = next;
      changed('POP');
    },
    back: () => history.go(-1),
    forward: () => history.go(1),
    listen(listener) {
      listeners.push(listener);
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    block: () => () => undefined,
    createHref: (path) => (typeof path === 'string' ? path : (path.pathname || '') + (path.search || '') + (path.hash || '')),
  };
  return history;
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from './testing-library';
import type { Result } from '../../src/shared/definitions';
import { useLoad, type LoadOptions } from '../../static/src/load';

afterEach(cleanup);

const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const failed: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: 'TestKase could not be reached.' } };

/** A fetch whose answers the test hands out one by one, in any order. */
function controlledFetch<T>() {
  const pending: ((r: Result<T>) => void)[] = [];
  const fetch = vi.fn(() => new Promise<Result<T>>((resolve) => pending.push(resolve)));
  const answer = async (index: number, r: Result<T>) => {
    await act(async () => {
      pending[index]!(r);
    });
  };
  return { fetch, answer };
}

function mount<T>(fetch: () => Promise<Result<T>>, options?: LoadOptions<T>, deps: unknown[] = []) {
  const hook = renderHook((d: unknown[] = deps) => useLoad(fetch, d, options), { initialProps: deps });
  return { loader: () => hook.result.current, rerender: hook.rerender };
}

describe('useLoad', () => {
  it('loads on mount, then shows the answer', async () => {
    const { fetch, answer } = controlledFetch<string>();
    const { loader } = mount(fetch);
    expect(loader().state).toEqual({ status: 'loading' });
    await answer(0, ok('cycles'));
    expect(loader().state).toEqual({ status: 'ready', data: 'cycles' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('takes the first answer from firstFetch and later ones from fetch', async () => {
    const { fetch, answer } = controlledFetch<string>();
    const first = vi.fn(async () => ok('prefetched'));
    const { loader } = mount(fetch, { firstFetch: first });
    await act(async () => undefined);
    expect(loader().state).toEqual({ status: 'ready', data: 'prefetched' });
    expect(fetch).not.toHaveBeenCalled();
    await act(async () => void loader().reload());
    await answer(0, ok('fresh'));
    expect(loader().state).toEqual({ status: 'ready', data: 'fresh' });
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('shows an initial result at once without fetching; a null one fetches', async () => {
    const { fetch } = controlledFetch<string>();
    expect(mount(fetch, { initial: ok('from getState') }).loader().state).toEqual({ status: 'ready', data: 'from getState' });
    expect(mount(fetch, { initial: failed }).loader().state).toEqual({ status: 'error', error: failed.error });
    await act(async () => undefined);
    expect(fetch).not.toHaveBeenCalled();
    mount(fetch, { initial: null });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reload shows the skeleton again, then the answer', async () => {
    const { fetch, answer } = controlledFetch<string>();
    const { loader } = mount(fetch);
    await answer(0, failed);
    expect(loader().state.status).toBe('error');
    await act(async () => void loader().reload());
    expect(loader().state).toEqual({ status: 'loading' });
    await answer(1, ok('back'));
    expect(loader().state).toEqual({ status: 'ready', data: 'back' });
  });

  it('refresh keeps the shown data while it runs and when it fails, unless told to show the error', async () => {
    const { fetch, answer } = controlledFetch<string>();
    const { loader } = mount(fetch);
    await answer(0, ok('v1'));
    await act(async () => void loader().refresh());
    expect(loader().state).toEqual({ status: 'ready', data: 'v1' });
    await answer(1, failed);
    expect(loader().state).toEqual({ status: 'ready', data: 'v1' });
    await act(async () => void loader().refresh());
    await answer(2, ok('v2'));
    expect(loader().state).toEqual({ status: 'ready', data: 'v2' });
    await act(async () => void loader().refresh({ onError: 'show' }));
    await answer(3, failed);
    expect(loader().state).toEqual({ status: 'error', error: failed.error });
  });

  it('shows only the newest answer: an older one arriving late is dropped', async () => {
    const { fetch, answer } = controlledFetch<string>();
    const { loader } = mount(fetch);
    await answer(0, ok('v1'));
    await act(async () => void loader().refresh());
    await act(async () => void loader().reload());
    await answer(2, ok('newest'));
    await answer(1, ok('stale'));
    expect(loader().state).toEqual({ status: 'ready', data: 'newest' });
  });

  it('fetches again with a skeleton when deps change, dropping the old answer', async () => {
    const { fetch, answer } = controlledFetch<string>();
    const { loader, rerender } = mount(fetch, undefined, ['TCYCLE-1']);
    await answer(0, ok('cycle 1'));
    await act(async () => rerender(['TCYCLE-2']));
    expect(loader().state).toEqual({ status: 'loading' });
    await act(async () => rerender(['TCYCLE-3']));
    await answer(1, ok('cycle 2'));
    expect(loader().state).toEqual({ status: 'loading' });
    await answer(2, ok('cycle 3'));
    expect(loader().state).toEqual({ status: 'ready', data: 'cycle 3' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('update changes shown data without a fetch, and nothing else', async () => {
    const { fetch, answer } = controlledFetch<string[]>();
    const { loader } = mount(fetch);
    await act(async () => loader().update((list) => [...list, 'ignored']));
    expect(loader().state).toEqual({ status: 'loading' });
    await answer(0, ok(['Master']));
    await act(async () => loader().update((list) => ['Regression', ...list]));
    expect(loader().state).toEqual({ status: 'ready', data: ['Regression', 'Master'] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

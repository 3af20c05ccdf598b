/**
 * How a UI calls the backend, for the Custom UI and the UI Kit glance alike: every call settles to the
 * app's Result envelope — never throws, never hangs, never hands raw JSON on. The UIs pass their own
 * `invoke` (from @forge/bridge), so this module imports nothing at run time but the words.
 */
import type { AppError, Result } from './definitions';
import { words } from './words/base';

/** Longer than the backend's own TestKase time budget, so its sentence usually wins. */
export const CALL_TIMEOUT_MS = 30_000;

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; data?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** `invoke` answers `{ body, metadata }` when metadata is passed: unwrap it defensively. */
export function unwrap(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !('ok' in value) && 'body' in value) {
    return (value).body;
  }
  return value;
}

export interface SettleOptions {
  timeoutMs?: number;
  /** A read-only caller (the glance) says only that the app did not answer; the panel says a write may be pending. */
  readOnly?: boolean;
  /** A stricter check of a success's data than "it has some". */
  isAnswer?: (data: unknown) => boolean;
}

export async function settle<T>(call: () => Promise<unknown>, { timeoutMs = CALL_TIMEOUT_MS, readOnly = false, isAnswer }: SettleOptions = {}): Promise<Result<T>> {
  const unreachable: AppError = { code: 'UNAVAILABLE', message: words.call.unreachable };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const raw: unknown = await Promise.race([call(), timeout]);
    if (raw === 'timeout') return { ok: false, error: readOnly ? unreachable : { code: 'UNAVAILABLE', message: words.call.timedOut({ seconds: Math.round(timeoutMs / 1000) }) } };
    const value = unwrap(raw);
    if (isResult(value) && (!value.ok || !isAnswer || isAnswer(value.data))) return value as Result<T>;
    return { ok: false, error: { code: 'INTERNAL', message: words.call.garbled } };
  } catch {
    return { ok: false, error: unreachable };
  } finally {
    clearTimeout(timer);
  }
}

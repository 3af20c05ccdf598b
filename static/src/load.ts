import type { AppError, Result } from '../../src/shared/definitions';

/** A list or screen that is fetched: loading, failed (with the backend's sentence), or there. */
export type Load<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

export const fromResult = <T,>(r: Result<T>): Load<T> => (r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error });

/** The outcome of a write, shown next to the control that made it. */
export type Notice = { tone: 'success' | 'error' | 'info'; text: string } | null;

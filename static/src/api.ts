/**
 * The only way the UI talks to the backend: the typed `makeInvoke<Definitions>()`, wrapped so that
 * every call resolves to a `Result` (never throws, never hangs forever, never leaks raw JSON).
 */
import { makeInvoke } from '@forge/bridge';
import type {
  AddDefectPayload,
  AddToCyclePayload,
  AppState,
  AppError,
  AuditLogPayload,
  CheckAllPayload,
  CreateCyclePayload,
  CreateTestCasePayload,
  CycleRef,
  Definitions,
  ErrorCode,
  ExecuteManyPayload,
  ExecutePayload,
  HistoryPayload,
  ListCyclesPayload,
  ListConnectionsPayload,
  RemoveConnectionPayload,
  Result,
  SavePatPayload,
  SearchPayload,
  TestCaseRef,
} from '../../src/shared/definitions';
import { announceTestsChanged } from './app-events';

/** Exported for modules that keep their calls in their own chunk (coverage/api.ts). */
export const invoke = makeInvoke<Definitions>();

/** Longer than the backend's own TestKase timeouts, so its message usually wins. */
export const CALL_TIMEOUT_MS = 30_000;

const unreachable: AppError = {
  code: 'UNAVAILABLE',
  message: 'The TestKase app did not answer. Check your connection and try again.',
};
/** The UI's own clock ran out: the backend may still finish a write, so say so. */
const timedOut: AppError = {
  code: 'UNAVAILABLE',
  message: 'The TestKase app did not answer within 30 seconds. If you were saving something, use Refresh to check whether it was saved before trying again.',
};
const garbled: AppError = {
  code: 'INTERNAL',
  message: 'The TestKase app sent an answer it could not read. Try again; if it keeps happening, contact your Jira admin.',
};

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

/**
 * Errors that mean the connection itself is gone (token revoked or deleted, project unmapped): the
 * screen that got one is stale as a whole, so whoever shows the connection state re-checks it.
 */
const CONNECTION_LOST: ReadonlySet<ErrorCode> = new Set(['TOKEN_REJECTED', 'NO_TOKEN', 'NOT_MAPPED']);
type Listener = (error: AppError) => void;
const connectionListeners = new Set<Listener>();

/** Called with the error whenever any call answers that the connection is gone; returns the unsubscribe. */
export function onConnectionLost(listener: Listener): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

export async function run<T>(call: () => Promise<Result<T>>, timeoutMs = CALL_TIMEOUT_MS): Promise<Result<T>> {
  const r = await settle(call, timeoutMs);
  if (!r.ok && CONNECTION_LOST.has(r.error.code)) for (const l of [...connectionListeners]) l(r.error);
  return r;
}

async function settle<T>(call: () => Promise<Result<T>>, timeoutMs: number): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const raw: unknown = await Promise.race([call(), timeout]);
    if (raw === 'timeout') return { ok: false, error: timedOut };
    const value = unwrap(raw);
    return isResult(value) ? (value as Result<T>) : { ok: false, error: garbled };
  } catch {
    return { ok: false, error: unreachable };
  } finally {
    clearTimeout(timer);
  }
}

/** A write the issue's summary counts (issue context module): on success, tell it to fetch again. */
async function announced<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  const r = await call;
  if (r.ok) announceTestsChanged();
  return r;
}

export const api = {
  getState: () => run(() => invoke('getState')),
  savePat: (p: SavePatPayload) => run(() => invoke('savePat', p)),
  deletePat: () => run(() => invoke('deletePat')),
  checkIdentity: () => run(() => invoke('checkIdentity')),
  listLinkedTests: () => run(() => invoke('listLinkedTests')),
  searchTestCases: (p: SearchPayload) => run(() => invoke('searchTestCases', p)),
  linkTestCase: (p: TestCaseRef) => announced(run(() => invoke('linkTestCase', p))),
  unlinkTestCase: (p: TestCaseRef) => announced(run(() => invoke('unlinkTestCase', p))),
  createTestCase: (p: CreateTestCasePayload) => announced(run(() => invoke('createTestCase', p))),
  getTestCase: (p: TestCaseRef) => run(() => invoke('getTestCase', p)),
  listTestCaseHistory: (p: HistoryPayload) => run(() => invoke('listTestCaseHistory', p)),
  listCycles: (p: ListCyclesPayload = {}) => run(() => invoke('listCycles', p)),
  createCycle: (p: CreateCyclePayload) => run(() => invoke('createCycle', p)),
  addToCycle: (p: AddToCyclePayload) => announced(run(() => invoke('addToCycle', p))),
  listCycleExecutions: (p: CycleRef) => run(() => invoke('listCycleExecutions', p)),
  executeTest: (p: ExecutePayload) => announced(run(() => invoke('executeTest', p))),
  executeMany: (p: ExecuteManyPayload) => announced(run(() => invoke('executeMany', p))),
  addDefect: (p: AddDefectPayload) => run(() => invoke('addDefect', p)),
  getBugIssueType: () => run(() => invoke('getBugIssueType')),
  // The Jira admin page.
  adminListConnections: (p: ListConnectionsPayload) => run(() => invoke('adminListConnections', p)),
  adminRemoveConnection: (p: RemoveConnectionPayload) => run(() => invoke('adminRemoveConnection', p)),
  adminCheckAll: (p: CheckAllPayload) => run(() => invoke('adminCheckAll', p)),
  adminAuditLog: (p: AuditLogPayload) => run(() => invoke('adminAuditLog', p)),
};


// The first screen's data is the critical path of a panel render: main.tsx asks for it before the
// context and the module's code have arrived, and the module picks the answer up when it mounts.
let early: Promise<Result<AppState>> | null = null;

export function prefetchInitialState(): void {
  early ??= api.getState();
}

/** The prefetched first `getState` (handed out once), or a fresh one. */
export function initialState(): Promise<Result<AppState>> {
  const pending = early;
  early = null;
  return pending ?? api.getState();
}

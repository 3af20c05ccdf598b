/**
 * The only way the UI talks to the backend: the typed `makeInvoke<Definitions>()`, wrapped so that
 * every call resolves to a `Result` (never throws, never hangs forever, never leaks raw JSON).
 */
import { makeInvoke } from '@forge/bridge';
import type {
  AddToCyclePayload,
  AppState,
  AppError,
  AuditLogPayload,
  CheckAllPayload,
  CreateCyclePayload,
  CreateTestCasePayload,
  CycleRef,
  Definitions,
  ExecutePayload,
  ListConnectionsPayload,
  RemoveConnectionPayload,
  Result,
  SavePatPayload,
  SearchPayload,
  TestCaseRef,
} from '../../src/shared/definitions';

const invoke = makeInvoke<Definitions>();

/** Longer than the backend's own TestKase timeouts, so its message usually wins. */
export const CALL_TIMEOUT_MS = 30_000;

const unreachable: AppError = {
  code: 'UNAVAILABLE',
  message: 'The TestKase app did not answer. Check your connection and try again.',
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

async function run<T>(call: () => Promise<Result<T>>, timeoutMs = CALL_TIMEOUT_MS): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const raw: unknown = await Promise.race([call(), timeout]);
    if (raw === 'timeout') return { ok: false, error: unreachable };
    const value = unwrap(raw);
    return isResult(value) ? (value as Result<T>) : { ok: false, error: garbled };
  } catch {
    return { ok: false, error: unreachable };
  } finally {
    clearTimeout(timer);
  }
}

export const api = {
  getState: () => run(() => invoke('getState')),
  savePat: (p: SavePatPayload) => run(() => invoke('savePat', p)),
  deletePat: () => run(() => invoke('deletePat')),
  listLinkedTests: () => run(() => invoke('listLinkedTests')),
  searchTestCases: (p: SearchPayload) => run(() => invoke('searchTestCases', p)),
  linkTestCase: (p: TestCaseRef) => run(() => invoke('linkTestCase', p)),
  unlinkTestCase: (p: TestCaseRef) => run(() => invoke('unlinkTestCase', p)),
  createTestCase: (p: CreateTestCasePayload) => run(() => invoke('createTestCase', p)),
  listCycles: () => run(() => invoke('listCycles')),
  createCycle: (p: CreateCyclePayload) => run(() => invoke('createCycle', p)),
  addToCycle: (p: AddToCyclePayload) => run(() => invoke('addToCycle', p)),
  listCycleExecutions: (p: CycleRef) => run(() => invoke('listCycleExecutions', p)),
  executeTest: (p: ExecutePayload) => run(() => invoke('executeTest', p)),
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

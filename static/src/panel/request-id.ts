/**
 * The id of one request of the person's (a Save, a Record) across its retries: the same inputs sent
 * again reuse it, so TestKase recognises each result's idempotency key (A31) and a retry after a lost
 * answer never records twice; different inputs are a new request.
 */
import { useRef } from 'react';

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface RequestKey {
  id: string;
  fingerprint: string;
}

/** `idFor(fingerprint)`: the id for these inputs (the last one when unchanged). `kept` starts from a draft's. */
export function useRequestId(kept?: RequestKey | null) {
  const last = useRef<RequestKey | null>(kept ?? null);
  return {
    idFor(fingerprint: string): string {
      if (last.current?.fingerprint !== fingerprint) last.current = { id: newId(), fingerprint };
      return last.current.id;
    },
    current: () => last.current,
  };
}

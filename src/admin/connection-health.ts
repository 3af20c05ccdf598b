/**
 * How a stored token is doing, as the Jira admin page shows and filters it. Pure; the warning period
 * is shared with the UIs (shared/facts.ts).
 */
import type { ConnectionHealth } from '../shared/definitions';
import { EXPIRY_WARNING_DAYS } from '../shared/facts';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Facts {
  expiresAt: string | null;
  lastCheckResult: 'OK' | 'REJECTED' | null;
}

/**
 * EXPIRED once its expiry has passed, whatever TestKase last said; otherwise how TestKase last
 * answered about it (REJECTED: refused, 401); NOT_CHECKED when there is no answer on record.
 */
export function healthOf({ expiresAt, lastCheckResult }: Facts, now: number): { health: ConnectionHealth; expiringSoon: boolean } {
  const expires = expiresAt ? Date.parse(expiresAt) : Number.NaN;
  if (expires <= now) return { health: 'EXPIRED', expiringSoon: false };
  const expiringSoon = expires - now <= EXPIRY_WARNING_DAYS * DAY_MS;
  if (lastCheckResult === 'REJECTED') return { health: 'REJECTED', expiringSoon };
  if (lastCheckResult === 'OK') return { health: 'WORKING', expiringSoon };
  return { health: 'NOT_CHECKED', expiringSoon };
}

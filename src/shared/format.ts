/**
 * Dates and numbers for people, shared by the Custom UI and the UI Kit glance: dates in the user's
 * Jira timezone (never the browser's), in their locale. Zod-free and import-free at run time.
 */
import { words } from './words/base';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Nov 23, 2026, 14:05" in `timeZone`; falls back to UTC when the zone is unknown to the browser. */
export function formatDateTime(iso: string, timeZone: string, locale = 'en-US'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** "Nov 23, 2026" in `timeZone` (UTC when the zone is unknown to the browser): for dense tables. */
export function formatDate(iso: string, timeZone: string, locale = 'en-US'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
}

/** The zone's long name at that instant (e.g. "Central European Standard Time"), for a hover title. */
export function zoneLabel(iso: string, timeZone: string, locale = 'en-US'): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(new Date(iso));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value;
    return name && name !== timeZone ? words.common.zoneName({ name, zone: timeZone }) : timeZone;
  } catch {
    return timeZone;
  }
}

/** Whole days from `now` until `iso` (rounded up, so "expires tomorrow" is 1); negative once past. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return Math.ceil((new Date(iso).getTime() - now.getTime()) / DAY_MS);
}

/** "2,000": a count in the user's locale. */
export function formatNumber(n: number, locale = 'en-US'): string {
  return n.toLocaleString(locale);
}

/**
 * When a kept copy is from, for "As of …", in the user's Jira timezone. Its own module (as place.ts is),
 * so the first screen that shows a kept copy does not load the rest of the date formatting (format.ts).
 * Zod-free and import-free at run time.
 */
/** The time alone on the same day in `timeZone`, else the date and the time (a copy is at most a day old). */
export function formatAsOf(iso: string, timeZone: string, locale = 'en-US', now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = (d: Date, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(d);
  let zone = timeZone;
  try {
    day(date, zone);
  } catch {
    zone = 'UTC';
  }
  const sameDay = day(date, zone) === day(now, zone);
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short', timeZone: zone } : { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
}

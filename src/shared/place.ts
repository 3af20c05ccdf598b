/**
 * Where a user reads dates, from the Forge context both UIs get (view.getContext): their Jira timezone
 * and locale, UTC and en-US when Jira did not say. Its own module, so a first screen that shows no
 * date does not load the date formatting (format.ts) to learn it.
 */
export function placeOf(context: unknown): { timeZone: string; locale: string } {
  const c = (context ?? {}) as { timezone?: unknown; locale?: unknown };
  const timeZone = typeof c.timezone === 'string' && c.timezone ? c.timezone : 'UTC';
  const locale = typeof c.locale === 'string' && c.locale ? c.locale.replace('_', '-') : 'en-US';
  return { timeZone, locale };
}

import { formatDate, formatDateTime, zoneLabel } from '../format';

/** A date in the user's Jira timezone; the zone (and with `dateOnly`, the time) is shown on hover. */
export function DateTime({ iso, timeZone, locale, dateOnly = false }: { iso: string; timeZone: string; locale?: string; dateOnly?: boolean }) {
  const zone = zoneLabel(iso, timeZone, locale);
  return (
    <time dateTime={iso} title={dateOnly ? `${formatDateTime(iso, timeZone, locale)}, ${zone}` : zone}>
      {dateOnly ? formatDate(iso, timeZone, locale) : formatDateTime(iso, timeZone, locale)}
    </time>
  );
}

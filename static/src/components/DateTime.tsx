import { formatDateTime, zoneLabel } from '../format';

/** A date in the user's Jira timezone; the zone is named on hover. */
export function DateTime({ iso, timeZone, locale }: { iso: string; timeZone: string; locale?: string }) {
  return (
    <time dateTime={iso} title={zoneLabel(iso, timeZone, locale)}>
      {formatDateTime(iso, timeZone, locale)}
    </time>
  );
}

import { formatDateTime, zoneLabel } from '../format';

/** A date in the user's Jira timezone; the zone is named on hover and, once per list, by `<ZoneNote>`. */
export function DateTime({ iso, timeZone, locale }: { iso: string; timeZone: string; locale?: string }) {
  return (
    <time dateTime={iso} title={zoneLabel(iso, timeZone, locale)}>
      {formatDateTime(iso, timeZone, locale)}
    </time>
  );
}

/** "Times are in Central European Standard Time (Europe/Paris)": said once above a list of dates. */
export function ZoneNote({ timeZone, locale }: { timeZone: string; locale?: string }) {
  return <p className="zone-note">Times are in {zoneLabel(new Date().toISOString(), timeZone, locale)}.</p>;
}

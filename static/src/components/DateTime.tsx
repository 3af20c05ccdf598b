import { formatDate, formatDateTime, zoneLabel } from '../../../src/shared/format';
import { words } from '../../../src/shared/words/base';

/** A date in the user's Jira timezone; the zone (and with `dateOnly`, the time) is shown on hover, and once per list by `<ZoneNote>`. */
export function DateTime({ iso, timeZone, locale, dateOnly = false }: { iso: string; timeZone: string; locale?: string; dateOnly?: boolean }) {
  const zone = zoneLabel(iso, timeZone, locale);
  return (
    <time dateTime={iso} title={dateOnly ? words.common.dateHover({ dateTime: formatDateTime(iso, timeZone, locale), zone }) : zone}>
      {dateOnly ? formatDate(iso, timeZone, locale) : formatDateTime(iso, timeZone, locale)}
    </time>
  );
}

/** "Times are in Central European Standard Time (Europe/Paris)": said once above a list of dates. */
export function ZoneNote({ timeZone, locale }: { timeZone: string; locale?: string }) {
  return <p className="zone-note">{words.common.zoneNote({ zone: zoneLabel(new Date().toISOString(), timeZone, locale) })}</p>;
}

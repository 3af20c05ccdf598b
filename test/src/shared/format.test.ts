import { describe, expect, it } from 'vitest';
import { daysUntil, formatDateTime as rawFormat, zoneLabel } from '../../../src/shared/format';
import { placeOf } from '../../../src/shared/place';
import { TEST_CASE_STATUSES, TEST_CASE_TYPES } from '../../../src/shared/facts';
import { words } from '../../../src/shared/words/test-case';

// ICU versions differ in the space before AM/PM (U+202F or U+0020): compare with plain spaces.
const formatDateTime = (...args: Parameters<typeof rawFormat>) => rawFormat(...args).replace(/\s/g, ' ');

describe('formatDateTime', () => {
  const iso = '2026-11-23T23:30:00Z';

  it('formats in the given timezone, not the machine’s', () => {
    expect(formatDateTime(iso, 'UTC')).toBe('Nov 23, 2026, 11:30 PM');
    // Same instant, next day in Tokyo (UTC+9) and earlier in New York (UTC-5 in November).
    expect(formatDateTime(iso, 'Asia/Tokyo')).toBe('Nov 24, 2026, 8:30 AM');
    expect(formatDateTime(iso, 'America/New_York')).toBe('Nov 23, 2026, 6:30 PM');
  });

  it('uses the locale', () => {
    expect(formatDateTime(iso, 'Europe/Berlin', 'de-DE')).toBe('24.11.2026, 00:30');
  });

  it('falls back to UTC for an unknown zone and returns unparseable input unchanged', () => {
    expect(formatDateTime(iso, 'Mars/Olympus')).toBe('Nov 23, 2026, 11:30 PM');
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date');
  });
});

describe('zoneLabel', () => {
  it('names the zone for the hover title', () => {
    expect(zoneLabel('2026-11-23T12:00:00Z', 'Europe/Berlin')).toBe('Central European Standard Time (Europe/Berlin)');
    expect(zoneLabel('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('Central European Summer Time (Europe/Berlin)');
    expect(zoneLabel('2026-11-23T12:00:00Z', 'Mars/Olympus')).toBe('Mars/Olympus');
  });
});

describe('daysUntil', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('counts whole days, rounding up, negative once past', () => {
    expect(daysUntil('2026-12-07T12:00:00Z', now)).toBe(14);
    expect(daysUntil('2026-11-24T00:00:00Z', now)).toBe(1);
    expect(daysUntil('2026-11-23T12:00:00Z', now)).toBe(0);
    expect(daysUntil('2026-11-20T12:00:00Z', now)).toBe(-3);
  });
});

describe('placeOf', () => {
  it('takes the Jira timezone and locale from the Forge context, UTC and en-US when Jira did not say', () => {
    expect(placeOf({ timezone: 'Europe/Paris', locale: 'fr_FR' })).toEqual({ timeZone: 'Europe/Paris', locale: 'fr-FR' });
    expect(placeOf({ timezone: '', locale: 42 })).toEqual({ timeZone: 'UTC', locale: 'en-US' });
    expect(placeOf(null)).toEqual({ timeZone: 'UTC', locale: 'en-US' });
  });
});

describe('labels', () => {
  it('name every test case type and status the contract knows', () => {
    expect(Object.keys(words.caseType)).toEqual([...TEST_CASE_TYPES]);
    expect(Object.keys(words.caseStatus)).toEqual([...TEST_CASE_STATUSES]);
  });
});

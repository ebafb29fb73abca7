/**
 * Dates in HubSpot UI exports (source-formats.md §3.6): "local-time strings without offset". HubSpot stores
 * datetimes in UTC and shows them in the exporting user's time zone, so a zone-less "2024-03-05 14:12" is
 * wall-clock time in that zone (the import's `timezone`). Date-only values are read as midnight UTC: HubSpot
 * stores date properties at midnight UTC and shows them as that calendar day whatever the viewer's zone
 * (HubSpot FAQ "How should timestamps be formatted for HubSpot's APIs?").
 *
 * The vendor page with the exact export format could not be retrieved, so this reads the ISO-ordered forms
 * (with or without seconds, with or without a zone) and refuses slashed dates: "03/05/2024" is March 5th in
 * one locale and May 3rd in another, and a silent guess would move a funnel stage by two months.
 */
import { dateFromIso } from '../sdk/values';
import { instantOfWallTime, isKnownTimeZone, type WallTime } from '../sdk/zoned-time';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** A parsed date, or what is wrong with the text ("is not …") and, when it helps, what to do about it. */
export type ExportDate = { date: Date } | { problem: string; hint?: string };

/** Reads one export cell. `timezone` is an IANA zone already checked with assertTimeZone(). */
export function parseExportDate(text: string, timezone: string): ExportDate {
  const value = text.trim();
  if (DATE_ONLY.test(value) || WITH_ZONE.test(value)) {
    const date = dateFromIso(value);
    return date && sameCalendarDay(value, date) ? { date } : { problem: 'is not a calendar date' };
  }
  const match = LOCAL_DATE_TIME.exec(value);
  if (match) {
    const [year, month, day, hour, minute, second = '0', fraction = '0'] = match.slice(1);
    const wall = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
      millisecond: Number(fraction.padEnd(3, '0')),
    };
    if (!isValidWallTime(wall)) return { problem: 'is not a calendar date and time' };
    return { date: instantOfWallTime(wall, timezone) };
  }
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(value)) {
    return { problem: 'has an ambiguous day/month order', hint: 'convert the column to YYYY-MM-DD HH:mm' };
  }
  return { problem: 'is not a date', hint: 'expected YYYY-MM-DD HH:mm, YYYY-MM-DD HH:mm:ss or YYYY-MM-DD' };
}

/** Throws a RangeError naming the zone when Intl does not know it. */
export function assertTimeZone(timezone: string): void {
  if (!isKnownTimeZone(timezone)) throw new RangeError(`Invalid time zone specified: ${timezone}`);
}

function isValidWallTime(wall: WallTime): boolean {
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return false;
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  return probe.getUTCFullYear() === wall.year && probe.getUTCMonth() === wall.month - 1 && probe.getUTCDate() === wall.day;
}

/** dateFromIso lets "2024-02-30" roll over into March; a date that does not exist is a typo, not a date. */
function sameCalendarDay(text: string, date: Date): boolean {
  if (WITH_ZONE.test(text) && text.length > 10) return true;
  return date.toISOString().slice(0, 10) === text.slice(0, 10);
}

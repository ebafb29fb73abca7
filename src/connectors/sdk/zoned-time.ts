/**
 * Wall-clock time in an IANA zone → instant, with Intl only (Node ships full ICU; no time-zone dependency).
 * Chat exports and CRM CSV exports carry local times without a zone, so the import's zone is applied here.
 */
/** A clock reading without a zone: what a chat export or a CSV shows. Month is 1-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the zone, or undefined when the zone is not an IANA name Intl knows. */
function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return undefined;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(zone: string): boolean {
  return formatterFor(zone) !== undefined;
}

/**
 * Offsets by zone and quarter hour. Since 1970 every zone changes its offset on a quarter-hour boundary, so one
 * lookup serves the whole quarter; chats cluster in time, and formatToParts is most of the parse time otherwise.
 */
const offsetCache = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 15 * 60 * 1000;
const CACHED_QUARTERS = 50_000;

/** The zone's offset from UTC, in milliseconds, at an instant. */
function offsetAt(zone: string, formatter: Intl.DateTimeFormat, instant: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const cached = cache.get(quarter);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(quarter * QUARTER_HOUR)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - quarter * QUARTER_HOUR;
  if (cache.size >= CACHED_QUARTERS) cache.clear();
  cache.set(quarter, offset);
  return offset;
}

/**
 * The instant a wall time names in a zone. Around a daylight-saving change a wall time can name two instants
 * (autumn: the earlier is taken) or none (spring: it is read with the offset in force before the change, so
 * 02:30 in a skipped hour becomes 03:30 summer time).
 */
export function instantOfWallTime(time: WallTime, zone: string): Date {
  const formatter = formatterFor(zone);
  if (!formatter) throw new Error(`unknown time zone "${zone}"`);
  const asIfUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second, time.millisecond ?? 0);
  const day = 24 * 60 * 60 * 1000;
  const offsetBefore = offsetAt(zone, formatter, asIfUtc - day);
  const offsetAfter = offsetAt(zone, formatter, asIfUtc + day);
  const candidates = [asIfUtc - offsetBefore, asIfUtc - offsetAfter]
    .filter((instant) => instant + offsetAt(zone, formatter, instant) === asIfUtc)
    .sort((x, y) => x - y);
  return new Date(candidates.length > 0 ? candidates[0] : asIfUtc - offsetBefore);
}

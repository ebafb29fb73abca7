/**
 * Dates of a chat export: which of the two short numbers is the day, and the wall-clock time a header names.
 * The order follows the exporting phone's locale and is not written anywhere, so it is decided once per file
 * from the dates themselves (decideDateOrder) and then applied to every line.
 */
import type { ChatLineHeader } from './chat-line';

/** DMY: 31/12/23; MDY: 12/31/23; YMD: 2023-12-31 (a 4-digit first number). */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface DateOrderDecision {
  order: DateOrder;
  /** Why, for the import summary. */
  reason: string;
}

export interface DatedLine {
  line: number;
  dateTokens: [string, string, string];
  dateText: string;
}

/** A local date-time with no zone, as the phone showed it. */
export type { WallTime } from '../../sdk/zoned-time';
import type { WallTime } from '../../sdk/zoned-time';

/**
 * Decides the order from the dates of (the first part of) a file:
 * 1. a 4-digit first number means year-month-day;
 * 2. a first number above 12 can only be a day, a second number above 12 can only be a day: the order with
 *    more such dates wins;
 * 3. otherwise, the one order under which the dates never go backwards (exports are chronological);
 * 4. otherwise day/month, the order of most locales — stated in the reason so the user can check.
 */
export function decideDateOrder(lines: DatedLine[]): DateOrderDecision {
  if (lines.length > 0 && lines[0].dateTokens[0].length === 4) {
    return { order: 'YMD', reason: 'dates are year-month-day (the year is written first)' };
  }
  const dayFirst = lines.filter(({ dateTokens: [a, b] }) => Number(a) > 12 && Number(b) <= 12);
  const monthFirst = lines.filter(({ dateTokens: [a, b] }) => Number(b) > 12 && Number(a) <= 12);
  if (dayFirst.length > monthFirst.length) {
    return { order: 'DMY', reason: `dates are day/month/year: "${dayFirst[0].dateText}" on line ${dayFirst[0].line} has a day above 12` };
  }
  if (monthFirst.length > dayFirst.length) {
    return { order: 'MDY', reason: `dates are month/day/year: "${monthFirst[0].dateText}" on line ${monthFirst[0].line} has a day above 12` };
  }
  const dayFirstInOrder = neverGoesBackwards(lines, 'DMY');
  const monthFirstInOrder = neverGoesBackwards(lines, 'MDY');
  if (dayFirstInOrder !== monthFirstInOrder) {
    const order = dayFirstInOrder ? 'DMY' : 'MDY';
    return { order, reason: `dates are ${order === 'DMY' ? 'day/month' : 'month/day'}/year: only that order keeps the messages in date order` };
  }
  return {
    order: 'DMY',
    reason: 'no date tells whether the day or the month comes first; assumed day/month/year (most locales) — check the imported dates',
  };
}

function neverGoesBackwards(lines: DatedLine[], order: DateOrder): boolean {
  let previous = 0;
  for (const { dateTokens, dateText } of lines) {
    const date = calendarDate(dateTokens, dateText, order);
    if (typeof date === 'string') return false;
    const key = date.year * 10000 + date.month * 100 + date.day;
    if (key < previous) return false;
    previous = key;
  }
  return true;
}

/** The calendar date under an order, or the reason it is impossible. */
export function calendarDate(tokens: [string, string, string], written: string, order: DateOrder): { year: number; month: number; day: number } | string {
  const [a, b, c] = tokens;
  const [yearText, monthText, dayText] = order === 'YMD' ? [a, b, c] : order === 'DMY' ? [c, b, a] : [c, a, b];
  if (yearText.length !== 2 && yearText.length !== 4) return `"${written}": the year "${yearText}" has neither 2 nor 4 digits`;
  if (monthText.length > 2 || dayText.length > 2) return `"${written}" is not a day, month and year`;
  // Two-digit years: WhatsApp exists since 2009, so 20xx.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const orderName = order === 'YMD' ? 'year-month-day' : order === 'DMY' ? 'day/month/year' : 'month/day/year';
  if (month < 1 || month > 12) return `"${written}" has no month ${month} when read as ${orderName}, the order of this file`;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return `"${written}" has no day ${day} when read as ${orderName}, the order of this file`;
  return { year, month, day };
}

/** The wall time a header names under the file's order, or which field is wrong and why. */
export function wallTimeOf(header: ChatLineHeader, order: DateOrder): WallTime | { field: 'date' | 'time'; reason: string } {
  const date = calendarDate(header.dateTokens, header.dateText, order);
  if (typeof date === 'string') return { field: 'date', reason: date };
  const { minute, second, meridiem } = header;
  let hour = header.hour;
  if (meridiem) {
    if (hour < 1 || hour > 12) return { field: 'time', reason: `hour ${hour} is not on a 12-hour clock (the line has AM/PM)` };
    // 12 AM is midnight, 12 PM is noon.
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return { field: 'time', reason: `hour ${hour} is not on a 24-hour clock` };
  }
  if (minute > 59 || second > 59) return { field: 'time', reason: `${header.hour}:${minute}:${second} is not a time of day` };
  return { ...date, hour, minute, second };
}

/** `2023-12-31T21:41:05`: the zone-less wall time, the same whatever the exporting phone's date format. */
export function wallTimeText(time: WallTime): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

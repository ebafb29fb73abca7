/**
 * Time arithmetic and the text forms vendors write values in. Every function takes its instant as an argument:
 * the demo never reads the clock, `now` comes from the caller.
 */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function addMs(date: Date, ms: number): Date {
  return new Date(Math.round(date.getTime() + ms));
}

/** Whole seconds, as every vendor here keeps its timestamps. */
export function toSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function toMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / MINUTE) * MINUTE);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2025-03-05" */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2025-03-05 14:12:09" — Mailchimp export cells (UTC). */
export function wallSeconds(date: Date): string {
  return `${isoDay(date)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** "2025-03-05 14:12" — HubSpot export cells, wall time in the exporting user's zone (UTC here). */
export function wallMinutes(date: Date): string {
  return wallSeconds(date).slice(0, 16);
}

/** "2025-03-05T14:12:09+00:00" — Mailchimp API times. */
export function isoWithOffset(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** "2025-03-05T14:12:09Z" */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** One CSV cell: quoted when `always` or when the text needs it (RFC 4180). */
export function csvCell(value: string | number | undefined, always = false): string {
  const text = value === undefined ? '' : String(value);
  if (!always && !/[",\r\n]/.test(text)) return text;
  return `"${text.replace(/"/g, '""')}"`;
}

/** CSV lines with CRLF ends (RFC 4180), header first. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, quoteAll = false): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, quoteAll)).join(',')).join('\r\n') + '\r\n';
}

/** Lower-case ASCII for addresses and slugs: "Krüger" → "kruger", "São Paulo" → "sao-paulo". */
export function slug(text: string, separator = '-'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

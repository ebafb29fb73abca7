/**
 * Small pure helpers for reading vendor values. Each returns undefined (never a guess) when the value is not
 * what it claims, so the connector can reject the row with a reason naming the field.
 */

/**
 * A Unix time in seconds or milliseconds (SendGrid sends both: some event types and some accounts
 * give milliseconds). Values above 1e11 are taken as milliseconds: 1e11 s is the year 5138.
 */
export function dateFromUnixTime(value: unknown): Date | undefined {
  const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return undefined;
  const millis = number > 1e11 ? number : number * 1000;
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An ISO 8601 date-time (or date) with a zone or 'Z'; zone-less values are taken as UTC. */
export function dateFromIso(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const isoText = text.replace(' ', 'T') + (hasZone || text.length === 10 ? '' : 'Z');
  const date = new Date(isoText);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A decimal number from a number or a string ("1,234.50" is refused: ambiguous across locales). */
export function numberFrom(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function nonEmptyString(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

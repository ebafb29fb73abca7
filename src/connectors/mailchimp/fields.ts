/** Small pure helpers for building records from vendor fields. */

/** A trimmed string, or undefined when empty (Mailchimp writes "" for unset fields). */
export function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Drops undefined fields, so records carry only what the source said. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** String properties without the empty ones; undefined when none is left. */
export function properties(entries: Record<string, string | undefined>): Record<string, string> | undefined {
  const kept = Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

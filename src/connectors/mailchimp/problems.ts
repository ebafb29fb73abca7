/**
 * What a mapping function reports instead of throwing: a field and a reason a user can act on. The file
 * kinds turn problems into Rejections; the API pull can log them. Pure helpers only.
 */
import type { ZodError } from 'zod';
import { dateFromIso } from '../sdk/values';

export interface Problem {
  field?: string;
  reason: string;
  /** The vendor fragment the problem is about, when it is smaller than the whole row (one activity). */
  raw?: string;
}

/** The outcome of mapping one vendor row: the records it gave and what could not be used. */
export interface MapResult<R> {
  records: R[];
  problems: Problem[];
}

/** Short, quoted rendering of a bad value for a reason text. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The first zod issue, worded as `"opens.open_rate" should be a number (got "20%")`. */
export function problemFromZod(error: ZodError, input: unknown, prefix = ''): Problem {
  const issue = error.issues[0];
  const field = (prefix + issue.path.map(String).join('.')).replace(/\.$/, '') || undefined;
  const subject = field ? `"${field}"` : 'the element';
  const got = valueAt(input, issue.path);
  let wording = `is not valid: ${issue.message} (got ${preview(got)})`;
  if (issue.code === 'invalid_type') wording = got === undefined ? 'is missing' : `should be ${article(issue.expected)} (got ${preview(got)})`;
  if (issue.code === 'invalid_value') wording = `should be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')} (got ${preview(got)})`;
  return { field, reason: `${subject} ${wording}` };
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Mailchimp writes an unset time as "" (never null): empty means absent. Anything else must be an ISO 8601
 * date-time, or a problem naming the field. Export CSV dates ("2015-03-16 14:40:47") read the same way.
 */
export function optionalDate(value: string | undefined, field: string): { date?: Date; problem?: Problem } {
  if (value === undefined || value.trim() === '') return {};
  const date = dateFromIso(value);
  if (!date) return { problem: { field, reason: `"${field}" is not an ISO 8601 date-time (got ${preview(value)})` } };
  return { date };
}

/** A row that gave nothing but this problem. */
export function failed<R>(problem: Problem): MapResult<R> {
  return { records: [], problems: [problem] };
}

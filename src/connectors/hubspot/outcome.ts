/**
 * How the HubSpot mappers report a row they cannot use. The pure mappers return a MapOutcome (so the API pull
 * can reuse them without the file machinery); the file kinds turn it into a ParseOutput.
 */
import type { ImportRecord } from '../../domain/model';
import type { ParseOutput } from '../sdk/connector';

export type MapOutcome = { records: ImportRecord[] } | { field?: string; reason: string };

/** Thrown inside a mapper when one field is unusable; the reason names the field as the user sees it. */
export class FieldProblem extends Error {
  constructor(
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'FieldProblem';
  }
}

/** Runs a mapper, turning a FieldProblem into a rejected outcome (any other error is a bug and propagates). */
export function outcomeOf(map: () => ImportRecord[]): MapOutcome {
  try {
    return { records: map() };
  } catch (error) {
    if (error instanceof FieldProblem) return { field: error.field, reason: error.reason };
    throw error;
  }
}

export function toParseOutput(line: number, raw: string, outcome: MapOutcome): ParseOutput {
  if ('records' in outcome) return { line, records: outcome.records };
  return { line, rejected: { line, ...(outcome.field !== undefined ? { field: outcome.field } : {}), reason: outcome.reason, raw } };
}

/** Shows a vendor value in a reason (strings quoted), shortened so one huge cell does not flood the rejected-rows table. */
export function shown(value: unknown): string {
  const isText = typeof value === 'string';
  const text = isText ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return isText ? JSON.stringify(short) : short;
}

/** Drops undefined members, so records carry only the fields the source gave. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

import { UserInputError } from '../services/errors';

/** GraphQL IDs arrive as strings; ours are positive integers. */
export function parseId(id: string | number, what: string): number {
  const value = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw new UserInputError(`${what} id must be a positive integer (got ${JSON.stringify(id)})`);
  return value;
}

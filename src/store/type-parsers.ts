import { types as pgTypes } from 'pg';

/**
 * Both drivers read bigint (int8) and numeric as JS numbers, so a row looks the same on PostgreSQL and PGlite.
 * Ids and counts stay far below 2^53; money is numeric(14,2), exact in a double to the cent.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;

const toNumber = (value: string) => (value === null ? null : Number(value));

export const PGLITE_PARSERS = { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber };

let pgParsersInstalled = false;
export function installPgTypeParsers(): void {
  if (pgParsersInstalled) return;
  pgTypes.setTypeParser(INT8_OID, toNumber);
  pgTypes.setTypeParser(NUMERIC_OID, toNumber);
  pgParsersInstalled = true;
}

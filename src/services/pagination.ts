import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '../schema/connection';
import { UserInputError } from './errors';

export interface PageRequest {
  first: number;
  after?: string | null;
}

const MAX_PAGE = 500;

/** Opaque cursor of a row in "newest id first" order. */
export const encodeCursor = (id: number) => Buffer.from(`id:${id}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new UserInputError(`"after" is not a cursor this API gave out (got ${JSON.stringify(cursor)})`);
  return Number(match[1]);
}

/** Refuses a page size outside 1–500 with what is allowed. */
export function checkPageSize(page: PageRequest): void {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE) {
    throw new UserInputError(`"first" must be an integer from 1 to ${MAX_PAGE} (got ${page.first})`);
  }
}

/** An opaque cursor carrying a row's sort key (any JSON value). */
export const encodeKeyCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor carries, or undefined when it is not one this API gave out (the caller says what to do). */
export function decodeKeyCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
}

/** A connection page from rows read with LIMIT first + 1 (the extra row only says there is a next page). */
export function keysetPage<T>(rows: readonly T[], page: PageRequest, totalCount: number, cursorOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, page.first);
  return {
    edges: nodes.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null },
    totalCount,
  };
}

/**
 * Keyset pagination, newest first: stable under inserts (no OFFSET drift) and an index range scan on
 * (workspace_id, id). `query` is already scoped to the workspace and filtered; alias names its table.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(query: SelectQueryBuilder<T>, alias: string, page: PageRequest): Promise<Page<T>> {
  checkPageSize(page);
  const totalCount = await query.clone().getCount();
  const pageQuery = query.clone().orderBy(`${alias}.id`, 'DESC').take(page.first + 1);
  if (page.after) pageQuery.andWhere(`${alias}.id < :afterId`, { afterId: decodeCursor(page.after) });
  return keysetPage(await pageQuery.getMany(), page, totalCount, (node) => encodeCursor(node.id));
}

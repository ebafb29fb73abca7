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

/**
 * Keyset pagination, newest first: stable under inserts (no OFFSET drift) and an index range scan on
 * (workspace_id, id). `query` is already scoped to the workspace and filtered; alias names its table.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(query: SelectQueryBuilder<T>, alias: string, page: PageRequest): Promise<Page<T>> {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE) {
    throw new UserInputError(`"first" must be an integer from 1 to ${MAX_PAGE} (got ${page.first})`);
  }
  const totalCount = await query.clone().getCount();
  const pageQuery = query.clone().orderBy(`${alias}.id`, 'DESC').take(page.first + 1);
  if (page.after) pageQuery.andWhere(`${alias}.id < :afterId`, { afterId: decodeCursor(page.after) });
  const rows = await pageQuery.getMany();
  const hasNextPage = rows.length > page.first;
  const nodes = rows.slice(0, page.first);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
    totalCount,
  };
}

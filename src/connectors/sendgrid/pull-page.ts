import type { PullPage } from '../sdk/pull/pull';
import type { ApiMapResult } from './api-map';

/** A page of mapped API results: their records, and the inputs that could not be mapped as rejected rows. */
export function pageOf(results: ApiMapResult[], inputs: unknown[], cursor: unknown): PullPage {
  const page: PullPage = { records: [], rejected: [], cursor };
  results.forEach((result, index) => {
    if ('records' in result) page.records.push(...result.records);
    else page.rejected.push({ field: result.field, reason: result.reason, raw: JSON.stringify(inputs[index]).slice(0, 4000) });
  });
  return page;
}

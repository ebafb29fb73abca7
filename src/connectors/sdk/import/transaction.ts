import type { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL errors that mean "another writer got there first": the batch is safe to run again. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);

/**
 * Runs `work` in a transaction, retrying a few times when a concurrent import raced it to the same new contact,
 * campaign or message (every write is an idempotent upsert, so a retry converges).
 */
export async function withTransactionRetry<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

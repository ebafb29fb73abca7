import { openTestStore, databaseKind } from '../support/store';

describe(`the schema on ${databaseKind()}`, () => {
  it('migrations build exactly the schema the entities describe', async () => {
    const store = await openTestStore();
    try {
      const pending = await store.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('every table carries workspace_id as the first column of its primary key', async () => {
    const store = await openTestStore();
    try {
      const rows: Array<{ table_name: string; column_name: string }> = await store.dataSource.query(`
        SELECT tc.table_name, kcu.column_name
        FROM information_schema.table_constraints tc
        JOIN information_schema.key_column_usage kcu
          ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'PRIMARY KEY' AND kcu.ordinal_position = 1 AND tc.table_schema = current_schema()
          AND tc.table_name NOT IN ('schema_migration', 'workspace')`);
      expect(rows.length).toBeGreaterThan(15);
      for (const row of rows) expect(`${row.table_name}.${row.column_name}`).toBe(`${row.table_name}.workspace_id`);
    } finally {
      await store.close();
    }
  });
});

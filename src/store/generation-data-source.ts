/**
 * The DataSource the TypeORM CLI uses to generate a migration from the entities (see README, "Changing the schema"):
 *   npm run build && npx typeorm migration:generate -d dist/src/store/generation-data-source.js migrations/<Name>
 * It points at DATABASE_URL, a scratch PostgreSQL database with the current migrations applied.
 */
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'schema_migration',
  namingStrategy: new SnakeNamingStrategy(),
});

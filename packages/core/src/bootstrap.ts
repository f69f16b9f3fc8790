/**
 * Opens the configured database and brings its schema up to date: the one way in for the server,
 * the CLI, benchmarks and tests.
 */
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, type MigrationResult } from './db/migrate.js';

export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ dataDir: config.dataDir });
}

export async function openAndMigrate(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>,
): Promise<{ database: Database; migrations: MigrationResult }> {
  const database = await openConfiguredDatabase(config);
  try {
    const migrations = await migrate(database);
    return { database, migrations };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * Opens the configured database and brings its schema up to date: the one way in for the server,
 * the CLI, benchmarks and tests.
 */
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, type MigrationResult } from './db/migrate.js';
import { installBuiltinTemplates, type BuiltinInstallResult } from './assessments/templates/builtin-installer.js';

export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'> & Partial<Pick<Config, 'databasePreparedStatements'>>): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, preparedStatements: config.databasePreparedStatements ?? true })
    : openDatabase({ dataDir: config.dataDir });
}

export async function openAndMigrate(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'> & Partial<Pick<Config, 'databasePreparedStatements'>>,
): Promise<{ database: Database; migrations: MigrationResult; builtinTemplates: BuiltinInstallResult }> {
  const database = await openConfiguredDatabase(config);
  try {
    const migrations = await migrate(database);
    // The built-in assessment templates follow the code: a changed file publishes a new version.
    const builtinTemplates = await installBuiltinTemplates(database);
    return { database, migrations, builtinTemplates };
  } catch (err) {
    await database.close();
    throw err;
  }
}

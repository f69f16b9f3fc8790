/**
 * How a command reaches the database: read the configuration from the command's environment, open
 * the configured database, refuse to work on a schema that is behind, and always close it so the
 * process can exit (PGlite also lets only one process hold its data directory).
 */
import {
  AppError,
  listMigrationFiles,
  loadConfig,
  openConfiguredDatabase,
  getOrganisationBySlug,
  type Config,
  type Database,
  type OrganisationView,
} from '@glassbox/core';
import { CommandError, type Io } from './command.js';

export type DatabaseOptions = {
  /** Commands that change the schema themselves (migrate, seed-demo) skip the check. */
  checkSchema: boolean;
};

export async function withDatabase<T>(
  io: Io,
  options: DatabaseOptions,
  fn: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openConfiguredDatabase(config);
  try {
    if (options.checkSchema) await assertSchemaCurrent(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export const describeDatabase = (config: Config): string =>
  config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;

const UNDEFINED_TABLE = '42P01';

export async function assertSchemaCurrent(database: Database): Promise<void> {
  let applied: Set<string>;
  try {
    const rows = await database.db.selectFrom('schema_migration').select('name').execute();
    applied = new Set(rows.map((r) => r.name));
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNDEFINED_TABLE) throw err;
    applied = new Set();
  }
  const pending = listMigrationFiles().filter((f) => !applied.has(f));
  if (pending.length > 0) {
    const n = pending.length === 1 ? '1 migration has' : `${pending.length} migrations have`;
    throw new CommandError(`The database is not up to date: ${n} not been applied. Run "glassbox migrate" first.`);
  }
}

export async function requireOrganisation(db: Database['db'], slug: string): Promise<OrganisationView> {
  const org = await getOrganisationBySlug(db, slug.trim().toLowerCase());
  if (!org) {
    throw new AppError('not_found', 'organisation.not_found', `No organisation has the slug "${slug}".`, {
      fields: { org: 'No such organisation.' },
    });
  }
  return org;
}

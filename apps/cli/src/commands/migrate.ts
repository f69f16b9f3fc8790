/** `glassbox migrate`: brings the database schema up to date (forward-only migrations). */
import { installBuiltinTemplates, migrate, type MigrationResult } from '@glassbox/core';
import { helpText, parseCommandArgs, type Command } from '../command.js';
import { assertSchemaCurrent, describeDatabase, withDatabase } from '../database.js';

const options = {} as const;

export const describeMigrations = (result: MigrationResult): string =>
  result.applied.length === 0
    ? `The database is up to date (${result.alreadyApplied} migration${result.alreadyApplied === 1 ? '' : 's'} already applied).`
    : [`Applied ${result.applied.length} migration${result.applied.length === 1 ? '' : 's'}:`, ...result.applied.map((f) => `  ${f}`)].join('\n');

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date.',
  options,
  help: helpText({
    usage: 'glassbox migrate',
    description:
      'Applies every migration the database has not seen yet, each in its own transaction, and says which\n' +
      'ones it applied. Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR.',
    options: [],
    examples: ['DATABASE_URL=postgres://glassbox@db/glassbox glassbox migrate'],
  }),
  async run(argv, io) {
    parseCommandArgs(argv, options);
    return withDatabase(io, { checkSchema: false }, async (database, config) => {
      const result = await migrate(database);
      // Confirms every file is recorded. It is also the first query through Kysely: on PostgreSQL,
      // Database.close() only ends the pool once Kysely has used it, so without this the process
      // would wait ~10 s for migrate()'s idle connection to time out.
      await assertSchemaCurrent(database);
      // Built-in assessment templates are reference data that follows the code, like the schema.
      const builtins = await installBuiltinTemplates(database);
      io.out(`Database: ${describeDatabase(config)}`);
      io.out(describeMigrations(result));
      if (builtins.published.length > 0) io.out(`Published built-in assessment templates: ${builtins.published.map((p) => `${p.key} v${p.version}`).join(', ')}`);
      return 0;
    });
  },
};

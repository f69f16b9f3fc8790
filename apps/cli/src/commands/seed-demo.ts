/** `glassbox seed-demo`: adds the fictional City of Riverton and its demo accounts. */
import { demoSignInText, installBuiltinTemplates, migrate, seedDemo } from '@glassbox/core';
import { helpText, parseCommandArgs, type Command } from '../command.js';
import { withDatabase } from '../database.js';
import { describeMigrations } from './migrate.js';

const options = {} as const;

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'Add the demo organisation (City of Riverton) and its accounts.',
  options,
  help: helpText({
    usage: 'glassbox seed-demo',
    description:
      'Migrates the database, then creates the demo organisation, a second smaller one, and one account\n' +
      'per role, all with a published demo password. Does nothing if the demo organisation already\n' +
      'exists. Never run this on a database real people use.',
    options: [],
    examples: ['glassbox seed-demo'],
  }),
  async run(argv, io) {
    parseCommandArgs(argv, options);
    return withDatabase(io, { checkSchema: false }, async (database, config) => {
      const migrations = await migrate(database);
      if (migrations.applied.length > 0) io.out(describeMigrations(migrations));
      // The demo's assessments are filled in on the built-in templates.
      await installBuiltinTemplates(database);
      const { created } = await seedDemo(database.db);
      io.out(created ? demoSignInText(config.publicBaseUrl) : 'The demo organisation already exists.');
      return 0;
    });
  },
};

/** `glassbox create-org`: creates an organisation (a public body using Glassbox). */
import { createOrganisation, systemCtx } from '@glassbox/core';
import { helpText, oneOf, parseCommandArgs, requireOptions, UsageError, type Command } from '../command.js';
import { withDatabase } from '../database.js';

const LOCALES = ['en', 'es', 'fr'] as const;

const options = {
  slug: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  'contact-email': { type: 'string' },
  locale: { type: 'string' },
} as const;

export const createOrgCommand: Command = {
  name: 'create-org',
  summary: 'Create an organisation.',
  options,
  fieldOptions: { defaultLocale: '--locale', contactEmail: '--contact-email' },
  help: helpText({
    usage: 'glassbox create-org --slug <slug> --name <name> [options]',
    description:
      'Creates an organisation: a public body whose AI systems Glassbox governs. Its public pages live\n' +
      'at <PUBLIC_BASE_URL>/<slug>. Add its first administrator with `glassbox create-user --org <slug>`.',
    options: [
      ['--slug <slug>', 'Address of its public pages: lower-case letters, digits, hyphens (required).'],
      ['--name <name>', 'Full name, as the public knows it (required).'],
      ['--description <text>', 'What the organisation is, shown on its public page.'],
      ['--contact-email <email>', 'Where the public can write about its use of AI.'],
      ['--locale en|es|fr', 'Default language of its public pages (default: en).'],
    ],
    examples: ['glassbox create-org --slug riverton --name "City of Riverton" --contact-email ai@riverton.example'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const { slug, name } = requireOptions({ slug: values.slug, name: values.name });
    const locale = values.locale === undefined ? undefined : oneOf('locale', values.locale, LOCALES);
    const contactEmail = values['contact-email']?.trim() || undefined;
    if (contactEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(contactEmail)) {
      throw new UsageError(`--contact-email "${contactEmail}" is not an email address.`);
    }
    return withDatabase(io, { checkSchema: true }, async (database, config) => {
      const org = await createOrganisation(systemCtx(database.db, 'cli'), {
        slug,
        name,
        description: values.description,
        contactEmail,
        defaultLocale: locale,
      });
      io.out(`Created organisation "${org.name}" (slug ${org.slug}, id ${org.id}).`);
      io.out(`Public pages: ${config.publicBaseUrl}/${org.slug}`);
      return 0;
    });
  },
};

/** `glassbox create-token`: creates an API token for a machine (a case-management system, a script). */
import { createApiToken, systemCtx } from '@glassbox/core';
import { helpText, oneOf, parseCommandArgs, requireOptions, UsageError, type Command } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';

const options = {
  org: { type: 'string' },
  name: { type: 'string' },
  scope: { type: 'string' },
  system: { type: 'string' },
  expires: { type: 'string' },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A calendar date, or a date and time (with optional seconds, fraction and zone), in ISO 8601.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseExpiry(value: string): Date {
  const date = ISO_DATE.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UsageError(`--expires must be an ISO date such as 2027-03-31 or 2027-03-31T17:00Z (got "${value}").`);
  }
  return date;
}

export const createTokenCommand: Command = {
  name: 'create-token',
  summary: 'Create an API token for an organisation.',
  options,
  fieldOptions: { expiresAt: '--expires', systemId: '--system', organisationId: '--org' },
  help: helpText({
    usage: 'glassbox create-token --org <slug> --name <name> --scope read|write [--system <uuid>] [--expires <date>]',
    description:
      'Creates an API token for a machine acting for one organisation, and prints it once: only its hash\n' +
      'is stored. Revoke it from the staff app (Settings → API tokens).',
    options: [
      ['--org <slug>', 'Organisation the token acts for (required).'],
      ['--name <name>', 'What uses it, so people recognise it later (required).'],
      ['--scope read|write', 'read: fetch only; write: also record decisions and changes (required).'],
      ['--system <uuid>', 'Limit the token to one AI system.'],
      ['--expires <date>', 'Stop working at this ISO date or time (default: never).'],
    ],
    examples: ['glassbox create-token --org riverton --name "Benefits case system" --scope write --expires 2027-03-31'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const required = requireOptions({ org: values.org, name: values.name, scope: values.scope });
    const scope = oneOf('scope', required.scope, ['read', 'write'] as const);
    const systemId = values.system?.trim() || undefined;
    if (systemId !== undefined && !UUID.test(systemId)) throw new UsageError(`--system must be a system's id, a UUID (got "${systemId}").`);
    const expiresAt = values.expires === undefined ? undefined : parseExpiry(values.expires.trim());

    return withDatabase(io, { checkSchema: true }, async (database) => {
      const org = await requireOrganisation(database.db, required.org);
      const { token, item } = await createApiToken(systemCtx(database.db, 'cli'), {
        organisationId: org.id,
        name: required.name,
        scope,
        systemId: systemId ?? null,
        expiresAt: expiresAt ?? null,
      });
      const limits = [`scope ${item.scope}`, item.systemId ? `system ${item.systemId}` : 'all systems', item.expiresAt ? `expires ${item.expiresAt.toISOString()}` : 'never expires'];
      io.out(`Created API token "${item.name}" for ${org.slug} (${limits.join(', ')}).`);
      io.out(token);
      io.out('This token will not be shown again: copy it now and keep it secret.');
      return 0;
    });
  },
};

/**
 * `glassbox notices purge`: removes the case reference and the person's name from every generated
 * notice whose retention has ended (the organisation's notice retention setting). The server also
 * does this every 10 minutes; the command is for operators who run it from cron or want it now.
 */
import { purgeExpiredNoticeDetails, systemCtx } from '@glassbox/core';
import { helpText, parseCommandArgs, type Command } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';

const options = {
  org: { type: 'string' },
} as const;

export const noticesPurgeCommand: Command = {
  name: 'notices purge',
  summary: 'Remove case details from generated notices past their retention.',
  options,
  help: helpText({
    usage: 'glassbox notices purge [--org <slug>]',
    description:
      'Sets the case reference and the name to empty on every generated notice kept longer than its\n' +
      'organisation’s notice retention (citizen settings), and records one audit event per organisation.\n' +
      'The record that a notice was produced (system, language, variant, format, who, when) stays.',
    options: [['--org <slug>', 'Only this organisation (default: every organisation).']],
    examples: ['glassbox notices purge', 'glassbox notices purge --org riverton'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const slug = values.org?.trim() || undefined;
    return withDatabase(io, { checkSchema: true }, async (database) => {
      const organisationId = slug === undefined ? undefined : (await requireOrganisation(database.db, slug)).id;
      const cleared = await purgeExpiredNoticeDetails(systemCtx(database.db, 'cli'), new Date(), organisationId);
      io.out(cleared === 0 ? 'No notice details past their retention.' : `Removed case details from ${cleared} notice${cleared === 1 ? '' : 's'}.`);
      return 0;
    });
  },
};

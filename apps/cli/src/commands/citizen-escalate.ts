/** `glassbox citizen escalate`: escalates overdue redress requests now (the server does it every 10 minutes). */
import { escalateOverdueRedress, systemCtx } from '@glassbox/core';
import { helpText, parseCommandArgs, type Command } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';

const options = { org: { type: 'string' } } as const;

export const citizenEscalateCommand: Command = {
  name: 'citizen escalate',
  summary: 'Email the triage team about redress requests past their deadline.',
  options,
  help: helpText({
    usage: 'glassbox citizen escalate [--org <slug>]',
    description:
      'Finds every request for an explanation, a human review or an appeal that is past its deadline and\n' +
      'was not escalated yet, emails each administrator and governance officer of its organisation, and\n' +
      'marks it so it is escalated only once. The server also does this every 10 minutes; run this from\n' +
      'a scheduler when the server is not running all the time.',
    options: [['--org <slug>', 'Only this organisation’s requests.']],
    examples: ['glassbox citizen escalate', 'glassbox citizen escalate --org riverton'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const slug = values.org?.trim() || undefined;
    return withDatabase(io, { checkSchema: true }, async (database) => {
      const organisationId = slug === undefined ? undefined : (await requireOrganisation(database.db, slug)).id;
      const n = await escalateOverdueRedress(systemCtx(database.db, 'cli'), organisationId === undefined ? {} : { organisationId });
      io.out(n === 0 ? 'No overdue request was waiting to be escalated.' : `Escalated ${n} overdue request${n === 1 ? '' : 's'}.`);
      return 0;
    });
  },
};

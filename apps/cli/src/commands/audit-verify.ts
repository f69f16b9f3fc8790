/** `glassbox audit verify`: recomputes the audit hash chains and names the first altered event. */
import { listAuditChains, listOrganisations, verifyAuditChain, type ChainStatus } from '@glassbox/core';
import { helpText, parseCommandArgs, UsageError, type Command } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';

const options = {
  org: { type: 'string' },
  all: { type: 'boolean' },
} as const;

export const describeChain = (label: string, status: ChainStatus): string =>
  status.ok
    ? `${label}: intact, ${status.events} event${status.events === 1 ? '' : 's'}`
    : `${label}: BROKEN at event #${status.brokenAt.seq} (${status.brokenAt.id}): ${status.reason}`;

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Check that no audit event has been altered or removed.',
  options,
  help: helpText({
    usage: 'glassbox audit verify [--org <slug> | --all]',
    description:
      'Recomputes each organisation’s audit hash chain (and the platform chain, for accounts) from its\n' +
      'first event and prints one line per chain. Exits with 1 if any chain is broken, naming the first\n' +
      'event that no longer matches.',
    options: [
      ['--org <slug>', 'Check only this organisation’s chain.'],
      ['--all', 'Check every chain (the default).'],
    ],
    examples: ['glassbox audit verify', 'glassbox audit verify --org riverton'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const slug = values.org?.trim() || undefined;
    if (slug !== undefined && values.all) throw new UsageError('Use either --org or --all, not both.');

    return withDatabase(io, { checkSchema: true }, async (database) => {
      const db = database.db;
      let targets: Array<{ label: string; organisationId: string | null }>;
      if (slug !== undefined) {
        const org = await requireOrganisation(db, slug);
        targets = [{ label: org.slug, organisationId: org.id }];
      } else {
        const [chains, orgs] = await Promise.all([listAuditChains(db), listOrganisations(db)]);
        const slugs = new Map(orgs.map((o) => [o.id, o.slug]));
        targets = chains
          .map((id) => ({ label: id === null ? 'platform' : (slugs.get(id) ?? id), organisationId: id }))
          .sort((a, b) => (a.organisationId === null ? -1 : b.organisationId === null ? 1 : a.label.localeCompare(b.label)));
      }
      if (targets.length === 0) {
        io.out('No audit events yet: nothing to verify.');
        return 0;
      }
      let broken = 0;
      for (const target of targets) {
        const status = await verifyAuditChain(db, target.organisationId);
        if (!status.ok) broken += 1;
        io.out(describeChain(target.label, status));
      }
      if (targets.length > 1) {
        io.out(broken === 0 ? `All ${targets.length} chains intact.` : `${broken} of ${targets.length} chains broken.`);
      }
      return broken === 0 ? 0 : 1;
    });
  },
};

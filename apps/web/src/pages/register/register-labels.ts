/** Words for the register screens: format names, reading levels, who may publish. */
import type { Role } from '../../api';
import { hasAnyRole } from '../../roles';

export const REGISTER_GOVERNOR_ROLES: readonly Role[] = ['admin', 'governance_officer'];
export const canPublishRegister = (roles: readonly string[]): boolean => hasAnyRole(roles, REGISTER_GOVERNOR_ROLES);

export const FORMAT_LABELS: Record<string, { name: string; description: string }> = {
  glassbox: { name: 'Our public register page', description: 'Always required: the texts a resident needs on the system’s page.' },
  'uk-atrs-tier1': { name: 'UK ATRS, tier 1', description: 'UK Algorithmic Transparency Recording Standard: the short, public summary.' },
  'uk-atrs-tier2': { name: 'UK ATRS, tier 2', description: 'UK Algorithmic Transparency Recording Standard: the detailed record for specialists.' },
  'nl-algoritmeregister': { name: 'Dutch Algoritmeregister 1.0', description: 'The national algorithm register of the Netherlands.' },
  eurocities: { name: 'Eurocities transparency standard 0.3.1', description: 'The shared format of European cities.' },
  'eu-annex-viii-c': { name: 'EU database, Annex VIII Section C', description: 'What a public body registers in the EU database when it uses a high-risk system.' },
  'us-omb-2025': { name: 'US OMB 2025 inventory', description: 'The US federal AI use case inventory.' },
};

export const formatName = (id: string): string => FORMAT_LABELS[id]?.name ?? id;

export const READING_LABELS: Record<string, string> = {
  empty: 'nothing written yet',
  very_easy: 'very easy to read',
  easy: 'easy to read',
  plain: 'plain language',
  fairly_difficult: 'fairly difficult to read',
  difficult: 'difficult to read',
  very_difficult: 'very difficult to read',
};

/** How the inventory's stored values read to staff: stages, sourcing, decision roles, tiers, field names. */
import type { DecisionRole, EuTier, Lifecycle, OmbHighImpact, Sourcing, SystemVersionKind, Visibility } from '../../api';
import type { Tone } from '../../components/status-tag';

export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  idea: 'Idea',
  proposed: 'Proposed',
  in_review: 'In review',
  approved: 'Approved',
  in_service: 'In service',
  suspended: 'Suspended',
  retired: 'Retired',
  rejected: 'Rejected',
};

export const LIFECYCLE_TONES: Record<Lifecycle, Tone> = {
  idea: 'neutral',
  proposed: 'info',
  in_review: 'info',
  approved: 'success',
  in_service: 'success',
  suspended: 'warning',
  retired: 'neutral',
  rejected: 'error',
};

export const SOURCING_LABELS: Record<Sourcing, string> = {
  in_house: 'Built in-house',
  procured: 'Procured from a supplier',
  general_purpose_tool: 'General-purpose tool',
};

export const SOURCING_DESCRIPTIONS: Record<Sourcing, string> = {
  in_house: 'Made by the organisation’s own staff.',
  procured: 'Bought or licensed from a supplier, or built for you by one.',
  general_purpose_tool: 'A widely available AI tool used as it comes, such as a chat assistant or a writing aid.',
};

export const DECISION_ROLE_LABELS: Record<DecisionRole, string> = {
  informs: 'Informs',
  recommends: 'Recommends',
  decides: 'Decides',
};

export const DECISION_ROLE_DESCRIPTIONS: Record<DecisionRole, string> = {
  informs: 'It gives staff information, such as a summary, a search result or a translation. Staff make every decision themselves.',
  recommends: 'It suggests an outcome, a score or a priority. A person decides whether to follow the suggestion.',
  decides: 'It makes or carries out a decision about a person without anyone checking each case first.',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Shown on the public register',
  internal: 'Internal only',
};

export const VERSION_KIND_LABELS: Record<SystemVersionKind, string> = {
  created: 'Registered',
  updated: 'Details changed',
  transitioned: 'Stage changed',
  archived: 'Archived',
  unarchived: 'Restored from the archive',
};

/** Field names as the history shows them (snapshot keys). */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  slug: 'Web address name',
  purpose: 'Purpose',
  description: 'Plain-language description',
  unitId: 'Unit',
  ownerId: 'Owner',
  sourcing: 'Sourcing',
  supplier: 'Supplier',
  decisionRole: 'Role in decisions',
  affectedPeople: 'Who is affected',
  dataCategories: 'Data categories',
  personalData: 'Personal data',
  humanOversight: 'Human oversight',
  publicVisibility: 'Public register',
  tags: 'Tags',
  lifecycle: 'Stage',
  archivedAt: 'Archived',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** EU AI Act risk tiers (Art. 5, Art. 6, Art. 50); "undetermined" until the screening can tell. */
export const EU_TIER_LABELS: Record<EuTier, string> = {
  prohibited: 'Prohibited',
  high: 'High-risk',
  limited: 'Limited risk',
  minimal: 'Minimal risk',
  undetermined: 'Not yet determined',
};

export const EU_TIER_TONES: Record<EuTier, Tone> = {
  prohibited: 'error',
  high: 'warning',
  limited: 'info',
  minimal: 'success',
  undetermined: 'neutral',
};

export const OMB_HIGH_IMPACT_LABELS: Record<OmbHighImpact, string> = { yes: 'Yes', no: 'No', undetermined: 'Not yet determined' };

/** An organisation tier by its label in the tier policy, or its id made readable when the policy is not at hand. */
export function orgTierLabel(tier: string, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(tier);
  if (label) return label;
  const words = tier.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** Guards for values read from the URL or from old version snapshots. */
export const oneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);

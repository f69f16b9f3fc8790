/**
 * A register record as one row of the US federal 2025 AI use case inventory (OMB M-25-21). Reuses
 * the inventory export's column table (inventory-io/omb-2025.ts: the dictionary's columns, order
 * and permitted values) and fills, from the register record, the columns the inventory alone cannot:
 * benefits, outputs, data description, topic area, PIA and code links. The contact e-mail is the
 * organisation's public address, as the dictionary allows for public inventories.
 */
import { OMB_2025_COLUMNS, OMB_VALUES } from '../../inventory-io/omb-2025.js';
import type { InventoryRecord } from '../../inventory-io/inventory-record.js';
import type { PolicyArea, RegisterRecord } from '../record/register-record.js';
import type { FormatResult } from './format-utils.js';

export type Omb2025Row = Record<string, string | null>;

/** Policy area → the dictionary's `topic_area` (null where no value fits without guessing). */
export const OMB_TOPIC_AREA: Readonly<Record<PolicyArea, string | null>> = {
  benefits: 'Government Benefits Processing',
  health: 'Health and Medical',
  housing: 'Service Delivery',
  education: 'Service Delivery',
  employment: 'Service Delivery',
  transport: 'Transportation',
  public_safety: 'Law Enforcement',
  justice: null,
  migration: null,
  environment: 'Energy and the Environment',
  taxes_finance: null,
  culture_leisure: 'Service Delivery',
  economy: null,
  international: 'International Affairs',
  internal_operations: 'Administrative Functions',
  other: 'Other',
};

const HIGH_IMPACT_PRACTICES = [
  'hi_testing_conducted',
  'hi_assessment_completed',
  'hi_potential_impacts',
  'hi_independent_review',
  'hi_ongoing_monitoring',
  'hi_training_established',
  'hi_failsafe_presence',
  'hi_appeal_process',
  'hi_public_consultation',
];

const date = (day: string | null): Date | null => (day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null);

/** The register record in the shape the inventory export's columns read. */
function asInventoryRecord(r: RegisterRecord): InventoryRecord {
  const { system: s, classification: k, publication: p, texts: t } = r;
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    purpose: t.purpose,
    description: t.howItWorks,
    unitName: s.unitName,
    ownerEmail: r.organisation.contactEmail,
    ownerName: '',
    // Nulls (withheld facts) get placeholders here; their columns are overridden below.
    sourcing: s.sourcing ?? 'in_house',
    supplier: s.supplier,
    decisionRole: s.decisionRole ?? 'informs',
    affectedPeople: s.affectedPeople,
    dataCategories: s.dataCategories,
    personalData: s.personalData ?? false,
    humanOversight: t.humanRole,
    publicVisibility: 'public',
    tags: s.tags,
    lifecycle: s.lifecycle ?? 'rejected',
    version: p.version,
    archivedAt: null,
    createdAt: new Date(p.firstPublishedAt),
    updatedAt: new Date(p.publishedAt),
    inServiceSince: date(s.inServiceSince),
    classification: { euTier: k.euTier, ombHighImpact: k.ombHighImpact, orgTier: k.orgTier, friaRequired: k.friaRequired, euRegistrationRequired: k.euRegistrationRequired, screenedAt: null },
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** One row of the OMB 2025 inventory, column id → value (null: empty), in the dictionary's order. */
export function toOmb2025Row(record: RegisterRecord): FormatResult<Omb2025Row> {
  const inv = asInventoryRecord(record);
  const context = { organisationSlug: record.organisation.slug };
  const { system: s, texts: t, links: l } = record;
  const overrides: Record<string, string | null> = {
    benefits: orNull(t.benefits),
    topic_area: s.policyArea ? OMB_TOPIC_AREA[s.policyArea] : null,
    data_description: orNull(t.dataUsed) ?? (s.dataCategories.length > 0 ? s.dataCategories.join('; ') : null),
    pia_url: l.dpiaUrl,
    code_url: l.codeUrl,
  };
  if (orNull(t.outputs)) overrides.system_outputs = orNull(t.outputs);
  // Withheld facts (Art. 49(4) restriction): empty, never a placeholder.
  if (s.lifecycle === null) overrides.development_stage = null;
  if (s.sourcing === null) {
    overrides.contracting_usage = null;
    overrides.vendor_name = null;
  }
  if (s.decisionRole === null && !orNull(t.outputs)) overrides.system_outputs = null;
  if (s.personalData === null) overrides.has_pii = null;

  const data: Omb2025Row = {};
  for (const col of OMB_2025_COLUMNS) {
    const value = col.id in overrides ? (overrides[col.id] ?? null) : col.value ? col.value(inv, context) : null;
    // An empty text (a purpose nobody wrote) is an empty cell, like any other missing answer.
    data[col.id] = value === null || value.trim() === '' ? null : value;
  }

  // Empty columns that do not apply are not missing: the justification (only for "b)", which
  // Glassbox never writes), the vendor of an in-house system, the operational date of a system not
  // yet in service, the high-impact practices of a system that is not high-impact, and the ATO
  // system name when there is no ATO answer.
  const notApplicable = new Set<string>(['HI_justification']);
  if (s.sourcing === 'in_house') notApplicable.add('vendor_name');
  if (data.development_stage !== OMB_VALUES.developmentStage.deployed && data.development_stage !== OMB_VALUES.developmentStage.retired) notApplicable.add('operational_date');
  if (data.is_high_impact !== OMB_VALUES.isHighImpact.highImpact) HIGH_IMPACT_PRACTICES.forEach((c) => notApplicable.add(c));
  if (data.have_ato === null) notApplicable.add('system_name_ato');
  if (data.has_custom_code === null) notApplicable.add('code_url');
  const missing = Object.entries(data)
    .filter(([id, v]) => v === null && !notApplicable.has(id))
    .map(([id]) => id);
  return { data, missing, warnings: [] };
}

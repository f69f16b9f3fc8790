/**
 * UK Algorithmic Transparency Recording Standard (ATRS): a register record as an ATRS record, tier 1
 * (summary) or tier 2 (everything), in the v3.0 field names (reference/uk_atrs_v3.0_fields.csv) and,
 * as a second option, the v4.0 names (reference/uk_atrs_v4.0_fields.json).
 *
 * Every field of the standard is present; a field Glassbox has nothing for is '' and is listed in
 * `missing`. A field that does not apply (supplier details for a system built in-house, the archive
 * date of a system still in use) is '' and not listed. ATRS sets no length limits, so nothing is cut.
 */
import type { RegisterRecord } from '../record/register-record.js';
import { firstSentence, isoDay, joinParagraphs, type FormatResult } from './format-utils.js';

/** A field that does not apply to this record: '' in the output, not reported missing. */
const NOT_APPLICABLE = Symbol('not applicable');
type Value = string | typeof NOT_APPLICABLE;
type Getter = (r: RegisterRecord) => Value;

export type AtrsTier = 1 | 2;
export type AtrsVersion = '3.0' | '4.0';

export type AtrsField = {
  ref: string;
  attribute: string;
  /** 'N/A' (metadata and title, in every record), 1 or 2. */
  tier: 'N/A' | '1' | '2';
  required: boolean;
};

/** The v3.0 fields in the standard's order (copied from the CSV; a unit test compares them). */
export const ATRS_V3_FIELDS: readonly AtrsField[] = (
  [
    ['0.1', 'id', 'N/A', true],
    ['0.2', 'standard_version', 'N/A', true],
    ['0.3', 'organisation_type', 'N/A', true],
    ['0.4', 'function', 'N/A', true],
    ['0.5', 'capability', 'N/A', true],
    ['0.6', 'task', 'N/A', true],
    ['0.7', 'tags', 'N/A', true],
    ['0.8', 'date_of_completion', 'N/A', true],
    ['0.9', 'date_updated', 'N/A', true],
    ['0.10', 'date_archived', 'N/A', true],
    ['0.11', 'title', 'N/A', true],
    ['0.12', 'organisation_name', 'N/A', true],
    ['0.13', 'phase', 'N/A', true],
    ['0.14', 'region', 'N/A', true],
    ['0.15', 'one_sentence_description', 'N/A', true],
    ['1.1', 'name', '1', true],
    ['1.2', 'description', '1', true],
    ['1.3', 'website_url', '1', true],
    ['1.4', 'contact_email', '1', true],
    ['2.1.1', 'organisation_or_department', '2', true],
    ['2.1.2', 'team', '2', true],
    ['2.1.3', 'senior_responsible_owner', '2', true],
    ['2.1.4', 'external_supplier_involvement', '2', true],
    ['2.1.4.1', 'external_supplier', '2', false],
    ['2.1.4.2', 'companies_house_number', '2', false],
    ['2.1.4.3', 'external_supplier_role', '2', false],
    ['2.1.4.4', 'procurement_procedure_type', '2', false],
    ['2.1.4.5', 'data_access_terms', '2', false],
    ['2.2.1', 'detailed_description', '2', false],
    ['2.2.2', 'scope', '2', true],
    ['2.2.3', 'benefit', '2', true],
    ['2.2.4', 'previous_process', '2', false],
    ['2.2.5', 'alternatives_considered', '2', false],
    ['2.3.1', 'process_integration', '2', true],
    ['2.3.2', 'provided_information', '2', true],
    ['2.3.3', 'frequency_and_scale_of_usage', '2', true],
    ['2.3.4', 'human_decisions_and_review', '2', true],
    ['2.3.5', 'required_training', '2', true],
    ['2.3.6', 'appeals_and_review', '2', false],
    ['2.4.1.1', 'system_architecture', '2', true],
    ['2.4.1.2', 'phase', '2', true],
    ['2.4.1.3', 'maintenance', '2', true],
    ['2.4.1.4', 'models', '2', true],
    ['2.4.2.1', 'model_name', '2', true],
    ['2.4.2.2', 'model_version', '2', true],
    ['2.4.2.3', 'model_task', '2', true],
    ['2.4.2.4', 'model_input', '2', true],
    ['2.4.2.5', 'model_output', '2', true],
    ['2.4.2.6', 'model_architecture', '2', true],
    ['2.4.2.7', 'model_performance', '2', true],
    ['2.4.2.8', 'datasets', '2', true],
    ['2.4.2.9', 'dataset_purposes', '2', true],
    ['2.4.3.1', 'source_data_name', '2', true],
    ['2.4.3.2', 'data_modality', '2', true],
    ['2.4.3.3', 'data_description', '2', true],
    ['2.4.3.4', 'data_quantities', '2', true],
    ['2.4.3.5', 'sensitive_attributes', '2', true],
    ['2.4.3.6', 'data_completeness_and_representativeness', '2', true],
    ['2.4.3.7', 'source_data_url', '2', true],
    ['2.4.3.8', 'data_collection', '2', true],
    ['2.4.3.9', 'data_cleaning', '2', false],
    ['2.4.3.10', 'data_sharing_agreements', '2', true],
    ['2.4.3.11', 'data_access_and_storage', '2', true],
    ['2.5.1', 'impact_assessment', '2', true],
    ['2.5.2', 'risks_and_mitigations', '2', true],
  ] as const
).map(([ref, attribute, tier, required]) => ({ ref, attribute, tier, required }));

/**
 * ATRS phase values. v3.0: Pre-deployment, Beta/Pilot, Production, Retired. v4.0 replaced
 * Beta/Pilot by Private beta and Public beta (reference/uk_atrs_v4.0_fields.json). Glassbox has no
 * beta stage, so neither is ever written.
 */
export const ATRS_PHASES = { preDeployment: 'Pre-deployment', production: 'Production', retired: 'Retired' } as const;

function phase(r: RegisterRecord): string {
  switch (r.system.lifecycle) {
    case 'idea':
    case 'proposed':
    case 'in_review':
    case 'approved':
      return ATRS_PHASES.preDeployment;
    // A suspended system is paused, not withdrawn: its record stays in production.
    case 'in_service':
    case 'suspended':
      return ATRS_PHASES.production;
    case 'retired':
      return ATRS_PHASES.retired;
    // A rejected proposal was never a tool in use; withheld (null): nothing to say.
    case 'rejected':
    case null:
      return '';
  }
}

const bought = (r: RegisterRecord): boolean | null => (r.system.sourcing === null ? null : r.system.sourcing !== 'in_house');
/** A supplier detail: applies only to a bought system. */
const supplierDetail =
  (get: (r: RegisterRecord) => string | null): Getter =>
  (r) =>
    bought(r) === false ? NOT_APPLICABLE : (get(r) ?? '');

function sensitiveAttributes(r: RegisterRecord): string {
  if (r.system.personalData === null) return '';
  if (!r.system.personalData) return 'None: the system uses no personal data.';
  return r.system.dataCategories.length > 0 ? `Personal data: ${r.system.dataCategories.join(', ')}.` : 'Personal data.';
}

const NOTHING: Getter = () => '';

/**
 * v3.0 attribute → what fills it. Fields mapped to NOTHING are ones Glassbox does not record: the
 * ATRS hub's own metadata (id, organisation type, function/capability/task taxonomy), the per-model
 * specification (one block per model) and the development-data details (modality, quantities,
 * collection, cleaning). README "Register formats" lists them.
 */
const V3_VALUES: Readonly<Record<string, Getter>> = {
  id: NOTHING,
  standard_version: () => '3.0',
  organisation_type: NOTHING,
  function: NOTHING,
  capability: NOTHING,
  task: NOTHING,
  tags: (r) => r.system.tags.join(', '),
  date_of_completion: (r) => isoDay(r.publication.firstPublishedAt),
  date_updated: (r) => isoDay(r.publication.publishedAt),
  date_archived: (r) => (r.system.lifecycle === 'retired' ? isoDay(r.system.retiredOn) : NOT_APPLICABLE),
  title: (r) => r.system.name,
  organisation_name: (r) => r.organisation.name,
  phase,
  region: (r) => r.organisation.area ?? '',
  one_sentence_description: (r) => firstSentence(r.texts.summary),
  name: (r) => r.system.name,
  description: (r) => joinParagraphs(r.texts.summary, r.texts.purpose),
  website_url: (r) => r.publication.url ?? r.links.documentationUrl ?? '',
  contact_email: (r) => r.organisation.contactEmail,
  organisation_or_department: (r) => r.organisation.name,
  team: (r) => r.system.unitName ?? '',
  senior_responsible_owner: (r) => r.texts.responsibleOwner,
  external_supplier_involvement: (r) => {
    const b = bought(r);
    return b === null ? '' : b ? 'Yes' : 'No';
  },
  external_supplier: supplierDetail((r) => r.system.supplier),
  companies_house_number: supplierDetail(() => null),
  external_supplier_role: supplierDetail((r) => r.texts.supplierRole),
  procurement_procedure_type: supplierDetail((r) => r.texts.procurement),
  data_access_terms: supplierDetail((r) => r.texts.supplierDataAccess),
  detailed_description: (r) => r.texts.technicalDescription,
  scope: (r) => joinParagraphs(r.texts.purpose, r.texts.whatItDoesNot),
  benefit: (r) => r.texts.benefits,
  previous_process: (r) => r.texts.previousProcess,
  alternatives_considered: (r) => r.texts.alternativesConsidered,
  process_integration: (r) => r.texts.howItWorks,
  provided_information: (r) => r.texts.outputs,
  frequency_and_scale_of_usage: (r) => r.texts.scaleOfUse,
  human_decisions_and_review: (r) => r.texts.humanRole,
  required_training: (r) => r.texts.staffTraining,
  appeals_and_review: (r) => r.texts.rights,
  system_architecture: (r) => r.texts.systemArchitecture,
  maintenance: (r) => r.texts.monitoring,
  models: (r) => r.texts.methodsAndModels,
  model_name: NOTHING,
  model_version: NOTHING,
  model_task: NOTHING,
  model_input: NOTHING,
  model_output: NOTHING,
  model_architecture: NOTHING,
  model_performance: (r) => r.texts.performance,
  datasets: (r) => r.texts.trainingData,
  dataset_purposes: NOTHING,
  source_data_name: NOTHING,
  data_modality: NOTHING,
  data_description: (r) => r.texts.dataUsed,
  data_quantities: NOTHING,
  sensitive_attributes: sensitiveAttributes,
  data_completeness_and_representativeness: (r) => r.texts.dataQuality,
  source_data_url: (r) => r.links.sourceDataUrl ?? '',
  data_collection: NOTHING,
  data_cleaning: NOTHING,
  data_sharing_agreements: (r) => r.texts.dataSharing,
  data_access_and_storage: (r) => r.texts.dataStorage,
  impact_assessment: (r) => joinParagraphs(r.texts.impactAssessments, r.links.impactAssessmentUrl, r.links.dpiaUrl),
  risks_and_mitigations: (r) => r.texts.risksAndMitigations,
};

/** v3.0 fields Glassbox records nothing for: always empty (README "Register formats" says why). */
export const ATRS_V3_NOT_RECORDED: readonly string[] = Object.entries(V3_VALUES)
  .filter(([, get]) => get === NOTHING)
  .map(([attribute]) => attribute);

/**
 * The v4.0 fields (tier 1 and 2; v4.0 moved the 0.x metadata to GOV.UK's publisher), each with what
 * fills it: a v3.0 attribute, or a merge. The field names come from the reference file, which marks
 * some numbers as inferred; the names, not the numbers, are used here.
 */
export const ATRS_V4_FIELDS: ReadonlyArray<{ attribute: string; tier: '1' | '2' }> = [
  ...['name', 'description', 'website_url', 'contact_email', 'phase', 'region'].map((attribute) => ({ attribute, tier: '1' as const })),
  ...[
    'organisation_or_department',
    'team',
    'senior_responsible_owner',
    'third_party_involvement',
    'third_party',
    'companies_house_number',
    'third_party_role',
    'procurement_procedure_type',
    'third_party_data_access_terms',
    'detailed_description',
    'benefit',
    'previous_process',
    'alternatives_considered',
    'integration_into_broader_operational_process',
    'frequency_and_scale_of_usage',
    'human_review',
    'required_training',
    'appeals_and_review',
    'system_architecture',
    'system_level_input',
    'system_level_output',
    'maintenance',
    'models',
    'model_name',
    'model_version',
    'model_task',
    'model_input',
    'model_output',
    'model_architecture',
    'model_performance',
    'datasets_and_their_purposes',
    'source_data_name',
    'data_modality',
    'data_description',
    'data_quantities',
    'sensitive_attributes',
    'data_completeness_and_representativeness',
    'source_data_url',
    'data_collection',
    'data_cleaning',
    'data_sharing_agreements',
    'data_access_and_storage',
    'operational_data_specification',
    'impact_assessment',
    'risks_and_mitigations',
  ].map((attribute) => ({ attribute, tier: '2' as const })),
];

const v3 = (attribute: string): Getter => V3_VALUES[attribute] ?? NOTHING;

const V4_VALUES: Readonly<Record<string, Getter>> = {
  third_party_involvement: v3('external_supplier_involvement'),
  third_party: v3('external_supplier'),
  third_party_role: v3('external_supplier_role'),
  third_party_data_access_terms: v3('data_access_terms'),
  // v4.0 merged scope into the detailed description.
  detailed_description: (r) => joinParagraphs(r.texts.purpose, r.texts.whatItDoesNot, r.texts.technicalDescription),
  // v4.0 merged process integration and provided information.
  integration_into_broader_operational_process: (r) => joinParagraphs(r.texts.howItWorks, r.texts.outputs),
  human_review: v3('human_decisions_and_review'),
  system_level_input: (r) => r.texts.dataUsed,
  system_level_output: (r) => r.texts.outputs,
  datasets_and_their_purposes: v3('datasets'),
  // The data the system uses in operation (v4.0 section 2.4.4).
  operational_data_specification: (r) => joinParagraphs(r.texts.dataUsed, sensitiveAttributes(r)),
};

export type UkAtrsOptions = { tier: AtrsTier; version?: AtrsVersion };
export type UkAtrsRecord = Record<string, string>;

const inTier = (fieldTier: string, tier: AtrsTier): boolean => fieldTier === 'N/A' || fieldTier === '1' || tier === 2;

/**
 * The record as an ATRS record: attribute → text, in the standard's order (the two 'phase' fields of
 * v3.0 carry the same value and appear once). Tier 1 holds the metadata, title and tier 1 fields;
 * tier 2 adds every tier 2 field.
 */
export function toUkAtrs(record: RegisterRecord, opts: UkAtrsOptions): FormatResult<UkAtrsRecord> {
  const version = opts.version ?? '3.0';
  const fields = version === '3.0' ? ATRS_V3_FIELDS : ATRS_V4_FIELDS;
  const data: UkAtrsRecord = {};
  const missing: string[] = [];
  for (const field of fields) {
    if (!inTier(field.tier, opts.tier) || field.attribute in data) continue;
    const get = version === '3.0' ? v3(field.attribute) : (V4_VALUES[field.attribute] ?? v3(field.attribute));
    const value = get(record);
    if (value === NOT_APPLICABLE) {
      data[field.attribute] = '';
      continue;
    }
    data[field.attribute] = value.trim();
    if (value.trim() === '') missing.push(field.attribute);
  }
  return { data, missing, warnings: [] };
}

/** ATRS tier 1 (v3.0 names unless asked otherwise). */
export const toUkAtrsTier1 = (record: RegisterRecord, version: AtrsVersion = '3.0'): FormatResult<UkAtrsRecord> => toUkAtrs(record, { tier: 1, version });
/** ATRS tier 2 (v3.0 names unless asked otherwise). */
export const toUkAtrsTier2 = (record: RegisterRecord, version: AtrsVersion = '3.0'): FormatResult<UkAtrsRecord> => toUkAtrs(record, { tier: 2, version });

export type AtrsValidationError = { field: string; rule: 'required' | 'type'; message: string };

/** The archive date, marked required, can only be given for a retired tool: required then only. */
const isRequired = (field: AtrsField, record: Record<string, unknown>): boolean =>
  field.attribute === 'date_archived' ? record.phase === ATRS_PHASES.retired : field.required;

/**
 * Checks an ATRS v3.0 record of the given tier against the standard's one rule, its required
 * fields (the `required` column of the field table); an empty list means it passes. The supplier
 * details are optional in the standard, so a record of an in-house system passes without them, and the
 * archive date only for a retired tool.
 */
export function validateUkAtrs(obj: unknown, tier: AtrsTier): AtrsValidationError[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [{ field: '', rule: 'type', message: 'A record must be an object.' }];
  const record = obj as Record<string, unknown>;
  const errors: AtrsValidationError[] = [];
  const seen = new Set<string>();
  for (const field of ATRS_V3_FIELDS) {
    if (!inTier(field.tier, tier) || seen.has(field.attribute)) continue;
    seen.add(field.attribute);
    const value = record[field.attribute];
    if (value !== undefined && typeof value !== 'string') errors.push({ field: field.attribute, rule: 'type', message: 'Must be text.' });
    else if (isRequired(field, record) && (value ?? '').trim() === '') errors.push({ field: field.attribute, rule: 'required', message: 'Required by the standard.' });
  }
  return errors;
}

/**
 * The Eurocities algorithmic transparency standard v0.3.1
 * (reference/eu_cities_algorithmic_transparency_standard_v0.3.1_schema.yaml): a register record as
 * a record in that standard, and a validator for its rules (required fields, enums in English, the
 * constant version, e-mail, URL, date and UUID formats, and the lengths its descriptions state:
 * description_short at most 150 characters, description 500 to 10,000).
 *
 * Enumerations use the standard's English values whatever the record's language (the standard has
 * English and Dutch lists only). The constraints are copied into EUROCITIES_FIELDS; a unit test
 * compares them with the file.
 */
import type { Lifecycle } from '../../inventory/lifecycle.js';
import type { PolicyArea, RegisterEuTier, RegisterRecord, Technique, UseType } from '../record/register-record.js';
import { fieldCollector, isoDay, joinParagraphs, type FormatResult } from './format-utils.js';

export type EurocitiesFieldType = 'string' | 'email' | 'url' | 'enum' | 'const' | 'uuid' | 'date';
export type EurocitiesField = { type: EurocitiesFieldType; required: boolean; enum?: readonly string[]; const?: string; minLength?: number; maxLength?: number };

export const EUROCITIES_VERSION = '0.3.1';

const DOMAINS = [
  'taxes',
  'housing, living and living environment',
  'culture, sports and leisure',
  'defence',
  'economy and entrepreneurship',
  'family, youth and households',
  'finance',
  'generic',
  'health and health care',
  'immigration and integration',
  'international collaboration and development aid',
  'agriculture, nature and food',
  'environment, spacial planning and water',
  'education and science',
  'public safety',
  'government',
  'justice',
  'travel, living and working abroad',
  'subsidies, benefits and allowances',
  'traffic and transportation',
  'work and career',
] as const;

/** Every attribute of the standard, in its order, with its rules. */
export const EUROCITIES_FIELDS: Readonly<Record<string, EurocitiesField>> = {
  name: { type: 'string', required: true },
  // "a short description of maximum 150 chars" (the standard's description of the field).
  description_short: { type: 'string', required: true, maxLength: 150 },
  organization: { type: 'string', required: true },
  department: { type: 'string', required: true },
  contact_email: { type: 'email', required: true },
  contact_phone: { type: 'string', required: false },
  contact_name: { type: 'string', required: false },
  area: { type: 'string', required: true },
  domain: { type: 'enum', required: true, enum: DOMAINS },
  website: { type: 'url', required: false },
  status: { type: 'enum', required: true, enum: ['planned', 'design', 'development', 'pilot', 'evaluation', 'operational', 'retired'] },
  remark: { type: 'string', required: false },
  decision_making_process: { type: 'string', required: true },
  goal: { type: 'string', required: true },
  impact: { type: 'string', required: true },
  risks: { type: 'string', required: true },
  risk_category: { type: 'enum', required: true, enum: ['minimal risk', 'limited risk', 'high risk', 'unacceptable'] },
  proportionality: { type: 'string', required: true },
  lawful_basis: { type: 'string', required: true },
  documentation: { type: 'url', required: false },
  training_data: { type: 'string', required: true },
  source_data: { type: 'string', required: true },
  data_bias: { type: 'string', required: false },
  connected_data_sources: { type: 'string', required: true },
  DPIA_description: { type: 'string', required: false },
  DPIA_url: { type: 'url', required: false },
  algorithm_type: { type: 'enum', required: true, enum: ['self-learning', 'rule-based', 'hybrid'] },
  // "an extensive description between 500 and 10000 chars".
  description: { type: 'string', required: true, minLength: 500, maxLength: 10_000 },
  methods_and_models: { type: 'string', required: false },
  performance: { type: 'string', required: false },
  alternatives_considered: { type: 'string', required: false },
  product_information: { type: 'url', required: false },
  codebase_url: { type: 'url', required: false },
  product_page: { type: 'url', required: false },
  AIA_description: { type: 'string', required: false },
  AIA_url: { type: 'url', required: false },
  monitoring: { type: 'string', required: true },
  type: { type: 'enum', required: true, enum: ['descriptive', 'diagnostic', 'predictive', 'prescriptive'] },
  human_intervention: { type: 'string', required: true },
  objection_procedure: { type: 'string', required: true },
  rollback: { type: 'string', required: false },
  standard_version: { type: 'const', required: true, const: EUROCITIES_VERSION },
  uuid: { type: 'uuid', required: false },
  lang: { type: 'string', required: true },
  publication_date: { type: 'date', required: true },
  last_change_date: { type: 'date', required: true },
  revision_date: { type: 'date', required: true },
  revision_note: { type: 'string', required: false },
  keywords: { type: 'string', required: false },
};

export type EurocitiesRecord = Record<keyof typeof EUROCITIES_FIELDS & string, string>;

export const EUROCITIES_DOMAIN: Readonly<Record<PolicyArea, (typeof DOMAINS)[number]>> = {
  benefits: 'subsidies, benefits and allowances',
  health: 'health and health care',
  housing: 'housing, living and living environment',
  education: 'education and science',
  employment: 'work and career',
  transport: 'traffic and transportation',
  public_safety: 'public safety',
  justice: 'justice',
  migration: 'immigration and integration',
  environment: 'environment, spacial planning and water',
  taxes_finance: 'finance',
  culture_leisure: 'culture, sports and leisure',
  economy: 'economy and entrepreneurship',
  international: 'international collaboration and development aid',
  internal_operations: 'government',
  other: 'generic',
};

/**
 * Lifecycle → status. Idea and proposal: planned. In review and approved: development (being
 * prepared for use). In service: operational. Suspended: evaluation (stopped while examined).
 * Retired: retired. Rejected: none (never in use).
 */
export function eurocitiesStatus(lifecycle: Lifecycle | null): string {
  switch (lifecycle) {
    case 'idea':
    case 'proposed':
      return 'planned';
    case 'in_review':
    case 'approved':
      return 'development';
    case 'in_service':
      return 'operational';
    case 'suspended':
      return 'evaluation';
    case 'retired':
      return 'retired';
    case 'rejected':
    case null:
      return '';
  }
}

/** EU AI Act tier → risk_category ('undetermined' and unknown: none). */
export const EUROCITIES_RISK: Readonly<Record<RegisterEuTier, string>> = {
  minimal: 'minimal risk',
  limited: 'limited risk',
  high: 'high risk',
  prohibited: 'unacceptable',
  undetermined: '',
};

const ALGORITHM_TYPE: Readonly<Record<Technique, string>> = { rule_based: 'rule-based', self_learning: 'self-learning', hybrid: 'hybrid' };
const USE_TYPE: Readonly<Record<UseType, string>> = { descriptive: 'descriptive', diagnostic: 'diagnostic', predictive: 'predictive', prescriptive: 'prescriptive' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record in the Eurocities standard v0.3.1. */
export function toEurocities(record: RegisterRecord): FormatResult<EurocitiesRecord> {
  const c = fieldCollector();
  const { organisation: o, system: s, texts: t, links: l, classification: k, publication: p } = record;
  const limit = (field: string): number | undefined => EUROCITIES_FIELDS[field]?.maxLength;

  const description = c.text('description', t.technicalDescription, limit('description'));
  const minDescription = EUROCITIES_FIELDS.description?.minLength ?? 0;
  if (description && description.length < minDescription) {
    c.warn({ field: 'description', code: 'too_short', message: `The standard asks for at least ${minDescription} characters; this has ${description.length}.` });
  }

  const data: EurocitiesRecord = {
    name: c.text('name', s.name),
    description_short: c.text('description_short', t.summary, limit('description_short')),
    organization: c.text('organization', o.name),
    department: c.text('department', s.unitName),
    contact_email: c.text('contact_email', o.contactEmail),
    contact_phone: c.text('contact_phone', o.contactPhone),
    // A person's name is not published; the contact e-mail is a team address.
    contact_name: c.text('contact_name', ''),
    area: c.text('area', o.area),
    domain: c.text('domain', s.policyArea ? EUROCITIES_DOMAIN[s.policyArea] : ''),
    website: c.url('website', p.url),
    status: c.text('status', eurocitiesStatus(s.lifecycle)),
    remark: '',
    decision_making_process: c.text('decision_making_process', t.howItWorks),
    goal: c.text('goal', joinParagraphs(t.purpose, t.benefits)),
    impact: c.text('impact', s.affectedPeople),
    risks: c.text('risks', t.risksAndMitigations),
    risk_category: c.text('risk_category', k.euTier ? EUROCITIES_RISK[k.euTier] : ''),
    proportionality: c.text('proportionality', t.proportionality),
    lawful_basis: c.text('lawful_basis', joinParagraphs(t.legalBasis, l.legalBasisUrl)),
    documentation: c.url('documentation', l.documentationUrl),
    training_data: c.text('training_data', t.trainingData),
    source_data: c.text('source_data', t.dataUsed),
    data_bias: c.text('data_bias', t.dataQuality),
    connected_data_sources: c.text('connected_data_sources', t.dataSharing),
    DPIA_description: c.text('DPIA_description', t.dpiaSummary),
    DPIA_url: c.url('DPIA_url', l.dpiaUrl),
    algorithm_type: c.text('algorithm_type', s.technique ? ALGORITHM_TYPE[s.technique] : ''),
    description,
    methods_and_models: c.text('methods_and_models', t.methodsAndModels),
    performance: c.text('performance', t.performance),
    alternatives_considered: c.text('alternatives_considered', t.alternativesConsidered),
    // "central product information … European database of AI applications": the provider's entry.
    product_information: c.url('product_information', l.providerEuDatabaseUrl),
    codebase_url: c.url('codebase_url', l.codeUrl),
    // The supplier's product page: not recorded.
    product_page: c.url('product_page', ''),
    AIA_description: c.text('AIA_description', t.friaSummary || t.impactAssessments),
    AIA_url: c.url('AIA_url', l.impactAssessmentUrl),
    monitoring: c.text('monitoring', t.monitoring),
    type: c.text('type', s.useType ? USE_TYPE[s.useType] : ''),
    human_intervention: c.text('human_intervention', joinParagraphs(t.humanRole, t.oversight)),
    objection_procedure: c.text('objection_procedure', t.rights),
    rollback: c.text('rollback', t.rollback),
    standard_version: EUROCITIES_VERSION,
    uuid: UUID.test(s.id) ? s.id : c.text('uuid', ''),
    lang: p.language,
    publication_date: isoDay(p.firstPublishedAt),
    last_change_date: isoDay(p.publishedAt),
    revision_date: c.text('revision_date', p.nextReviewDue),
    // Why the review is planned: not recorded.
    revision_note: c.text('revision_note', ''),
    keywords: s.tags.join(', '),
  };
  return { data, missing: c.missing, warnings: c.warnings };
}

export type EurocitiesValidationError = { field: string; rule: 'required' | 'enum' | 'const' | 'format' | 'min_length' | 'max_length' | 'type'; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isUrl = (v: string): boolean => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** Checks an object against EUROCITIES_FIELDS; an empty list means it passes. */
export function validateEurocities(obj: unknown): EurocitiesValidationError[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [{ field: '', rule: 'type', message: 'A record must be an object.' }];
  const record = obj as Record<string, unknown>;
  const errors: EurocitiesValidationError[] = [];
  for (const [field, rule] of Object.entries(EUROCITIES_FIELDS)) {
    const value = record[field];
    if (value === undefined || value === null || value === '') {
      if (rule.required) errors.push({ field, rule: 'required', message: 'Required.' });
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({ field, rule: 'type', message: 'Must be text.' });
      continue;
    }
    if (rule.enum && !rule.enum.includes(value)) errors.push({ field, rule: 'enum', message: `Not one of the standard's values: ${JSON.stringify(value)}.` });
    if (rule.const !== undefined && value !== rule.const) errors.push({ field, rule: 'const', message: `Must be ${JSON.stringify(rule.const)}.` });
    const badFormat =
      (rule.type === 'email' && !EMAIL.test(value)) ||
      (rule.type === 'url' && !isUrl(value)) ||
      (rule.type === 'date' && !DATE.test(value)) ||
      (rule.type === 'uuid' && !UUID.test(value));
    if (badFormat) errors.push({ field, rule: 'format', message: `Not a valid ${rule.type}.` });
    if (rule.minLength !== undefined && value.length < rule.minLength) errors.push({ field, rule: 'min_length', message: `At least ${rule.minLength} characters (has ${value.length}).` });
    if (rule.maxLength !== undefined && value.length > rule.maxLength) errors.push({ field, rule: 'max_length', message: `At most ${rule.maxLength} characters (has ${value.length}).` });
  }
  return errors;
}

/**
 * The Dutch Algoritmeregister publication standard v1.0: a register record as a record for the
 * national register, and a validator for that standard's three rules (required fields, maximum
 * lengths, permitted values). The constraints are copied from
 * reference/nl_algoritmeregister_publication_standard_v1_0_schema.json into NL_SCHEMA (so this
 * module needs no file access and runs anywhere); a unit test derives the same table from the file
 * and fails when they differ.
 *
 * Fields the register fills itself (`lars`, the register's id, and `publication_dt`) are left out.
 * The standard only permits `lang: "nld"`; Glassbox texts are English, Spanish or French, so every
 * export carries a warning that the texts still need translating before submission.
 */
import type { Lifecycle } from '../../inventory/lifecycle.js';
import type { PolicyArea, RegisterRecord } from '../record/register-record.js';
import { fieldCollector, firstSentence, joinParagraphs, linkTooLong, type FormatResult } from './format-utils.js';

type NlItemField = { maxLength?: number; required: boolean };
export type NlSchemaField = {
  type: 'string' | 'enum' | 'array';
  required: boolean;
  maxLength?: number;
  permittedValues?: readonly string[];
  /** For arrays of objects: the object's fields. */
  items?: Readonly<Record<string, NlItemField>>;
};

/** The constraints of every field of the standard, in the schema's order. */
export const NL_SCHEMA: Readonly<Record<string, NlSchemaField>> = {
  name: { type: 'string', required: true, maxLength: 100 },
  description_short: { type: 'string', required: true, maxLength: 400 },
  organization: { type: 'string', required: true, maxLength: 100 },
  category: {
    type: 'array',
    required: false,
    permittedValues: [
      'Organisatie en bedrijfsvoering',
      'Cultuur en recreatie',
      'Economie',
      'Overheidsfinanciën',
      'Wonen',
      'Internationaal',
      'Migratie en integratie',
      'Natuur en milieu',
      'Onderwijs en wetenschap',
      'Openbare orde en veiligheid',
      'Recht',
      'Ruimte en infrastructuur',
      'Sociale zekerheid',
      'Verkeer',
      'Werk',
      'Zorg en gezondheid',
    ],
  },
  status: { type: 'enum', required: true, permittedValues: ['In ontwikkeling', 'In gebruik', 'Buiten gebruik'] },
  begin_date: { type: 'string', required: false, maxLength: 7 },
  end_date: { type: 'string', required: false, maxLength: 7 },
  contact_email: { type: 'string', required: true, maxLength: 500 },
  website: { type: 'string', required: false, maxLength: 500 },
  publication_category: { type: 'enum', required: true, permittedValues: ['Hoog-risico AI-systeem', 'Impactvolle algoritmes', 'Overige algoritmes'] },
  url: { type: 'string', required: false, maxLength: 500 },
  goal: { type: 'string', required: false, maxLength: 2500 },
  proportionality: { type: 'string', required: false, maxLength: 2500 },
  human_intervention: { type: 'string', required: false, maxLength: 2500 },
  risks: { type: 'string', required: false, maxLength: 2500 },
  lawful_basis: { type: 'string', required: false, maxLength: 2500 },
  lawful_basis_grouping: { type: 'array', required: false, items: { title: { maxLength: 100, required: true }, link: { maxLength: 500, required: true } } },
  process_index_url: { type: 'string', required: false, maxLength: 500 },
  impacttoetsen_grouping: { type: 'array', required: false, items: { title: { required: true }, link: { maxLength: 500, required: false } } },
  impacttoetsen: { type: 'string', required: false, maxLength: 2500 },
  source_data: { type: 'string', required: false, maxLength: 2500 },
  source_data_grouping: { type: 'array', required: false, items: { title: { maxLength: 500, required: true }, link: { maxLength: 500, required: true } } },
  methods_and_models: { type: 'string', required: false, maxLength: 5000 },
  provider: { type: 'string', required: false, maxLength: 200 },
  publiccode: { type: 'string', required: false, maxLength: 500 },
  lang: { type: 'enum', required: true, permittedValues: ['nld'] },
  standard_version: { type: 'enum', required: false, permittedValues: ['1.0'] },
  source_id: { type: 'string', required: false, maxLength: 100 },
  tags: { type: 'string', required: false, maxLength: 2500 },
  lars: { type: 'string', required: false },
  publication_dt: { type: 'string', required: false },
};

type Link = { title: string; link: string };

export type NlAlgoritmeregisterRecord = {
  name: string;
  description_short: string;
  organization: string;
  category: string[];
  status: string;
  begin_date: string;
  end_date: string;
  contact_email: string;
  website: string;
  publication_category: string;
  url: string;
  goal: string;
  proportionality: string;
  human_intervention: string;
  risks: string;
  lawful_basis: string;
  lawful_basis_grouping: Link[];
  process_index_url: string;
  impacttoetsen_grouping: Array<{ title: string; link: string }>;
  impacttoetsen: string;
  source_data: string;
  source_data_grouping: Link[];
  methods_and_models: string;
  provider: string;
  publiccode: string;
  lang: 'nld';
  standard_version: '1.0';
  source_id: string;
  tags: string;
};

/** Policy area → the standard's `category` value (none for 'other'). */
export const NL_CATEGORY: Readonly<Record<PolicyArea, string | null>> = {
  benefits: 'Sociale zekerheid',
  health: 'Zorg en gezondheid',
  housing: 'Wonen',
  education: 'Onderwijs en wetenschap',
  employment: 'Werk',
  transport: 'Verkeer',
  public_safety: 'Openbare orde en veiligheid',
  justice: 'Recht',
  migration: 'Migratie en integratie',
  environment: 'Natuur en milieu',
  taxes_finance: 'Overheidsfinanciën',
  culture_leisure: 'Cultuur en recreatie',
  economy: 'Economie',
  international: 'Internationaal',
  internal_operations: 'Organisatie en bedrijfsvoering',
  other: null,
};

/**
 * Lifecycle → `status`. Idea to approved: in development. In service: in use. Suspended: out of use
 * (it is not used while suspended; the status changes back when it resumes). Retired: out of use.
 * Rejected: never an algorithm in use, no status (the register should not list it).
 */
export function nlStatus(lifecycle: Lifecycle | null): string {
  switch (lifecycle) {
    case 'idea':
    case 'proposed':
    case 'in_review':
    case 'approved':
      return 'In ontwikkeling';
    case 'in_service':
      return 'In gebruik';
    case 'suspended':
    case 'retired':
      return 'Buiten gebruik';
    case 'rejected':
    case null:
      return '';
  }
}

/**
 * `publication_category`: 'Hoog-risico AI-systeem' for an EU high-risk system; 'Impactvolle
 * algoritmes' (impactful: legal or similarly significant effects on people) when the system is
 * OMB high-impact, needs a FRIA, or decides or recommends on people using personal data; otherwise
 * 'Overige algoritmes'.
 */
export function nlPublicationCategory(record: RegisterRecord): string {
  const { classification: c, system: s } = record;
  if (c.euTier === 'high') return 'Hoog-risico AI-systeem';
  const impactful = c.ombHighImpact === 'yes' || c.friaRequired === true || ((s.decisionRole === 'decides' || s.decisionRole === 'recommends') && s.personalData === true);
  return impactful ? 'Impactvolle algoritmes' : 'Overige algoritmes';
}

const max = (field: keyof typeof NL_SCHEMA): number | undefined => NL_SCHEMA[field]?.maxLength;
const month = (day: string | null): string => (day ? day.slice(0, 7) : '');

/** The record as a Dutch Algoritmeregister v1.0 record. */
export function toNlAlgoritmeregister(record: RegisterRecord): FormatResult<NlAlgoritmeregisterRecord> {
  const c = fieldCollector();
  const { organisation: o, system: s, texts: t, links: l } = record;
  const category = s.policyArea ? NL_CATEGORY[s.policyArea] : null;
  if (!category) c.missing.push('category');

  // Each link is held to its limit: a link too long is left out (with a warning), never cut, and a
  // grouping entry without its link is left out with it.
  const itemLink = (field: string, value: string | null): string | null => {
    const limit = NL_SCHEMA[field]?.items?.link?.maxLength;
    if (!value) return null;
    const link = value.trim();
    if (limit !== undefined && link.length > limit) {
      c.warn(linkTooLong(`${field}.link`, link.length, limit));
      return null;
    }
    return link;
  };
  const lawfulBasis: Link[] = [];
  const legalBasisLink = itemLink('lawful_basis_grouping', l.legalBasisUrl);
  if (legalBasisLink) {
    const title = c.text('lawful_basis_grouping[0].title', firstSentence(t.legalBasis) || 'Legal basis', NL_SCHEMA.lawful_basis_grouping?.items?.title?.maxLength);
    lawfulBasis.push({ title, link: legalBasisLink });
  }
  const impactTests: NlAlgoritmeregisterRecord['impacttoetsen_grouping'] = [];
  const dpiaLink = itemLink('impacttoetsen_grouping', l.dpiaUrl);
  if (dpiaLink) impactTests.push({ title: 'Data Protection Impact Assessment (DPIA)', link: dpiaLink });
  const friaLink = itemLink('impacttoetsen_grouping', l.impactAssessmentUrl);
  if (friaLink) impactTests.push({ title: 'Fundamental rights impact assessment', link: friaLink });
  const sourceDataLink = itemLink('source_data_grouping', l.sourceDataUrl);

  const data: NlAlgoritmeregisterRecord = {
    name: c.text('name', s.name, max('name')),
    description_short: c.text('description_short', t.summary, max('description_short')),
    organization: c.text('organization', o.name, max('organization')),
    category: category ? [category] : [],
    status: c.text('status', nlStatus(s.lifecycle)),
    // Month first in service: not applicable (and not missing) while never in service.
    begin_date: month(s.inServiceSince),
    end_date: s.lifecycle === 'retired' ? c.text('end_date', month(s.retiredOn)) : '',
    contact_email: c.text('contact_email', o.contactEmail, max('contact_email')),
    website: c.url('website', l.documentationUrl, max('website')),
    publication_category: nlPublicationCategory(record),
    // The source registration: this entry's page in the organisation's own register.
    url: c.url('url', record.publication.url, max('url')),
    goal: c.text('goal', joinParagraphs(t.purpose, t.benefits), max('goal')),
    proportionality: c.text('proportionality', t.proportionality, max('proportionality')),
    human_intervention: c.text('human_intervention', t.humanRole, max('human_intervention')),
    risks: c.text('risks', t.risksAndMitigations, max('risks')),
    lawful_basis: c.text('lawful_basis', t.legalBasis, max('lawful_basis')),
    lawful_basis_grouping: lawfulBasis,
    // The Dutch government's process index: not recorded.
    process_index_url: c.url('process_index_url', ''),
    impacttoetsen_grouping: impactTests,
    impacttoetsen: c.text('impacttoetsen', t.impactAssessments, max('impacttoetsen')),
    source_data: c.text('source_data', t.dataUsed, max('source_data')),
    source_data_grouping: sourceDataLink ? [{ title: 'Source data', link: sourceDataLink }] : [],
    methods_and_models: c.text('methods_and_models', t.methodsAndModels, max('methods_and_models')),
    // The standard asks for 'Intern ontwikkeld' (developed in-house) when there is no supplier.
    provider: s.sourcing === 'in_house' ? 'Intern ontwikkeld' : c.text('provider', s.supplier, max('provider')),
    publiccode: c.url('publiccode', l.codeUrl, max('publiccode')),
    lang: 'nld',
    standard_version: '1.0',
    source_id: c.text('source_id', s.id, max('source_id')),
    tags: s.tags.length > 0 ? c.text('tags', s.tags.join(', '), max('tags')) : '',
  };
  const missing = [...c.missing];
  if (data.lawful_basis_grouping.length === 0) missing.push('lawful_basis_grouping');
  if (data.impacttoetsen_grouping.length === 0) missing.push('impacttoetsen_grouping');
  if (data.source_data_grouping.length === 0) missing.push('source_data_grouping');
  if (!data.begin_date && (s.lifecycle === 'in_service' || s.lifecycle === 'suspended' || s.lifecycle === 'retired')) missing.push('begin_date');
  c.warn({
    field: 'lang',
    code: 'language',
    message: `The standard accepts Dutch only ('nld'); these texts are in '${record.publication.language}' and need translating before submission.`,
  });
  return { data, missing, warnings: c.warnings };
}

export type NlValidationError = { field: string; rule: 'required' | 'max_length' | 'permitted_values' | 'type'; message: string };

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks an object against the standard's required fields, maximum lengths and permitted values
 * (NL_SCHEMA). Returns every error found, each naming its field ('category[1]',
 * 'lawful_basis_grouping[0].link'); an empty list means the record is acceptable.
 */
export function validateNlAlgoritmeregister(obj: unknown): NlValidationError[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [{ field: '', rule: 'type', message: 'A record must be an object.' }];
  const record = obj as Record<string, unknown>;
  const errors: NlValidationError[] = [];
  const checkString = (field: string, value: unknown, maxLength: number | undefined): void => {
    if (typeof value !== 'string') {
      errors.push({ field, rule: 'type', message: 'Must be text.' });
      return;
    }
    if (maxLength !== undefined && value.length > maxLength) errors.push({ field, rule: 'max_length', message: `At most ${maxLength} characters (has ${value.length}).` });
  };
  for (const [field, rule] of Object.entries(NL_SCHEMA)) {
    const value = record[field];
    if (isBlank(value)) {
      if (rule.required) errors.push({ field, rule: 'required', message: 'Required.' });
      continue;
    }
    if (rule.type === 'array') {
      if (!Array.isArray(value)) {
        errors.push({ field, rule: 'type', message: 'Must be a list.' });
        continue;
      }
      value.forEach((item: unknown, i) => {
        const at = `${field}[${i}]`;
        if (rule.permittedValues) {
          if (typeof item !== 'string' || !rule.permittedValues.includes(item)) errors.push({ field: at, rule: 'permitted_values', message: `Not a permitted value: ${JSON.stringify(item)}.` });
          return;
        }
        if (!rule.items) return;
        if (typeof item !== 'object' || item === null) {
          errors.push({ field: at, rule: 'type', message: 'Must be an object.' });
          return;
        }
        for (const [key, itemRule] of Object.entries(rule.items)) {
          const v = (item as Record<string, unknown>)[key];
          if (isBlank(v)) {
            if (itemRule.required) errors.push({ field: `${at}.${key}`, rule: 'required', message: 'Required.' });
          } else checkString(`${at}.${key}`, v, itemRule.maxLength);
        }
      });
      continue;
    }
    checkString(field, value, rule.maxLength);
    if (rule.type === 'enum' && typeof value === 'string' && rule.permittedValues && !rule.permittedValues.includes(value)) {
      errors.push({ field, rule: 'permitted_values', message: `Not a permitted value: ${JSON.stringify(value)}.` });
    }
  }
  return errors;
}

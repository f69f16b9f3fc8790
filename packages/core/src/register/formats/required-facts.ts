/**
 * What a format needs besides texts before a record can be published to it: organisation settings
 * (contact e-mail, area, address, the EU registration contact), inventory facts (lifecycle stage,
 * unit, tags, who is affected, sourcing), the register entry's details (policy area, technique,
 * links) and the classification. Each is one of the format's required fields (its standard's
 * `required`) that Glassbox fills from that fact, with where staff set it. The texts themselves are
 * checked by formatsRequiredFields / missingRequiredTexts.
 *
 * Fields no Glassbox fact fills (UK ATRS `id`, `organisation_type`, the per-model block…) are not
 * here: nobody could ever publish. README "Register formats" lists them.
 */
import { eurocitiesStatus, EUROCITIES_DOMAIN, EUROCITIES_FIELDS, EUROCITIES_RISK } from './eurocities.js';
import { nlStatus } from './nl-algoritmeregister.js';
import { OMB_TOPIC_AREA } from './omb-2025.js';
import { Art49_4_PUBLIC_FIELDS, type RegisterFormatId, type RegisterRecord } from '../record/register-record.js';

export type RequiredFact = {
  /** The format's field. */
  field: string;
  /** Where in the register record the fact comes from ('organisation.contactEmail'). */
  source: string;
  /** What is missing, in staff's words. */
  label: string;
  /** Where staff set it. */
  where: string;
};

type FactRule = RequiredFact & {
  /** True when the fact is missing from the record. */
  missing: (r: RegisterRecord) => boolean;
};

const blank = (v: string | null | undefined): boolean => (v ?? '').trim() === '';

const SETTINGS = 'Admin → Register settings';
const SYSTEM = 'Inventory → the system → Edit';
const DETAILS = 'Register entry → Links and facts';

const CONTACT_EMAIL: Omit<FactRule, 'field'> = {
  source: 'organisation.contactEmail',
  label: 'Organisation contact e-mail',
  where: `${SETTINGS} → Contact e-mail`,
  missing: (r) => blank(r.organisation.contactEmail),
};
const AREA: Omit<FactRule, 'field'> = {
  source: 'organisation.area',
  label: 'Area the organisation serves',
  where: `${SETTINGS} → Area served`,
  missing: (r) => blank(r.organisation.area),
};
const ADDRESS: Omit<FactRule, 'field'> = {
  source: 'organisation.address',
  label: 'Organisation postal address',
  where: `${SETTINGS} → Postal address`,
  missing: (r) => blank(r.organisation.address),
};
const lifecycle = (label: string, value: (r: RegisterRecord) => string): Omit<FactRule, 'field'> => ({
  source: 'system.lifecycle',
  label,
  where: `Inventory → the system → Lifecycle stage (a rejected or withheld system has no ${label.toLowerCase()})`,
  missing: (r) => value(r) === '',
});
const POLICY_AREA: Omit<FactRule, 'field'> = {
  source: 'system.policyArea',
  label: 'Policy area',
  where: `${DETAILS} → Policy area`,
  missing: (r) => r.system.policyArea === null,
};
const UNIT: Omit<FactRule, 'field'> = { source: 'system.unitName', label: 'Unit (department or team)', where: `${SYSTEM} → Unit`, missing: (r) => blank(r.system.unitName) };

const ATRS_PHASE_EMPTY = (r: RegisterRecord): string => (r.system.lifecycle === null || r.system.lifecycle === 'rejected' ? '' : 'phase');

const UK_TIER1: FactRule[] = [
  { field: 'contact_email', ...CONTACT_EMAIL },
  { field: 'region', ...AREA },
  { field: 'phase', ...lifecycle('Phase', ATRS_PHASE_EMPTY) },
  { field: 'tags', source: 'system.tags', label: 'Tags', where: `${SYSTEM} → Tags`, missing: (r) => r.system.tags.length === 0 },
  {
    field: 'website_url',
    source: 'publication.url',
    label: 'Web page of the entry',
    where: `${DETAILS} → More about the system (documentation)`,
    missing: (r) => blank(r.publication.url) && blank(r.links.documentationUrl),
  },
  {
    field: 'date_archived',
    source: 'system.retiredOn',
    label: 'Date retired',
    where: `${SYSTEM} → Lifecycle stage (retire it through the lifecycle)`,
    missing: (r) => r.system.lifecycle === 'retired' && blank(r.system.retiredOn),
  },
];

const UK_TIER2: FactRule[] = [
  ...UK_TIER1,
  { field: 'team', ...UNIT },
  { field: 'external_supplier_involvement', source: 'system.sourcing', label: 'Sourcing (bought or built)', where: `${SYSTEM} → Sourcing`, missing: (r) => r.system.sourcing === null },
  { field: 'sensitive_attributes', source: 'system.personalData', label: 'Whether it uses personal data', where: `${SYSTEM} → Data categories`, missing: (r) => r.system.personalData === null },
  { field: 'source_data_url', source: 'links.sourceDataUrl', label: 'Link to the source data', where: `${DETAILS} → Open data the system uses`, missing: (r) => blank(r.links.sourceDataUrl) },
];

const NL: FactRule[] = [
  { field: 'contact_email', ...CONTACT_EMAIL },
  { field: 'status', ...lifecycle('Status', (r) => nlStatus(r.system.lifecycle)) },
  // `category` is optional in the standard, but the register is browsed by it: choose a policy area
  // ('Other' is allowed and leaves it empty).
  { field: 'category', ...POLICY_AREA },
];

const eurocitiesRequired = (field: string): boolean => EUROCITIES_FIELDS[field]?.required === true;
const EUROCITIES_RULES: FactRule[] = [
  { field: 'department', ...UNIT },
  { field: 'contact_email', ...CONTACT_EMAIL },
  { field: 'area', ...AREA },
  { field: 'domain', ...POLICY_AREA, missing: (r) => r.system.policyArea === null || !EUROCITIES_DOMAIN[r.system.policyArea] },
  { field: 'status', ...lifecycle('Status', (r) => eurocitiesStatus(r.system.lifecycle)) },
  { field: 'impact', source: 'system.affectedPeople', label: 'Who is affected', where: `${SYSTEM} → Who is affected`, missing: (r) => blank(r.system.affectedPeople) },
  {
    field: 'risk_category',
    source: 'classification.euTier',
    label: 'EU AI Act risk tier',
    where: 'Classification → EU AI Act screening (an undetermined tier has no risk category)',
    missing: (r) => r.classification.euTier === null || EUROCITIES_RISK[r.classification.euTier] === '',
  },
  { field: 'algorithm_type', source: 'system.technique', label: 'Kind of technique', where: `${DETAILS} → Kind of technique`, missing: (r) => r.system.technique === null },
  { field: 'type', source: 'system.useType', label: 'What the output is used for', where: `${DETAILS} → What the output is used for`, missing: (r) => r.system.useType === null },
  { field: 'revision_date', source: 'publication.nextReviewDue', label: 'Next review due', where: `${DETAILS} → Next review due`, missing: (r) => blank(r.publication.nextReviewDue) },
  {
    field: 'description',
    source: 'texts.technicalDescription',
    label: `Technical description of at least ${EUROCITIES_FIELDS.description?.minLength ?? 0} characters`,
    where: 'Register entry → Technical description',
    missing: (r) => !blank(r.texts.technicalDescription) && r.texts.technicalDescription.trim().length < (EUROCITIES_FIELDS.description?.minLength ?? 0),
  },
];
const EUROCITIES = EUROCITIES_RULES.filter((f) => eurocitiesRequired(f.field));

const EU_ANNEX_VIII_C: FactRule[] = [
  { field: 'C.1.email', ...CONTACT_EMAIL },
  { field: 'C.1.address', ...ADDRESS },
  {
    field: 'C.2',
    source: 'organisation.registrationContact',
    label: 'Person who submits the registration (name and e-mail)',
    where: `${SETTINGS} → Person who registers in the EU database`,
    missing: (r) => r.organisation.registrationContact === null,
  },
  {
    field: 'C.3',
    source: 'links.providerEuDatabaseUrl',
    label: 'The provider’s entry in the EU database',
    where: `${DETAILS} → The provider’s entry in the EU database`,
    missing: (r) => blank(r.links.providerEuDatabaseUrl),
  },
];

const OMB_2025: FactRule[] = [
  { field: 'contact_email', ...CONTACT_EMAIL },
  { field: 'agency_bureau', ...UNIT },
  { field: 'development_stage', ...lifecycle('Stage of development', (r) => (r.system.lifecycle === null || r.system.lifecycle === 'rejected' ? '' : 'stage')) },
  {
    field: 'topic_area',
    ...POLICY_AREA,
    label: 'Policy area with an OMB topic area',
    where: `${DETAILS} → Policy area (justice, migration, taxes and finance and economy have no OMB topic area: choose the closest other one)`,
    missing: (r) => r.system.policyArea === null || OMB_TOPIC_AREA[r.system.policyArea] === null,
  },
  {
    field: 'is_high_impact',
    source: 'classification.ombHighImpact',
    label: 'OMB high-impact determination',
    where: 'Classification → screening, US OMB M-25-21 questions (an undetermined answer is not enough)',
    missing: (r) => r.classification.ombHighImpact === null || r.classification.ombHighImpact === 'undetermined',
  },
  { field: 'contracting_usage', source: 'system.sourcing', label: 'Sourcing (bought or built)', where: `${SYSTEM} → Sourcing`, missing: (r) => r.system.sourcing === null },
];

const RULES: Readonly<Record<RegisterFormatId, readonly FactRule[]>> = {
  glassbox: [],
  'uk-atrs-tier1': UK_TIER1,
  'uk-atrs-tier2': UK_TIER2,
  'nl-algoritmeregister': NL,
  eurocities: EUROCITIES,
  'eu-annex-viii-c': EU_ANNEX_VIII_C,
  'us-omb-2025': OMB_2025,
};

const PUBLIC_WHEN_RESTRICTED: ReadonlySet<string> = new Set(Art49_4_PUBLIC_FIELDS);

/**
 * The non-text facts the format requires that the record lacks ([] when there is none). For an
 * Art. 49(4) record only facts of its public minimum are asked for: the rest is withheld by law
 * and its exports say so.
 */
export function missingRequiredFacts(formatId: RegisterFormatId, record: RegisterRecord): RequiredFact[] {
  const restricted = record.publication.restricted;
  return RULES[formatId]
    .filter((rule) => !restricted || PUBLIC_WHEN_RESTRICTED.has(rule.source))
    .filter((rule) => rule.missing(record))
    .map(({ field, source, label, where }) => ({ field, source, label, where }));
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../inventory-io/csv.js';
import { FULL_TEXTS, fullRecord, sparseRecord } from '../record/register-record.fixture.js';
import { ATRS_V3_FIELDS, ATRS_V3_NOT_RECORDED, ATRS_V4_FIELDS, toUkAtrs, toUkAtrsTier1, toUkAtrsTier2, validateUkAtrs } from './uk-atrs.js';

const reference = (name: string): string => readFileSync(new URL(`../../../../../reference/${name}`, import.meta.url), 'utf8');

describe('ATRS v3.0 field table', () => {
  it('matches reference/uk_atrs_v3.0_fields.csv (ref, attribute, tier, required, order)', () => {
    const [header, ...rows] = parseCsv(reference('uk_atrs_v3.0_fields.csv')).filter((r) => r.some((c) => c.trim() !== ''));
    expect(header).toEqual(['ref', 'attribute', 'name', 'tier', 'category', 'type', 'notes', 'required']);
    const fromFile = rows.map((r) => ({ ref: r[0], attribute: r[1]?.trim(), tier: r[3], required: r[7] === 'TRUE' }));
    expect(ATRS_V3_FIELDS).toEqual(fromFile);
  });

  it('v4.0 names are the ones the v4.0 reference lists', () => {
    const v4 = reference('uk_atrs_v4.0_fields.json');
    for (const { attribute } of ATRS_V4_FIELDS) {
      if (attribute === 'operational_data_specification') continue; // section 2.4.4, described but not named in the reference
      expect(v4, attribute).toContain(attribute);
    }
  });
});

const FULL_TIER2: ReadonlyArray<[string, string]> = [
  ['id', ''],
  ['standard_version', '3.0'],
  ['organisation_type', ''],
  ['function', ''],
  ['capability', ''],
  ['task', ''],
  ['tags', 'benefits, triage'],
  ['date_of_completion', '2026-02-10'],
  ['date_updated', '2026-05-04'],
  ['date_archived', ''],
  ['title', 'Benefit triage'],
  ['organisation_name', 'City of Springfield'],
  ['phase', 'Production'],
  ['region', 'Springfield'],
  ['one_sentence_description', 'Sorts housing benefit claims by urgency so that caseworkers see the most urgent ones first.'],
  ['name', 'Benefit triage'],
  ['description', `${FULL_TEXTS.summary}\n\n${FULL_TEXTS.purpose}`],
  ['website_url', 'https://city.example/register/benefit-triage'],
  ['contact_email', 'register@city.example'],
  ['organisation_or_department', 'City of Springfield'],
  ['team', 'Benefits'],
  ['senior_responsible_owner', 'Head of Benefits'],
  ['external_supplier_involvement', 'Yes'],
  ['external_supplier', 'Acme Analytics'],
  ['companies_house_number', ''],
  ['external_supplier_role', FULL_TEXTS.supplierRole],
  ['procurement_procedure_type', 'Call-off from a framework'],
  ['data_access_terms', FULL_TEXTS.supplierDataAccess],
  ['detailed_description', FULL_TEXTS.technicalDescription],
  ['scope', `${FULL_TEXTS.purpose}\n\n${FULL_TEXTS.whatItDoesNot}`],
  ['benefit', FULL_TEXTS.benefits],
  ['previous_process', FULL_TEXTS.previousProcess],
  ['alternatives_considered', FULL_TEXTS.alternativesConsidered],
  ['process_integration', FULL_TEXTS.howItWorks],
  ['provided_information', FULL_TEXTS.outputs],
  ['frequency_and_scale_of_usage', FULL_TEXTS.scaleOfUse],
  ['human_decisions_and_review', FULL_TEXTS.humanRole],
  ['required_training', FULL_TEXTS.staffTraining],
  ['appeals_and_review', FULL_TEXTS.rights],
  ['system_architecture', FULL_TEXTS.systemArchitecture],
  ['maintenance', FULL_TEXTS.monitoring],
  ['models', FULL_TEXTS.methodsAndModels],
  ['model_name', ''],
  ['model_version', ''],
  ['model_task', ''],
  ['model_input', ''],
  ['model_output', ''],
  ['model_architecture', ''],
  ['model_performance', FULL_TEXTS.performance],
  ['datasets', FULL_TEXTS.trainingData],
  ['dataset_purposes', ''],
  ['source_data_name', ''],
  ['data_modality', ''],
  ['data_description', FULL_TEXTS.dataUsed],
  ['data_quantities', ''],
  ['sensitive_attributes', 'Personal data: income, household.'],
  ['data_completeness_and_representativeness', FULL_TEXTS.dataQuality],
  ['source_data_url', 'https://data.city.example/claims'],
  ['data_collection', ''],
  ['data_cleaning', ''],
  ['data_sharing_agreements', FULL_TEXTS.dataSharing],
  ['data_access_and_storage', FULL_TEXTS.dataStorage],
  ['impact_assessment', `${FULL_TEXTS.impactAssessments}\n\nhttps://city.example/fria/triage.pdf\n\nhttps://city.example/dpia/triage.pdf`],
  ['risks_and_mitigations', FULL_TEXTS.risksAndMitigations],
];

/** Fields Glassbox does not record: empty in every export and listed missing. */
const NEVER_FILLED = [
  'id',
  'organisation_type',
  'function',
  'capability',
  'task',
  'companies_house_number',
  'model_name',
  'model_version',
  'model_task',
  'model_input',
  'model_output',
  'model_architecture',
  'dataset_purposes',
  'source_data_name',
  'data_modality',
  'data_quantities',
  'data_collection',
  'data_cleaning',
];

describe('toUkAtrs tier 2 (v3.0), full record', () => {
  const { data, missing, warnings } = toUkAtrsTier2(fullRecord());

  it.each(FULL_TIER2)('%s', (field, expected) => expect(data[field]).toBe(expected));

  it('has every field of the standard, in order, once', () => {
    expect(Object.keys(data)).toEqual([...new Set(ATRS_V3_FIELDS.map((f) => f.attribute))]);
    expect(FULL_TIER2.map(([f]) => f)).toEqual(Object.keys(data));
  });

  it('lists exactly the fields Glassbox does not record as missing', () => {
    expect(missing).toEqual(NEVER_FILLED);
    expect(warnings).toEqual([]);
  });
});

describe('toUkAtrs tier 1', () => {
  it('holds the metadata, title and tier 1 fields only', () => {
    const { data, missing } = toUkAtrsTier1(fullRecord());
    expect(Object.keys(data)).toEqual(ATRS_V3_FIELDS.filter((f) => f.tier !== '2').map((f) => f.attribute));
    expect(missing).toEqual(['id', 'organisation_type', 'function', 'capability', 'task']);
  });

  it('v4.0 tier 1 is the six summary fields', () => {
    const { data, missing } = toUkAtrsTier1(fullRecord(), '4.0');
    expect(data).toEqual({
      name: 'Benefit triage',
      description: `${FULL_TEXTS.summary}\n\n${FULL_TEXTS.purpose}`,
      website_url: 'https://city.example/register/benefit-triage',
      contact_email: 'register@city.example',
      phase: 'Production',
      region: 'Springfield',
    });
    expect(missing).toEqual([]);
  });
});

describe('toUkAtrs, sparse record', () => {
  const { data, missing } = toUkAtrsTier2(sparseRecord());

  it('lists every empty required text as missing', () => {
    for (const field of [
      'region',
      'one_sentence_description',
      'description',
      'website_url',
      'team',
      'senior_responsible_owner',
      'scope',
      'benefit',
      'process_integration',
      'provided_information',
      'human_decisions_and_review',
      'system_architecture',
      'maintenance',
      'models',
      'data_description',
      'impact_assessment',
      'risks_and_mitigations',
      'tags',
    ]) {
      expect(missing, field).toContain(field);
      expect(data[field], field).toBe('');
    }
  });

  it('does not report supplier details of an in-house system, or the archive date of one in use', () => {
    expect(data.external_supplier_involvement).toBe('No');
    for (const f of ['external_supplier', 'companies_house_number', 'external_supplier_role', 'procurement_procedure_type', 'data_access_terms', 'date_archived']) {
      expect(missing).not.toContain(f);
      expect(data[f]).toBe('');
    }
  });

  it('every field empty in the output is listed missing unless it does not apply', () => {
    const notApplicable = new Set(['external_supplier', 'companies_house_number', 'external_supplier_role', 'procurement_procedure_type', 'data_access_terms', 'date_archived']);
    for (const [field, value] of Object.entries(data)) if (value === '' && !notApplicable.has(field)) expect(missing, field).toContain(field);
  });
});

describe('phase', () => {
  it.each([
    ['idea', 'Pre-deployment'],
    ['proposed', 'Pre-deployment'],
    ['in_review', 'Pre-deployment'],
    ['approved', 'Pre-deployment'],
    ['in_service', 'Production'],
    ['suspended', 'Production'],
    ['retired', 'Retired'],
    ['rejected', ''],
  ] as const)('%s → %j', (lifecycle, expected) => {
    const r = fullRecord();
    r.system.lifecycle = lifecycle;
    r.system.retiredOn = lifecycle === 'retired' ? '2026-09-30' : null;
    const { data } = toUkAtrs(r, { tier: 1 });
    expect(data.phase).toBe(expected);
    expect(data.date_archived).toBe(lifecycle === 'retired' ? '2026-09-30' : '');
  });
});

describe('toUkAtrs tier 2 (v4.0)', () => {
  it('uses the v4.0 names and merges', () => {
    const { data } = toUkAtrsTier2(fullRecord(), '4.0');
    expect(Object.keys(data)).toEqual(ATRS_V4_FIELDS.map((f) => f.attribute));
    expect(data.third_party).toBe('Acme Analytics');
    expect(data.integration_into_broader_operational_process).toBe(`${FULL_TEXTS.howItWorks}\n\n${FULL_TEXTS.outputs}`);
    expect(data.detailed_description).toBe(`${FULL_TEXTS.purpose}\n\n${FULL_TEXTS.whatItDoesNot}\n\n${FULL_TEXTS.technicalDescription}`);
    expect(data.human_review).toBe(FULL_TEXTS.humanRole);
    expect(data.system_level_input).toBe(FULL_TEXTS.dataUsed);
    expect(data.system_level_output).toBe(FULL_TEXTS.outputs);
    expect(data.datasets_and_their_purposes).toBe(FULL_TEXTS.trainingData);
  });
});

describe('validateUkAtrs', () => {
  it('names the required fields our full record leaves empty: only those Glassbox does not record', () => {
    const tier2 = validateUkAtrs(toUkAtrsTier2(fullRecord()).data, 2).map((e) => e.field);
    expect(tier2).toEqual(NEVER_FILLED.filter((f) => ATRS_V3_FIELDS.find((d) => d.attribute === f)?.required));
    const tier1 = validateUkAtrs(toUkAtrsTier1(fullRecord()).data, 1).map((e) => e.field);
    expect(tier1).toEqual(['id', 'organisation_type', 'function', 'capability', 'task']);
  });

  it('rejects an empty required field, a non-text value and a non-object', () => {
    const data: Record<string, unknown> = { ...toUkAtrsTier1(fullRecord()).data, id: '7', organisation_type: 'Local authority', function: 'x', capability: 'y', task: 'z' };
    expect(validateUkAtrs(data, 1)).toEqual([]);
    expect(validateUkAtrs({ ...data, contact_email: ' ' }, 1)).toEqual([expect.objectContaining({ field: 'contact_email', rule: 'required' })]);
    expect(validateUkAtrs({ ...data, name: 3 }, 1)).toEqual([expect.objectContaining({ field: 'name', rule: 'type' })]);
    expect(validateUkAtrs('x', 1)).toEqual([expect.objectContaining({ rule: 'type' })]);
    expect(validateUkAtrs({ ...data, phase: 'Retired' }, 1)).toEqual([expect.objectContaining({ field: 'date_archived', rule: 'required' })]);
  });
});

it('ATRS_V3_NOT_RECORDED lists the fields Glassbox never fills', () => {
  expect(ATRS_V3_NOT_RECORDED).toEqual(NEVER_FILLED.filter((f) => f !== 'companies_house_number'));
});

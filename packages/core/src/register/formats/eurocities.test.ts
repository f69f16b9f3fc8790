import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LIFECYCLE_STAGES } from '../../inventory/lifecycle.js';
import { POLICY_AREAS } from '../record/register-record.js';
import { FULL_TEXTS, fullRecord, sparseRecord } from '../record/register-record.fixture.js';
import { EUROCITIES_DOMAIN, EUROCITIES_FIELDS, EUROCITIES_RISK, eurocitiesStatus, toEurocities, validateEurocities } from './eurocities.js';

type YamlField = { attribute: string; type: string; required?: boolean; enum?: { en: string[] }; const?: string };
const standard = parse(readFileSync(new URL('../../../../../reference/eu_cities_algorithmic_transparency_standard_v0.3.1_schema.yaml', import.meta.url), 'utf8')) as {
  version: string;
  properties: YamlField[];
};

describe('EUROCITIES_FIELDS', () => {
  it('has the attributes, types, required flags, English enums and constant of the standard file, in order', () => {
    expect(Object.keys(EUROCITIES_FIELDS)).toEqual(standard.properties.map((p) => p.attribute));
    for (const p of standard.properties) {
      const ours = EUROCITIES_FIELDS[p.attribute];
      expect(ours?.type, p.attribute).toBe(p.type);
      expect(ours?.required, p.attribute).toBe(p.required === true);
      expect(ours?.enum, p.attribute).toEqual(p.enum?.en);
      expect(ours?.const, p.attribute).toBe(p.const);
    }
    expect(EUROCITIES_FIELDS.standard_version?.const).toBe(standard.version);
  });

  it('maps every policy area, lifecycle and EU tier to a permitted value (or none)', () => {
    for (const area of POLICY_AREAS) expect(EUROCITIES_FIELDS.domain?.enum).toContain(EUROCITIES_DOMAIN[area]);
    for (const stage of LIFECYCLE_STAGES) {
      const status = eurocitiesStatus(stage);
      if (status) expect(EUROCITIES_FIELDS.status?.enum, stage).toContain(status);
    }
    for (const risk of Object.values(EUROCITIES_RISK)) if (risk) expect(EUROCITIES_FIELDS.risk_category?.enum).toContain(risk);
  });
});

const FULL: ReadonlyArray<[string, string]> = [
  ['name', 'Benefit triage'],
  ['description_short', 'Sorts housing benefit claims by urgency so that caseworkers see the most urgent ones first. A caseworker decides every claim.'],
  ['organization', 'City of Springfield'],
  ['department', 'Benefits'],
  ['contact_email', 'register@city.example'],
  ['contact_phone', '0100 000 000'],
  ['contact_name', ''],
  ['area', 'Springfield'],
  ['domain', 'subsidies, benefits and allowances'],
  ['website', 'https://city.example/register/benefit-triage'],
  ['status', 'operational'],
  ['remark', ''],
  ['decision_making_process', FULL_TEXTS.howItWorks],
  ['goal', `${FULL_TEXTS.purpose}\n\n${FULL_TEXTS.benefits}`],
  ['impact', 'People who claim housing benefit.'],
  ['risks', FULL_TEXTS.risksAndMitigations],
  ['risk_category', 'high risk'],
  ['proportionality', FULL_TEXTS.proportionality],
  ['lawful_basis', `${FULL_TEXTS.legalBasis}\n\nhttps://legislation.example/hbr-2006`],
  ['documentation', 'https://city.example/benefits/triage'],
  ['training_data', FULL_TEXTS.trainingData],
  ['source_data', FULL_TEXTS.dataUsed],
  ['data_bias', FULL_TEXTS.dataQuality],
  ['connected_data_sources', FULL_TEXTS.dataSharing],
  ['DPIA_description', FULL_TEXTS.dpiaSummary],
  ['DPIA_url', 'https://city.example/dpia/triage.pdf'],
  ['algorithm_type', 'hybrid'],
  ['description', FULL_TEXTS.technicalDescription],
  ['methods_and_models', FULL_TEXTS.methodsAndModels],
  ['performance', FULL_TEXTS.performance],
  ['alternatives_considered', FULL_TEXTS.alternativesConsidered],
  ['product_information', 'https://euaidb.example/entry/123'],
  ['codebase_url', 'https://git.city.example/triage'],
  ['product_page', ''],
  ['AIA_description', FULL_TEXTS.friaSummary],
  ['AIA_url', 'https://city.example/fria/triage.pdf'],
  ['monitoring', FULL_TEXTS.monitoring],
  ['type', 'prescriptive'],
  ['human_intervention', `${FULL_TEXTS.humanRole}\n\n${FULL_TEXTS.oversight}`],
  ['objection_procedure', FULL_TEXTS.rights],
  ['rollback', FULL_TEXTS.rollback],
  ['standard_version', '0.3.1'],
  ['uuid', '6f1c2d3e-0000-4000-8000-000000000001'],
  ['lang', 'en'],
  ['publication_date', '2026-02-10'],
  ['last_change_date', '2026-05-04'],
  ['revision_date', '2027-05-01'],
  ['revision_note', ''],
  ['keywords', 'benefits, triage'],
];

describe('toEurocities, full record', () => {
  const { data, missing, warnings } = toEurocities(fullRecord());

  it.each(FULL)('%s', (field, expected) => expect(data[field]).toBe(expected));

  it('has every attribute of the standard', () => expect(Object.keys(data)).toEqual(FULL.map(([f]) => f)));

  it('passes the validator', () => expect(validateEurocities(data)).toEqual([]));

  it('misses only what Glassbox does not record', () => {
    expect(missing).toEqual(['contact_name', 'product_page', 'revision_note']);
    expect(warnings).toEqual([]);
  });
});

describe('toEurocities, sparse record', () => {
  const { data, missing } = toEurocities(sparseRecord());

  it('lists what is absent, including every required text', () => {
    for (const f of [
      'description_short',
      'department',
      'area',
      'domain',
      'decision_making_process',
      'goal',
      'impact',
      'risks',
      'risk_category',
      'proportionality',
      'lawful_basis',
      'training_data',
      'source_data',
      'connected_data_sources',
      'algorithm_type',
      'description',
      'monitoring',
      'type',
      'human_intervention',
      'objection_procedure',
      'revision_date',
    ]) {
      expect(missing, f).toContain(f);
      expect(data[f], f).toBe('');
    }
  });

  it('the validator names the required fields left empty', () => {
    const required = validateEurocities(data)
      .filter((e) => e.rule === 'required')
      .map((e) => e.field);
    expect(required).toContain('goal');
    expect(required).toContain('risk_category');
    expect(required).not.toContain('name');
  });
});

describe('limits', () => {
  it('cuts the short description to 150 characters and warns', () => {
    const { data, warnings } = toEurocities(fullRecord());
    expect(FULL_TEXTS.summary.length).toBeLessThanOrEqual(150);
    const r = fullRecord();
    r.texts.summary = `${FULL_TEXTS.summary} ${FULL_TEXTS.summary}`;
    const long = toEurocities(r);
    expect(long.data.description_short?.length).toBeLessThanOrEqual(150);
    expect(long.data.description_short?.endsWith('…')).toBe(true);
    expect(long.warnings).toEqual([expect.objectContaining({ field: 'description_short', code: 'truncated' })]);
    expect(data.description_short).toBe(FULL_TEXTS.summary);
    expect(warnings).toEqual([]);
  });

  it('warns when the description is shorter than the 500 characters the standard asks for', () => {
    const r = fullRecord();
    r.texts.technicalDescription = 'Rules.';
    const { warnings, data } = toEurocities(r);
    expect(warnings).toEqual([expect.objectContaining({ field: 'description', code: 'too_short' })]);
    expect(validateEurocities(data)).toEqual([expect.objectContaining({ field: 'description', rule: 'min_length' })]);
  });
});

describe('validateEurocities', () => {
  const valid = (): Record<string, unknown> => ({ ...toEurocities(fullRecord()).data });
  it.each<[string, (r: Record<string, unknown>) => void, string, string]>([
    ['a bad domain', (r) => (r.domain = 'benefits'), 'domain', 'enum'],
    ['a Dutch status', (r) => (r.status = 'operationeel'), 'status', 'enum'],
    ['another version', (r) => (r.standard_version = '0.3.0'), 'standard_version', 'const'],
    ['a bad e-mail', (r) => (r.contact_email = 'nobody'), 'contact_email', 'format'],
    ['a bad URL', (r) => (r.website = 'city.example'), 'website', 'format'],
    ['a bad date', (r) => (r.revision_date = '01/05/2027'), 'revision_date', 'format'],
    ['a bad uuid', (r) => (r.uuid = 'x'), 'uuid', 'format'],
    ['a missing impact', (r) => delete r.impact, 'impact', 'required'],
  ])('rejects %s', (_label, change, field, rule) => {
    const r = valid();
    change(r);
    expect(validateEurocities(r)).toEqual([expect.objectContaining({ field, rule })]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OMB_2025_COLUMNS } from '../../inventory-io/omb-2025.js';
import { POLICY_AREAS, restrictRecord } from '../record/register-record.js';
import { FULL_TEXTS, fullRecord, sparseRecord } from '../record/register-record.fixture.js';
import { OMB_TOPIC_AREA, toOmb2025Row } from './omb-2025.js';

type DictionaryColumn = { valid_selections?: string[] };
const dictionary = JSON.parse(readFileSync(new URL('../../../../../reference/us_omb_2025_ai_use_case_inventory_data_dictionary.json', import.meta.url), 'utf8')) as Record<
  string,
  DictionaryColumn
>;

const FULL: ReadonlyArray<[string, string | null]> = [
  ['id', 'springfield-benefit-triage'],
  ['use_case_name', 'Benefit triage'],
  ['agency_bureau', 'Benefits'],
  ['contact_email', 'register@city.example'],
  ['is_withheld', 'a) No'],
  ['development_stage', 'c) Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.'],
  ['is_high_impact', 'a) High-impact'],
  ['HI_justification', null],
  ['topic_area', 'Government Benefits Processing'],
  ['classification', null],
  ['problem_solved', FULL_TEXTS.purpose],
  ['benefits', FULL_TEXTS.benefits],
  ['system_outputs', FULL_TEXTS.outputs],
  ['operational_date', '2026-02-15'],
  ['contracting_usage', 'a) Purchased from a vendor'],
  ['vendor_name', 'Acme Analytics'],
  ['have_ato', null],
  ['system_name_ato', null],
  ['data_description', FULL_TEXTS.dataUsed],
  ['link_to_data', null],
  ['has_pii', 'Yes'],
  ['pia_url', 'https://city.example/dpia/triage.pdf'],
  ['demographic_features', null],
  ['has_custom_code', null],
  ['code_url', 'https://git.city.example/triage'],
  ['hi_testing_conducted', null],
  ['hi_assessment_completed', null],
  ['hi_potential_impacts', null],
  ['hi_independent_review', null],
  ['hi_ongoing_monitoring', null],
  ['hi_training_established', null],
  ['hi_failsafe_presence', null],
  ['hi_appeal_process', null],
  ['hi_public_consultation', null],
];

describe('toOmb2025Row', () => {
  const { data, missing } = toOmb2025Row(fullRecord());

  it.each(FULL)('%s', (column, expected) => expect(data[column]).toBe(expected));

  it('has the inventory export’s columns, in the dictionary’s order', () => {
    expect(Object.keys(data)).toEqual(OMB_2025_COLUMNS.map((c) => c.id));
    expect(Object.keys(data)).toEqual(Object.keys(dictionary));
  });

  it('writes only permitted values in multiple-choice columns', () => {
    for (const [column, value] of Object.entries(data)) {
      const allowed = dictionary[column]?.valid_selections;
      if (allowed && value !== null) expect(allowed, column).toContain(value);
    }
    for (const area of POLICY_AREAS) {
      const topic = OMB_TOPIC_AREA[area];
      if (topic) expect(dictionary.topic_area?.valid_selections, area).toContain(topic);
    }
  });

  it('lists as missing the unrecorded columns, including the high-impact practices of a high-impact system', () => {
    expect(missing).toEqual([
      'classification',
      'have_ato',
      'link_to_data',
      'demographic_features',
      'has_custom_code',
      'hi_testing_conducted',
      'hi_assessment_completed',
      'hi_potential_impacts',
      'hi_independent_review',
      'hi_ongoing_monitoring',
      'hi_training_established',
      'hi_failsafe_presence',
      'hi_appeal_process',
      'hi_public_consultation',
    ]);
  });

  it('a sparse record falls back to the inventory facts and lists what is absent', () => {
    const { data: row, missing: absent } = toOmb2025Row(sparseRecord());
    expect(row.benefits).toBeNull();
    expect(row.system_outputs).toBe('Recommendations; a person makes the decision.');
    expect(row.data_description).toBe('income; household');
    expect(row.contracting_usage).toBe('b) Developed in-house');
    expect(absent).toEqual(expect.arrayContaining(['agency_bureau', 'is_high_impact', 'topic_area', 'problem_solved', 'benefits', 'pia_url']));
    expect(absent).not.toContain('vendor_name');
    expect(absent).not.toContain('hi_testing_conducted');
  });

  it('a restricted record leaves withheld facts empty instead of guessing', () => {
    const { data: row } = toOmb2025Row(restrictRecord(fullRecord()));
    for (const c of ['development_stage', 'contracting_usage', 'vendor_name', 'system_outputs', 'has_pii', 'problem_solved', 'agency_bureau']) expect(row[c], c).toBeNull();
    expect(row.use_case_name).toBe('Benefit triage');
  });
});

import { describe, expect, it } from 'vitest';
import { REGISTER_FORMAT_IDS, restrictRecord, type RegisterFormatId } from '../record/register-record.js';
import { fullRecord, sparseRecord } from '../record/register-record.fixture.js';
import { missingRequiredFacts } from './required-facts.js';

const fields = (format: RegisterFormatId, r = sparseRecord()): string[] => missingRequiredFacts(format, r).map((f) => f.field);

describe('missingRequiredFacts', () => {
  it.each(REGISTER_FORMAT_IDS)('%s: nothing is missing from the full record', (format) => {
    expect(missingRequiredFacts(format, fullRecord())).toEqual([]);
  });

  it.each<[RegisterFormatId, string[]]>([
    ['glassbox', []],
    ['uk-atrs-tier1', ['region', 'tags', 'website_url']],
    ['uk-atrs-tier2', ['region', 'tags', 'website_url', 'team', 'source_data_url']],
    ['nl-algoritmeregister', ['category']],
    ['eurocities', ['department', 'area', 'domain', 'impact', 'risk_category', 'algorithm_type', 'type', 'revision_date']],
    ['eu-annex-viii-c', ['C.1.address', 'C.2', 'C.3']],
    ['us-omb-2025', ['agency_bureau', 'topic_area', 'is_high_impact']],
  ])('%s: names what the sparse record lacks', (format, expected) => {
    expect(fields(format)).toEqual(expected);
  });

  it('asks for the organisation contact e-mail, naming the format field and where to set it', () => {
    const r = fullRecord();
    r.organisation.contactEmail = '';
    expect(missingRequiredFacts('nl-algoritmeregister', r)).toEqual([
      { field: 'contact_email', source: 'organisation.contactEmail', label: 'Organisation contact e-mail', where: 'Admin → Register settings → Contact e-mail' },
    ]);
  });

  it.each<[RegisterFormatId, string]>([
    ['nl-algoritmeregister', 'status'],
    ['uk-atrs-tier1', 'phase'],
    ['eurocities', 'status'],
    ['us-omb-2025', 'development_stage'],
  ])('%s: a rejected system has no %s', (format, field) => {
    const r = fullRecord();
    r.system.lifecycle = 'rejected';
    expect(fields(format, r)).toEqual([field]);
  });

  it('a retired system needs its retirement date for UK ATRS', () => {
    const r = fullRecord();
    Object.assign(r.system, { lifecycle: 'retired', retiredOn: null });
    expect(fields('uk-atrs-tier1', r)).toEqual(['date_archived']);
  });

  it.each([
    ['justice', ['topic_area']],
    ['other', []],
  ] as const)('OMB: policy area %s', (area, expected) => {
    const r = fullRecord();
    r.system.policyArea = area;
    expect(fields('us-omb-2025', r)).toEqual(expected);
  });

  it('Eurocities: a technical description under 500 characters', () => {
    const r = fullRecord();
    r.texts.technicalDescription = 'Short.';
    expect(fields('eurocities', r)).toEqual(['description']);
  });

  it('an Art. 49(4) record is asked only for facts of its public minimum', () => {
    const r = restrictRecord(fullRecord());
    r.organisation.contactEmail = '';
    r.organisation.area = null;
    expect(fields('nl-algoritmeregister', r)).toEqual(['contact_email']);
    expect(fields('uk-atrs-tier2', r)).toEqual(['contact_email', 'region']);
    expect(fields('eurocities', r)).toEqual(['contact_email', 'area']);
  });
});

import { describe, expect, it } from 'vitest';
import { REGISTER_FORMAT_IDS, restrictRecord, type RegisterFormatId, type RegisterRecord } from '../record/register-record.js';
import { fullRecord, longestRecord, longLink, sparseRecord } from '../record/register-record.fixture.js';
import { validateEurocities } from './eurocities.js';
import { validateNlAlgoritmeregister } from './nl-algoritmeregister.js';
import { REGISTER_FORMATS, exportRegisterRecord, formatsRequiredFields, isRegisterFormatId, missingRequiredTexts } from './register-formats.js';

describe('formatsRequiredFields', () => {
  it.each<[RegisterFormatId, string[]]>([
    ['glassbox', ['summary', 'purpose', 'howItWorks', 'dataUsed', 'humanRole', 'rights', 'contact']],
    ['uk-atrs-tier1', ['summary', 'purpose']],
    [
      'uk-atrs-tier2',
      [
        'summary',
        'purpose',
        'howItWorks',
        'dataUsed',
        'humanRole',
        'benefits',
        'risksAndMitigations',
        'impactAssessments',
        'monitoring',
        'outputs',
        'scaleOfUse',
        'staffTraining',
        'responsibleOwner',
        'systemArchitecture',
        'methodsAndModels',
        'performance',
        'trainingData',
        'dataQuality',
        'dataSharing',
        'dataStorage',
      ],
    ],
    ['nl-algoritmeregister', ['summary']],
    [
      'eurocities',
      [
        'summary',
        'purpose',
        'howItWorks',
        'dataUsed',
        'humanRole',
        'risksAndMitigations',
        'proportionality',
        'rights',
        'legalBasis',
        'monitoring',
        'technicalDescription',
        'trainingData',
        'dataSharing',
      ],
    ],
    ['eu-annex-viii-c', ['friaSummary', 'dpiaSummary']],
    ['us-omb-2025', ['purpose', 'dataUsed', 'benefits', 'outputs']],
  ])('%s', (id, keys) => expect(formatsRequiredFields(id)).toEqual(keys));

  it('the texts each format requires fill its required fields: a record with only those texts has no required field missing', () => {
    const required: Record<RegisterFormatId, (data: unknown, missing: string[]) => string[]> = {
      glassbox: (_d, missing) => missing,
      'uk-atrs-tier1': (_d, missing) => missing.filter((f) => !['id', 'organisation_type', 'function', 'capability', 'task'].includes(f)),
      'uk-atrs-tier2': (_d, missing) =>
        missing.filter((f) =>
          ['scope', 'benefit', 'process_integration', 'provided_information', 'frequency_and_scale_of_usage', 'human_decisions_and_review', 'required_training', 'system_architecture', 'maintenance', 'models', 'impact_assessment', 'risks_and_mitigations', 'senior_responsible_owner'].includes(f),
        ),
      'nl-algoritmeregister': (data) => validateNlAlgoritmeregister(data).map((e) => e.field),
      eurocities: (data) =>
        validateEurocities(data)
          .filter((e) => e.rule === 'required')
          .map((e) => e.field),
      'eu-annex-viii-c': (_d, missing) => missing.filter((f) => f === 'C.4' || f === 'C.5'),
      'us-omb-2025': (_d, missing) => missing.filter((f) => ['problem_solved', 'benefits', 'system_outputs', 'data_description'].includes(f)),
    };
    for (const id of REGISTER_FORMAT_IDS) {
      const r = fullRecord();
      const keep = new Set<string>(formatsRequiredFields(id));
      for (const k of Object.keys(r.texts) as Array<keyof RegisterRecord['texts']>) if (!keep.has(k)) r.texts[k] = '';
      const { data, missing } = exportRegisterRecord(id, r);
      expect(required[id](data, missing), id).toEqual([]);
    }
  });

  it('drops the FRIA and DPIA summaries when they do not apply', () => {
    const r = fullRecord();
    r.classification.friaRequired = false;
    expect(formatsRequiredFields('eu-annex-viii-c', r)).toEqual(['dpiaSummary']);
    r.system.personalData = false;
    expect(formatsRequiredFields('eu-annex-viii-c', r)).toEqual([]);
    expect(formatsRequiredFields('eu-annex-viii-c', restrictRecord(fullRecord()))).toEqual([]);
  });

  it('missingRequiredTexts names the empty ones', () => {
    expect(missingRequiredTexts('uk-atrs-tier1', fullRecord())).toEqual([]);
    expect(missingRequiredTexts('uk-atrs-tier1', sparseRecord())).toEqual(['summary', 'purpose']);
  });
});

describe('exportRegisterRecord', () => {
  it('knows every format', () => {
    expect(REGISTER_FORMATS.map((f) => f.id)).toEqual([...REGISTER_FORMAT_IDS]);
    expect(isRegisterFormatId('eurocities')).toBe(true);
    expect(isRegisterFormatId('xml')).toBe(false);
    for (const id of REGISTER_FORMAT_IDS) expect(exportRegisterRecord(id, fullRecord()).data, id).toBeTruthy();
  });

  it('glassbox is the record itself without the registration contact, with the empty required texts listed', () => {
    expect(exportRegisterRecord('glassbox', fullRecord()).data).toEqual({ ...fullRecord(), organisation: { ...fullRecord().organisation, registrationContact: null } });
    const r = sparseRecord();
    const out = exportRegisterRecord('glassbox', r);
    expect(out.data).toEqual(r);
    expect(out.missing).toEqual(['texts.summary', 'texts.purpose', 'texts.howItWorks', 'texts.dataUsed', 'texts.humanRole', 'texts.rights', 'texts.contact']);
  });

  it('warns on every format that a restricted record is limited', () => {
    const r = restrictRecord(fullRecord());
    for (const id of REGISTER_FORMAT_IDS) expect(exportRegisterRecord(id, r).warnings[0]?.code, id).toBe('withheld');
  });
});

describe('links are never cut', () => {
  // Every link of the longest record is 2,000 characters: each must come out whole, or not at all.
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

  it.each(REGISTER_FORMAT_IDS)('%s', (format) => {
    const { data, warnings } = exportRegisterRecord(format, longestRecord());
    const found = strings(data).flatMap((s) => [...s.matchAll(/https:\/\/city\.example\/a+/g)].map((m) => m[0]));
    for (const link of found) expect(link).toBe(longLink(2000));
    for (const w of warnings.filter((x) => x.code === 'link_too_long')) expect(w.message).toContain('never shortened');
    // Formats without a length limit keep every link.
    if (format !== 'nl-algoritmeregister') expect(found.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyLinks, emptyTexts, type RegisterRecord } from '../record/register-record.js';
import { missingRequiredFields } from './publish.service.js';
import { changedFields, classificationFrom } from './register-record.builder.js';

const record = (patch: Partial<RegisterRecord> = {}): RegisterRecord => ({
  organisation: { name: 'Testshire', slug: 'testshire', country: null, contactEmail: 'ai@test.example', contactUrl: null, contactPhone: null, address: null, area: null, registrationContact: null },
  system: {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'sorter',
    name: 'Sorter',
    unitName: null,
    lifecycle: 'in_service',
    sourcing: 'in_house',
    supplier: null,
    decisionRole: 'recommends',
    personalData: true,
    dataCategories: ['a'],
    tags: [],
    affectedPeople: '',
    policyArea: null,
    technique: null,
    useType: null,
    inServiceSince: null,
    retiredOn: null,
  },
  classification: classificationFrom(null),
  publication: { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', firstPublishedAt: '2026-01-01T00:00:00.000Z', language: 'en', url: null, nextReviewDue: null, restricted: false },
  links: emptyLinks(),
  texts: emptyTexts(),
  ...patch,
});

describe('changedFields', () => {
  const base = record();
  it.each([
    ['nothing but the publication metadata', { publication: { ...base.publication, version: 2, publishedAt: '2026-02-01T00:00:00.000Z' } }, []],
    ['a text', { texts: { ...base.texts, summary: 'New' } }, ['texts.summary']],
    ['an item of a list', { system: { ...base.system, dataCategories: ['a', 'b'] } }, ['system.dataCategories']],
    ['the tier', { classification: { ...base.classification, euTier: 'high' as const } }, ['classification.euTier']],
    [
      'a list of objects whose keys come back in another order (jsonb)',
      { classification: { ...base.classification, euBases: [{ text: 'x', provision: 'Art. 6' } as unknown as { provision: string; text: string }] } },
      ['classification.euBases'],
    ],
  ])('%s', (_label, patch, expected) => {
    expect(changedFields({ record: base, assessments: [] }, { record: record(patch), assessments: [] })).toEqual(expected);
  });

  it('ignores key order inside lists of objects', () => {
    const a = record({ classification: { ...base.classification, euBases: [{ provision: 'Art. 6', text: 'x' }] } });
    const b = record({ classification: { ...base.classification, euBases: [JSON.parse('{"text":"x","provision":"Art. 6"}') as { provision: string; text: string }] } });
    expect(changedFields({ record: a, assessments: [] }, { record: b, assessments: [] })).toEqual([]);
  });

  it('names the published assessments when they change, and nothing for a first publication', () => {
    expect(changedFields({ record: base, assessments: [] }, { record: base, assessments: [{ title: 'FRIA', level: 'low', approvedOn: '2026-01-01' }] })).toEqual(['assessments']);
    expect(changedFields(null, { record: base, assessments: [] })).toEqual([]);
  });
});

describe('missingRequiredFields', () => {
  const filled = { ...emptyTexts(), summary: 'S', purpose: 'P', howItWorks: 'H', dataUsed: 'D', humanRole: 'R', rights: 'Y', contact: 'C' };
  const all = Object.keys(filled).filter((k) => filled[k as keyof typeof filled] !== '') as Array<keyof typeof filled>;
  it.each([
    ['our page only, all written and public', filled, all, [], false, []],
    ['a required text written but not public', filled, all.filter((k) => k !== 'rights'), [], false, [{ field: 'rights', formats: ['glassbox'] }]],
    ['a text the chosen format adds', filled, all, ['eurocities'], false, ['proportionality', 'legalBasis']],
    ['Art. 49(4): only the contact can be required', { ...emptyTexts(), contact: 'C' }, ['contact'], ['uk-atrs-tier2'], true, []],
    ['Art. 49(4) without a contact', emptyTexts(), [], [], true, [{ field: 'contact', formats: ['glassbox'] }]],
  ] as const)('%s', (_label, texts, publicFields, formats, restricted, expected) => {
    const r = record({ texts: { ...texts }, publication: { ...record().publication, restricted } });
    const missing = missingRequiredFields({ texts: { ...texts }, publicFields: [...publicFields] }, [...formats], r);
    if (expected.length > 0 && typeof expected[0] === 'string') {
      for (const key of expected as readonly string[]) expect(missing.map((m) => m.field)).toContain(key);
    } else {
      expect(missing).toEqual(expected);
    }
  });
});

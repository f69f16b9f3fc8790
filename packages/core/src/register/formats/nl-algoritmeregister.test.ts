import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_AREAS, type RegisterRecord } from '../record/register-record.js';
import { FULL_TEXTS, fullRecord, longestRecord, longLink, sparseRecord } from '../record/register-record.fixture.js';
import { type NlAlgoritmeregisterRecord, NL_CATEGORY, NL_SCHEMA, nlPublicationCategory, nlStatus, toNlAlgoritmeregister, validateNlAlgoritmeregister } from './nl-algoritmeregister.js';

type FileField = {
  type: string;
  required?: boolean | string;
  max_length?: number;
  permitted_values?: string[];
  items?: Record<string, { max_length?: number; required?: boolean | string }>;
};
const schemaFile = JSON.parse(
  readFileSync(new URL('../../../../../reference/nl_algoritmeregister_publication_standard_v1_0_schema.json', import.meta.url), 'utf8'),
) as { properties: Record<string, FileField> };

describe('NL_SCHEMA', () => {
  it('states the same required fields, maximum lengths and permitted values as the schema file', () => {
    // The file writes one `required` as the string "false": only `true` means required.
    const fromFile = Object.fromEntries(
      Object.entries(schemaFile.properties).map(([key, f]) => [
        key,
        {
          type: f.type,
          required: f.required === true,
          ...(f.max_length !== undefined ? { maxLength: f.max_length } : {}),
          ...(f.permitted_values ? { permittedValues: f.permitted_values } : {}),
          ...(f.items
            ? {
                items: Object.fromEntries(
                  Object.entries(f.items).map(([k, i]) => [k, { ...(i.max_length !== undefined ? { maxLength: i.max_length } : {}), required: i.required === true }]),
                ),
              }
            : {}),
        },
      ]),
    );
    expect(NL_SCHEMA).toEqual(fromFile);
    expect(Object.keys(NL_SCHEMA)).toEqual(Object.keys(schemaFile.properties));
  });

  it('maps every policy area to a permitted category (or none)', () => {
    for (const area of POLICY_AREAS) {
      const value = NL_CATEGORY[area];
      if (value !== null) expect(NL_SCHEMA.category?.permittedValues, area).toContain(value);
    }
  });
});

const FULL: ReadonlyArray<[string, unknown]> = [
  ['name', 'Benefit triage'],
  ['description_short', FULL_TEXTS.summary],
  ['organization', 'City of Springfield'],
  ['category', ['Sociale zekerheid']],
  ['status', 'In gebruik'],
  ['begin_date', '2026-02'],
  ['end_date', ''],
  ['contact_email', 'register@city.example'],
  ['website', 'https://city.example/benefits/triage'],
  ['publication_category', 'Hoog-risico AI-systeem'],
  ['url', 'https://city.example/register/benefit-triage'],
  ['goal', `${FULL_TEXTS.purpose}\n\n${FULL_TEXTS.benefits}`],
  ['proportionality', FULL_TEXTS.proportionality],
  ['human_intervention', FULL_TEXTS.humanRole],
  ['risks', FULL_TEXTS.risksAndMitigations],
  ['lawful_basis', FULL_TEXTS.legalBasis],
  ['lawful_basis_grouping', [{ title: 'Housing Benefit Regulations 2006.', link: 'https://legislation.example/hbr-2006' }]],
  ['process_index_url', ''],
  [
    'impacttoetsen_grouping',
    [
      { title: 'Data Protection Impact Assessment (DPIA)', link: 'https://city.example/dpia/triage.pdf' },
      { title: 'Fundamental rights impact assessment', link: 'https://city.example/fria/triage.pdf' },
    ],
  ],
  ['impacttoetsen', FULL_TEXTS.impactAssessments],
  ['source_data', FULL_TEXTS.dataUsed],
  ['source_data_grouping', [{ title: 'Source data', link: 'https://data.city.example/claims' }]],
  ['methods_and_models', FULL_TEXTS.methodsAndModels],
  ['provider', 'Acme Analytics'],
  ['publiccode', 'https://git.city.example/triage'],
  ['lang', 'nld'],
  ['standard_version', '1.0'],
  ['source_id', '6f1c2d3e-0000-4000-8000-000000000001'],
  ['tags', 'benefits, triage'],
];

describe('toNlAlgoritmeregister, full record', () => {
  const { data, missing, warnings } = toNlAlgoritmeregister(fullRecord());

  it.each(FULL)('%s', (field, expected) => expect((data as Record<string, unknown>)[field]).toEqual(expected));

  it('covers every field of the standard except the two the register fills itself', () => {
    expect(FULL.map(([f]) => f)).toEqual(Object.keys(NL_SCHEMA).filter((k) => k !== 'lars' && k !== 'publication_dt'));
    expect(Object.keys(data).sort()).toEqual(FULL.map(([f]) => f).sort());
  });

  it('passes the validator', () => expect(validateNlAlgoritmeregister(data)).toEqual([]));

  it('misses only the process index, and warns that the texts are not Dutch', () => {
    expect(missing).toEqual(['process_index_url']);
    expect(warnings).toEqual([expect.objectContaining({ field: 'lang', code: 'language' })]);
  });
});

describe('toNlAlgoritmeregister, sparse record', () => {
  const { data, missing } = toNlAlgoritmeregister(sparseRecord());

  it('the validator refuses it for the one required text staff must write: the short description', () => {
    expect(validateNlAlgoritmeregister(data)).toEqual([expect.objectContaining({ field: 'description_short', rule: 'required' })]);
  });

  it('lists what is absent', () => {
    expect(missing.sort()).toEqual(
      [
        'category',
        'website',
        'url',
        'goal',
        'proportionality',
        'human_intervention',
        'risks',
        'lawful_basis',
        'lawful_basis_grouping',
        'process_index_url',
        'impacttoetsen',
        'impacttoetsen_grouping',
        'source_data',
        'source_data_grouping',
        'methods_and_models',
        'publiccode',
        'description_short',
      ].sort(),
    );
    expect(data.provider).toBe('Intern ontwikkeld');
  });

  it('with a summary written, the validator accepts it', () => {
    const r = sparseRecord();
    r.texts.summary = 'Sorts claims.';
    expect(validateNlAlgoritmeregister(toNlAlgoritmeregister(r).data)).toEqual([]);
  });
});

describe('limits', () => {
  it('cuts a text over its limit at a word boundary and says so', () => {
    const r = fullRecord();
    r.texts.summary = 'word '.repeat(200).trim(); // 999 characters; the standard allows 400
    r.texts.purpose = 'purpose '.repeat(400).trim();
    const { data, warnings } = toNlAlgoritmeregister(r);
    expect(data.description_short.length).toBeLessThanOrEqual(400);
    expect(data.description_short.endsWith('word…')).toBe(true);
    expect(data.goal.length).toBeLessThanOrEqual(2500);
    expect(warnings.map((w) => [w.field, w.code])).toEqual([
      ['description_short', 'truncated'],
      ['goal', 'truncated'],
      ['lang', 'language'],
    ]);
    expect(validateNlAlgoritmeregister(data)).toEqual([]);
  });
});

describe('validateNlAlgoritmeregister', () => {
  const valid = (): Record<string, unknown> => ({ ...toNlAlgoritmeregister(fullRecord()).data });

  it.each<[string, (r: Record<string, unknown>) => void, string, string]>([
    ['a too-long name', (r) => (r.name = 'x'.repeat(101)), 'name', 'max_length'],
    ['a too-long begin date', (r) => (r.begin_date = '2026-02-15'), 'begin_date', 'max_length'],
    ['a bad status', (r) => (r.status = 'Actief'), 'status', 'permitted_values'],
    ['a bad language', (r) => (r.lang = 'en'), 'lang', 'permitted_values'],
    ['a bad category', (r) => (r.category = ['Sociale zekerheid', 'Benefits']), 'category[1]', 'permitted_values'],
    ['a bad publication category', (r) => (r.publication_category = 'Hoog risico'), 'publication_category', 'permitted_values'],
    ['a missing name', (r) => delete r.name, 'name', 'required'],
    ['an empty short description', (r) => (r.description_short = '  '), 'description_short', 'required'],
    ['a missing contact', (r) => delete r.contact_email, 'contact_email', 'required'],
    ['a missing status', (r) => delete r.status, 'status', 'required'],
    ['a lawful basis link without title', (r) => (r.lawful_basis_grouping = [{ link: 'https://x.example' }]), 'lawful_basis_grouping[0].title', 'required'],
    ['a too-long lawful basis title', (r) => (r.lawful_basis_grouping = [{ title: 't'.repeat(101), link: 'https://x.example' }]), 'lawful_basis_grouping[0].title', 'max_length'],
    ['a number for a text', (r) => (r.goal = 42), 'goal', 'type'],
  ])('rejects %s', (_label, change, field, rule) => {
    const r = valid();
    change(r);
    expect(validateNlAlgoritmeregister(r)).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('rejects what is not an object', () => {
    expect(validateNlAlgoritmeregister(null)).toEqual([expect.objectContaining({ rule: 'type' })]);
    expect(validateNlAlgoritmeregister([])).toEqual([expect.objectContaining({ rule: 'type' })]);
  });
});

describe('mappings', () => {
  it.each([
    ['idea', 'In ontwikkeling'],
    ['proposed', 'In ontwikkeling'],
    ['in_review', 'In ontwikkeling'],
    ['approved', 'In ontwikkeling'],
    ['in_service', 'In gebruik'],
    ['suspended', 'Buiten gebruik'],
    ['retired', 'Buiten gebruik'],
    ['rejected', ''],
    [null, ''],
  ] as const)('status of %s → %j', (lifecycle, expected) => {
    expect(nlStatus(lifecycle)).toBe(expected);
    if (expected) expect(NL_SCHEMA.status?.permittedValues).toContain(expected);
  });

  it.each([
    ['high', null, null, 'recommends', true, 'Hoog-risico AI-systeem'],
    ['limited', 'yes', null, 'informs', false, 'Impactvolle algoritmes'],
    ['minimal', 'no', true, 'informs', false, 'Impactvolle algoritmes'],
    ['minimal', 'no', false, 'decides', true, 'Impactvolle algoritmes'],
    ['minimal', 'no', false, 'informs', true, 'Overige algoritmes'],
    ['undetermined', null, null, 'recommends', false, 'Overige algoritmes'],
  ] as const)('tier %s, OMB %s, FRIA %s, %s, personal data %s → %s', (euTier, ombHighImpact, friaRequired, decisionRole, personalData, expected) => {
    const r = fullRecord();
    Object.assign(r.classification, { euTier, ombHighImpact, friaRequired });
    Object.assign(r.system, { decisionRole, personalData });
    expect(nlPublicationCategory(r)).toBe(expected);
  });

  it('a retired system gets its end month', () => {
    const r = fullRecord();
    r.system.lifecycle = 'retired';
    r.system.retiredOn = '2026-10-31';
    expect(toNlAlgoritmeregister(r).data).toMatchObject({ status: 'Buiten gebruik', end_date: '2026-10' });
  });
});

describe('links and limits: every field of the schema against the longest record staff can make', () => {
  const longest = toNlAlgoritmeregister(longestRecord());
  const records: ReadonlyArray<[string, Record<string, unknown>]> = [
    ['full', toNlAlgoritmeregister(fullRecord()).data],
    ['sparse', toNlAlgoritmeregister(sparseRecord()).data],
    ['longest', longest.data],
  ];
  const cases = Object.entries(schemaFile.properties).flatMap(([field, rule]) => records.map(([name, data]) => [field, name, rule, data] as const));

  it.each(cases)('%s (%s record) keeps the schema’s maximum length and permitted values', (field, _name, rule, data) => {
    const value = data[field];
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const v of values) {
      if (typeof v === 'string') {
        if (rule.max_length !== undefined) expect(v.length, field).toBeLessThanOrEqual(rule.max_length);
        if (rule.permitted_values && v !== '') expect(rule.permitted_values, field).toContain(v);
      } else if (v && typeof v === 'object') {
        for (const [key, item] of Object.entries(rule.items ?? {})) {
          const s = (v as Record<string, unknown>)[key];
          if (item.max_length !== undefined && typeof s === 'string') expect(s.length, `${field}.${key}`).toBeLessThanOrEqual(item.max_length);
        }
      }
    }
  });

  it('the longest record passes the validator', () => expect(validateNlAlgoritmeregister(longest.data)).toEqual([]));

  it('leaves out every link over 500 characters, with a warning naming its field, and never cuts one', () => {
    const links = longest.warnings.filter((w) => w.code === 'link_too_long').map((w) => w.field);
    expect(links.sort()).toEqual(['impacttoetsen_grouping.link', 'impacttoetsen_grouping.link', 'lawful_basis_grouping.link', 'publiccode', 'source_data_grouping.link', 'url', 'website'].sort());
    expect(longest.data).toMatchObject({ website: '', url: '', publiccode: '', lawful_basis_grouping: [], impacttoetsen_grouping: [], source_data_grouping: [] });
  });

  it.each([
    ['publiccode', (r: RegisterRecord) => (r.links.codeUrl = longLink(620)), (d: NlAlgoritmeregisterRecord) => d.publiccode],
    ['website', (r: RegisterRecord) => (r.links.documentationUrl = longLink(620)), (d: NlAlgoritmeregisterRecord) => d.website],
    ['lawful_basis_grouping.link', (r: RegisterRecord) => (r.links.legalBasisUrl = longLink(620)), (d: NlAlgoritmeregisterRecord) => d.lawful_basis_grouping.map((g) => g.link).join()],
    ['impacttoetsen_grouping.link', (r: RegisterRecord) => (r.links.dpiaUrl = longLink(620)), (d: NlAlgoritmeregisterRecord) => d.impacttoetsen_grouping.map((g) => g.link).join()],
    ['source_data_grouping.link', (r: RegisterRecord) => (r.links.sourceDataUrl = longLink(620)), (d: NlAlgoritmeregisterRecord) => d.source_data_grouping.map((g) => g.link).join()],
  ])('a 620-character link in %s: left out with a warning, the record still valid', (field, change, read) => {
    const r = fullRecord();
    change(r);
    const { data, warnings } = toNlAlgoritmeregister(r);
    expect(validateNlAlgoritmeregister(data)).toEqual([]);
    expect(warnings).toContainEqual(expect.objectContaining({ field, code: 'link_too_long' }));
    expect(read(data)).not.toContain(longLink(620));
    expect(read(data)).not.toContain('…');
  });

  it('keeps a link of exactly 500 characters whole', () => {
    const r = fullRecord();
    r.links.codeUrl = longLink(500);
    r.links.documentationUrl = longLink(500);
    const { data, warnings } = toNlAlgoritmeregister(r);
    expect([data.publiccode, data.website]).toEqual([longLink(500), longLink(500)]);
    expect(warnings.filter((w) => w.code === 'link_too_long')).toEqual([]);
  });
});

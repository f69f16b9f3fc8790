/**
 * The open-data formats over HTTP, checked by each format's own validator: every demo register
 * record in the formats the demo organisation chose, and a record published through the API to
 * an organisation that chose every format, through the per-record routes and the whole-register
 * routes. The pre-publish check is what makes that hold, so it is tested here too: publishing is
 * refused with a 400 naming each missing fact, its format field and where to set it, and the
 * staff screen's check lists the same before anyone clicks Publish.
 *
 * UK ATRS fields Glassbox records nothing for (ATRS_V3_NOT_RECORDED: the hub's id, its taxonomy,
 * the per-model block) are the only validator errors allowed; README "Register formats" lists them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  ATRS_V3_NOT_RECORDED,
  DEMO_ORG_SLUG,
  installBuiltinTemplates,
  migrate,
  openDatabase,
  parseCsv,
  PUBLIC_TEXT_FIELDS,
  seedDemo,
  validateEuAnnexViiiC,
  validateEurocities,
  validateNlAlgoritmeregister,
  validateUkAtrs,
  type Database,
} from '@glassbox/core';
import { BENEFITS_ELIGIBILITY, makeScreeningAnswers, makeSystem, screenTestSystem } from '@glassbox/core/testing/factories';
import { buildApp } from '../app.js';
import { createTestApp, makeOrgWithEveryRole, testConfig, type TestApp } from '../testing/harness.js';

type DictionaryColumn = { data_type: string; valid_selections?: string[] };
const dictionary = JSON.parse(
  readFileSync(new URL('../../../../reference/us_omb_2025_ai_use_case_inventory_data_dictionary.json', import.meta.url), 'utf8'),
) as Record<string, DictionaryColumn>;

type FormatBody = { record: unknown; missing: string[]; warnings: Array<{ field: string; message: string }> };
type WholeBody = { count: number; records: Array<{ system: string } & FormatBody> };

/** Validator errors of a JSON format, as 'field: rule' (ATRS: without the fields never recorded). */
const JSON_FORMATS = {
  'uk-atrs-tier1': { path: 'uk-atrs.json?tier=1', validate: (r: unknown) => validateUkAtrs(r, 1).filter((e) => !ATRS_V3_NOT_RECORDED.includes(e.field)) },
  'uk-atrs-tier2': { path: 'uk-atrs.json?tier=2', validate: (r: unknown) => validateUkAtrs(r, 2).filter((e) => !ATRS_V3_NOT_RECORDED.includes(e.field)) },
  'nl-algoritmeregister': { path: 'nl-algoritmeregister.json', validate: validateNlAlgoritmeregister },
  eurocities: { path: 'eurocities.json', validate: validateEurocities },
  'eu-annex-viii-c': { path: 'eu-annex-viii-c.json', validate: (r: unknown) => validateEuAnnexViiiC(r, { publicExport: true }) },
} as const;
type JsonFormat = keyof typeof JSON_FORMATS;
const errorsOf = (format: JsonFormat, record: unknown): string[] => JSON_FORMATS[format].validate(record).map((e) => `${e.field}: ${e.rule}`);

/** OMB CSV problems against the data dictionary: the columns and their order, and every chosen value. */
function ombProblems(csv: string, opts: { required: readonly string[] }): string[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, '')).filter((row) => row.some((c) => c !== ''));
  const problems: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(Object.keys(dictionary))) problems.push(`columns: ${JSON.stringify(header)}`);
  for (const row of rows) {
    (header ?? []).forEach((id, i) => {
      const value = row[i] ?? '';
      const column = dictionary[id];
      if (value === '') {
        if (opts.required.includes(id)) problems.push(`${id}: empty`);
        return;
      }
      if (column?.data_type === 'multiple_choice' && !column.valid_selections?.includes(value)) problems.push(`${id}: ${JSON.stringify(value)} is not a valid selection`);
    });
  }
  return problems;
}
/** OMB columns Glassbox fills for every published record (the others: README "Register formats"). */
const OMB_FILLED = ['id', 'use_case_name', 'agency_bureau', 'contact_email', 'is_withheld', 'development_stage', 'is_high_impact', 'topic_area', 'problem_solved', 'contracting_usage', 'has_pii'];

describe('the demo register in the formats its organisation chose', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    // A fresh database of its own: the demo uses fixed slugs that a shared PostgreSQL may already hold.
    database = await openDatabase({ memory: true });
    await migrate(database);
    await installBuiltinTemplates(database);
    await seedDemo(database.db);
    app = await buildApp({ config: testConfig, database, logger: false });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('every published record validates in UK ATRS tier 1 and the Dutch Algoritmeregister, one by one and as a whole register', async () => {
    const register = (await get(`/${DEMO_ORG_SLUG}/register.json`)).json<{ systems: Array<{ system: { slug: string } }> }>();
    const slugs = register.systems.map((s) => s.system.slug);
    expect(slugs).toHaveLength(7);
    for (const format of ['uk-atrs-tier1', 'nl-algoritmeregister'] as const) {
      for (const slug of slugs) {
        const res = await get(`/${DEMO_ORG_SLUG}/register/${slug}/${JSON_FORMATS[format].path}`);
        expect(res.statusCode, `${format} ${slug}`).toBe(200);
        expect(errorsOf(format, res.json<FormatBody>().record), `${format} ${slug}`).toEqual([]);
      }
      const whole = await get(`/${DEMO_ORG_SLUG}/register/formats/${JSON_FORMATS[format].path}`);
      expect(whole.statusCode).toBe(200);
      const body = whole.json<WholeBody>();
      expect(body.count).toBe(7);
      for (const r of body.records) expect(errorsOf(format, r.record), `${format} ${r.system} (whole register)`).toEqual([]);
    }
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Every text, written; the technical description long enough for Eurocities (500 characters). */
const ALL_TEXTS = Object.fromEntries(
  PUBLIC_TEXT_FIELDS.map((f) => [f.key, f.key === 'technicalDescription' ? 'The tool reads each claim and applies the published rules in order. '.repeat(9).trim() : `About ${f.label.toLowerCase()}: written for the public.`]),
);
const LINKS = {
  documentationUrl: 'https://testshire.example/ai/sorter',
  codeUrl: 'https://code.testshire.example/sorter',
  sourceDataUrl: 'https://data.testshire.example/claims',
  dpiaUrl: 'https://testshire.example/ai/sorter/dpia.pdf',
  impactAssessmentUrl: 'https://testshire.example/ai/sorter/fria.pdf',
  providerEuDatabaseUrl: 'https://euaidb.example/entry/42',
  legalBasisUrl: 'https://legislation.example/benefits-act',
};
const EVERY_FORMAT = ['uk-atrs-tier1', 'uk-atrs-tier2', 'nl-algoritmeregister', 'eurocities', 'eu-annex-viii-c', 'us-omb-2025'];
const ORG_DETAILS = {
  country: 'GB',
  address: 'Town Hall, 1 High Street, Testshire',
  contactPhone: '0100 000 000',
  area: 'County of Testshire',
  registrationContact: { name: 'Rita Registrar', email: 'rita@testshire.example', phone: null },
};

type Missing = { missing: Array<{ field: string; formats: string[] }>; missingFacts: Array<{ source: string; label: string; where: string; needs: Array<{ format: string; field: string }> }> };

async function setup(opts: { omb?: boolean } = {}) {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const as = (role: 'admin' | 'governance_officer') => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: sessions[role].headers }),
    put: (p: string, payload: object) => t.app.inject({ method: 'PUT', url: `${api}${p}`, headers: sessions[role].headers, payload }),
    post: (p: string, payload?: object) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: sessions[role].headers, ...(payload && { payload }) }),
    patch: (p: string, payload: object) => t.app.inject({ method: 'PATCH', url: `${api}${p}`, headers: sessions[role].headers, payload }),
  });
  const unit = (await as('admin').post('/units', { name: 'Benefits Service' })).json<{ id: string }>();
  const system = await makeSystem(t.database.db, {
    organisationId: org.id,
    ownerId: sessions.system_owner.user.id,
    name: 'Benefit Claim Sorter',
    publicVisibility: 'public',
    tags: ['benefits', 'triage'],
    unitId: unit.id,
    affectedPeople: 'People who claim benefits.',
    dataCategories: ['income'],
  });
  const omb = { principalBasis: 'no', rightsEffect: 'no', safetyEffect: 'no', presumedCategories: [] } as const;
  await screenTestSystem(t.database.db, { organisationId: org.id, systemId: system.id, answers: makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY, ...(opts.omb && { omb: { ...omb, presumedCategories: [] } }) }) });
  const entry = `/systems/${system.id}/register-entry`;
  return { org, as, system, entry };
}

describe('publishing to every format', () => {
  it('refuses with a 400 naming each missing fact, the format field that needs it and where to set it; the check lists the same beforehand', async () => {
    const s = await setup();
    await s.as('admin').patch('', { contactEmail: null });
    expect((await s.as('admin').put('/register-settings', { formats: EVERY_FORMAT })).statusCode).toBe(200);
    expect((await s.as('admin').put(s.entry, { texts: ALL_TEXTS, publicFields: Object.keys(ALL_TEXTS), details: { links: LINKS } })).statusCode).toBe(200);

    const check = await s.as('governance_officer').get(`${s.entry}/checks`);
    expect(check.statusCode, check.body).toBe(200);
    const before = check.json<Missing>();
    expect(before.missing).toEqual([]);
    const email = before.missingFacts.find((m) => m.source === 'organisation.contactEmail');
    expect(email?.where).toBe('Admin → Register settings → Contact e-mail');
    expect(email?.needs).toEqual(expect.arrayContaining([{ format: 'nl-algoritmeregister', field: 'contact_email' }, { format: 'eu-annex-viii-c', field: 'C.1.email' }]));
    expect(before.missingFacts.map((m) => m.source).sort()).toEqual(
      [
        'organisation.contactEmail',
        'organisation.area',
        'organisation.address',
        'organisation.registrationContact',
        // Twice: any policy area for the Dutch register and Eurocities, one with an OMB topic area for OMB.
        'system.policyArea',
        'system.policyArea',
        'system.technique',
        'system.useType',
        'publication.nextReviewDue',
        'classification.ombHighImpact',
      ].sort(),
    );

    const refused = await s.as('governance_officer').post(`${s.entry}/publish`);
    expect(refused.statusCode).toBe(400);
    const body = refused.json<{ code: string; message: string; fields: Record<string, string>; details: Missing }>();
    expect(body.code).toBe('register.missing_fields');
    expect(body.details.missingFacts).toEqual(before.missingFacts);
    expect(body.fields['organisation.contactEmail']).toContain('Dutch Algoritmeregister `contact_email`');
    expect(body.fields['organisation.contactEmail']).toContain('Admin → Register settings → Contact e-mail');
    expect(body.message).toContain('Organisation contact e-mail');
  });

  it('a rejected system cannot be published to the Dutch register: it has no status', async () => {
    const s = await setup();
    await t.database.db.updateTable('ai_system').set({ lifecycle: 'rejected' }).where('id', '=', s.system.id).execute();
    expect((await s.as('admin').put('/register-settings', { formats: ['nl-algoritmeregister'] })).statusCode).toBe(200);
    expect((await s.as('admin').put(s.entry, { texts: ALL_TEXTS, publicFields: Object.keys(ALL_TEXTS), details: { policyArea: 'benefits' } })).statusCode).toBe(200);
    const refused = await s.as('governance_officer').post(`${s.entry}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ details: Missing }>().details.missingFacts).toEqual([
      expect.objectContaining({ source: 'system.lifecycle', needs: [{ format: 'nl-algoritmeregister', field: 'status' }] }),
    ]);
  });

  it('once everything is set, every format of the published record passes its validator, per record and for the whole register', async () => {
    const s = await setup({ omb: true });
    expect((await s.as('admin').put('/register-settings', { formats: EVERY_FORMAT, organisation: ORG_DETAILS })).statusCode).toBe(200);
    const saved = await s.as('admin').put(s.entry, {
      texts: ALL_TEXTS,
      publicFields: Object.keys(ALL_TEXTS),
      details: { links: LINKS, policyArea: 'benefits', technique: 'rule_based', useType: 'prescriptive', nextReviewDue: '2027-06-30' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await s.as('governance_officer').get(`${s.entry}/checks`)).json<Missing>()).toEqual({ missing: [], missingFacts: [] });
    const published = await s.as('governance_officer').post(`${s.entry}/publish`);
    expect(published.statusCode, published.body).toBe(201);

    const base = `/${s.org.slug}/register`;
    for (const format of Object.keys(JSON_FORMATS) as JsonFormat[]) {
      const one = await t.app.inject({ method: 'GET', url: `${base}/${s.system.slug}/${JSON_FORMATS[format].path}` });
      expect(one.statusCode, format).toBe(200);
      expect(errorsOf(format, one.json<FormatBody>().record), format).toEqual([]);
      const whole = await t.app.inject({ method: 'GET', url: `${base}/formats/${JSON_FORMATS[format].path}` });
      expect(whole.statusCode, format).toBe(200);
      const records = whole.json<WholeBody>().records;
      expect(records).toHaveLength(1);
      for (const r of records) expect(errorsOf(format, r.record), `${format} (whole register)`).toEqual([]);
    }
    for (const url of [`${base}/${s.system.slug}/us-omb-2025.csv`, `${base}/formats/us-omb-2025.csv`]) {
      const csv = await t.app.inject({ method: 'GET', url });
      expect(csv.statusCode, url).toBe(200);
      expect(ombProblems(csv.body, { required: OMB_FILLED }), url).toEqual([]);
    }
  });
});

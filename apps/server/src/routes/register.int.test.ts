/**
 * The public register over HTTP: the staff draft, the required-field check per chosen format, the
 * visibility and Art. 49(4) rules at publish time and again at render time, the history, withdrawal,
 * the public pages in English, Spanish and French, open data (JSON, CSV, formats, Atom), ETag and
 * Last-Modified with cheap 304s, tenant isolation, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createConsultation, importTemplate, publishDraft, systemCtx, updateSystem, type Role } from '@glassbox/core';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { BENEFITS_ELIGIBILITY, makeAssessment, makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Headers = Record<string, string>;
type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: { missing?: Array<{ field: string; formats: string[] }> } };
const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();

/** Every text our own page requires, in plain words. */
const GOOD_TEXTS = {
  summary: 'Helps staff check benefit claims. A person makes every decision.',
  purpose: 'Claims wait too long. The tool sorts them so urgent ones come first.',
  howItWorks: 'The tool reads the claim form and suggests which checks to do first.',
  dataUsed: 'The claim form and the household record we already hold.',
  humanRole: 'A trained caseworker reads every claim and decides.',
  rights: 'You can ask why, ask a person to look again, or appeal within one month.',
  contact: 'Write to the benefits team at benefits@testshire.example.',
};
const GOOD_PUBLIC = Object.keys(GOOD_TEXTS);

async function setup(opts: { visibility?: 'public' | 'internal'; annex?: string[] } = {}) {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const headersOf = (who: Role | Headers): Headers => (typeof who === 'string' ? sessions[who].headers : who);
  const as = (who: Role | Headers) => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: headersOf(who) }),
    put: (p: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    post: (p: string, payload?: unknown) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: headersOf(who), ...(payload !== undefined && { payload: payload as object }) }),
  });
  const system = await makeSystem(t.database.db, {
    organisationId: org.id,
    ownerId: sessions.system_owner.user.id,
    name: 'Benefit Claim Sorter',
    publicVisibility: opts.visibility ?? 'public',
    tags: ['benefits'],
  });
  const answers = opts.annex ? makeScreeningAnswers({ eu: { ...BENEFITS_ELIGIBILITY, annexIII: { points: opts.annex as never } } }) : undefined;
  await screenTestSystem(t.database.db, { organisationId: org.id, systemId: system.id, ...(answers && { answers }) });
  const entry = `/systems/${system.id}/register-entry`;
  return { org, sessions, as, system, entry };
}

const get = (url: string, headers: Headers = {}) => t.app.inject({ method: 'GET', url, headers });

async function publishGood(s: Awaited<ReturnType<typeof setup>>) {
  expect((await s.as('system_owner').put(s.entry, { texts: GOOD_TEXTS, publicFields: GOOD_PUBLIC })).statusCode).toBe(200);
  const res = await s.as('governance_officer').post(`${s.entry}/publish`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ version: number; changedFields: string[] }>();
}

describe('register entry draft', () => {
  it('starts empty, saves texts and public fields, and the owner of the system may edit it', async () => {
    const s = await setup();
    const empty = await s.as('staff').get(s.entry);
    expect(empty.statusCode).toBe(200);
    expect(empty.json<{ texts: { summary: string }; latest: null }>()).toMatchObject({ texts: { summary: '' }, latest: null, publicFields: [] });

    const saved = await s.as('system_owner').put(s.entry, { texts: { summary: 'Sorts claims.' }, publicFields: ['summary'], details: { policyArea: 'benefits', links: { codeUrl: 'https://code.example/sorter' } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ texts: { summary: 'Sorts claims.', purpose: '' }, publicFields: ['summary'], details: { policyArea: 'benefits', links: { codeUrl: 'https://code.example/sorter' } } });
  });

  it('refuses a text over its maximum length, an unknown field and a non-http link, naming each', async () => {
    const s = await setup();
    const res = await s.as('admin').put(s.entry, { texts: { summary: 'x'.repeat(401) } });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {})).toContain('texts.summary');
    const unknown = await s.as('admin').put(s.entry, { texts: { nonsense: 'x' } });
    expect(unknown.statusCode).toBe(400);
    const link = await s.as('admin').put(s.entry, { details: { links: { codeUrl: 'javascript:alert(1)' } } });
    expect(link.statusCode).toBe(400);
    expect(Object.keys(errorOf(link).fields ?? {}).join()).toContain('codeUrl');
  });

  it('lets only admins, governance officers and the system owner edit; others read', async () => {
    const s = await setup();
    for (const role of ['reviewer', 'caseworker', 'auditor', 'staff'] as const) {
      expect((await s.as(role).put(s.entry, { texts: { summary: 'x' } })).statusCode, role).toBe(403);
      expect((await s.as(role).get(s.entry)).statusCode, role).toBe(200);
    }
    // A system owner who does not own this system cannot edit it.
    const otherOwner = await makeUser(t.database.db, { organisationId: s.org.id, roles: ['system_owner'] });
    const { signInAs } = await import('../testing/harness.js');
    const session = await signInAs(t.app, otherOwner);
    expect((await s.as(session.headers).put(s.entry, { texts: { summary: 'x' } })).statusCode).toBe(403);
  });
});

describe('publishing', () => {
  it('names every missing required text with the formats that need it', async () => {
    const s = await setup();
    // The area is set, so only texts are missing (other facts: register-formats.int.test.ts).
    expect((await s.as('admin').put('/register-settings', { formats: ['uk-atrs-tier1'], organisation: { area: 'Testshire' } })).statusCode).toBe(200);
    await s.as('admin').put(s.entry, { texts: { ...GOOD_TEXTS, summary: '' }, publicFields: GOOD_PUBLIC.filter((k) => k !== 'rights') });
    const res = await s.as('governance_officer').post(`${s.entry}/publish`);
    expect(res.statusCode).toBe(400);
    const body = errorOf(res);
    expect(body.code).toBe('register.missing_fields');
    expect(Object.keys(body.fields ?? {}).sort()).toEqual(['texts.rights', 'texts.summary']);
    expect(body.fields?.['texts.summary']).toContain('UK ATRS tier 1');
    expect(body.details?.missing?.find((m) => m.field === 'summary')?.formats).toEqual(['glassbox', 'uk-atrs-tier1']);
    expect(body.details?.missing?.find((m) => m.field === 'rights')?.formats).toEqual(['glassbox']);
  });

  it('publishes version 1, then records what changed in version 2, and refuses an unchanged republish', async () => {
    const s = await setup();
    const v1 = await publishGood(s);
    expect(v1).toMatchObject({ version: 1, changedFields: [] });
    expect((await s.as('admin').post(`${s.entry}/publish`)).statusCode).toBe(409);
    await s.as('admin').put(s.entry, { texts: { whatItDoesNot: 'It never refuses a claim.' }, publicFields: [...GOOD_PUBLIC, 'whatItDoesNot'] });
    const v2 = await s.as('admin').post(`${s.entry}/publish`);
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, changedFields: ['texts.whatItDoesNot'] });

    const history = await s.as('auditor').get(`${s.entry}/publications`);
    expect(history.json<{ items: Array<{ version: number; state: string }>; total: number }>()).toMatchObject({ total: 2, items: [{ version: 2 }, { version: 1 }] });
  });

  it('leaves out texts that are not marked public', async () => {
    const s = await setup();
    await s.as('admin').put(s.entry, { texts: { ...GOOD_TEXTS, oversight: 'Internal note: the panel meets on Tuesdays.' }, publicFields: GOOD_PUBLIC });
    expect((await s.as('admin').post(`${s.entry}/publish`)).statusCode).toBe(201);
    const page = await get(`/${s.org.slug}/register/${s.system.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Helps staff check benefit claims.');
    expect(page.body).not.toContain('panel meets on Tuesdays');
  });

  it('refuses internal systems, and tokens and other roles may not publish', async () => {
    const s = await setup({ visibility: 'internal' });
    await s.as('admin').put(s.entry, { texts: GOOD_TEXTS, publicFields: GOOD_PUBLIC });
    const res = await s.as('admin').post(`${s.entry}/publish`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('register.not_public');
    for (const role of ['system_owner', 'staff', 'auditor'] as const) expect((await s.as(role).post(`${s.entry}/publish`)).statusCode, role).toBe(403);
    expect((await get(`/${s.org.slug}/register/${s.system.slug}`)).statusCode).toBe(404);
  });

  it('publishes only the Art. 49(4) set for a law-enforcement system, and says why', async () => {
    const s = await setup({ annex: ['6(a)'] });
    await s.as('admin').put(s.entry, { texts: { ...GOOD_TEXTS, summary: 'Scores the risk that a person becomes a victim.' }, publicFields: GOOD_PUBLIC });
    const res = await s.as('admin').post(`${s.entry}/publish`);
    expect(res.statusCode, res.body).toBe(201);
    const record = await get(`/${s.org.slug}/register/${s.system.slug}.json`);
    const body = record.json<{ texts: Record<string, string>; publication: { restricted: boolean }; classification: { annexIIIPoints: string[] }; system: { lifecycle: unknown } }>();
    expect(body.publication.restricted).toBe(true);
    expect(body.texts.summary).toBe('');
    expect(body.texts.contact).toBe(GOOD_TEXTS.contact);
    expect(body.classification.annexIIIPoints).toEqual([]);
    expect(body.system.lifecycle).toBeNull();
    const page = await get(`/${s.org.slug}/register/${s.system.slug}`);
    expect(page.body).toContain('Article 49(4)');
    expect(page.body).not.toContain('becomes a victim');
    expect(page.body).not.toContain(GOOD_TEXTS.howItWorks);
  });

  it('withdraws with a reason: the page is gone, the history keeps both versions', async () => {
    const s = await setup();
    await publishGood(s);
    expect((await s.as('admin').post(`${s.entry}/withdraw`, { reason: '' })).statusCode).toBe(400);
    const res = await s.as('admin').post(`${s.entry}/withdraw`, { reason: 'The pilot ended.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, state: 'withdrawn', reason: 'The pilot ended.' });
    expect((await get(`/${s.org.slug}/register/${s.system.slug}`)).statusCode).toBe(404);
    expect((await s.as('admin').post(`${s.entry}/withdraw`, { reason: 'Again.' })).statusCode).toBe(409);
    const history = await s.as('staff').get(`${s.entry}/publications`);
    expect(history.json<{ items: Array<{ state: string }> }>().items.map((i) => i.state)).toEqual(['withdrawn', 'published']);
  });

  it('drops a published system from the public pages as soon as it is made internal', async () => {
    const s = await setup();
    await publishGood(s);
    expect((await get(`/${s.org.slug}/register/${s.system.slug}`)).statusCode).toBe(200);
    await updateSystem(systemCtx(t.database.db, 'test'), { organisationId: s.org.id, ref: s.system.id, changes: { publicVisibility: 'internal' } });
    expect((await get(`/${s.org.slug}/register/${s.system.slug}`)).statusCode).toBe(404);
    expect((await get(`/${s.org.slug}/register.json`)).json<{ count: number }>().count).toBe(0);
  });

  it('publishes the approved assessments with the record, and names them as a change', async () => {
    const s = await setup();
    await publishGood(s);
    const ctx = systemCtx(t.database.db, 'test');
    const key = `register-check-${Date.now()}`;
    const draft = await importTemplate(ctx, { organisationId: s.org.id, format: 'json', content: JSON.stringify({ ...sampleTemplate(), key, title: { en: 'Register impact check', fr: 'Contrôle du registre' } }) });
    await publishDraft(ctx, { organisationId: s.org.id, versionId: draft.id });
    const answers = { name: 'Benefits', phase: 'live', impact1: 'high', impact2: ['a', 'c'], tested: 'yes', people: 40 };
    await makeAssessment(t.database.db, { organisationId: s.org.id, systemId: s.system.id, templateKey: key, answers, status: 'approved' });
    const v2 = await s.as('admin').post(`${s.entry}/publish`);
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json<{ changedFields: string[] }>().changedFields).toContain('assessments');
    const record = (await get(`/${s.org.slug}/register/${s.system.slug}.json`)).json<{ assessments: Array<{ title: string; approvedOn: string }> }>();
    expect(record.assessments).toHaveLength(1);
    expect(record.assessments[0]?.title).toBe('Register impact check');
    const page = await get(`/${s.org.slug}/register/${s.system.slug}`);
    expect(page.body).toContain('Assessments we have published');
    expect(page.body).toContain('Register impact check: approved on');
    expect(page.body).not.toContain('An assessment of it was last approved on');
  });

  it('says under “Last reviewed” when an assessment was approved after the latest publication', async () => {
    const s = await setup();
    await publishGood(s);
    const path = `/${s.org.slug}/register/${s.system.slug}`;
    expect((await get(path)).body).not.toContain('An assessment of it was last approved on');
    const ctx = systemCtx(t.database.db, 'test');
    const key = `register-review-${Date.now()}`;
    const draft = await importTemplate(ctx, { organisationId: s.org.id, format: 'json', content: JSON.stringify({ ...sampleTemplate(), key, title: { en: 'Review check', fr: 'Contrôle de revue' } }) });
    await publishDraft(ctx, { organisationId: s.org.id, versionId: draft.id });
    const answers = { name: 'Benefits', phase: 'live', impact1: 'high', impact2: ['a', 'c'], tested: 'yes', people: 40 };
    await makeAssessment(t.database.db, { organisationId: s.org.id, systemId: s.system.id, templateKey: key, answers, status: 'approved' });
    const page = await get(path, { 'accept-language': 'es' });
    expect(page.body).toContain('La última evaluación aprobada es del');
    expect(page.body).toContain('Actualizamos esta ficha por última vez el');
  });

  it('previews the page exactly as it would be published, in the language asked for', async () => {
    const s = await setup();
    await s.as('admin').put(s.entry, { texts: GOOD_TEXTS, publicFields: GOOD_PUBLIC });
    const res = await s.as('staff').get(`${s.entry}/preview?lang=es`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<html lang="es"');
    expect(res.body).toContain('Vista previa');
    expect(res.body).toContain('Qué hace');
    expect(res.body).toContain('<div lang="en"><p>Helps staff check benefit claims.');
  });

  it('previews every section the public page has, with the version to come in the history, under a banner', async () => {
    const s = await setup();
    await s.as('admin').put(s.entry, { texts: GOOD_TEXTS, publicFields: GOOD_PUBLIC });
    const consultation = await createConsultation(systemCtx(t.database.db, 'test'), {
      organisationId: s.org.id,
      systemId: s.system.id,
      title: 'Sorting claims',
      intro: 'Tell us.',
      questions: [],
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    });
    await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - 3_600_000) }).where('id', '=', consultation.id).execute();
    const sectionIds = (body: string) => [...body.matchAll(/<section class="page-section" id="([a-z-]+)"/g)].map((m) => m[1]);

    const first = await s.as('staff').get(`${s.entry}/preview`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Preview: this is how the page will look once published.');
    for (const id of ['reported-problems', 'decision-requests', 'public-consultation', 'history', 'open-data']) expect(sectionIds(first.body), id).toContain(id);
    expect(first.body).toContain(`/${s.org.slug}/consultations/${consultation.id}`);
    expect(first.body).toContain('Version 1, this publication (');
    expect(first.body).toContain('First publication.');

    await publishGood(s);
    const published = await get(`/${s.org.slug}/register/${s.system.slug}`);
    await s.as('admin').put(s.entry, { texts: { whatItDoesNot: 'It never decides alone.' }, publicFields: [...GOOD_PUBLIC, 'whatItDoesNot'] });
    const next = await s.as('staff').get(`${s.entry}/preview?lang=fr`);
    expect(next.body).toContain('Version 1, publiée le');
    expect(next.body).toContain('Version 2, cette publication (');
    expect(next.body).toContain('Aperçu');
    // The same sections as the public page, plus the one the new text fills.
    expect(sectionIds(next.body)).toEqual(sectionIds(published.body).flatMap((id) => (id === 'decisions' ? ['what-it-does-not-do', id] : [id])));
    expect(published.body).not.toContain('this publication');
  });
});

describe('register settings', () => {
  it('reads and changes the formats; unknown formats are refused; only admins and governance officers change them', async () => {
    const s = await setup();
    expect((await s.as('staff').get('/register-settings')).json()).toMatchObject({ formats: [], version: 0 });
    expect((await s.as('admin').put('/register-settings', { formats: ['nope'] })).statusCode).toBe(400);
    expect((await s.as('system_owner').put('/register-settings', { formats: ['eurocities'] })).statusCode).toBe(403);
    const ok = await s.as('governance_officer').put('/register-settings', { formats: ['nl-algoritmeregister', 'uk-atrs-tier2'], organisation: { country: 'GB' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ formats: ['uk-atrs-tier2', 'nl-algoritmeregister'], organisation: { country: 'GB' } });
  });
});

describe('public register pages', () => {
  it('lists published systems with search, filters and sorting, in en, es and fr', async () => {
    const s = await setup();
    await publishGood(s);
    const list = await get(`/${s.org.slug}/register`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="/${s.org.slug}/register/${s.system.slug}">Benefit Claim Sorter</a>`);
    expect(list.body).toContain('Systems found: 1');
    expect(list.body).toContain('<form class="register-search" method="get"');
    expect((await get(`/${s.org.slug}/register?q=claim+sorter`)).body).toContain('Systems found: 1');
    expect((await get(`/${s.org.slug}/register?q=parking`)).body).toContain('Systems found: 0');
    expect((await get(`/${s.org.slug}/register?tier=high`)).body).toContain('Systems found: 1');
    expect((await get(`/${s.org.slug}/register?tier=minimal`)).body).toContain('Systems found: 0');
    expect((await get(`/${s.org.slug}/register?area=annex-5`)).body).toContain('Systems found: 1');
    expect((await get(`/${s.org.slug}/register?area=tag-benefits`)).body).toContain('Systems found: 1');
    expect((await get(`/${s.org.slug}/register?status=retired`)).body).toContain('Systems found: 0');
    expect((await get(`/${s.org.slug}/register?sort=updated&page=abc&tier=<script>`)).statusCode).toBe(200);
    expect((await get(`/${s.org.slug}/register?lang=es`)).body).toContain('Sistemas encontrados: 1');
    expect((await get(`/${s.org.slug}/register?lang=fr`)).body).toContain('Systèmes trouvés\u00a0: 1');
    // The landing page links the register.
    expect((await get(`/${s.org.slug}`)).body).toContain(`href="/${s.org.slug}/register"`);
  });

  it('shows the system page sections, no empty headings, the history, and translated chrome', async () => {
    const s = await setup();
    await publishGood(s);
    const page = await get(`/${s.org.slug}/register/${s.system.slug}`);
    expect(page.statusCode).toBe(200);
    for (const heading of ['What it does', 'Why we use it', 'What information it uses', 'How decisions are made and what a person does', 'Your rights and how to use them', 'Last reviewed', 'How the law classifies it', 'Change history'])
      expect(page.body).toContain(heading);
    expect(page.body).not.toContain('What it does not do');
    expect(page.body).not.toMatch(/<h[23][^>]*>\s*<\/h[23]>/);
    expect(page.body).toContain('High risk');
    expect(page.body).toContain('Annex III');
    expect(page.body).toContain('Version 1, published on');
    const es = await get(`/${s.org.slug}/register/${s.system.slug}?lang=es`);
    expect(es.body).toContain('<html lang="es"');
    expect(es.body).toContain('Sus derechos y cómo ejercerlos');
    expect(es.body).toContain('Los textos sobre este sistema están escritos en inglés.');
    const fr = await get(`/${s.org.slug}/register/${s.system.slug}?lang=fr`);
    expect(fr.body).toContain('Comment la loi le classe');
    expect(fr.body).toContain('Historique des modifications');
  });

  it('answers 404 for unpublished systems, unknown organisations and other organisations’ systems', async () => {
    const s = await setup();
    await publishGood(s);
    const other = await makeOrganisation(t.database.db);
    expect((await get(`/${other.slug}/register/${s.system.slug}`)).statusCode).toBe(404);
    expect((await get(`/${other.slug}/register/${s.system.slug}.json`)).statusCode).toBe(404);
    expect((await get(`/no-such-org-${Date.now()}/register`)).statusCode).toBe(404);
    const draftOnly = await makeSystem(t.database.db, { organisationId: s.org.id, ownerId: s.sessions.admin.user.id, publicVisibility: 'public' });
    expect((await get(`/${s.org.slug}/register/${draftOnly.slug}`)).statusCode).toBe(404);
    expect((await get(`/${s.org.slug}/register/${draftOnly.slug}/eurocities.json`)).statusCode).toBe(404);
  });
});

describe('open data', () => {
  it('serves the register as JSON and CSV, each record in each format, and an Atom feed', async () => {
    const s = await setup();
    await publishGood(s);
    const base = `/${s.org.slug}/register`;
    const json = await get(`${base}.json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toMatchObject({ count: 1, systems: [{ system: { slug: s.system.slug }, texts: { summary: GOOD_TEXTS.summary } }] });
    const csv = await get(`${base}.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toContain('slug,name,url,summary');
    expect(csv.body).toContain('Benefit Claim Sorter');
    const one = await get(`${base}/${s.system.slug}.json`);
    expect(one.json()).toMatchObject({ system: { name: 'Benefit Claim Sorter' }, publication: { version: 1 } });
    for (const path of ['uk-atrs.json?tier=1', 'uk-atrs.json?tier=2', 'nl-algoritmeregister.json', 'eurocities.json', 'eu-annex-viii-c.json']) {
      const res = await get(`${base}/${s.system.slug}/${path}`);
      expect(res.statusCode, path).toBe(200);
      expect(res.json<{ record: unknown }>().record, path).toBeTruthy();
    }
    const omb = await get(`${base}/${s.system.slug}/us-omb-2025.csv`);
    expect(omb.statusCode).toBe(200);
    expect(omb.body.trim().split('\r\n')).toHaveLength(2);
    expect((await get(`${base}/${s.system.slug}/uk-atrs.json?tier=3`)).statusCode).toBe(404);
    for (const path of ['uk-atrs.json?tier=2', 'nl-algoritmeregister.json', 'eurocities.json', 'eu-annex-viii-c.json', 'us-omb-2025.json', 'us-omb-2025.csv']) {
      const res = await get(`${base}/formats/${path}`);
      expect(res.statusCode, path).toBe(200);
    }
    const atom = await get(`${base}/feed.atom`);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.body).toContain('Benefit Claim Sorter: version 1 published');
  });

  it('gives ETag and Last-Modified, answers 304 to a repeat, and changes the ETag after a publication', async () => {
    const s = await setup();
    await publishGood(s);
    for (const path of [`/${s.org.slug}/register`, `/${s.org.slug}/register/${s.system.slug}`, `/${s.org.slug}/register.json`, `/${s.org.slug}/register/feed.atom`]) {
      const first = await get(path);
      const etag = first.headers.etag as string;
      expect(etag, path).toMatch(/^"/);
      expect(first.headers['last-modified'], path).toBeTruthy();
      const again = await get(path, { 'if-none-match': etag });
      expect(again.statusCode, path).toBe(304);
      expect(again.body).toBe('');
    }
    const json = await get(`/${s.org.slug}/register.json`);
    expect((await get(`/${s.org.slug}/register.json`, { 'if-modified-since': json.headers['last-modified'] as string })).statusCode).toBe(304);
    const page = await get(`/${s.org.slug}/register/${s.system.slug}`);
    await s.as('admin').put(s.entry, { texts: { whatItDoesNot: 'It never decides alone.' }, publicFields: [...GOOD_PUBLIC, 'whatItDoesNot'] });
    await s.as('admin').post(`${s.entry}/publish`);
    const after = await get(`/${s.org.slug}/register/${s.system.slug}`, { 'if-none-match': page.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('It never decides alone.');
    expect(after.body).toContain('Version 2, published on');
    expect(after.body).toContain('What changed: What it does not do.');
  });
});

/**
 * The public forms of citizen services over HTTP, as a browser without JavaScript uses them: the
 * form, a refused post that keeps what was typed, CSRF and honeypot, the redirect to the private
 * status page, translations, escaping, and the rate limit's own page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeSystem, makeUser } from '@glassbox/core/testing/factories';
import { createTestApp, NO_RATE_LIMIT, type TestApp } from '../../testing/harness.js';

let t: TestApp;
let org: { id: string; slug: string; name: string };
let system: { id: string; slug: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  org = await makeOrganisation(t.database.db, 'Citizen Forms Council');
  const owner = await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'] });
  system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id, name: 'Housing benefit triage', publicVisibility: 'public' });
  await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id, name: 'Internal rota planner', publicVisibility: 'internal' });
}, 120_000);
afterAll(async () => t?.close());

type Form = { cookie: string; token: string; body: string };

async function openForm(path: string, headers: Record<string, string> = {}): Promise<Form> {
  const res = await t.app.inject({ method: 'GET', url: path, headers: { ...NO_RATE_LIMIT, ...headers } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'gb_form');
  expect(cookie?.sameSite).toBe('Strict');
  expect(cookie?.httpOnly).toBe(true);
  const token = /name="formToken" value="([^"]+)"/.exec(res.body)?.[1];
  expect(token).toBeTruthy();
  return { cookie: `gb_form=${cookie?.value ?? ''}`, token: token ?? '', body: res.body };
}

function post(path: string, form: Form, fields: Record<string, string>, headers: Record<string, string> = NO_RATE_LIMIT) {
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { ...headers, cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ formToken: form.token, website: '', ...fields }).toString(),
  });
}

const concernCount = async () => Number((await t.database.db.selectFrom('concern').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.id).executeTakeFirstOrThrow()).n);

describe('report a concern', () => {
  it('offers the form in the chosen language, with only public systems to pick', async () => {
    const form = await openForm(`/${org.slug}/concerns/new?lang=es&system=${system.slug}`);
    expect(form.body).toContain('<html lang="es"');
    expect(form.body).toContain('Avisar de un problema con la IA');
    expect(form.body).toContain(`<option value="${system.slug}" selected>Housing benefit triage</option>`);
    expect(form.body).not.toContain('Internal rota planner');
    expect(form.body).toMatch(/<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/);
  });

  it('keeps what was typed and names each problem next to its field, in the person’s language', async () => {
    const form = await openForm(`/${org.slug}/concerns/new?lang=fr`);
    const before = await concernCount();
    const res = await post(`/${org.slug}/concerns?lang=fr`, form, { category: '', description: '<script>alert(1)</script> Mon dossier', contactEmail: 'pas-un-email' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Il y a un problème');
    expect(res.body).toContain('href="#category"');
    expect(res.body).toContain('Saisissez une adresse e-mail comme nom@exemple.org.');
    expect(res.body).toMatch(/id="contactEmail" name="contactEmail" value="pas-un-email"[^>]* aria-invalid="true" aria-describedby="contactEmail-error"/);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Mon dossier</textarea>');
    expect(res.body).not.toContain('<script>alert(1)');
    expect(await concernCount()).toBe(before);
  });

  it.each([
    ['a forged token', (f: Form) => ({ ...f, token: `${Date.now()}.AAAAAAAAAAAAAAAAAAAAAA.forged` })],
    ['another browser’s cookie', (f: Form) => ({ ...f, cookie: 'gb_form=BBBBBBBBBBBBBBBBBBBBBB' })],
    ['no cookie', (f: Form) => ({ ...f, cookie: '' })],
  ])('refuses %s, keeping the text', async (_label, tamper) => {
    const form = tamper(await openForm(`/${org.slug}/concerns/new`));
    const before = await concernCount();
    const res = await post(`/${org.slug}/concerns`, form, { category: 'error', description: 'Kept text' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('This form was open for too long');
    expect(res.body).toContain('Kept text</textarea>');
    expect(await concernCount()).toBe(before);
  });

  it('takes a description of 5,000 Chinese characters, and keeps one of 5,001 with the field’s own message', async () => {
    const form = await openForm(`/${org.slug}/concerns/new?lang=fr`);
    const before = await concernCount();
    const full = '我'.repeat(5000);
    const sent = await post(`/${org.slug}/concerns?lang=fr`, form, { category: 'error', system: system.slug, description: full, contactName: '王'.repeat(200) });
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(303);
    expect(await concernCount()).toBe(before + 1);
    const stored = await t.database.db.selectFrom('concern').select('description').where('organisation_id', '=', org.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(stored.description).toBe(full);

    const tooLong = await post(`/${org.slug}/concerns?lang=fr`, await openForm(`/${org.slug}/concerns/new?lang=fr`), { category: 'error', description: `${full}我` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('href="#description"');
    expect(tooLong.body).toContain('C’est trop long. Raccourcissez le texte.');
    expect(tooLong.body).toContain(`>${full}我</textarea>`);
    expect(await concernCount()).toBe(before + 1);
  });

  it('stores nothing when the honeypot is filled', async () => {
    const form = await openForm(`/${org.slug}/concerns/new`);
    const before = await concernCount();
    const res = await post(`/${org.slug}/concerns`, form, { category: 'error', description: 'Buy cheap pills', website: 'http://spam.example' });
    expect(res.statusCode).toBe(400);
    expect(await concernCount()).toBe(before);
  });

  it('acknowledges only a stored report, with a reference and a private status page', async () => {
    const form = await openForm(`/${org.slug}/concerns/new?lang=es`);
    const res = await post(`/${org.slug}/concerns?lang=es`, form, { category: 'bias', system: system.slug, description: 'El sistema rechaza a personas mayores.', contactEmail: 'ana@example.org' });
    expect(res.statusCode, res.body).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(new RegExp(`^/${org.slug}/concerns/status/[A-Za-z0-9_-]{22}\\?sent=1&lang=es$`));
    const stored = await t.database.db.selectFrom('concern').selectAll().where('organisation_id', '=', org.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ category: 'bias', system_id: system.id, locale: 'es', contact_email: 'ana@example.org' });

    const page = await t.app.inject({ method: 'GET', url: location });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Hemos recibido su aviso.');
    expect(page.body).toContain(stored.reference);
    expect(page.body).toContain('Trato injusto, sesgo o discriminación');
    expect(page.body).toContain('Housing benefit triage');
    expect(page.body).not.toContain('ana@example.org');

    const again = await t.app.inject({ method: 'GET', url: location.replace('?sent=1&lang=es', '?lang=en') });
    expect(again.body).not.toContain('We received your report.');
    expect(again.body).toContain('Received');
  });

  it('answers an unknown link with a translated 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/${org.slug}/concerns/status/${'x'.repeat(22)}?lang=fr` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Nous n’avons pas trouvé cette page');
  });
});

describe('ask about a decision', () => {
  it('shows each type’s deadline and needs a way to answer', async () => {
    const form = await openForm(`/${org.slug}/requests/new?system=${system.slug}&kind=human_review`);
    expect(form.body).toContain('We answer within 30 days.');
    expect(form.body).toContain('We answer within 60 days.');
    expect(form.body).toMatch(/value="human_review" checked/);
    const res = await post(`/${org.slug}/requests`, form, { kind: 'human_review', system: system.slug, description: 'Please look again', contactName: 'Ana' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Give an email address or a postal address so we can answer you.');
    expect(res.body).toContain('Please look again</textarea>');
  });

  it('is received, with its deadline on the private status page', async () => {
    const form = await openForm(`/${org.slug}/requests/new`);
    const res = await post(`/${org.slug}/requests`, form, {
      kind: 'appeal',
      system: system.slug,
      decisionReference: 'HB-2026-0042',
      description: 'I appeal the refusal.',
      contactName: 'Ana',
      postalAddress: '1 Main Street\nRiverton',
    });
    expect(res.statusCode, res.body).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.body).toContain('We received your request.');
    expect(page.body).toContain('To appeal against the decision');
    expect(page.body).toContain('HB-2026-0042');
    expect(page.body).toContain('We will answer by');
  });

  it('takes every field at its limit in Chinese characters', async () => {
    const form = await openForm(`/${org.slug}/requests/new`);
    const res = await post(`/${org.slug}/requests`, form, {
      kind: 'appeal',
      system: system.slug,
      decisionReference: '号'.repeat(200),
      description: '请'.repeat(5000),
      contactName: '王'.repeat(200),
      postalAddress: '路'.repeat(1000),
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  });

  it('tells an organisation without public systems’ visitors where to turn instead', async () => {
    const empty = await makeOrganisation(t.database.db, 'Empty Council');
    const res = await t.app.inject({ method: 'GET', url: `/${empty.slug}/requests/new` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('has not listed any AI tools for requests yet');
  });
});

describe('the landing page', () => {
  it('links to both forms', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/${org.slug}` });
    expect(res.body).toContain(`href="/${org.slug}/requests/new"`);
    expect(res.body).toContain(`href="/${org.slug}/concerns/new"`);
  });
});

describe('rate limit', () => {
  it('turns away the sixth post within ten minutes with a translated page', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.77' };
    const form = await openForm(`/${org.slug}/concerns/new`);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/${org.slug}/concerns?lang=es`,
        remoteAddress: '203.0.113.77',
        headers: { ...ip, cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ formToken: form.token, website: '', category: '', description: '' }).toString(),
      });
      codes.push(res.statusCode);
      if (i === 5) expect(res.body).toContain('Demasiados intentos');
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });
});

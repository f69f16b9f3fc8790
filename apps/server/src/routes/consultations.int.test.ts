/**
 * Public consultations against a real database: staff open one on a public system, change it until
 * it opens, residents comment on the public site without an account (CSRF, honeypot, refusals that
 * keep the text, closed consultations refuse), staff moderate, only approved comments appear (names
 * only where agreed), the summary is published after closing, and the register page links to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation, submitConsultationComment, systemCtx } from '@glassbox/core';
import { makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, signInAs, type Session, type TestApp } from '../testing/harness.js';

let t: TestApp;
let org: { id: string; slug: string; name: string };
let sessions: Record<string, Session>;
let system: { id: string; slug: string; name: string };
let internal: { id: string; slug: string };
let otherOwner: Session;

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const sys = () => systemCtx(t.database.db, 'test');

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeOrgWithEveryRole(t.app, t.database);
  org = made.org;
  sessions = made.sessions;
  system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner?.user.id ?? '', name: 'Call summariser', publicVisibility: 'public' });
  internal = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin?.user.id ?? '', name: 'Internal tool', publicVisibility: 'internal' });
  const other = await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'], name: 'Another owner' });
  otherOwner = await signInAs(t.app, other);
}, 120_000);
afterAll(async () => t?.close());

const api = (path: string) => `/api/v1/orgs/${org.slug}/consultations${path}`;

/** A consultation open now, made directly in the database's past (the API refuses past dates). */
async function openConsultation(questions: string[] = ['Is the summary useful?', 'What worries you?']) {
  const c = await createConsultation(sys(), { organisationId: org.id, systemId: system.id, title: 'Call summaries <pilot>', intro: 'We propose to summarise calls.\n\nTell us what you think.', questions, opensAt: iso(HOUR), closesAt: iso(48 * HOUR) });
  await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - HOUR) }).where('id', '=', c.id).execute();
  return c;
}
const closeIt = (id: string) => t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - 10 * HOUR), closes_at: new Date(Date.now() - HOUR) }).where('id', '=', id).execute();

describe('staff API', () => {
  it('opens a consultation on a public system, edits it until it opens, then refuses changes', async () => {
    const headers = sessions.governance_officer?.headers ?? {};
    const res = await t.app.inject({
      method: 'POST',
      url: api(''),
      headers,
      payload: { systemId: system.id, title: 'Have your say', intro: 'We propose a call summariser.', questions: ['Q1?', ''], opensAt: iso(HOUR), closesAt: iso(10 * HOUR) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: string; state: string; questions: string[]; permissions: { canManage: boolean } };
    expect(created).toMatchObject({ state: 'scheduled', questions: ['Q1?'], permissions: { canManage: true } });
    const patched = await t.app.inject({ method: 'PATCH', url: api(`/${created.id}`), headers, payload: { title: 'Have your say on call summaries' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((patched.json() as { title: string }).title).toBe('Have your say on call summaries');
    await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - HOUR) }).where('id', '=', created.id).execute();
    const late = await t.app.inject({ method: 'PATCH', url: api(`/${created.id}`), headers, payload: { title: 'Too late' } });
    expect(late.statusCode).toBe(409);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', created.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['consultation.created', 'consultation.updated']);
  });

  it('refuses bad input naming the fields, internal systems, and people who do not manage the system', async () => {
    const headers = sessions.admin?.headers ?? {};
    const bad = await t.app.inject({ method: 'POST', url: api(''), headers, payload: { systemId: internal.id, title: '', intro: 'x', questions: [], opensAt: iso(2 * HOUR), closesAt: iso(HOUR) } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys((bad.json() as { fields: Record<string, string> }).fields).sort()).toEqual(['closesAt', 'systemId', 'title']);
    const notOwner = await t.app.inject({ method: 'POST', url: api(''), headers: otherOwner.headers, payload: { systemId: system.id, title: 'T', intro: 'I', questions: [], opensAt: iso(HOUR), closesAt: iso(2 * HOUR) } });
    expect(notOwner.statusCode).toBe(403);
    const owner = await t.app.inject({ method: 'POST', url: api(''), headers: sessions.system_owner?.headers ?? {}, payload: { systemId: system.id, title: 'T', intro: 'I', questions: [], opensAt: iso(HOUR), closesAt: iso(2 * HOUR) } });
    expect(owner.statusCode, owner.body).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: api(''), headers: sessions.staff?.headers ?? {}, payload: {} })).statusCode).toBe(403);
  });

  it('moderates: approve, reject only with a reason; lists comments by state; the audit trail holds no text or names', async () => {
    const c = await openConsultation();
    const a = await submitConsultationComment(sys(), { organisationId: org.id, consultationId: c.id, locale: 'en', comment: 'Private words', name: 'Zoë Secret', showName: 'yes', answers: ['Yes', ''] });
    const b = await submitConsultationComment(sys(), { organisationId: org.id, consultationId: c.id, locale: 'fr', comment: 'Spam spam' });
    const headers = sessions.governance_officer?.headers ?? {};
    const pending = await t.app.inject({ method: 'GET', url: api(`/${c.id}/comments?status=pending`), headers });
    expect(pending.statusCode).toBe(200);
    expect((pending.json() as { total: number }).total).toBe(2);
    const noReason = await t.app.inject({ method: 'PATCH', url: api(`/${c.id}/comments/${b.id}`), headers, payload: { status: 'rejected' } });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as { fields: Record<string, string> }).fields).toHaveProperty('reason');
    const rejected = await t.app.inject({ method: 'PATCH', url: api(`/${c.id}/comments/${b.id}`), headers, payload: { status: 'rejected', reason: 'Advertising' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', moderationReason: 'Advertising', moderatedBy: 'Test governance_officer' });
    const approved = await t.app.inject({ method: 'PATCH', url: api(`/${c.id}/comments/${a.id}`), headers, payload: { status: 'approved' } });
    expect(approved.json()).toMatchObject({ status: 'approved', name: 'Zoë Secret', showName: true, answers: ['Yes', ''] });
    const detail = await t.app.inject({ method: 'GET', url: api(`/${c.id}`), headers: sessions.staff?.headers ?? {} });
    expect(detail.json()).toMatchObject({ comments: { pending: 0, approved: 1, rejected: 1 }, permissions: { canManage: false } });
    expect((await t.app.inject({ method: 'GET', url: api(`/${c.id}/comments`), headers: sessions.staff?.headers ?? {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url: api(`/${c.id}/comments/${a.id}`), headers: otherOwner.headers, payload: { status: 'rejected', reason: 'x' } })).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('audit_event').select(['before', 'after']).where('organisation_id', '=', org.id).where('action', 'like', 'consultation.comment%').execute();
    const text = JSON.stringify(audit);
    expect(text).not.toContain('Private words');
    expect(text).not.toContain('Zoë');
    expect(text).not.toContain('Advertising');
  });

  it('publishes the summary only after closing', async () => {
    const c = await openConsultation([]);
    const headers = sessions.admin?.headers ?? {};
    const early = await t.app.inject({ method: 'PUT', url: api(`/${c.id}/summary`), headers, payload: { summary: 'We heard you.' } });
    expect(early.statusCode).toBe(409);
    await closeIt(c.id);
    const done = await t.app.inject({ method: 'PUT', url: api(`/${c.id}/summary`), headers, payload: { summary: 'We heard you.' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'closed', summary: 'We heard you.' });
    const page = await t.app.inject({ method: 'GET', url: `/${org.slug}/consultations/${c.id}`, headers: NO_RATE_LIMIT });
    expect(page.body).toContain('Our response');
    expect(page.body).toContain('We heard you.');
    expect(page.body).toContain('This consultation is closed');
    expect(page.body).not.toContain('name="formToken"');
  });
});

type Form = { cookie: string; token: string; body: string };

async function openForm(path: string): Promise<Form> {
  const res = await t.app.inject({ method: 'GET', url: path, headers: NO_RATE_LIMIT });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'gb_form');
  const token = /name="formToken" value="([^"]+)"/.exec(res.body)?.[1];
  expect(token).toBeTruthy();
  return { cookie: `gb_form=${cookie?.value ?? ''}`, token: token ?? '', body: res.body };
}

const postForm = (path: string, form: Form, fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: path,
    headers: { ...NO_RATE_LIMIT, cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ formToken: form.token, website: '', ...fields }).toString(),
  });

const commentCount = async (consultationId: string) =>
  Number((await t.database.db.selectFrom('consultation_comment').select((eb) => eb.fn.countAll<number>().as('n')).where('consultation_id', '=', consultationId).executeTakeFirstOrThrow()).n);

describe('register page and the consultation schedule', () => {
  it('shows a consultation as it opens and closes by its dates, though nothing audited changed', async () => {
    const owner = await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'], name: 'Schedule owner' });
    const target = await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id, name: 'Pothole reporter', publicVisibility: 'public' });
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: target.id });
    const entry = `/api/v1/orgs/${org.slug}/systems/${target.id}/register-entry`;
    const texts = {
      summary: 'Sorts pothole reports by urgency.',
      purpose: 'Crews reach dangerous potholes sooner.',
      howItWorks: 'It reads each report and its photo.',
      dataUsed: 'The report and its photo.',
      humanRole: 'A highways officer checks every ranking.',
      rights: 'You can ask a person to look again.',
      contact: 'Write to roads@test.example.',
    };
    expect((await t.app.inject({ method: 'PUT', url: entry, headers: sessions.admin?.headers ?? {}, payload: { texts, publicFields: Object.keys(texts) } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `${entry}/publish`, headers: sessions.admin?.headers ?? {} })).statusCode).toBe(201);
    const c = await createConsultation(sys(), { organisationId: org.id, systemId: target.id, title: 'Pothole ranking', intro: 'Tell us.', questions: [], opensAt: iso(HOUR), closesAt: iso(48 * HOUR) });
    const page = `/${org.slug}/register/${target.slug}`;
    const get = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: page, headers: { ...NO_RATE_LIMIT, ...headers } });

    const scheduled = await get();
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.body).not.toContain(c.id);
    // The dates pass: no audited change, only time.
    await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - HOUR) }).where('id', '=', c.id).execute();
    const opened = await get({ 'if-none-match': scheduled.headers.etag as string });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain(`/${org.slug}/consultations/${c.id}`);
    expect(opened.body).toContain('Open for comments until');
    expect((await get({ 'if-none-match': opened.headers.etag as string })).statusCode).toBe(304);

    await closeIt(c.id);
    const closed = await get({ 'if-none-match': opened.headers.etag as string });
    expect(closed.statusCode).toBe(200);
    expect(closed.headers.etag).not.toBe(opened.headers.etag);
    expect(closed.body).toContain('Closed on');
    expect(closed.body).not.toContain('Open for comments until');
  });
});

describe('public pages', () => {
  it('lists open and past consultations, never scheduled ones, in the chosen language', async () => {
    const open = await openConsultation();
    const scheduled = await createConsultation(sys(), { organisationId: org.id, systemId: system.id, title: 'Not yet', intro: 'Soon', questions: [], opensAt: iso(HOUR), closesAt: iso(2 * HOUR) });
    const res = await t.app.inject({ method: 'GET', url: `/${org.slug}/consultations?lang=fr`, headers: NO_RATE_LIMIT });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="fr"');
    expect(res.body).toContain('Consultations publiques');
    expect(res.body).toContain(`/${org.slug}/consultations/${open.id}`);
    expect(res.body).toContain('Call summaries &lt;pilot&gt;');
    expect(res.body).not.toContain(scheduled.id);
    expect((await t.app.inject({ method: 'GET', url: `/${org.slug}/consultations/${scheduled.id}`, headers: NO_RATE_LIMIT })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/${org.slug}/consultations/not-an-id`, headers: NO_RATE_LIMIT })).statusCode).toBe(404);
  });

  it('takes a comment: refusals keep what was typed; success redirects to a thank-you page; only approved comments appear', async () => {
    const c = await openConsultation();
    const path = `/${org.slug}/consultations/${c.id}`;
    const form = await openForm(`${path}?lang=es`);
    expect(form.body).toContain('Preguntas para reflexionar');
    expect(form.body).toContain('<li>Is the summary useful?</li>');

    const tooLong = await postForm(`${path}/comments?lang=es`, form, { comment: '', answer_0: '<b>Sí</b>', answer_1: 'x'.repeat(2001), name: 'Ana', showName: 'yes' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('href="#comment"');
    expect(tooLong.body).toContain('href="#answer_1"');
    expect(tooLong.body).toMatch(/id="comment"[^>]*aria-invalid="true" aria-describedby="comment-hint comment-error"/);
    expect(tooLong.body).toContain('&lt;b&gt;Sí&lt;/b&gt;</textarea>');
    expect(tooLong.body).toMatch(/id="name" name="name" value="Ana"/);
    expect(tooLong.body).toMatch(/id="showName" name="showName" value="yes" checked/);
    expect(await commentCount(c.id)).toBe(0);

    const forged = await postForm(`${path}/comments`, { ...form, token: `${Date.now()}.AAAAAAAAAAAAAAAAAAAAAA.forged` }, { comment: 'Kept text' });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('Kept text</textarea>');
    const honeypot = await postForm(`${path}/comments`, form, { comment: 'Buy pills', website: 'http://spam.example' });
    expect(honeypot.statusCode).toBe(400);
    expect(await commentCount(c.id)).toBe(0);

    const sent = await postForm(`${path}/comments?lang=es`, form, { comment: 'Me parece útil <script>x</script>', answer_0: 'Sí', name: 'Ana', showName: 'yes' });
    expect(sent.statusCode, sent.body).toBe(303);
    expect(sent.headers.location).toBe(`${path}/thanks?lang=es`);
    const thanks = await t.app.inject({ method: 'GET', url: String(sent.headers.location), headers: NO_RATE_LIMIT });
    expect(thanks.body).toContain('Gracias por su comentario');
    expect(thanks.body).toContain('Leemos cada comentario antes de publicarlo');
    const hidden = await submitConsultationComment(sys(), { organisationId: org.id, consultationId: c.id, locale: 'en', comment: 'Name withheld please', name: 'Bob Private' });

    // Nothing appears before moderation.
    let page = await t.app.inject({ method: 'GET', url: path, headers: NO_RATE_LIMIT });
    expect(page.body).not.toContain('Me parece útil');
    expect(page.body).toContain('No comments have been published yet.');

    const rows = await t.database.db.selectFrom('consultation_comment').select(['id', 'body']).where('consultation_id', '=', c.id).execute();
    const headers = sessions.admin?.headers ?? {};
    for (const r of rows) await t.app.inject({ method: 'PATCH', url: api(`/${c.id}/comments/${r.id}`), headers, payload: { status: 'approved' } });
    page = await t.app.inject({ method: 'GET', url: path, headers: NO_RATE_LIMIT });
    expect(page.body).toContain('Me parece útil &lt;script&gt;x&lt;/script&gt;');
    expect(page.body).not.toContain('<script>x');
    expect(page.body).toContain('Comment from Ana');
    expect(page.body).toContain('Name withheld please');
    expect(page.body).not.toContain('Bob Private');
    expect(page.body).toContain('Comment without a name');
    expect(page.body).toContain('<dt>Is the summary useful?</dt>');
    expect(hidden.id).toBeTruthy();
  });

  it('takes a comment of 5,000 Chinese characters with every answer at its limit, and keeps one of 5,001 with the field’s message', async () => {
    const c = await openConsultation();
    const path = `/${org.slug}/consultations/${c.id}`;
    const full = '我'.repeat(5000);
    const sent = await postForm(`${path}/comments`, await openForm(path), { comment: full, answer_0: '是'.repeat(2000), answer_1: '怕'.repeat(2000), name: '王'.repeat(200) });
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(303);
    expect(await commentCount(c.id)).toBe(1);
    const tooLong = await postForm(`${path}/comments?lang=es`, await openForm(path), { comment: `${full}我` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('href="#comment"');
    expect(tooLong.body).toContain('Es demasiado largo. Acórtelo.');
    expect(tooLong.body).toContain(`>${full}我</textarea>`);
    expect(await commentCount(c.id)).toBe(1);
  });

  it('names a proposed system that is not on the register without linking to a page that does not exist', async () => {
    const proposed = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin?.user.id ?? '', name: 'Proposed parking chatbot', publicVisibility: 'public' });
    const c = await createConsultation(sys(), { organisationId: org.id, systemId: proposed.id, title: 'A parking chatbot?', intro: 'We might answer parking questions with a chatbot.', questions: [], opensAt: iso(HOUR), closesAt: iso(48 * HOUR) });
    await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - HOUR) }).where('id', '=', c.id).execute();
    const res = await t.app.inject({ method: 'GET', url: `/${org.slug}/consultations/${c.id}?lang=fr`, headers: NO_RATE_LIMIT });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Proposed parking chatbot');
    expect(res.body).toContain('pas encore inscrit à notre registre');
    expect(res.body).not.toContain(`/register/${proposed.slug}`);
    expect((await t.app.inject({ method: 'GET', url: `/${org.slug}/register/${proposed.slug}`, headers: NO_RATE_LIMIT })).statusCode).toBe(404);
  });

  it('limits posts per client and answers the sixth with a translated page', async () => {
    const c = await openConsultation();
    const path = `/${org.slug}/consultations/${c.id}`;
    const form = await openForm(path);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${path}/comments?lang=es`,
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'es' },
        payload: new URLSearchParams({ formToken: form.token, website: '', comment: '' }).toString(),
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.body).toContain('<html lang="es"');
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('refuses a comment once the consultation has closed, and keeps the text', async () => {
    const c = await openConsultation();
    const path = `/${org.slug}/consultations/${c.id}`;
    const form = await openForm(path);
    await closeIt(c.id);
    const res = await postForm(`${path}/comments`, form, { comment: 'Arrived too late' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('This consultation closed before your comment arrived');
    expect(res.body).toContain('Arrived too late');
    expect(await commentCount(c.id)).toBe(0);
  });

  it('links the register system page to the system’s consultations', async () => {
    const c = await openConsultation();
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: system.id });
    const entry = `/api/v1/orgs/${org.slug}/systems/${system.id}/register-entry`;
    const texts = {
      summary: 'Summarises calls to the contact centre. A person checks every summary.',
      purpose: 'Advisers spend too long typing notes after each call.',
      howItWorks: 'The tool listens to the call and drafts a note for the adviser.',
      dataUsed: 'The call audio and the case notes.',
      humanRole: 'The adviser reads and corrects every note before saving it.',
      rights: 'You can ask why, ask a person to look again, or opt out at the start of the call.',
      contact: 'Write to contact@test.example.',
    };
    const saved = await t.app.inject({ method: 'PUT', url: entry, headers: sessions.admin?.headers ?? {}, payload: { texts, publicFields: Object.keys(texts) } });
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await t.app.inject({ method: 'POST', url: `${entry}/publish`, headers: sessions.admin?.headers ?? {} });
    expect(published.statusCode, published.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/${org.slug}/register/${system.slug}`, headers: NO_RATE_LIMIT });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('id="public-consultation"');
    expect(res.body).toContain(`/${org.slug}/consultations/${c.id}`);
    // Once published, the consultation page links to the system's register page.
    const consultationPage = await t.app.inject({ method: 'GET', url: `/${org.slug}/consultations/${c.id}`, headers: NO_RATE_LIMIT });
    expect(consultationPage.body).toContain(`<a href="/${org.slug}/register/${system.slug}">Call summariser</a>`);
    expect(consultationPage.body).not.toContain('not on our AI register yet');
    // The notice now uses the published plain-language texts.
    const notice = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/systems/${system.id}/notices/preview?language=en`, headers: sessions.caseworker?.headers ?? {} });
    expect(notice.body).toContain('The tool listens to the call and drafts a note for the adviser.');
    expect(notice.body).toContain('The adviser reads and corrects every note before saving it.');
    expect(notice.body).toContain(`/${org.slug}/register/${system.slug}`);
  });
});

/**
 * The answer letter to a redress request, against a real database: produced in the person's
 * language with their postal address and the decision, every text they wrote escaped, only once a
 * decision exists, only for those who may see the person's contact details, and audited by
 * reference alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitRedressRequest, systemCtx, updateRegisterSettings, type CitizenLocale, type RedressKind } from '@glassbox/core';
import { makeSystem, makeUser } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, signInAs, type Session, type TestApp } from '../testing/harness.js';

let t: TestApp;
let org: { id: string; slug: string; name: string };
let sessions: Record<string, Session>;
let system: { id: string; slug: string };
let gov: Session;

const ctx = () => systemCtx(t.database.db, 'public');
const api = (path: string) => `/api/v1/orgs/${org.slug}${path}`;
const letterUrl = (id: string, format?: string) => api(`/redress-requests/${id}/letter${format ? `?format=${format}` : ''}`);

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeOrgWithEveryRole(t.app, t.database);
  org = made.org;
  sessions = made.sessions;
  gov = sessions.governance_officer as Session;
  system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin?.user.id ?? '', name: 'Benefit triage', publicVisibility: 'public' });
  await updateRegisterSettings(systemCtx(t.database.db, 'test'), { organisationId: org.id, organisation: { address: 'Town Hall\n1 Market Square\nRiverton RV1 2AB', contactPhone: '+44 20 0000 0000' } });
}, 120_000);
afterAll(async () => t?.close());

async function submit(input: { locale: CitizenLocale; kind: RedressKind; name: string; postalAddress: string; email?: string }) {
  return submitRedressRequest(ctx(), {
    organisationId: org.id,
    organisationName: org.name,
    system: system.slug,
    locale: input.locale,
    kind: input.kind,
    decisionReference: 'BEN-2026-0042',
    description: 'Please look at my case again.',
    contactName: input.name,
    contactEmail: input.email,
    postalAddress: input.postalAddress,
    statusUrl: (token) => `https://example.org/status/${token}`,
  });
}

async function decide(id: string, outcome: string, text: string) {
  const res = await t.app.inject({ method: 'PATCH', url: api(`/redress-requests/${id}`), headers: gov.headers, payload: { decision: { outcome, text } } });
  expect(res.statusCode).toBe(200);
}

describe('the answer letter to a redress request', () => {
  it('is refused until a decision exists, then comes in the person’s language with their address, the outcome and the answer, audited by reference only', async () => {
    const sent = await submit({ locale: 'es', kind: 'human_review', name: 'Lucía Gómez', postalAddress: 'Calle Mayor 5, 2º B\n28013 Madrid' });

    const early = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'html'), headers: gov.headers });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'redress.no_answer' });

    const answer = 'Una persona revisó su expediente y corrigió el cálculo de sus ingresos.';
    await decide(sent.id, 'partly_upheld', answer);
    const res = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'html'), headers: gov.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Nuestra respuesta a su solicitud');
    expect(html).toContain('Estimado/a Lucía Gómez:');
    expect(html).toContain('Calle Mayor 5, 2º B<br>\n28013 Madrid');
    expect(html).toContain(`Su número de referencia: ${sent.reference}`);
    expect(html).toContain('Su solicitud: Revisión humana');
    expect(html).toContain('Referencia de la decisión: BEN-2026-0042');
    expect(html).toContain('Resultado: Estimada en parte');
    expect(html).toContain(answer);
    // The organisation: name, postal address, phone, email; how to follow without the private link; the next right.
    expect(html).toContain(org.name);
    expect(html).toContain('Town Hall<br>\n1 Market Square');
    expect(html).toContain('+44 20 0000 0000');
    expect(html).toContain('mailto:ai@test.example');
    expect(html).toContain('no podemos enviárselo de nuevo');
    expect(html).toContain('puede recurrir la decisión');

    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('entity_id', '=', sent.id).where('action', '=', 'redress.letter_produced').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ reference: sent.reference, format: 'html', language: 'es' });
    const recorded = JSON.stringify(audit);
    expect(recorded).not.toContain('Madrid');
    expect(recorded).not.toContain('Lucía');
    expect(recorded).not.toContain('ingresos');
  });

  it('escapes everything the person and staff wrote, and comes as a PDF', async () => {
    const sent = await submit({
      locale: 'fr',
      kind: 'explanation',
      name: '<script>alert(1)</script> O\'Brien & "Co"',
      postalAddress: '<img src=x onerror=alert(1)>\n75001 Paris',
      email: 'obrien@example.org',
    });
    await decide(sent.id, 'explanation_given', 'Le calcul </blockquote><script>steal()</script> est correct.');
    const res = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'html'), headers: gov.headers });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;<br>\n75001 Paris');
    expect(html).toContain('Le calcul &lt;/blockquote&gt;&lt;script&gt;steal()&lt;/script&gt; est correct.');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('demander un réexamen humain');

    const pdf = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'pdf'), headers: gov.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`letter-${sent.reference}-fr.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // PDF is the default format.
    const byDefault = await t.app.inject({ method: 'GET', url: letterUrl(sent.id), headers: gov.headers });
    expect(byDefault.headers['content-type']).toBe('application/pdf');
  });

  it('names the field when the format is wrong, and is refused again once the request is reopened', async () => {
    const sent = await submit({ locale: 'en', kind: 'appeal', name: 'Ann Lee', postalAddress: '2 Mill Lane\nRiverton' });
    await decide(sent.id, 'not_upheld', 'The decision stands.');
    const bad = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'docx'), headers: gov.headers });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys((bad.json() as { fields: Record<string, string> }).fields)).toEqual(['format']);

    const ok = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'html'), headers: gov.headers });
    expect(ok.body).toContain('This letter answers your appeal.');
    expect(ok.body).not.toContain('To do so, contact us');

    const reopen = await t.app.inject({ method: 'PATCH', url: api(`/redress-requests/${sent.id}`), headers: gov.headers, payload: { status: 'in_progress' } });
    expect(reopen.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'html'), headers: gov.headers });
    expect(again.statusCode).toBe(409);
  });

  it('is only for those who may see the person’s contact details, inside the organisation', async () => {
    const sent = await submit({ locale: 'en', kind: 'explanation', name: 'Ben Ode', postalAddress: '3 Quay Road\nRiverton' });
    await decide(sent.id, 'explanation_given', 'Here is why.');
    const before = await t.database.db.selectFrom('audit_event').select('id').where('entity_id', '=', sent.id).where('action', '=', 'redress.letter_produced').execute();

    // Auditors read the case without contact details, so no letter.
    const auditor = await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'pdf'), headers: sessions.auditor?.headers ?? {} });
    expect(auditor.statusCode).toBe(403);
    // The owner of another system does not see this request at all.
    const otherOwner = await signInAs(t.app, await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'], name: 'Owner elsewhere' }));
    expect((await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'pdf'), headers: otherOwner.headers })).statusCode).toBe(404);
    // Another organisation's administrator: not a member here, and no such request in their own.
    const other = await makeOrgWithEveryRole(t.app, t.database);
    const otherAdmin = other.sessions.admin;
    expect((await t.app.inject({ method: 'GET', url: letterUrl(sent.id, 'pdf'), headers: otherAdmin.headers })).statusCode).toBe(403);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${other.org.slug}/redress-requests/${sent.id}/letter?format=pdf`, headers: otherAdmin.headers });
    expect(own.statusCode).toBe(404);

    const after = await t.database.db.selectFrom('audit_event').select('id').where('entity_id', '=', sent.id).where('action', '=', 'redress.letter_produced').execute();
    expect(after).toHaveLength(before.length);
  });
});

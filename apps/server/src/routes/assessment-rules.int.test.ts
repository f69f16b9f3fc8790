/**
 * Over HTTP: the organisation's assessment rules (read, replace with errors keyed by path, reset),
 * a material change recorded on a system, and an assessment that keeps reporting the template
 * version it was started on after a newer version is published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplate, publishDraft, systemCtx, type Role } from '@glassbox/core';
import { makeAssessment, makeSystem, screenTestSystem } from '@glassbox/core/testing/factories';
import { DEFAULT_ASSESSMENT_RULES, type TemplateDocument } from '@glassbox/rules';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { createTestApp, makeOrgWithEveryRole, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type ErrorBody = { code: string; message: string; fields?: Record<string, string> };
type RulesBody = { rules: Array<{ id: string; templateKey: string }>; isDefault: boolean; updatedAt: string | null; templateTitles: Record<string, string>; systemsResynced?: number };

let n = 0;
async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const as = (who: Role) => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: sessions[who].headers }),
    post: (p: string, payload: unknown) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: sessions[who].headers, payload: payload as object }),
    put: (p: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `${api}${p}`, headers: sessions[who].headers, payload: payload as object }),
    del: (p: string) => t.app.inject({ method: 'DELETE', url: `${api}${p}`, headers: sessions[who].headers }),
  });
  const system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id, name: `Rules system ${++n}` });
  return { org, sessions, as, system };
}

async function publish(organisationId: string, document: TemplateDocument): Promise<void> {
  const ctx = systemCtx(t.database.db, 'test');
  const draft = await importTemplate(ctx, { organisationId, format: 'json', content: JSON.stringify(document) });
  await publishDraft(ctx, { organisationId, versionId: draft.id });
}

const OWN_RULE = { id: 'own-check', templateKey: 'own-check', when: { decisionRole: ['recommends'] }, reason: 'Our own check for recommending systems.', source: 'Council AI policy §2' };

describe('assessment rules over HTTP', () => {
  it('reads the defaults, replaces them with rules naming the organisation’s own template, and resets', async () => {
    const { org, as, system } = await setup();
    const initial = await as('auditor').get('/assessment-rules');
    expect(initial.statusCode, initial.body).toBe(200);
    expect(initial.json<RulesBody>()).toMatchObject({ isDefault: true, updatedAt: null });
    expect(initial.json<RulesBody>().rules.map((r) => r.id)).toEqual(DEFAULT_ASSESSMENT_RULES.map((r) => r.id));

    await publish(org.id, { ...sampleTemplate(), key: 'own-check', title: { en: 'Our own check', fr: 'Notre contrôle' } });
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: system.id });
    const put = await as('governance_officer').put('/assessment-rules', { rules: [OWN_RULE] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<RulesBody>()).toMatchObject({ isDefault: false, systemsResynced: 1, templateTitles: { 'own-check': 'Our own check' } });
    const needs = (await as('staff').get(`/systems/${system.slug}/assessments`)).json<{ needed: Array<{ templateKey: string; reasons: string[] }> }>().needed;
    expect(needs).toEqual([expect.objectContaining({ templateKey: 'own-check', reasons: ['Our own check for recommending systems. (Council AI policy §2)'] })]);
    expect((await as('staff').get('/assessment-rules')).json<RulesBody>()).toMatchObject({ isDefault: false, rules: [OWN_RULE] });

    const reset = await as('admin').del('/assessment-rules');
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json<RulesBody>()).toMatchObject({ isDefault: true, updatedAt: null });
    expect((await as('staff').get(`/systems/${system.slug}/assessments`)).json<{ needed: Array<{ templateKey: string }> }>().needed.map((a) => a.templateKey)).not.toContain('own-check');
  });

  it('answers 400 with field errors keyed by path, including unknown template keys', async () => {
    const { as } = await setup();
    const res = await as('admin').put('/assessment-rules', {
      rules: [
        { ...OWN_RULE, templateKey: 'fria', id: 'a' },
        { ...OWN_RULE, templateKey: 'fria', id: 'Not Kebab' },
        { ...OWN_RULE, id: 'c', templateKey: 'nobody-has-this' },
        { ...OWN_RULE, id: 'd', templateKey: 'fria', when: { lifecycle: ['someday'] } },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('assessment_rules.invalid');
    expect(Object.keys(body.fields ?? {})).toEqual(['[3].when.lifecycle[0]']);
    const meaning = await as('admin').put('/assessment-rules', { rules: [{ ...OWN_RULE, templateKey: 'fria', id: 'a' }, { ...OWN_RULE, templateKey: 'fria', id: 'Not Kebab' }, { ...OWN_RULE, id: 'c', templateKey: 'nobody-has-this' }] });
    expect(meaning.statusCode).toBe(400);
    expect(meaning.json<ErrorBody>().fields).toEqual({
      '[1].id': 'Rule id "Not Kebab" must be kebab-case.',
      '[2].templateKey': 'No template of the organisation or of Glassbox has the key "nobody-has-this".',
    });
    expect((await as('system_owner').put('/assessment-rules', { rules: [] })).statusCode).toBe(403);
    expect((await as('admin').get('/assessment-rules')).json<RulesBody>().isDefault).toBe(true);
  });
});

describe('recording a material change', () => {
  it('marks the approved assessments due with the reason; the system’s owner may record it, an auditor may not', async () => {
    const { org, as, system } = await setup();
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: system.id });
    const key = `changed-${n}`;
    await publish(org.id, { ...sampleTemplate(), key, title: { en: 'Impact check', fr: 'Contrôle' }, reassessment: { everyMonths: 12, onMaterialChange: true } });
    const approved = await makeAssessment(t.database.db, { organisationId: org.id, systemId: system.id, templateKey: key, answers: { name: 'Benefits', phase: 'live', impact1: 'high', impact2: ['a', 'c'], tested: 'yes', people: 40 }, status: 'approved' });

    expect((await as('auditor').post(`/systems/${system.slug}/material-change`, { reason: 'New data source.' })).statusCode).toBe(403);
    const empty = await as('system_owner').post(`/systems/${system.slug}/material-change`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().fields).toHaveProperty('reason');

    const res = await as('system_owner').post(`/systems/${system.slug}/material-change`, { reason: 'The supplier retrained the model on 2026 claims.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reason: 'A material change was recorded: The supplier retrained the model on 2026 claims.', assessments: [{ id: approved.id, templateKey: key }] });
    const detail = (await as('staff').get(`/assessments/${approved.id}`)).json<{ reassessmentDue: boolean; reassessmentDueReason: string }>();
    expect(detail).toMatchObject({ reassessmentDue: true, reassessmentDueReason: 'A material change was recorded: The supplier retrained the model on 2026 claims.' });
  });
});

describe('template versions', () => {
  it('an assessment keeps reporting the version it was started on after a newer version is published', async () => {
    const { org, sessions, as, system } = await setup();
    const key = `versioned-${n}`;
    const v1: TemplateDocument = { ...sampleTemplate(), key, title: { en: 'Versioned check', fr: 'Contrôle versionné' } };
    await publish(org.id, v1);
    const approved = await makeAssessment(t.database.db, { organisationId: org.id, systemId: system.id, templateKey: key, answers: { name: 'Benefits', phase: 'live', impact1: 'high', impact2: ['a', 'c'], tested: 'yes', people: 40 }, status: 'approved' });
    const other = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id, name: `Versioned other ${n}` });
    const draft = await makeAssessment(t.database.db, { organisationId: org.id, systemId: other.id, templateKey: key });

    // Version 2 renames the template and drops a question.
    const firstQuestion = v1.sections[0]?.questions[0]?.id ?? '';
    await publish(org.id, { ...v1, title: { en: 'Versioned check, second edition', fr: 'Contrôle versionné, 2e édition' }, sections: v1.sections.map((s, i) => (i === 0 ? { ...s, questions: s.questions.slice(1) } : s)) });

    for (const a of [approved, draft]) {
      const res = await as('auditor').get(`/assessments/${a.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ templateVersion: number; templateVersionId: string; document: { title: { en: string }; sections: Array<{ questions: Array<{ id: string }> }> } }>();
      expect(body.templateVersion).toBe(1);
      expect(body.templateVersionId).toBe(a.templateVersionId);
      expect(body.document.title.en).toBe('Versioned check');
      expect(body.document.sections[0]?.questions.map((q) => q.id)).toContain(firstQuestion);
    }
    const list = (await as('auditor').get(`/assessments?templateKey=${key}`)).json<{ items: Array<{ id: string; templateVersion: number }> }>();
    expect(list.items.map((i) => i.templateVersion)).toEqual([1, 1]);
    // A new assessment starts on version 2.
    const third = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id, name: `Versioned third ${n}` });
    const started = await as('system_owner').post(`/systems/${third.slug}/assessments`, { templateKey: key });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<{ templateVersion: number }>().templateVersion).toBe(2);
  });
});

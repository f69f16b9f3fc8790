/**
 * Assessment templates over HTTP: the built-ins installed and listed, the official Canadian AIA
 * SurveyJS file imported as a draft with its import report, validation errors named by path,
 * clone → edit → publish with versions that never change once published (also in the database),
 * export and re-import, the preview score, which version new assessments start on, tenant isolation
 * and who may do what.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { resolveTemplateForUse, systemCtx, type Role } from '@glassbox/core';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { createTestApp, makeOrgWithEveryRole, type TestApp } from '../testing/harness.js';

const AIA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../reference/canada_aia_survey-enfr_v1.0.1.json');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type Headers = Record<string, string>;
type VersionSummary = { id: string; version: number; status: 'draft' | 'published'; contentHash: string; publishedAt: string | null; createdBy: { displayName: string } | null };
type Template = { id: string; key: string; title: string; origin: string; builtin: boolean; inUse: boolean; latestPublished: VersionSummary | null; draft: VersionSummary | null };
type TemplateDetail = Template & { versions: VersionSummary[] };
type Version = VersionSummary & {
  templateId: string;
  key: string;
  builtin: boolean;
  document: { key: string; title: { en: string }; sections: Array<{ title: { en: string } }> };
  importReport: { format: string; importer: string; unsupported: Array<{ path: string; feature: string; detail: string }> } | null;
};
type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const headersOf = (who: Role | Headers): Headers => (typeof who === 'string' ? sessions[who].headers : who);
  const as = (who: Role | Headers) => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: headersOf(who) }),
    post: (p: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    put: (p: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    del: (p: string) => t.app.inject({ method: 'DELETE', url: `${api}${p}`, headers: headersOf(who) }),
  });
  const list = async (who: Role = 'staff') => {
    const res = await as(who).get('/assessment-templates');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Template[]; total: number }>().items;
  };
  const builtin = async (key: string) => {
    const found = (await list()).find((x) => x.builtin && x.key === key);
    if (!found) throw new Error(`no built-in ${key}`);
    return found;
  };
  return { org, sessions, api, as, list, builtin };
}

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};
const fail = (res: LightMyRequestResponse, status: number, code?: string): ErrorBody => {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  if (code) expect(body.code).toBe(code);
  return body;
};

describe('built-in templates', () => {
  it('are installed at start and listed to every member with their published version', async () => {
    const { list } = await setup();
    const items = await list('staff');
    const keys = items.filter((i) => i.builtin).map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['fria', 'necessity-review', 'workforce-impact', 'data-protection-screening', 'readiness', 'canada-aia']));
    for (const i of items.filter((x) => x.builtin)) {
      expect(i.origin).toBe('builtin');
      expect(i.latestPublished?.status).toBe('published');
      expect(i.draft).toBeNull();
      expect(i.inUse).toBe(true);
    }
  });

  it('cannot be edited or published directly (clone them instead)', async () => {
    const { as, builtin } = await setup();
    const fria = await builtin('fria');
    const versionId = fria.latestPublished?.id ?? '';
    const version = ok<Version>(await as('admin').get(`/assessment-template-versions/${versionId}`));
    fail(await as('admin').put(`/assessment-template-versions/${versionId}`, { document: version.document }), 409, 'template.builtin');
    fail(await as('admin').post(`/assessment-template-versions/${versionId}/publish`), 409, 'template.builtin');
    fail(await as('admin').post(`/assessment-templates/${fria.id}/archive`), 409, 'template.builtin');
  });
});

describe('import', () => {
  it('reads the official Canadian AIA SurveyJS file into a draft whose report names what it could not carry over', async () => {
    const { as, list, org } = await setup();
    const content = readFileSync(AIA_FILE, 'utf8');
    const draft = ok<Version>(await as('governance_officer').post('/assessment-templates/import', { format: 'surveyjs', content }), 201);
    expect(draft).toMatchObject({ key: 'canada-aia', status: 'draft', version: 1, builtin: false });
    expect(draft.importReport?.importer).toBe('canada-aia');
    expect(draft.importReport?.format).toBe('surveyjs');
    expect(draft.importReport?.unsupported.length).toBeGreaterThan(0);
    for (const u of draft.importReport?.unsupported ?? []) {
      expect(u.feature.length).toBeGreaterThan(0);
      expect(u.path.length).toBeGreaterThan(0);
    }
    expect(draft.document.sections.length).toBeGreaterThan(5);
    // The draft is the organisation's own; new assessments still start on the built-in until it is published.
    const items = await list();
    const own = items.find((i) => !i.builtin && i.key === 'canada-aia');
    expect(own).toMatchObject({ origin: 'imported', inUse: false, latestPublished: null, draft: { id: draft.id } });
    const forUse = await resolveTemplateForUse(systemCtx(t.database.db), { organisationId: org.id, key: 'canada-aia' });
    expect(forUse.templateId).toBe(items.find((i) => i.builtin && i.key === 'canada-aia')?.id);
    // Importing again replaces the draft rather than piling up drafts.
    const again = ok<Version>(await as('governance_officer').post('/assessment-templates/import', { format: 'surveyjs', content }), 201);
    expect(again.id).toBe(draft.id);
  });

  it('names the path of the offending element when the file is not a valid template', async () => {
    const { as } = await setup();
    const doc = sampleTemplate();
    const q = doc.sections[0]?.questions[3];
    if (q) q.choices = [];
    const body = fail(await as('admin').post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...doc, key: 'broken-one' }) }), 400, 'template.invalid');
    expect(Object.keys(body.fields ?? {}).some((k) => k.startsWith('sections[0].questions[3]')), JSON.stringify(body.fields)).toBe(true);
    expect(body.message).toContain('sections[0].questions[3]');
    const yaml = fail(await as('admin').post('/assessment-templates/import', { format: 'yaml', content: 'format: [' }), 400, 'template.invalid');
    expect(yaml.fields?.content).toMatch(/YAML/);
  });

  it('exports a version as JSON or YAML attachments that import back to the same document', async () => {
    const { as } = await setup();
    const draft = ok<Version>(await as('admin').post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: 'round-trip' }) }), 201);
    for (const [format, type] of [
      ['json', 'application/json'],
      ['yaml', 'application/yaml'],
    ] as const) {
      const res = await as('staff').get(`/assessment-template-versions/${draft.id}/export?format=${format}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="round-trip-v1-draft.${format}"`);
      const back = ok<Version>(await as('admin').post('/assessment-templates/import', { format, content: res.body }), 201);
      expect(back.contentHash).toBe(draft.contentHash);
    }
  });
});

describe('clone, edit, publish', () => {
  it('clone a built-in → edit the draft → publish; then a second version, the first unchanged; the organisation’s own wins for new assessments', async () => {
    const { as, builtin, org, list } = await setup();
    const readiness = await builtin('readiness');
    const v1draft = ok<Version>(await as('governance_officer').post(`/assessment-templates/${readiness.id}/clone`), 201);
    expect(v1draft).toMatchObject({ key: 'readiness', status: 'draft', version: 1, builtin: false });
    expect(v1draft.templateId).not.toBe(readiness.id);

    const edited = { ...v1draft.document, title: { ...v1draft.document.title, en: 'Our readiness check' } };
    const saved = ok<Version>(await as('governance_officer').put(`/assessment-template-versions/${v1draft.id}`, { document: edited }));
    expect(saved.document.title.en).toBe('Our readiness check');
    const v1 = ok<Version>(await as('governance_officer').post(`/assessment-template-versions/${v1draft.id}/publish`));
    expect(v1).toMatchObject({ status: 'published', version: 1 });
    expect(v1.publishedAt).not.toBeNull();

    // Published: never changes again, over HTTP…
    fail(await as('admin').put(`/assessment-template-versions/${v1.id}`, { document: edited }), 409, 'template.version_published');
    fail(await as('admin').post(`/assessment-template-versions/${v1.id}/publish`), 409, 'template.version_published');
    // …nor in the database itself.
    await expect(t.database.db.updateTable('assessment_template_version').set({ document: JSON.stringify({ tampered: true }) }).where('id', '=', v1.id).execute()).rejects.toThrow(/cannot be changed/);
    await expect(t.database.db.deleteFrom('assessment_template_version').where('id', '=', v1.id).execute()).rejects.toThrow(/cannot be deleted/);

    // Clone the organisation's own template: a new draft from version 1; a second clone is refused while it exists.
    const v2draft = ok<Version>(await as('admin').post(`/assessment-templates/${v1.templateId}/clone`), 201);
    expect(v2draft).toMatchObject({ templateId: v1.templateId, version: 2, status: 'draft' });
    const conflict = fail(await as('admin').post(`/assessment-templates/${v1.templateId}/clone`), 409, 'template.draft_exists');
    expect(conflict.message).toContain('Version 2');
    expect(conflict.details?.draftVersionId).toBe(v2draft.id);
    // The key cannot change in an edit.
    const renamed = fail(await as('admin').put(`/assessment-template-versions/${v2draft.id}`, { document: { ...v2draft.document, key: 'other-key' } }), 400, 'template.invalid');
    expect(renamed.fields?.key).toBeDefined();
    ok(await as('admin').put(`/assessment-template-versions/${v2draft.id}`, { document: { ...v2draft.document, title: { ...v2draft.document.title, en: 'Readiness, second edition' } } }));
    const v2 = ok<Version>(await as('admin').post(`/assessment-template-versions/${v2draft.id}/publish`));
    expect(v2).toMatchObject({ version: 2, status: 'published' });

    const detail = ok<TemplateDetail>(await as('staff').get(`/assessment-templates/${v1.templateId}`));
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    expect(detail).toMatchObject({ title: 'Readiness, second edition', origin: 'custom', inUse: true, draft: null, latestPublished: { id: v2.id } });
    const stillV1 = ok<Version>(await as('staff').get(`/assessment-template-versions/${v1.id}`));
    expect(stillV1.document.title.en).toBe('Our readiness check');
    expect(stillV1.contentHash).toBe(v1.contentHash);

    // New assessments of `readiness` now start on the organisation's version 2, not the built-in.
    const forUse = await resolveTemplateForUse(systemCtx(t.database.db), { organisationId: org.id, key: 'readiness' });
    expect(forUse).toMatchObject({ versionId: v2.id, templateId: v1.templateId, key: 'readiness', version: 2 });
    expect(forUse.document.title.en).toBe('Readiness, second edition');
    const items = await list();
    expect(items.find((i) => i.builtin && i.key === 'readiness')?.inUse).toBe(false);

    // Archived: back to the built-in.
    ok(await as('admin').post(`/assessment-templates/${v1.templateId}/archive`));
    expect((await resolveTemplateForUse(systemCtx(t.database.db), { organisationId: org.id, key: 'readiness' })).templateId).toBe(readiness.id);
    fail(await as('admin').post(`/assessment-templates/${v1.templateId}/clone`), 409, 'template.archived');
    ok(await as('admin').post(`/assessment-templates/${v1.templateId}/unarchive`));
    expect((await resolveTemplateForUse(systemCtx(t.database.db), { organisationId: org.id, key: 'readiness' })).versionId).toBe(v2.id);
  });

  it('a second clone of a built-in gets a free key', async () => {
    const { as, builtin } = await setup();
    const fria = await builtin('fria');
    const first = ok<Version>(await as('admin').post(`/assessment-templates/${fria.id}/clone`), 201);
    const second = ok<Version>(await as('admin').post(`/assessment-templates/${fria.id}/clone`), 201);
    expect([first.key, second.key]).toEqual(['fria', 'fria-copy']);
  });
});

describe('discard a draft', () => {
  it('throws a draft away; a never-published template goes with it; a published version cannot be discarded', async () => {
    const { as, list, builtin } = await setup();
    const lonely = ok<Version>(await as('admin').post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: 'thrown-away' }) }), 201);
    expect((await as('admin').del(`/assessment-template-versions/${lonely.id}`)).statusCode).toBe(204);
    expect((await list()).some((i) => i.key === 'thrown-away')).toBe(false);
    fail(await as('admin').get(`/assessment-template-versions/${lonely.id}`), 404);

    const fria = await builtin('fria');
    const v1 = ok<Version>(await as('admin').post(`/assessment-template-versions/${ok<Version>(await as('admin').post(`/assessment-templates/${fria.id}/clone`), 201).id}/publish`));
    const v2 = ok<Version>(await as('admin').post(`/assessment-templates/${v1.templateId}/clone`), 201);
    fail(await as('staff').del(`/assessment-template-versions/${v2.id}`), 403);
    fail(await as('admin').del(`/assessment-template-versions/${v1.id}`), 409, 'template.version_published');
    expect((await as('admin').del(`/assessment-template-versions/${v2.id}`)).statusCode).toBe(204);
    const detail = ok<TemplateDetail>(await as('admin').get(`/assessment-templates/${v1.templateId}`));
    expect(detail.versions.map((v) => v.version)).toEqual([1]);
    expect(detail.draft).toBeNull();
    // The next draft takes the number the discarded one had.
    expect(ok<Version>(await as('admin').post(`/assessment-templates/${v1.templateId}/clone`), 201).version).toBe(2);
  });
});

describe('preview score', () => {
  it('scores answers against a version without storing anything', async () => {
    const { as } = await setup();
    const draft = ok<Version>(await as('admin').post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: 'scored' }) }), 201);
    const score = ok<{ scores: Record<string, number>; level: string | null; progress: { answered: number } }>(
      await as('staff').post(`/assessment-template-versions/${draft.id}/preview-score`, { answers: { impact1: 'high', impact2: ['a', 'b', 'c'], name: 'x' } }),
    );
    expect(score.scores.impact).toBe(10);
    expect(score.level).not.toBeNull();
    expect(score.progress.answered).toBe(3);
    fail(await as('staff').post(`/assessment-template-versions/${draft.id}/preview-score`, { answers: { impact1: { nested: true } } }), 400);
  });
});

describe('tenant isolation and roles', () => {
  it('another organisation cannot see an organisation’s template or its versions', async () => {
    const mine = await setup();
    const theirs = await setup();
    const draft = ok<Version>(await mine.as('admin').post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: 'private-one' }) }), 201);
    fail(await theirs.as('admin').get(`/assessment-templates/${draft.templateId}`), 404, 'template.not_found');
    fail(await theirs.as('admin').get(`/assessment-template-versions/${draft.id}`), 404, 'template.version_not_found');
    fail(await theirs.as('admin').get(`/assessment-template-versions/${draft.id}/export`), 404);
    fail(await theirs.as('admin').put(`/assessment-template-versions/${draft.id}`, { document: draft.document }), 404);
    fail(await theirs.as('admin').post(`/assessment-template-versions/${draft.id}/publish`), 404);
    fail(await theirs.as('admin').post(`/assessment-templates/${draft.templateId}/clone`), 404);
    fail(await theirs.as('admin').post(`/assessment-template-versions/${draft.id}/preview-score`, { answers: {} }), 404);
    expect((await theirs.list()).some((i) => i.key === 'private-one')).toBe(false);
    expect((await mine.list()).some((i) => i.key === 'private-one')).toBe(true);
    // Their own template with the same key is theirs alone.
    const same = ok<Version>(await theirs.as('admin').post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: 'private-one' }) }), 201);
    expect(same.templateId).not.toBe(draft.templateId);
  });

  it.each<[Role, boolean]>([
    ['admin', true],
    ['governance_officer', true],
    ['system_owner', false],
    ['reviewer', false],
    ['caseworker', false],
    ['auditor', false],
    ['staff', false],
  ])('%s may manage templates: %s (every role reads)', async (role, manages) => {
    const { as, builtin } = await setup();
    const fria = await builtin('fria');
    expect((await as(role).get(`/assessment-templates/${fria.id}`)).statusCode).toBe(200);
    const imported = await as(role).post('/assessment-templates/import', { format: 'json', content: JSON.stringify({ ...sampleTemplate(), key: `by-${role.replace('_', '-')}` }) });
    const cloned = await as(role).post(`/assessment-templates/${fria.id}/clone`);
    expect([imported.statusCode, cloned.statusCode]).toEqual(manages ? [201, 201] : [403, 403]);
  });
});

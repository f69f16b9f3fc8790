/**
 * Organisation tasks over HTTP: adding by hand, listing with filters (open first), working through
 * them (dismissing needs a reason), the task owner's narrower rights, tenant isolation, and the
 * readiness gaps that arrive as tasks after an approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { fillAnswers, resolveTemplateForUse, systemCtx, type Role } from '@glassbox/core';
import { makeAssessment } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type Task = {
  id: string;
  source: string;
  sourceKey: string | null;
  title: string;
  description: string;
  area: string | null;
  status: string;
  statusNote: string | null;
  owner: { id: string; displayName: string } | null;
  dueDate: string | null;
  overdue: boolean;
};
type Page = { items: Task[]; total: number };
type ErrorBody = { code: string; fields?: Record<string, string> };
const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const as = (who: Role) => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: sessions[who].headers }),
    post: (p: string, payload: object) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: sessions[who].headers, payload }),
    patch: (p: string, payload: object) => t.app.inject({ method: 'PATCH', url: `${api}${p}`, headers: sessions[who].headers, payload }),
  });
  return { org, sessions, as };
}

describe('organisation tasks', () => {
  it('adds tasks by hand, lists them open first with filters, and works them through', async () => {
    const { sessions, as } = await setup();
    const staffId = sessions.staff.user.id;
    const made = await as('governance_officer').post('/tasks', { title: 'Publish the AI use policy', description: 'Put the adopted policy on the website.', area: 'Leadership commitment', ownerId: staffId, dueDate: '2020-01-31' });
    expect(made.statusCode, made.body).toBe(201);
    const task = made.json<Task>();
    expect(task).toMatchObject({ source: 'manual', sourceKey: null, status: 'open', owner: { id: staffId, displayName: 'Test staff' }, dueDate: '2020-01-31', overdue: true });
    const other = (await as('admin').post('/tasks', { title: 'Train staff on AI basics' })).json<Task>();

    // Every member reads; filters by status and owner.
    const all = (await as('auditor').get('/tasks')).json<Page>();
    expect(all.total).toBe(2);
    expect((await as('staff').get('/tasks?owner=me')).json<Page>().items.map((i) => i.id)).toEqual([task.id]);
    expect((await as('staff').get('/tasks?owner=none')).json<Page>().items.map((i) => i.id)).toEqual([other.id]);

    // The owner may move the status; dismissing needs a reason.
    const noReason = await as('staff').patch(`/tasks/${task.id}`, { status: 'dismissed' });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields).toHaveProperty('reason');
    const started = await as('staff').patch(`/tasks/${task.id}`, { status: 'in_progress' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json<Task>().status).toBe('in_progress');
    // …but not its owner or due date, and not someone else's task.
    expect((await as('staff').patch(`/tasks/${task.id}`, { dueDate: '2031-01-01' })).statusCode).toBe(403);
    expect((await as('staff').patch(`/tasks/${other.id}`, { status: 'done' })).statusCode).toBe(403);
    expect((await as('staff').post('/tasks', { title: 'Mine' })).statusCode).toBe(403);

    const dismissed = await as('admin').patch(`/tasks/${other.id}`, { status: 'dismissed', reason: 'Covered by the national training programme.' });
    expect(dismissed.json<Task>()).toMatchObject({ status: 'dismissed', statusNote: 'Covered by the national training programme.' });
    const done = await as('staff').patch(`/tasks/${task.id}`, { status: 'done' });
    expect(done.json<Task>()).toMatchObject({ status: 'done', overdue: false });
    expect((await as('staff').get('/tasks?status=dismissed')).json<Page>().items.map((i) => i.id)).toEqual([other.id]);
  });

  it('refuses owners from outside the organisation, naming the field, and keeps tasks to their organisation', async () => {
    const { as } = await setup();
    const elsewhere = await setup();
    const stranger = elsewhere.sessions.staff.user.id;
    const bad = await as('admin').post('/tasks', { title: 'Check vendors', ownerId: stranger });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('ownerId');
    const theirs = (await elsewhere.as('admin').post('/tasks', { title: 'Their task' })).json<Task>();
    expect((await as('admin').patch(`/tasks/${theirs.id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await as('admin').get('/tasks')).json<Page>().total).toBe(0);
  });

  it('lists the gaps of an approved readiness assessment as tasks, one per question', async () => {
    const { org, as } = await setup();
    const doc = (await resolveTemplateForUse(systemCtx(t.database.db, 'test'), { organisationId: org.id, key: 'readiness' })).document;
    // Top answers everywhere except the first area.
    const weak = new Set(doc.sections[0]?.questions.map((q) => q.id));
    await makeAssessment(t.database.db, { organisationId: org.id, systemId: null, templateKey: 'readiness', answers: fillAnswers(doc, { choiceAt: (q) => (weak.has(q.id) ? 0 : 1) }), status: 'approved' });
    const page = (await as('staff').get('/tasks?status=open')).json<Page>();
    expect(page.total).toBe(weak.size);
    expect(new Set(page.items.map((i) => i.sourceKey))).toEqual(new Set([...weak].map((id) => `readiness:${id}`)));
    expect(page.items.every((i) => i.source === 'assessment' && i.area === doc.sections[0]?.title.en && i.description.length > 0)).toBe(true);
  });
});

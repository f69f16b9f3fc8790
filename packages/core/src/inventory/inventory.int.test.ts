/**
 * The inventory service called directly, as the CLI and jobs do: the same permission checks as the
 * API, tokens limited to one system, nothing left behind by a refused change, append-only history.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service.js';
import { systemCtx, type Actor, type Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, openTestDatabase, screenTestSystem } from '../testing/factories.js';
import { createSystem, getSystem, listSystems, updateSystem } from './inventory.service.js';
import { updateObligation } from '../obligations/obligation.service.js';
import { archiveSystem, transitionSystem } from './lifecycle.service.js';
import { listSystemVersions } from './versions.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

const ctxAs = (actor: Actor): Ctx => ({ db: database.db, actor, request: { id: null, ip: null } });
const tokenActor = (organisationId: string, scope: 'read' | 'write', systemId: string | null): Actor => ({
  kind: 'token',
  tokenId: '00000000-0000-4000-8000-000000000001',
  tokenName: 'case system',
  organisationId,
  scope,
  systemId,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function orgWithOwner() {
  const org = await makeOrganisation(database.db);
  const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'] });
  return { org, owner };
}

describe('inventory service', () => {
  it('lets the command line register (naming an owner), approve and put a system in service', async () => {
    const { org, owner } = await orgWithOwner();
    const cli = systemCtx(database.db, 'cli');
    const missingOwner = await refusal(createSystem(cli, { organisationId: org.id, name: 'Scheduler', purpose: 'Plans repairs.', sourcing: 'in_house', decisionRole: 'informs', personalData: false }));
    expect(missingOwner.details?.fields).toHaveProperty('ownerId');

    const s = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Scheduler' });
    // A repair scheduler that touches nobody's rights: minimal risk, screened before approval.
    await screenTestSystem(database.db, { organisationId: org.id, systemId: s.id, answers: makeScreeningAnswers({ affectsPeople: false }) });
    for (const to of ['proposed', 'in_review', 'approved'] as const) {
      await transitionSystem(cli, { organisationId: org.id, ref: s.slug, to, reason: `Step to ${to}` });
    }
    // Past the idea stage the checklist also holds the necessity review (assessment-needs rules).
    const toDo = await database.db.selectFrom('obligation').select('id').where('system_id', '=', s.id).where('phase', '=', 'before_deployment').execute();
    for (const o of toDo) await updateObligation(cli, { organisationId: org.id, ref: s.id, obligationId: o.id, status: 'met' });
    await transitionSystem(cli, { organisationId: org.id, ref: s.slug, to: 'in_service', reason: 'Step to in_service' });
    const versions = await listSystemVersions(cli, { organisationId: org.id, ref: s.id, limit: 10, offset: 0 });
    expect(versions.total).toBe(5);
    expect(versions.items[0]).toMatchObject({ kind: 'transitioned', reason: 'Step to in_service', actor: { type: 'system', id: null, name: 'Glassbox (cli)' } });
    expect(versions.items[0]?.snapshot).toMatchObject({ lifecycle: 'in_service', ownerId: owner.id });
  });

  it('limits a token scoped to one system to that system', async () => {
    const { org, owner } = await orgWithOwner();
    const mine = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Mine' });
    const other = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Other' });
    const scoped = ctxAs(tokenActor(org.id, 'write', mine.id));

    const page = await listSystems(scoped, { organisationId: org.id, limit: 50, offset: 0 });
    expect(page).toMatchObject({ total: 1, items: [{ id: mine.id }] });
    expect((await getSystem(scoped, { organisationId: org.id, ref: mine.slug })).id).toBe(mine.id);
    expect((await refusal(getSystem(scoped, { organisationId: org.id, ref: other.id }))).code).toBe('auth.token_system_scope');
    expect((await refusal(listSystemVersions(scoped, { organisationId: org.id, ref: other.id, limit: 5, offset: 0 }))).code).toBe('auth.token_system_scope');
    expect((await refusal(updateSystem(scoped, { organisationId: org.id, ref: other.id, changes: { name: 'Taken over' } }))).code).toBe('auth.token_system_scope');
    expect((await updateSystem(scoped, { organisationId: org.id, ref: mine.id, changes: { description: 'Kept up to date by the case system.' } })).version).toBe(2);
    const create = await refusal(createSystem(scoped, { organisationId: org.id, ownerId: owner.id, name: 'New', purpose: 'p', sourcing: 'in_house', decisionRole: 'informs', personalData: false }));
    expect(create.code).toBe('system.forbidden');

    const readOnly = ctxAs(tokenActor(org.id, 'read', mine.id));
    expect((await refusal(updateSystem(readOnly, { organisationId: org.id, ref: mine.id, changes: { name: 'No' } }))).code).toBe('system.forbidden');
    const otherOrg = await makeOrganisation(database.db);
    expect((await refusal(listSystems(ctxAs(tokenActor(otherOrg.id, 'read', null)), { organisationId: org.id, limit: 5, offset: 0 }))).kind).toBe('forbidden');
  });

  it('does not trust roles that were resolved for another organisation', async () => {
    const { org, owner } = await orgWithOwner();
    const s = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
    const elsewhere: Actor = { kind: 'user', userId: owner.id, email: owner.email, displayName: owner.displayName, sessionId: null, roles: ['admin'], organisationId: '00000000-0000-4000-8000-000000000009' };
    expect((await refusal(getSystem(ctxAs(elsewhere), { organisationId: org.id, ref: s.id }))).kind).toBe('forbidden');
    expect((await refusal(listSystems(ctxAs(elsewhere), { organisationId: org.id, limit: 5, offset: 0 }))).kind).toBe('forbidden');
  });

  it('leaves nothing behind when a change is refused', async () => {
    const { org, owner } = await orgWithOwner();
    const s = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
    const cli = systemCtx(database.db, 'cli');
    const stranger = await makeUser(database.db);
    const refused = await refusal(updateSystem(cli, { organisationId: org.id, ref: s.id, changes: { name: 'Renamed', ownerId: stranger.id } }));
    expect(refused.details?.fields).toEqual({ ownerId: 'The owner must be a member of this organisation.' });
    await refusal(transitionSystem(cli, { organisationId: org.id, ref: s.id, to: 'approved', reason: 'Skipping the review' }));
    await refusal(archiveSystem(cli, { organisationId: org.id, ref: s.id, reason: 'x'.repeat(2001) }));
    expect(await getSystem(cli, { organisationId: org.id, ref: s.id })).toMatchObject({ name: s.name, version: 1, lifecycle: 'idea', archivedAt: null });
    expect((await listSystemVersions(cli, { organisationId: org.id, ref: s.id, limit: 10, offset: 0 })).total).toBe(1);
    expect((await listAuditEvents(database.db, { organisationId: org.id, entityId: s.id, limit: 10 })).map((e) => e.action)).toEqual(['system.created']);
  });

  it('keeps the version history append-only', async () => {
    const { org, owner } = await orgWithOwner();
    const s = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
    await expect(sql`update ai_system_version set reason = 'rewritten' where system_id = ${s.id}`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ai_system_version where system_id = ${s.id}`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('gives two systems registered at the same moment with the same name different slugs', async () => {
    const { org, owner } = await orgWithOwner();
    const both = await Promise.all([1, 2].map(() => makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Same name' })));
    expect(both.map((s) => s.slug).sort()).toEqual(['same-name', 'same-name-2']);
  });
});

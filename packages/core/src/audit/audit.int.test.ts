/** The audit trail against a real database: same-transaction writes, the chain, immutability. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemCtx, type Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { createUnit, updateOrganisation } from '../orgs/org.service.js';
import { makeOrganisation, openTestDatabase } from '../testing/factories.js';
import { listAuditEvents, verifyAuditChain } from './audit.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

const ctx = (): Ctx => ({ db: database.db, actor: { kind: 'system', name: 'test' }, request: { id: 'req-123', ip: '198.51.100.1' } });

async function tamper(statement: string): Promise<void> {
  await database.exclusive(async (c) => {
    await c.exec('alter table audit_event disable trigger audit_event_no_update_delete');
    await c.exec(statement);
    await c.exec('alter table audit_event enable trigger audit_event_no_update_delete');
  });
}

describe('audit trail', () => {
  it('records who did what, with the request id, address and changed fields only', async () => {
    const org = await makeOrganisation(database.db);
    await updateOrganisation(ctx(), org.id, { name: 'Renamed Council', description: org.description });
    const [event] = await listAuditEvents(database.db, { organisationId: org.id, limit: 1 });
    expect(event).toMatchObject({
      action: 'organisation.updated',
      entity_type: 'organisation',
      entity_id: org.id,
      actor_type: 'system',
      actor_label: 'system:test',
      request_id: 'req-123',
      ip: '198.51.100.1',
      before: { name: org.name },
      after: { name: 'Renamed Council' },
    });
  });

  it('writes nothing when the change fails, because both share one transaction', async () => {
    const org = await makeOrganisation(database.db);
    await createUnit(ctx(), { organisationId: org.id, name: 'Parks' });
    const before = await verifyAuditChain(database.db, org.id);
    await expect(createUnit(ctx(), { organisationId: org.id, name: 'Parks' })).rejects.toThrow(/already a unit/);
    const after = await verifyAuditChain(database.db, org.id);
    expect(after.events).toBe(before.events);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    const org = await makeOrganisation(database.db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => createUnit(ctx(), { organisationId: org.id, name: `Unit ${i}` })));
    const status = await verifyAuditChain(database.db, org.id);
    expect(status).toMatchObject({ ok: true, events: 21 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the table', async () => {
    const org = await makeOrganisation(database.db);
    await expect(sql`update audit_event set action = 'x' where organisation_id = ${org.id}`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where organisation_id = ${org.id}`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(database.db)).rejects.toThrow(/append-only|cannot truncate/);
  });

  it('names the first broken event when a row is edited behind the trigger', async () => {
    const org = await makeOrganisation(database.db);
    for (let i = 0; i < 4; i++) await createUnit(ctx(), { organisationId: org.id, name: `U${i}` });
    expect((await verifyAuditChain(database.db, org.id)).ok).toBe(true);
    const third = await database.db.selectFrom('audit_event').select('id').where('organisation_id', '=', org.id).where('seq', '=', 3).executeTakeFirstOrThrow();
    await tamper(`update audit_event set after = '{"name":"Forged"}' where id = '${third.id}'`);
    const status = await verifyAuditChain(database.db, org.id);
    expect(status).toMatchObject({ ok: false, brokenAt: { id: third.id, seq: 3 } });
  });

  it('notices a deleted event', async () => {
    const org = await makeOrganisation(database.db);
    for (let i = 0; i < 3; i++) await createUnit(ctx(), { organisationId: org.id, name: `D${i}` });
    await tamper(`delete from audit_event where organisation_id = '${org.id}' and seq = 2`);
    const status = await verifyAuditChain(database.db, org.id);
    expect(status.ok).toBe(false);
    if (!status.ok) expect(status.brokenAt.seq).toBe(3);
  });

  it('reports an intact chain while others keep appending to it', async () => {
    const org = await makeOrganisation(database.db);
    let appending = true;
    const writer = (async () => {
      for (let i = 0; appending && i < 200; i++) await createUnit(ctx(), { organisationId: org.id, name: `Live ${i}` });
    })();
    const statuses = [];
    for (let i = 0; i < 15; i++) statuses.push(await verifyAuditChain(database.db, org.id));
    appending = false;
    await writer;
    expect(statuses.filter((s) => !s.ok)).toEqual([]);
    // The chain grew while it was verified: the runs saw different lengths.
    expect(new Set(statuses.map((s) => s.events)).size).toBeGreaterThan(1);
  });

  it('notices a deleted last event (the head still counts it)', async () => {
    const org = await makeOrganisation(database.db);
    for (let i = 0; i < 3; i++) await createUnit(ctx(), { organisationId: org.id, name: `L${i}` });
    const last = (await verifyAuditChain(database.db, org.id)).events;
    await tamper(`delete from audit_event where organisation_id = '${org.id}' and seq = ${last}`);
    const status = await verifyAuditChain(database.db, org.id);
    expect(status).toMatchObject({ ok: false, brokenAt: { id: 'missing', seq: last } });
  });

  it('refuses to record outside a transaction', async () => {
    const { recordAudit } = await import('./audit.service.js');
    await expect(recordAudit(systemCtx(database.db), { organisationId: null, action: 'x', entityType: 'y', entityId: null })).rejects.toThrow(/inside the transaction/);
  });
});

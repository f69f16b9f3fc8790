/**
 * A system handed to a new owner takes its waiting obligations along: open and in-progress ones
 * the previous owner held move; ones given to someone else, and met or not-applicable ones, stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service.js';
import { systemCtx } from '../context.js';
import type { Database } from '../db/database.js';
import { makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, openTestDatabase, screenTestSystem } from '../testing/factories.js';
import { updateSystem } from '../inventory/inventory.service.js';
import { listObligations, updateObligation } from './obligation.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

describe('obligations when a system changes owner', () => {
  it('moves the waiting ones the previous owner held, and only those', async () => {
    const ctx = systemCtx(database.db, 'test');
    const org = await makeOrganisation(database.db);
    const [previous, next, colleague] = await Promise.all(
      ['Previous Owner', 'Next Owner', 'Colleague'].map((name) => makeUser(database.db, { organisationId: org.id, roles: ['system_owner'], name })),
    );
    const system = await makeSystem(database.db, { organisationId: org.id, ownerId: previous!.id });
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id, answers: makeScreeningAnswers() });
    const ref = { organisationId: org.id, ref: system.id };
    const before = (await listObligations(ctx, ref)).items;
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(new Set(before.map((o) => o.owner.id))).toEqual(new Set([previous!.id]));

    const [delegated, met, started, ...waiting] = before;
    await updateObligation(ctx, { ...ref, obligationId: delegated!.id, ownerId: colleague!.id });
    await updateObligation(ctx, { ...ref, obligationId: met!.id, status: 'met' });
    await updateObligation(ctx, { ...ref, obligationId: started!.id, status: 'in_progress' });

    await updateSystem(ctx, { ...ref, changes: { ownerId: next!.id }, reason: 'Moved to the new team.' });

    const after = new Map((await listObligations(ctx, ref)).items.map((o) => [o.id, o.owner.id]));
    expect(after.get(delegated!.id)).toBe(colleague!.id);
    expect(after.get(met!.id)).toBe(previous!.id);
    expect(after.get(started!.id)).toBe(next!.id);
    for (const o of waiting) expect(after.get(o.id)).toBe(next!.id);

    const events = await listAuditEvents(database.db, { organisationId: org.id, entityType: 'obligation', limit: 200 });
    const moves = events.filter((e) => (e.after as Record<string, unknown> | null)?.reason === 'The system changed owner.');
    expect(new Set(moves.map((e) => e.entity_id))).toEqual(new Set([started!.id, ...waiting.map((o) => o.id)]));
  });
});

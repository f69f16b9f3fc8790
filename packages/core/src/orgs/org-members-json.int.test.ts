/**
 * The member list as JSON written by the database (listMembersJson, what GET /members sends) says
 * exactly what listMembers says, serialised as the API's schema does: roles the code no longer
 * knows left out in their order, sign-in and lock-out times to the millisecond, awkward names.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { makeOrganisation, makeUser, openTestDatabase } from '../testing/factories.js';
import { listMembers, listMembersJson } from './org.service.js';

let database: Database;
let organisationId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await makeOrganisation(database.db);
  organisationId = org.id;
  const zoe = await makeUser(database.db, { organisationId, roles: ['admin', 'staff'], name: 'Zoë "Z" O\'Brien \\ \t\n 🚦' });
  const ada = await makeUser(database.db, { organisationId, roles: ['governance_officer'], name: 'Ada' });
  await makeUser(database.db, { organisationId, roles: ['caseworker', 'reviewer'], name: 'Bo' });
  // A role from an older version sits between two known ones; times carry microseconds.
  await sql`update membership set roles = array['staff', 'retired_role', 'admin'] where user_id = ${zoe.id}`.execute(database.db);
  await sql`update app_user set last_sign_in_at = '2026-05-06 07:08:09.123999+00', locked_until = '2026-05-06 08:00:00.5+00' where id = ${zoe.id}`.execute(database.db);
  await sql`update app_user set last_sign_in_at = '2026-01-01 00:00:00+00' where id = ${ada.id}`.execute(database.db);
}, 120_000);
afterAll(async () => database?.close());

describe('the member list written as JSON by the database', () => {
  it.each<[string, { limit: number; offset: number; q?: string }]>([
    ['the whole list', { limit: 1000, offset: 0 }],
    ['a search', { limit: 1000, offset: 0, q: 'zoë' }],
    ['a middle page', { limit: 1, offset: 1 }],
    ['a page past the end', { limit: 10, offset: 10 }],
  ])('equals listMembers for %s', async (_what, input) => {
    const fromJson = JSON.parse(await listMembersJson(database.db, { organisationId, ...input })) as unknown;
    const fromService = JSON.parse(JSON.stringify(await listMembers(database.db, { organisationId, ...input }))) as unknown;
    expect(fromJson).toEqual(fromService);
  });

  it('leaves unknown roles out and keeps times to the millisecond', async () => {
    const page = JSON.parse(await listMembersJson(database.db, { organisationId, limit: 1000, offset: 0 })) as { items: Array<Record<string, unknown>>; total: number };
    expect(page.total).toBe(3);
    const zoe = page.items.find((i) => String(i.displayName).startsWith('Zoë'));
    expect(zoe).toMatchObject({ roles: ['staff', 'admin'], lastSignInAt: '2026-05-06T07:08:09.123Z', lockedUntil: '2026-05-06T08:00:00.500Z' });
    expect(page.items.find((i) => i.displayName === 'Bo')).toMatchObject({ lastSignInAt: null, lockedUntil: null });
  });
});

/**
 * The inventory import and export services against a real database: keyset pages that visit every
 * system once, in order, with a fixed number of statements; tokens limited to one system; who may
 * import; and all-or-nothing creation when an import stops half-way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../auth/api-token.service.js';
import { systemCtx, type Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { makeOrganisation, makeSystem, makeUser, openTestDatabase } from '../testing/factories.js';
import { parseCsv } from './csv.js';
import { exportInventory, type ExportInventoryInput } from './export.service.js';
import { importInventory } from './import.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

const ctx = (): Ctx => systemCtx(database.db, 'test');

async function collect(c: Ctx, input: ExportInventoryInput): Promise<string> {
  const file = await exportInventory(c, input);
  let text = '';
  for await (const chunk of file.chunks) text += chunk;
  return text;
}

const namesOf = (csv: string): string[] => {
  const [header, ...rows] = parseCsv(csv);
  const at = header?.indexOf('name') ?? -1;
  return rows.map((r) => r[at] ?? '');
};

describe('exportInventory', () => {
  it('visits every system once, in name order, across page boundaries (ties broken by id)', async () => {
    const org = await makeOrganisation(database.db);
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['admin'] });
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'alpha', 'Echo', 'alpha'];
    for (const name of names) await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name });
    for (const pageSize of [1, 2, 3, 7, 1000]) {
      const csv = await collect(ctx(), { organisationId: org.id, format: 'csv', profile: 'glassbox', pageSize });
      const got = namesOf(csv);
      expect(got.map((n) => n.toLowerCase()), `page size ${pageSize}`).toEqual(['alpha', 'alpha', 'alpha', 'bravo', 'charlie', 'delta', 'echo']);
      const ids = parseCsv(csv).slice(1).map((r) => r[0]);
      expect(new Set(ids).size).toBe(7);
      const json = JSON.parse(await collect(ctx(), { organisationId: org.id, format: 'json', profile: 'omb-2025', pageSize })) as { items: unknown[] };
      expect(json.items).toHaveLength(7);
    }
  });

  it('runs the same number of statements for 2 systems as for 40 (one per page, never one per system)', async () => {
    const org = await makeOrganisation(database.db);
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['admin'] });
    const statements = async () => {
      const before = database.queryCount();
      await collect(ctx(), { organisationId: org.id, format: 'csv', profile: 'omb-2025' });
      return database.queryCount() - before;
    };
    for (let i = 0; i < 2; i++) await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
    const few = await statements();
    for (let i = 0; i < 38; i++) await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
    expect(await statements()).toBe(few);
    expect(few).toBeLessThanOrEqual(12);
  });

  it('gives a token limited to one system only that system', async () => {
    const org = await makeOrganisation(database.db);
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['admin'] });
    const mine = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Mine' });
    await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Not mine' });
    const token = await createApiToken(ctx(), { organisationId: org.id, name: 'one', scope: 'read', systemId: mine.id });
    const tokenCtx: Ctx = { ...ctx(), actor: { kind: 'token', tokenId: token.item.id, tokenName: 'one', organisationId: org.id, scope: 'read', systemId: mine.id } };
    expect(namesOf(await collect(tokenCtx, { organisationId: org.id, format: 'csv', profile: 'glassbox' }))).toEqual(['Mine']);
  });
});

describe('importInventory', () => {
  const csvFor = (email: string, rows: number) =>
    ['name,purpose,sourcing,decisionRole,personalData,ownerEmail', ...Array.from({ length: rows }, (_, i) => `Imported ${i},Does ${i}.,in_house,informs,true,${email}`)].join('\n');

  it('is refused to people who may not name owners, before reading the file', async () => {
    const org = await makeOrganisation(database.db);
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'] });
    const asOwner: Ctx = {
      ...ctx(),
      actor: { kind: 'user', userId: owner.id, email: owner.email, displayName: owner.displayName, sessionId: null, roles: ['system_owner'], organisationId: org.id },
    };
    await expect(importInventory(asOwner, { organisationId: org.id, csv: csvFor(owner.email, 1) })).rejects.toMatchObject({ code: 'auth.forbidden' });
    const other = await makeOrganisation(database.db);
    const asAdminElsewhere: Ctx = { ...asOwner, actor: { ...asOwner.actor, roles: ['admin'], organisationId: other.id } as Ctx['actor'] };
    await expect(importInventory(asAdminElsewhere, { organisationId: org.id, csv: csvFor(owner.email, 1) })).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('leaves nothing behind when the import stops half-way (one transaction)', async () => {
    const org = await makeOrganisation(database.db);
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['admin'] });
    const auditBefore = await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    await expect(
      importInventory(ctx(), {
        organisationId: org.id,
        csv: csvFor(owner.email, 5),
        onProgress: (p) => {
          if (p.stage === 'creating' && p.done === 3) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const systems = await database.db.selectFrom('ai_system').select('id').where('organisation_id', '=', org.id).execute();
    expect(systems).toEqual([]);
    const auditAfter = await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));

    const done = await importInventory(ctx(), { organisationId: org.id, csv: csvFor(owner.email, 5) });
    expect(done).toMatchObject({ created: 5, rows: 5, problems: [] });
  });

  it('refuses files of more than 10,000 rows with one problem, before looking at them', async () => {
    const org = await makeOrganisation(database.db);
    const csv = `name,purpose,sourcing,decisionRole,personalData\n${'a,b,in_house,informs,true\n'.repeat(10_001)}`;
    const result = await importInventory(ctx(), { organisationId: org.id, csv });
    expect(result).toMatchObject({ created: 0, rows: 10_001, problems: [{ row: 10_002, column: '', problem: expect.stringContaining('at most 10000') }] });
  });
});

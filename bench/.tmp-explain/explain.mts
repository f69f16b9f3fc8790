import { sql } from 'kysely';
import { openDatabase, listSystems, systemCtx } from '@glassbox/core';
import { seedOrgWithSystems } from '../lib/seed-inventory.js';
const url = process.env.URL!;
const seeded = await seedOrgWithSystems({ url, poolSize: 2 }, 10000);
const database = await openDatabase({ url, poolSize: 2 });
const db = database.db;
const org = await db.selectFrom('organisation').select('id').where('slug', '=', seeded.slug).executeTakeFirstOrThrow();
// capture the SQL kysely makes by compiling through a logging db
const logged: string[] = [];
const ctx = systemCtx(db, 'x');
for (const input of [{}, { q: 'fraud' }, { lifecycle: ['in_service'] as const, euTier: ['high'] as const }]) {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await listSystems(ctx, { organisationId: org.id, limit: 50, offset: 0, ...input } as never);
  console.log(JSON.stringify(input), ((performance.now() - t0) / 20).toFixed(1), 'ms per listSystems');
}
const q = `select s.*, u.name as unit_name, o.display_name as owner_name, count(*) over() as total from ai_system s join app_user o on o.id = s.owner_id left join unit u on u.id = s.unit_id where s.organisation_id = '${org.id}' and s.archived_at is null order by lower(s.name) asc, s.id asc limit 50`;
const r = await sql.raw(`explain analyze ${q}`).execute(db);
console.log((r.rows as Array<Record<string, string>>).map((x) => Object.values(x)[0]).join('\n'));
await database.close();

/**
 * Bench data: an organisation with many members, inserted in two SQL statements (no password
 * hashing: the members never sign in), and a read-scoped API token to list them with.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createApiToken, createOrganisation, migrate, openDatabase, systemCtx, type OpenOptions } from '@glassbox/core';

export type SeededOrg = { slug: string; token: string; members: number };

export async function seedOrgWithMembers(where: OpenOptions, members: number): Promise<SeededOrg> {
  const database = await openDatabase(where);
  try {
    await migrate(database);
    const { db } = database;
    const run = randomUUID().slice(0, 8);
    const ctx = systemCtx(db, 'bench');
    const org = await createOrganisation(ctx, {
      slug: `bench-${run}`,
      name: 'Bench Council',
      description: 'Made by npm run bench.',
      contactEmail: 'ai@bench.example',
    });
    await sql`
      with people as (
        insert into app_user (id, email, display_name, last_sign_in_at, created_at, updated_at)
        select gen_random_uuid(),
               'bench-' || ${run}::text || '-' || g || '@bench.example',
               'Bench Person ' || lpad(g::text, 5, '0'),
               case when g % 3 = 0 then null else now() - make_interval(mins => g) end,
               now(), now()
        from generate_series(1, ${members}::int) as g
        returning id, display_name
      )
      insert into membership (organisation_id, user_id, roles, created_at, updated_at)
      select ${org.id}::uuid, id,
             case when display_name like '%00' then array['admin', 'staff']
                  when display_name like '%7' then array['reviewer', 'caseworker']
                  else array['caseworker'] end,
             now(), now()
      from people
    `.execute(db);
    const { token } = await createApiToken(ctx, { organisationId: org.id, name: 'bench', scope: 'read' });
    return { slug: org.slug, token, members };
  } finally {
    await database.close();
  }
}

/**
 * Bench data for the inventory: an organisation with many AI systems, inserted with one SQL
 * statement (no services: 10,000 createSystem calls would take minutes and measure nothing the
 * list depends on), varied like a real inventory — names built from a service area and a kind of
 * tool, purposes, tags, units, owners, lifecycle stages and classification columns — plus a
 * read-scoped API token to list them with.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createApiToken, createOrganisation, createUnit, migrate, openDatabase, systemCtx, type OpenOptions } from '@glassbox/core';

export type SeededInventory = { slug: string; token: string; systems: number };

const AREAS = ['Benefits', 'Housing', 'Parking', 'Planning', 'Waste', 'Libraries', 'Schools', 'Social care', 'Highways', 'Licensing', 'Council tax', 'Parks', 'Transport', 'Environmental health', 'Recruitment'];
const KINDS = ['chatbot', 'triage assistant', 'document classifier', 'fraud detector', 'translation tool', 'route optimiser', 'summariser', 'forecasting model', 'image recogniser', 'eligibility checker', 'spam filter', 'scheduling assistant'];
const UNITS = ['Benefits and Revenues', 'Housing Services', 'Digital and IT', 'Customer Contact Centre', 'Children and Education', 'Highways and Environment', 'Human Resources', 'Adult Social Care'];
const TAGS = ['benefits', 'housing', 'chatbot', 'fraud', 'translation', 'residents', 'staff', 'generative', 'vision', 'forecasting', 'casework', 'safety'];
const LIFECYCLES = ['idea', 'proposed', 'in_review', 'approved', 'in_service', 'in_service', 'in_service', 'suspended', 'retired', 'rejected'];
const EU_TIERS = ['minimal', 'minimal', 'minimal', 'limited', 'limited', 'high', 'high', 'undetermined', 'prohibited'];

export async function seedOrgWithSystems(where: OpenOptions, systems: number): Promise<SeededInventory> {
  const database = await openDatabase(where);
  try {
    await migrate(database);
    const { db } = database;
    const run = randomUUID().slice(0, 8);
    const ctx = systemCtx(db, 'bench');
    const org = await createOrganisation(ctx, { slug: `bench-inv-${run}`, name: 'Bench Inventory Council', description: 'Made by npm run bench.', contactEmail: 'ai@bench.example' });
    const unitIds: string[] = [];
    for (const name of UNITS) unitIds.push((await createUnit(ctx, { organisationId: org.id, name })).id);
    // Twenty owners, members of the organisation (no passwords: they never sign in).
    const owners = await sql<{ id: string }>`
      with people as (
        insert into app_user (id, email, display_name, created_at, updated_at)
        select gen_random_uuid(), 'bench-owner-' || ${run}::text || '-' || g || '@bench.example', 'Owner ' || g, now(), now()
        from generate_series(1, 20) as g
        returning id
      ), joined as (
        insert into membership (organisation_id, user_id, roles, created_at, updated_at)
        select ${org.id}::uuid, id, array['system_owner'], now(), now() from people
        returning user_id
      )
      select user_id as id from joined
    `.execute(db);
    const ownerIds = owners.rows.map((r) => r.id);
    // g drives every field through different moduli, so combinations vary and names stay unique.
    await sql`
      insert into ai_system (
        id, organisation_id, slug, name, purpose, description, unit_id, owner_id, sourcing, supplier, decision_role,
        affected_people, data_categories, personal_data, human_oversight, public_visibility, tags, lifecycle, version,
        archived_at, created_at, updated_at, eu_tier, omb_high_impact, org_tier, fria_required, eu_registration_required, screened_at
      )
      select gen_random_uuid(), ${org.id}::uuid,
             'system-' || g,
             area || ' ' || kind || ' ' || g,
             'Helps the ' || lower(area) || ' team with a ' || kind || ' so residents are served faster (case ' || g || ').',
             'A ' || kind || ' used by ' || lower(area) || ' staff. Staff check every output before anything is decided about a resident.',
             (${sql.val(unitIds)}::uuid[])[1 + g % ${unitIds.length}],
             (${sql.val(ownerIds)}::uuid[])[1 + g % ${ownerIds.length}],
             (array['in_house', 'procured', 'general_purpose_tool'])[1 + g % 3],
             case when g % 3 = 0 then null else 'Supplier ' || (g % 40) end,
             (array['informs', 'recommends', 'decides'])[1 + g % 3],
             'Residents using ' || lower(area) || ' services.',
             array['contact details', 'case history'],
             g % 4 <> 0,
             'A member of staff reviews every output.',
             case when g % 2 = 0 then 'public' else 'internal' end,
             array[(${sql.val(TAGS)}::text[])[1 + g % ${TAGS.length}], (${sql.val(TAGS)}::text[])[1 + (g / 7) % ${TAGS.length}]],
             (${sql.val(LIFECYCLES)}::text[])[1 + g % ${LIFECYCLES.length}],
             1,
             case when g % 50 = 0 then now() else null end,
             now() - make_interval(hours => g), now() - make_interval(mins => g),
             case when g % 10 = 9 then null else (${sql.val(EU_TIERS)}::text[])[1 + g % ${EU_TIERS.length}] end,
             case when g % 10 = 9 then null when g % 5 = 0 then 'yes' else 'no' end,
             null,
             case when g % 10 = 9 then null else g % 9 in (5, 6) end,
             case when g % 10 = 9 then null else g % 9 in (5, 6) end,
             case when g % 10 = 9 then null else now() - make_interval(days => g % 300) end
      from generate_series(1, ${systems}::int) as g,
           lateral (select (${sql.val(AREAS)}::text[])[1 + g % ${AREAS.length}] as area,
                           (${sql.val(KINDS)}::text[])[1 + (g / ${AREAS.length}) % ${KINDS.length}] as kind) as words
    `.execute(db);
    // A table in steady state has been vacuumed (autovacuum): the visibility map lets counts read the index only.
    await sql`vacuum analyze ai_system`.execute(db);
    const { token } = await createApiToken(ctx, { organisationId: org.id, name: 'bench-inventory', scope: 'read' });
    return { slug: org.slug, token, systems };
  } finally {
    await database.close();
  }
}

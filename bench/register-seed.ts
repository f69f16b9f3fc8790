/**
 * Bench data for the public register: an organisation with `count` public AI systems, all
 * published. One system goes through the real services (draft, screening, publish), so its record
 * is exactly what Glassbox publishes; the others are inserted in batches as copies of that record
 * with their own identity, summary, tier, area, status and unit (no services: 1,000 publications
 * one by one would measure nothing the pages depend on). Then `vacuum analyze`.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  createOrganisation,
  createUnit,
  migrate,
  openDatabase,
  publishRegisterEntry,
  saveRegisterEntry,
  systemCtx,
  type OpenOptions,
  type RegisterRecord,
} from '@glassbox/core';
import { makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';

export type SeededRegister = { slug: string; systemSlugs: string[]; count: number };

const AREAS = ['Benefits', 'Housing', 'Parking', 'Planning', 'Waste', 'Libraries', 'Schools', 'Social care', 'Highways', 'Licensing', 'Council tax', 'Parks'];
const KINDS = ['chatbot', 'triage assistant', 'document classifier', 'translation tool', 'route optimiser', 'summariser', 'forecasting model', 'eligibility checker'];
const UNITS = ['Benefits and Revenues', 'Housing Services', 'Digital and IT', 'Customer Contact Centre', 'Children and Education', 'Highways and Environment'];
const TIERS = ['minimal', 'minimal', 'limited', 'high', 'high', 'undetermined'] as const;
const LIFECYCLES = ['in_service', 'in_service', 'in_service', 'approved', 'in_review', 'suspended', 'retired'] as const;
const TAGS = ['benefits', 'housing', 'chatbot', 'translation', 'residents', 'casework', 'safety'];

const TEXTS = {
  summary: 'Helps staff answer residents faster. A person checks every result before anything is decided.',
  purpose: 'Residents waited too long for answers. The tool does the routine work so staff have time for hard cases.',
  howItWorks: 'The tool reads the request and suggests an answer with its reasons.\n\nA member of staff reads the suggestion, changes it when needed and decides.',
  dataUsed: 'The request form and the records we already hold about the case. No data bought from other companies.',
  whatItDoesNot: 'It does not decide on its own. It does not use social media.',
  humanRole: 'A trained member of staff checks every suggestion and makes the decision.',
  rights: 'You can ask why, ask a person to look again, or appeal within one month.',
  oversight: 'The head of service is responsible. The AI review panel checks it every six months.',
  contact: 'Email ai@bench.example or call 0100 200 300.',
};

export async function seedPublishedRegister(where: OpenOptions, count: number): Promise<SeededRegister> {
  const database = await openDatabase(where);
  try {
    await migrate(database);
    const { db } = database;
    const run = randomUUID().slice(0, 8);
    const ctx = systemCtx(db, 'bench');
    const org = await createOrganisation(ctx, { slug: `bench-reg-${run}`, name: 'Bench Register Council', description: 'Made by npm run bench.', contactEmail: 'ai@bench.example' });
    for (const name of UNITS) await createUnit(ctx, { organisationId: org.id, name });
    const owner = await makeUser(db, { organisationId: org.id, roles: ['system_owner'] });
    const first = await makeSystem(db, { organisationId: org.id, ownerId: owner.id, name: 'Benefits eligibility checker 0', publicVisibility: 'public', tags: ['benefits'] });
    await screenTestSystem(db, { organisationId: org.id, systemId: first.id });
    await saveRegisterEntry(ctx, { organisationId: org.id, ref: first.id, texts: TEXTS, publicFields: Object.keys(TEXTS) });
    const published = await publishRegisterEntry(ctx, { organisationId: org.id, ref: first.id, publicBaseUrl: 'http://127.0.0.1' });
    const template = published.record;

    // The other systems: rows first (one statement), then their publications and current rows in batches.
    const others = await sql<{ id: string; slug: string; g: number }>`
      insert into ai_system (id, organisation_id, slug, name, purpose, description, owner_id, sourcing, decision_role,
        affected_people, data_categories, personal_data, human_oversight, public_visibility, tags, lifecycle, version, created_at, updated_at)
      select gen_random_uuid(), ${org.id}::uuid, 'system-' || g,
             (${sql.val(AREAS)}::text[])[1 + g % ${AREAS.length}] || ' ' || (${sql.val(KINDS)}::text[])[1 + (g / ${AREAS.length}) % ${KINDS.length}] || ' ' || g,
             'Helps staff.', 'A tool.', ${owner.id}::uuid, 'procured', 'recommends', 'Residents.', array['case history'], true,
             'Staff check every output.', 'public', array[(${sql.val(TAGS)}::text[])[1 + g % ${TAGS.length}]],
             (${sql.val([...LIFECYCLES])}::text[])[1 + g % ${LIFECYCLES.length}], 1, now(), now()
      from generate_series(1, ${count - 1}::int) as g
      returning id, slug, (substring(slug from 8))::int as g
    `.execute(db);
    const now = Date.now();
    const rows = others.rows.map((s) => {
      const i = s.g;
      const area = AREAS[i % AREAS.length] ?? 'Benefits';
      const kind = KINDS[Math.floor(i / AREAS.length) % KINDS.length] ?? 'chatbot';
      const tier = TIERS[i % TIERS.length] ?? 'minimal';
      const lifecycle = LIFECYCLES[i % LIFECYCLES.length] ?? 'in_service';
      const unitName = UNITS[i % UNITS.length] ?? null;
      const publishedAt = new Date(now - i * 60_000).toISOString();
      const record: RegisterRecord = {
        ...template,
        system: { ...template.system, id: s.id, slug: s.slug, name: `${area} ${kind} ${i}`, lifecycle, unitName, tags: [TAGS[i % TAGS.length] ?? 'residents'] },
        classification: { ...template.classification, euTier: tier, annexIIIPoints: tier === 'high' ? ['5(a)'] : [] },
        publication: { ...template.publication, version: 1, publishedAt, firstPublishedAt: publishedAt, url: `http://127.0.0.1/${org.slug}/register/${s.slug}` },
        texts: { ...template.texts, summary: `${area} ${kind}: ${TEXTS.summary}` },
      };
      return { id: randomUUID(), system: s, record, publishedAt };
    });
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200);
      await db
        .insertInto('register_publication')
        .values(
          batch.map((r) => ({
            id: r.id,
            organisation_id: org.id,
            system_id: r.system.id,
            version: 1,
            state: 'published' as const,
            record: JSON.stringify(r.record),
            assessments: '[]',
            changed_fields: [],
            published_by_label: 'system:bench',
            published_at: r.publishedAt,
          })),
        )
        .execute();
      await db
        .insertInto('register_current')
        .values(
          batch.map((r) => ({
            system_id: r.system.id,
            organisation_id: org.id,
            publication_id: r.id,
            version: 1,
            slug: r.system.slug,
            name: r.record.system.name,
            summary: r.record.texts.summary,
            eu_tier: r.record.classification.euTier,
            areas: r.record.classification.euTier === 'high' ? ['5'] : [],
            tags: r.record.system.tags,
            lifecycle: r.record.system.lifecycle ?? 'undisclosed',
            unit_name: r.record.system.unitName,
            search_text: `${r.record.system.name} ${r.record.texts.summary}`.toLowerCase(),
            first_published_at: r.publishedAt,
            published_at: r.publishedAt,
          })),
        )
        .execute();
    }
    await db.updateTable('register_settings').set({ version: count }).where('organisation_id', '=', org.id).execute();
    for (const table of ['ai_system', 'register_publication', 'register_current']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    return { slug: org.slug, systemSlugs: [first.slug, ...others.rows.map((r) => r.slug)], count };
  } finally {
    await database.close();
  }
}

/**
 * SQL for the inventory export: one keyset page of systems (ordered by name, then id) with unit and
 * owner, in one statement whatever the page size. Every query names the organisation.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { InventoryRecord } from './inventory-record.js';

/** Where the previous page ended: the sort key (lower-case name) and id of its last row. */
export type PageCursor = { key: string; id: string };

export type InventoryPageQuery = {
  organisationId: string;
  after: PageCursor | null;
  limit: number;
  /** false: current systems only; true: archived only; 'any': both. */
  archived: boolean | 'any';
  /** A token limited to one system sees only that one. */
  onlySystemId?: string | undefined;
  /** Also read when each system first entered service (a correlated look-up in its versions). */
  withInServiceSince: boolean;
};

export async function readInventoryPage(db: Kysely<DB>, q: InventoryPageQuery): Promise<{ records: InventoryRecord[]; next: PageCursor | null }> {
  let query = db
    .selectFrom('ai_system as s')
    .innerJoin('app_user as o', 'o.id', 's.owner_id')
    .leftJoin('unit as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select(['u.name as unit_name', 'o.email as owner_email', 'o.display_name as owner_name', sql<string>`lower(s.name)`.as('sort_key')])
    .where('s.organisation_id', '=', q.organisationId);
  if (q.withInServiceSince) {
    query = query.select((eb) =>
      eb
        .selectFrom('ai_system_version as v')
        .select((v) => v.fn.min<Date>('v.created_at').as('at'))
        .whereRef('v.system_id', '=', 's.id')
        .where('v.kind', '=', 'transitioned')
        .where(sql<string>`v.snapshot->>'lifecycle'`, '=', 'in_service')
        .as('in_service_since'),
    );
  }
  if (q.archived !== 'any') query = query.where('s.archived_at', q.archived ? 'is not' : 'is', null);
  if (q.onlySystemId) query = query.where('s.id', '=', q.onlySystemId);
  if (q.after) query = query.where(sql<boolean>`(lower(s.name), s.id) > (${q.after.key}, ${q.after.id}::uuid)`);
  const rows = await query.orderBy(sql`lower(s.name)`).orderBy('s.id').limit(q.limit).execute();

  const records = rows.map((row): InventoryRecord => {
    // Present only when asked for (withInServiceSince), hence read past the static type.
    const since = (row as { in_service_since?: Date | string | null }).in_service_since;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      purpose: row.purpose,
      description: row.description,
      unitName: row.unit_name,
      ownerEmail: row.owner_email,
      ownerName: row.owner_name,
      sourcing: row.sourcing,
      supplier: row.supplier,
      decisionRole: row.decision_role,
      affectedPeople: row.affected_people,
      dataCategories: row.data_categories,
      personalData: row.personal_data,
      humanOversight: row.human_oversight,
      publicVisibility: row.public_visibility,
      tags: row.tags,
      lifecycle: row.lifecycle,
      version: row.version,
      archivedAt: row.archived_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      inServiceSince: since instanceof Date ? since : typeof since === 'string' ? new Date(since) : null,
      classification: {
        euTier: row.eu_tier,
        ombHighImpact: row.omb_high_impact,
        orgTier: row.org_tier,
        friaRequired: row.fria_required,
        euRegistrationRequired: row.eu_registration_required,
        screenedAt: row.screened_at,
      },
    };
  });
  const last = rows.at(-1);
  return { records, next: last && rows.length === q.limit ? { key: last.sort_key, id: last.id } : null };
}

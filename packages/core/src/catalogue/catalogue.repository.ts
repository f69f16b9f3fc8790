/**
 * SQL for the tool catalogue. Every query names the organisation, so one tenant's entries never
 * reach another; functions take the Kysely handle of the caller (the open transaction, if any).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, ToolCatalogueEntry } from '../db/schema.js';
import { isUuid, type CatalogueSnapshot, type CatalogueStatus } from './catalogue-fields.js';

/** An entry with the name, slug and lifecycle stage of its inventory record, as every answer shows it. */
export type CatalogueRowWithSystem = ToolCatalogueEntry & {
  system_slug: string | null;
  system_name: string | null;
  system_lifecycle: string | null;
};

function withSystem(db: Kysely<DB>) {
  return db
    .selectFrom('tool_catalogue_entry as e')
    .leftJoin('ai_system as s', (j) => j.onRef('s.id', '=', 'e.system_id').onRef('s.organisation_id', '=', 'e.organisation_id'))
    .selectAll('e')
    .select(['s.slug as system_slug', 's.name as system_name', 's.lifecycle as system_lifecycle']);
}

/** An entry of the organisation; locked until the transaction ends when the caller is about to change it. */
export async function findEntryRow(db: Kysely<DB>, organisationId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ToolCatalogueEntry | undefined> {
  if (!isUuid(id)) return undefined;
  let q = db.selectFrom('tool_catalogue_entry').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findEntryWithSystem(db: Kysely<DB>, organisationId: string, id: string): Promise<CatalogueRowWithSystem | undefined> {
  if (!isUuid(id)) return undefined;
  return withSystem(db).where('e.organisation_id', '=', organisationId).where('e.id', '=', id).executeTakeFirst();
}

/** Whether a current (not archived) entry other than `exceptId` already uses this name. */
export async function nameTaken(db: Kysely<DB>, organisationId: string, name: string, exceptId: string | null): Promise<boolean> {
  let q = db
    .selectFrom('tool_catalogue_entry')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The current entry already linked to this inventory record, other than `exceptId`. */
export async function entryLinkedTo(db: Kysely<DB>, systemId: string, exceptId: string | null): Promise<{ id: string; name: string } | undefined> {
  let q = db.selectFrom('tool_catalogue_entry').select(['id', 'name']).where('system_id', '=', systemId).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function systemInOrganisation(db: Kysely<DB>, organisationId: string, systemId: string): Promise<boolean> {
  const row = await db.selectFrom('ai_system').select('id').where('organisation_id', '=', organisationId).where('id', '=', systemId).executeTakeFirst();
  return row !== undefined;
}

/**
 * A `date` column as YYYY-MM-DD. database.ts asks both drivers for text, but PGlite opened in memory
 * (`PGlite.create(undefined, options)`, the test database) ignores its options and gives a Date at
 * UTC midnight; this reads either.
 */
export function dateText(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export const snapshotOf = (row: ToolCatalogueEntry): CatalogueSnapshot => ({
  name: row.name,
  vendor: row.vendor,
  description: row.description,
  status: row.status,
  permittedUses: row.permitted_uses,
  prohibitedUses: row.prohibited_uses,
  conditions: row.conditions,
  dataAllowed: row.data_allowed,
  pricing: row.pricing,
  dataProtectionTerms: row.data_protection_terms,
  dpaInPlace: row.dpa_in_place,
  reviewDate: dateText(row.review_date),
  contact: row.contact,
  systemId: row.system_id,
  archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
});

export type CatalogueListFilter = {
  organisationId: string;
  /** Matches the name, vendor, description and the permitted and prohibited uses. */
  q?: string | undefined;
  status?: CatalogueStatus | undefined;
  /** false (default): current entries; true: archived only; 'any': both. */
  archived?: boolean | 'any' | undefined;
  limit: number;
  offset: number;
};

/** One page of entries, by name, with their inventory records and the total: one statement (two past the end). */
export async function listEntryRows(db: Kysely<DB>, f: CatalogueListFilter): Promise<{ rows: CatalogueRowWithSystem[]; total: number }> {
  let base = db
    .selectFrom('tool_catalogue_entry as e')
    .leftJoin('ai_system as s', (j) => j.onRef('s.id', '=', 'e.system_id').onRef('s.organisation_id', '=', 'e.organisation_id'))
    .where('e.organisation_id', '=', f.organisationId);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    base = base.where((eb) =>
      eb.or([
        eb('e.name', 'ilike', like),
        eb('e.vendor', 'ilike', like),
        eb('e.description', 'ilike', like),
        eb(sql<string>`array_to_string(e.permitted_uses, ' | ')`, 'ilike', like),
        eb(sql<string>`array_to_string(e.prohibited_uses, ' | ')`, 'ilike', like),
      ]),
    );
  }
  if (f.status) base = base.where('e.status', '=', f.status);
  const archived = f.archived ?? false;
  if (archived !== 'any') base = base.where('e.archived_at', archived ? 'is not' : 'is', null);

  const rows = await base
    .selectAll('e')
    .select(['s.slug as system_slug', 's.name as system_name', 's.lifecycle as system_lifecycle'])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .orderBy(sql`lower(e.name)`)
    .orderBy('e.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && f.offset > 0) {
    const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

/**
 * SQL for the inventory. Every query names the organisation, so one tenant's systems never reach
 * another; functions take the Kysely handle of the caller (the open transaction, where there is one).
 */
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '../audit/canonical.js';
import { cachedCount } from '../db/count-cache.js';
import { isoText } from '../db/json-text.js';
import { REPLAN_MARKER } from '../db/prepared-client.js';
import type { Actor } from '../context.js';
import type { AiSystem, DB, EuTierColumn, OmbHighImpactColumn } from '../db/schema.js';
import { LIFECYCLE_STAGES, type Lifecycle } from './lifecycle.js';
import { isUuid, type DecisionRole, type Sourcing, type SystemSnapshot, type Visibility } from './system-fields.js';

/** Finds a system by id or slug within the organisation; locks it when the caller is about to change it. */
export async function findSystemRow(db: Kysely<DB>, organisationId: string, ref: string, opts: { forUpdate?: boolean } = {}): Promise<AiSystem | undefined> {
  const key = ref.trim().toLowerCase();
  let q = db.selectFrom('ai_system').selectAll().where('organisation_id', '=', organisationId);
  q = isUuid(key) ? q.where('id', '=', key) : q.where('slug', '=', key);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export const snapshotOf = (row: AiSystem): SystemSnapshot => ({
  name: row.name,
  slug: row.slug,
  purpose: row.purpose,
  description: row.description,
  unitId: row.unit_id,
  ownerId: row.owner_id,
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
  archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
});

const actorColumns = (actor: Actor) =>
  actor.kind === 'user'
    ? { actor_type: 'user' as const, actor_id: actor.userId, actor_name: actor.displayName }
    : actor.kind === 'token'
      ? { actor_type: 'token' as const, actor_id: actor.tokenId, actor_name: `API token "${actor.tokenName}"` }
      : { actor_type: 'system' as const, actor_id: null, actor_name: `Glassbox (${actor.name})` };

export async function insertVersion(
  db: Kysely<DB>,
  actor: Actor,
  input: { row: AiSystem; kind: 'created' | 'updated' | 'transitioned' | 'archived' | 'unarchived'; changedFields: string[]; reason: string | null },
): Promise<void> {
  await db
    .insertInto('ai_system_version')
    .values({
      system_id: input.row.id,
      version: input.row.version,
      organisation_id: input.row.organisation_id,
      kind: input.kind,
      snapshot: JSON.stringify(snapshotOf(input.row)),
      changed_fields: input.changedFields,
      reason: input.reason,
      ...actorColumns(actor),
      created_at: input.row.updated_at,
    })
    .execute();
}

/** Whether the user is a member of the organisation (an owner must be). */
export async function isMember(db: Kysely<DB>, organisationId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('membership').select('user_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function unitExists(db: Kysely<DB>, organisationId: string, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('unit').select('id').where('organisation_id', '=', organisationId).where('id', '=', unitId).executeTakeFirst();
  return row !== undefined;
}

/** Slugs of the organisation equal to `slug` or of the form `slug-…`, to pick the next free one. */
export async function takenSlugs(db: Kysely<DB>, organisationId: string, slug: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('ai_system')
    .select('slug')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/** A system with the names of its unit and owner, as every answer shows it. */
export type SystemRowWithNames = AiSystem & { unit_name: string | null; owner_name: string };

/** The columns a list row shows: not the long texts (description, oversight design, …) of the detail page. */
export const SUMMARY_COLUMNS = [
  'id', 'slug', 'name', 'purpose', 'lifecycle', 'unit_id', 'owner_id', 'sourcing', 'supplier', 'decision_role', 'personal_data',
  'public_visibility', 'tags', 'version', 'archived_at', 'created_at', 'updated_at',
  'eu_tier', 'omb_high_impact', 'org_tier', 'fria_required', 'eu_registration_required', 'screened_at',
] as const satisfies ReadonlyArray<keyof AiSystem>;

export type SystemSummaryRow = Pick<AiSystem, (typeof SUMMARY_COLUMNS)[number]> & { unit_name: string | null; owner_name: string };

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('ai_system as s')
    .innerJoin('app_user as o', 'o.id', 's.owner_id')
    .leftJoin('unit as u', 'u.id', 's.unit_id')
    .selectAll('s')
    .select(['u.name as unit_name', 'o.display_name as owner_name']);
}

/** Like findSystemRow, with the unit and owner names joined in the same statement. */
export async function findSystemWithNames(db: Kysely<DB>, organisationId: string, ref: string): Promise<SystemRowWithNames | undefined> {
  const key = ref.trim().toLowerCase();
  const q = withNames(db).where('s.organisation_id', '=', organisationId);
  return (isUuid(key) ? q.where('s.id', '=', key) : q.where('s.slug', '=', key)).executeTakeFirst();
}

export const SORTS = ['name', 'updated', 'created', 'lifecycle'] as const;
export type SystemSort = (typeof SORTS)[number];

/**
 * Filters of the inventory list, including the classification columns the latest screening set
 * (classification/screening.service.ts).
 */
export type SystemListFilter = {
  organisationId: string;
  /** The organisation's audit chain head read at the start of the request (Ctx.dataVersion). */
  knownDataVersion?: number | undefined;
  q?: string | undefined;
  lifecycle?: readonly Lifecycle[] | undefined;
  unitId?: string | undefined;
  ownerId?: string | undefined;
  sourcing?: Sourcing | undefined;
  decisionRole?: DecisionRole | undefined;
  publicVisibility?: Visibility | undefined;
  tag?: string | undefined;
  /** Classification filters (from the latest screening). */
  euTier?: readonly EuTierColumn[] | undefined;
  ombHighImpact?: OmbHighImpactColumn | undefined;
  orgTier?: string | undefined;
  friaRequired?: boolean | undefined;
  /** true: screened at least once; false: never screened. */
  screened?: boolean | undefined;
  /** false (default): not archived; true: archived only; 'any': both. */
  archived?: boolean | 'any' | undefined;
  /** A token limited to one system sees only that one. */
  onlySystemId?: string | undefined;
  sort?: SystemSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
};

const LIFECYCLE_ORDER = sql<number>`array_position(${sql.val([...LIFECYCLE_STAGES])}::text[], s.lifecycle)`;

/** The organisation's systems narrowed by the filter: what the page and its total share. */
function filteredSystems(db: Kysely<DB>, f: SystemListFilter) {
  let base = db.selectFrom('ai_system as s').where('s.organisation_id', '=', f.organisationId);
  if (f.onlySystemId) base = base.where('s.id', '=', f.onlySystemId);
  // Case-insensitive substring of name, purpose or description (search_text: migration 20261122T1500).
  if (f.q) {
    const pattern = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    base = base.where(sql<boolean>`s.search_text like lower(${pattern})`);
  }
  if (f.lifecycle && f.lifecycle.length > 0) base = base.where('s.lifecycle', 'in', [...f.lifecycle]);
  if (f.unitId) base = base.where('s.unit_id', '=', f.unitId);
  if (f.ownerId) base = base.where('s.owner_id', '=', f.ownerId);
  if (f.sourcing) base = base.where('s.sourcing', '=', f.sourcing);
  if (f.decisionRole) base = base.where('s.decision_role', '=', f.decisionRole);
  if (f.publicVisibility) base = base.where('s.public_visibility', '=', f.publicVisibility);
  if (f.tag) base = base.where(sql<boolean>`s.tags @> ${sql.val([f.tag.trim().toLowerCase()])}::text[]`);
  if (f.euTier && f.euTier.length > 0) base = base.where('s.eu_tier', 'in', [...f.euTier]);
  if (f.ombHighImpact) base = base.where('s.omb_high_impact', '=', f.ombHighImpact);
  if (f.orgTier) base = base.where('s.org_tier', '=', f.orgTier);
  if (f.friaRequired !== undefined) base = base.where('s.fria_required', '=', f.friaRequired);
  if (f.screened !== undefined) base = base.where('s.screened_at', f.screened ? 'is not' : 'is', null);
  const archived = f.archived ?? false;
  if (archived !== 'any') base = base.where('s.archived_at', archived ? 'is not' : 'is', null);
  return base;
}

/** Whether any filter narrows the list (the archived switch and a token's one system do not count). */
const filtered = (f: SystemListFilter): boolean =>
  Boolean(f.q) ||
  (f.lifecycle?.length ?? 0) > 0 ||
  (f.euTier?.length ?? 0) > 0 ||
  [f.unitId, f.ownerId, f.sourcing, f.decisionRole, f.publicVisibility, f.tag, f.ombHighImpact, f.orgTier, f.friaRequired, f.screened].some((v) => v !== undefined);

/** The page: the filtered systems joined to unit and owner, sorted, limited. */
function systemPage(db: Kysely<DB>, f: SystemListFilter) {
  const order = f.order ?? 'asc';
  const sort = f.sort ?? 'name';
  let q = filteredSystems(db, f).innerJoin('app_user as o', 'o.id', 's.owner_id').leftJoin('unit as u', 'u.id', 's.unit_id');
  if (sort === 'name') q = q.orderBy(sql`lower(s.name)`, order);
  else if (sort === 'updated') q = q.orderBy('s.updated_at', order);
  else if (sort === 'created') q = q.orderBy('s.created_at', order);
  else q = q.orderBy(LIFECYCLE_ORDER, order).orderBy(sql`lower(s.name)`, 'asc');
  q = q.orderBy('s.id', order).limit(f.limit).offset(f.offset);
  // With a search or a filter the best plan depends on the values: plan each call for its own.
  // The plain list keeps a prepared plan (the name index, whatever the organisation's size).
  return filtered(f) ? q.modifyEnd(sql.raw(REPLAN_MARKER)) : q;
}

/** The total for a page: a first page shorter than the limit is its own; otherwise counted, cached by data version. */
async function pageTotal(db: Kysely<DB>, f: SystemListFilter, pageLength: number): Promise<number> {
  if (f.offset === 0 && pageLength < f.limit) return pageLength;
  const countRows = async () => Number((await filteredSystems(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // Inside a transaction the count must see the transaction's own writes: no cache there.
  if (db.isTransaction) return countRows();
  const { limit: _limit, offset: _offset, sort: _sort, order: _order, knownDataVersion: _known, ...filter } = f;
  return cachedCount(db, f.organisationId, canonicalJson(filter), countRows, f.knownDataVersion);
}

/**
 * One page of systems with unit and owner names, and the total. The page and the count are two
 * statements: a `count(*) over ()` on the page query would join and number every matching row
 * before the limit (about 65 ms for 10,000 systems); apart, the page walks the name index and
 * stops after `limit` rows, and the count reads ai_system alone. A first page shorter than the
 * limit is its own total, so small inventories still take one statement.
 */
export async function listSystemRows(db: Kysely<DB>, f: SystemListFilter): Promise<{ rows: SystemSummaryRow[]; total: number }> {
  const rows = await systemPage(db, f)
    .select(SUMMARY_COLUMNS.map((c) => `s.${c}` as const))
    .select(['u.name as unit_name', 'o.display_name as owner_name'])
    .execute();
  return { rows, total: await pageTotal(db, f, rows.length) };
}

/**
 * Each summary of the page as JSON text written by PostgreSQL, in the shape of
 * presentSystemSummary (inventory.presenter.ts) as the API sends it: the hot inventory list then
 * costs the server no row parsing, dates or serialisation (inventory-json.int.test.ts keeps the
 * two equal on both databases).
 */
const SUMMARY_JSON = sql<string>`json_build_object(
  'id', s.id, 'slug', s.slug, 'name', s.name, 'purpose', s.purpose, 'lifecycle', s.lifecycle,
  'unit', case when s.unit_id is null or u.name is null then null else json_build_object('id', s.unit_id, 'name', u.name) end,
  'owner', json_build_object('id', s.owner_id, 'displayName', o.display_name),
  'sourcing', s.sourcing, 'supplier', s.supplier, 'decisionRole', s.decision_role, 'personalData', s.personal_data,
  'publicVisibility', s.public_visibility, 'tags', s.tags, 'version', s.version,
  'archivedAt', ${isoText('s.archived_at')}, 'createdAt', ${isoText('s.created_at')}, 'updatedAt', ${isoText('s.updated_at')},
  'classification', case when s.screened_at is null then null else json_build_object(
    'euTier', s.eu_tier, 'ombHighImpact', s.omb_high_impact, 'orgTier', s.org_tier, 'friaRequired', s.fria_required,
    'euRegistrationRequired', s.eu_registration_required, 'screenedAt', ${isoText('s.screened_at')}) end
)::text`;

/** Like listSystemRows, with each row already the JSON text of its summary. */
export async function listSystemJson(db: Kysely<DB>, f: SystemListFilter): Promise<{ items: string[]; total: number }> {
  const rows = await systemPage(db, f).select(SUMMARY_JSON.as('j')).execute();
  return { items: rows.map((r) => r.j), total: await pageTotal(db, f, rows.length) };
}

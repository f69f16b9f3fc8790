/**
 * Reads for the public register pages and open data. No actor: everything here is public, and
 * every query names the organisation and keeps to systems that are still public in the inventory
 * (public_visibility 'public', not archived), so a system made internal after publication drops off
 * at once. Each function runs a fixed number of statements whatever the number of rows.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { publicRecord, type RegisterRecord } from '../record/register-record.js';
import type { AssessmentSummary } from './register-record.builder.js';

export type PublicRegisterHead = {
  org: { id: string; slug: string; name: string; description: string; contactEmail: string | null; contactUrl: string | null; defaultLocale: string; updatedAt: Date };
  /** The organisation's audit chain head: every audited change (publications included) moves it. */
  dataVersion: number;
  /** Publications and withdrawals so far. */
  registerVersion: number;
  /** Time of the latest publication or withdrawal; null when there has been none. */
  publishedAt: Date | null;
  /**
   * The latest consultation opening or closing at or before `asOf` (ms; 0 when none). Which
   * consultations are open follows from the dates alone, with no audited change when a date
   * passes: this moves when one does, so a page showing consultations is keyed by it too.
   */
  scheduleMark: number;
  /** The time the head was read at: pages render as of it, so they match `scheduleMark`. */
  asOf: Date;
};

/** The organisation of a public page with its versions: one indexed statement. */
export async function getPublicRegisterHead(db: Kysely<DB>, slug: string, now = new Date()): Promise<PublicRegisterHead | null> {
  const row = await db
    .selectFrom('organisation as o')
    .leftJoin('audit_chain_head as h', (j) => j.on(sql<boolean>`h.chain = o.id::text`))
    .leftJoin('register_settings as rs', 'rs.organisation_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'o.description', 'o.contact_email', 'o.contact_url', 'o.default_locale', 'o.updated_at', 'h.seq', 'rs.version', 'rs.published_at'])
    .select(
      sql<Date | null>`(select max(greatest(case when c.opens_at <= ${now} then c.opens_at end, case when c.closes_at <= ${now} then c.closes_at end))
        from consultation c where c.organisation_id = o.id and c.opens_at <= ${now})`.as('schedule_mark'),
    )
    .where('o.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    org: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      contactEmail: row.contact_email,
      contactUrl: row.contact_url,
      defaultLocale: row.default_locale,
      updatedAt: row.updated_at,
    },
    dataVersion: Number(row.seq ?? 0),
    registerVersion: Number(row.version ?? 0),
    publishedAt: row.published_at ?? null,
    scheduleMark: row.schedule_mark ? new Date(row.schedule_mark).getTime() : 0,
    asOf: now,
  };
}

export const PUBLIC_SORTS = ['name', 'updated'] as const;
export type PublicSort = (typeof PUBLIC_SORTS)[number];

export type PublicRegisterQuery = {
  organisationId: string;
  q?: string | undefined;
  /** An EU tier, or 'none' for systems never classified. */
  tier?: string | undefined;
  /** 'annex-<n>' (Annex III area) or 'tag-<tag>'. */
  area?: string | undefined;
  status?: string | undefined;
  unit?: string | undefined;
  sort?: PublicSort | undefined;
  limit: number;
  offset: number;
};

export type PublicRegisterItem = {
  slug: string;
  name: string;
  summary: string;
  euTier: string | null;
  areas: string[];
  tags: string[];
  lifecycle: string;
  unitName: string | null;
  version: number;
  publishedAt: Date;
};

export type PublicRegisterFacets = { units: string[]; areas: string[]; tags: string[]; tiers: string[]; statuses: string[]; total: number };

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the published systems matching the filters, with the total: one statement. */
export async function listPublicRegister(db: Kysely<DB>, query: PublicRegisterQuery): Promise<{ items: PublicRegisterItem[]; total: number }> {
  let q = db
    .selectFrom('register_current as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .select(['c.slug', 'c.name', 'c.summary', 'c.eu_tier', 'c.areas', 'c.tags', 'c.lifecycle', 'c.unit_name', 'c.version', 'c.published_at'])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .where('c.organisation_id', '=', query.organisationId)
    .where('s.organisation_id', '=', query.organisationId)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null);
  const text = query.q?.trim().toLowerCase();
  if (text) {
    for (const word of text.split(/\s+/).slice(0, 8)) q = q.where(sql<boolean>`c.search_text like ${`%${escapeLike(word)}%`} escape '\\'`);
  }
  if (query.tier === 'none') q = q.where('c.eu_tier', 'is', null);
  else if (query.tier) q = q.where('c.eu_tier', '=', query.tier);
  if (query.area?.startsWith('annex-')) q = q.where(sql<boolean>`${query.area.slice(6)} = any(c.areas)`);
  else if (query.area?.startsWith('tag-')) q = q.where(sql<boolean>`${query.area.slice(4)} = any(c.tags)`);
  if (query.status) q = q.where('c.lifecycle', '=', query.status);
  if (query.unit) q = q.where('c.unit_name', '=', query.unit);
  q = query.sort === 'updated' ? q.orderBy('c.published_at', 'desc').orderBy('c.system_id') : q.orderBy(sql`lower(c.name)`).orderBy('c.system_id');
  const rows = await q.limit(query.limit).offset(query.offset).execute();
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      summary: r.summary,
      euTier: r.eu_tier,
      areas: r.areas,
      tags: r.tags,
      lifecycle: r.lifecycle,
      unitName: r.unit_name,
      version: r.version,
      publishedAt: r.published_at,
    })),
    total: rows[0] ? Number(rows[0].total) : 0,
  };
}

/** The values the list's filters offer (those present on the register): one statement. */
export async function getPublicRegisterFacets(db: Kysely<DB>, organisationId: string): Promise<PublicRegisterFacets> {
  const row = await db
    .selectFrom('register_current as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .select([
      sql<string[] | null>`array_agg(distinct c.unit_name) filter (where c.unit_name is not null)`.as('units'),
      sql<string[] | null>`array_agg(distinct c.eu_tier) filter (where c.eu_tier is not null)`.as('tiers'),
      sql<string[] | null>`array_agg(distinct c.lifecycle)`.as('statuses'),
      sql<string[] | null>`(select array_agg(distinct a) from register_current c2, unnest(c2.areas) a where c2.organisation_id = ${organisationId})`.as('areas'),
      sql<string[] | null>`(select array_agg(distinct t) from register_current c3, unnest(c3.tags) t where c3.organisation_id = ${organisationId})`.as('tags'),
      sql<number>`count(*)`.as('total'),
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const sorted = (a: string[] | null): string[] => [...(a ?? [])].sort((x, y) => x.localeCompare(y));
  return { units: sorted(row.units), tiers: sorted(row.tiers), statuses: sorted(row.statuses), areas: sorted(row.areas), tags: sorted(row.tags), total: Number(row.total) };
}

/** `pending`: the version a preview would publish (never on the public page). */
export type PublicHistoryItem = { version: number; state: 'published' | 'withdrawn'; publishedAt: Date; changedFields: string[]; pending?: boolean };

export type PublicSystem = {
  systemId: string;
  record: RegisterRecord;
  assessments: AssessmentSummary[];
  history: PublicHistoryItem[];
  /** The latest approval of an assessment of the system, when later than the publication. */
  assessedAt: Date | null;
};

/**
 * A published system by its public slug, with its change history (oldest first): two statements.
 * The record is restricted again here (Art. 49(4)), whatever was stored.
 */
export async function getPublicSystem(db: Kysely<DB>, input: { organisationId: string; slug: string }): Promise<PublicSystem | null> {
  const row = await db
    .selectFrom('register_current as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .innerJoin('register_publication as p', 'p.id', 'c.publication_id')
    .select(['c.system_id', 'p.record', 'p.assessments', 'c.published_at'])
    .select(
      sql<Date | null>`(select max(a.approved_at) from assessment a where a.organisation_id = c.organisation_id and a.system_id = c.system_id and a.status = 'approved')`.as(
        'assessed_at',
      ),
    )
    .where('c.organisation_id', '=', input.organisationId)
    .where('c.slug', '=', input.slug)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const history = await db
    .selectFrom('register_publication')
    .select(['version', 'state', 'published_at', 'changed_fields'])
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', row.system_id)
    .orderBy('version', 'asc')
    .execute();
  const record = publicRecord(row.record as RegisterRecord);
  const assessedAt = row.assessed_at && !record.publication.restricted ? new Date(row.assessed_at) : null;
  return {
    systemId: row.system_id,
    record,
    assessments: record.publication.restricted ? [] : Array.isArray(row.assessments) ? (row.assessments as AssessmentSummary[]) : [],
    history: history.map((h) => ({ version: h.version, state: h.state, publishedAt: h.published_at, changedFields: h.changed_fields })),
    assessedAt: assessedAt && assessedAt.getTime() > row.published_at.getTime() ? assessedAt : null,
  };
}

/** Every current record of the organisation's register, by name (open data): one statement. */
export async function listPublicRecords(db: Kysely<DB>, organisationId: string): Promise<Array<{ record: RegisterRecord; assessments: AssessmentSummary[] }>> {
  const rows = await db
    .selectFrom('register_current as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .innerJoin('register_publication as p', 'p.id', 'c.publication_id')
    .select(['p.record', 'p.assessments'])
    .where('c.organisation_id', '=', organisationId)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null)
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.system_id')
    .execute();
  return rows.map((r) => {
    const record = publicRecord(r.record as RegisterRecord);
    return { record, assessments: record.publication.restricted ? [] : Array.isArray(r.assessments) ? (r.assessments as AssessmentSummary[]) : [] };
  });
}

export type FeedItem = { id: string; slug: string; name: string; version: number; state: 'published' | 'withdrawn'; publishedAt: Date; changedFields: string[]; summary: string; reason: string | null };

/** The latest publications and withdrawals of the organisation (Atom feed): one statement. */
export async function listRegisterFeed(db: Kysely<DB>, organisationId: string, limit = 50): Promise<FeedItem[]> {
  const rows = await db
    .selectFrom('register_publication as p')
    .innerJoin('ai_system as s', 's.id', 'p.system_id')
    .select(['p.id', 'p.version', 'p.state', 'p.published_at', 'p.changed_fields', 'p.record', 'p.reason'])
    .where('p.organisation_id', '=', organisationId)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null)
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const record = publicRecord(r.record as RegisterRecord);
    return {
      id: r.id,
      slug: record.system.slug,
      name: record.system.name,
      version: r.version,
      state: r.state,
      publishedAt: r.published_at,
      changedFields: r.changed_fields,
      summary: record.texts.summary,
      reason: r.reason,
    };
  });
}

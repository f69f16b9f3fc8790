/**
 * Publishing a system's register entry (issue #5 point 2): each publication is a new, append-only
 * version holding the record as the public sees it. Checks before publishing: the system is
 * public and not archived, every text required by our own page and by the organisation's
 * formats is written and chosen as public, and the other facts those formats need are set
 * (formats/required-facts.ts). Art. 49(4) systems are restricted here (and again when
 * pages render). Withdrawing is a publication too (state 'withdrawn'), so the history stays whole.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.service.js';
import { actorId, actorLabel, type Ctx } from '../../context.js';
import type { AiSystem, DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../errors.js';
import { findSystemRow } from '../../inventory/inventory.repository.js';
import { checkReadable, findReadableSystem } from '../../inventory/system-loader.js';
import { Art49_4_PUBLIC_FIELDS, PUBLIC_TEXT_FIELDS, type RegisterFormatId, type RegisterRecord, type RegisterTextKey } from '../record/register-record.js';
import { formatsRequiredFields, missingRequiredFacts } from '../formats/register-formats.js';
import { canPublishRegisterEntry } from './policy.js';
import { buildRegisterRecord, changedFields, loadSystemFacts, readStored, type AssessmentSummary } from './register-record.builder.js';
import { readDraft, type DraftRow } from './register-entry.service.js';
import { readRegisterSettings } from './register-settings.service.js';

export const FORMAT_NAMES: Record<RegisterFormatId, string> = {
  glassbox: 'the public register page',
  'uk-atrs-tier1': 'UK ATRS tier 1',
  'uk-atrs-tier2': 'UK ATRS tier 2',
  'nl-algoritmeregister': 'Dutch Algoritmeregister',
  eurocities: 'Eurocities transparency standard',
  'eu-annex-viii-c': 'EU database (Annex VIII Section C)',
  'us-omb-2025': 'US OMB 2025 inventory',
};

export type MissingField = { field: RegisterTextKey; formats: RegisterFormatId[] };

/**
 * Texts a publication needs: those our page and the chosen formats require (with the formats' own
 * conditions, e.g. the FRIA summary only when a FRIA is required), which must be written and
 * chosen as public. A record restricted under Art. 49(4) needs only the texts of its public minimum.
 */
export function missingRequiredFields(draft: Pick<DraftRow, 'texts' | 'publicFields'>, formats: readonly RegisterFormatId[], record: RegisterRecord): MissingField[] {
  const wanted: RegisterFormatId[] = ['glassbox', ...formats.filter((f) => f !== 'glassbox')];
  const restricted = record.publication.restricted;
  const needs = new Map<RegisterTextKey, RegisterFormatId[]>();
  for (const format of wanted) {
    for (const key of formatsRequiredFields(format, record)) {
      if (restricted && !RESTRICTED_TEXTS.has(key)) continue;
      needs.set(key, [...(needs.get(key) ?? []), format]);
    }
  }
  const missing: MissingField[] = [];
  for (const field of PUBLIC_TEXT_FIELDS) {
    const formatsNeeding = needs.get(field.key);
    if (!formatsNeeding) continue;
    const filled = draft.texts[field.key].trim() !== '' && draft.publicFields.includes(field.key);
    if (!filled) missing.push({ field: field.key, formats: formatsNeeding });
  }
  return missing;
}

/** A non-text fact the chosen formats need (one entry per fact, with every format field it fills). */
export type MissingFact = { source: string; label: string; where: string; needs: Array<{ format: RegisterFormatId; field: string }> };

/** Facts other than texts (settings, inventory facts, entry details) the chosen formats need. */
export function missingFormatFacts(formats: readonly RegisterFormatId[], record: RegisterRecord): MissingFact[] {
  const bySource = new Map<string, MissingFact>();
  for (const format of formats) {
    for (const fact of missingRequiredFacts(format, record)) {
      const key = `${fact.source}|${fact.label}`;
      const entry = bySource.get(key) ?? { source: fact.source, label: fact.label, where: fact.where, needs: [] };
      entry.needs.push({ format, field: fact.field });
      bySource.set(key, entry);
    }
  }
  return [...bySource.values()];
}

/** One line per missing fact: what, which format field needs it, and where to set it. */
export const describeMissingFact = (m: MissingFact): string =>
  `${m.label} (needed for ${m.needs.map((n) => `${FORMAT_NAMES[n.format]} \`${n.field}\``).join(', ')}): set it in ${m.where}.`;

const RESTRICTED_TEXTS: ReadonlySet<string> = new Set(Art49_4_PUBLIC_FIELDS.filter((p) => p.startsWith('texts.')).map((p) => p.slice('texts.'.length)));

export type PublicationView = {
  id: string;
  systemId: string;
  version: number;
  state: 'published' | 'withdrawn';
  changedFields: string[];
  reason: string | null;
  publishedBy: string;
  publishedAt: Date;
  restricted: boolean;
};

type PublicationRow = {
  id: string;
  system_id: string;
  version: number;
  state: 'published' | 'withdrawn';
  changed_fields: string[];
  reason: string | null;
  published_by_label: string;
  published_at: Date;
  record: unknown;
};

const present = (r: PublicationRow): PublicationView => ({
  id: r.id,
  systemId: r.system_id,
  version: r.version,
  state: r.state,
  changedFields: r.changed_fields,
  reason: r.reason,
  publishedBy: r.published_by_label,
  publishedAt: r.published_at,
  restricted: (r.record as RegisterRecord | null)?.publication?.restricted === true,
});

async function latestRow(db: Kysely<DB>, organisationId: string, systemId: string) {
  return db
    .selectFrom('register_publication')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function firstPublishedAt(db: Kysely<DB>, organisationId: string, systemId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('register_publication')
    .select('published_at')
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .where('state', '=', 'published')
    .orderBy('version', 'asc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? null;
}

async function organisationOf(db: Kysely<DB>, organisationId: string) {
  const o = await db.selectFrom('organisation').selectAll().where('id', '=', organisationId).executeTakeFirstOrThrow();
  return { name: o.name, slug: o.slug, contactEmail: o.contact_email, contactUrl: o.contact_url, defaultLocale: o.default_locale };
}

/** The record the draft would publish now, without writing anything (the preview, and publish itself). */
export async function draftRecord(
  db: Kysely<DB>,
  system: AiSystem,
  opts: { publicBaseUrl?: string | undefined; at?: Date },
): Promise<{ record: RegisterRecord; assessments: AssessmentSummary[]; draft: DraftRow; version: number; previous: Awaited<ReturnType<typeof latestRow>> }> {
  const [organisation, settings, draft, facts, previous, first] = await Promise.all([
    organisationOf(db, system.organisation_id),
    readRegisterSettings(db, system.organisation_id),
    readDraft(db, system.organisation_id, system.id),
    loadSystemFacts(db, system),
    latestRow(db, system.organisation_id, system.id),
    firstPublishedAt(db, system.organisation_id, system.id),
  ]);
  const at = opts.at ?? new Date();
  const version = (previous?.version ?? 0) + 1;
  const url = opts.publicBaseUrl ? `${opts.publicBaseUrl.replace(/\/+$/, '')}/${organisation.slug}/register/${system.slug}` : null;
  const built = buildRegisterRecord({ organisation, details: settings.organisation, system, facts, draft, version, publishedAt: at, firstPublishedAt: first ?? at, url });
  return { ...built, draft, version, previous };
}

const SUMMARY_MAX = 400;

/** Copies the columns the public list searches, filters and sorts by. */
function currentRow(organisationId: string, publicationId: string, record: RegisterRecord, firstPublished: Date, publishedAt: Date) {
  const s = record.system;
  const areas = [...new Set(record.classification.annexIIIPoints.map((p) => /^\d+/.exec(p)?.[0] ?? '').filter(Boolean))];
  const search = [s.name, record.texts.summary, s.unitName ?? '', ...s.tags].join(' ').toLowerCase();
  return {
    system_id: s.id,
    organisation_id: organisationId,
    publication_id: publicationId,
    version: record.publication.version,
    slug: s.slug,
    name: s.name,
    summary: record.texts.summary.slice(0, SUMMARY_MAX),
    eu_tier: record.classification.euTier,
    areas,
    tags: s.tags,
    lifecycle: s.lifecycle ?? 'undisclosed',
    unit_name: s.unitName,
    search_text: search,
    first_published_at: firstPublished,
    published_at: publishedAt,
  };
}

async function bumpRegisterVersion(db: Kysely<DB>, organisationId: string, at: Date): Promise<void> {
  await db
    .insertInto('register_settings')
    .values({ organisation_id: organisationId, version: 1, published_at: at, updated_at: at })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet((eb) => ({ version: eb('register_settings.version', '+', 1), published_at: at })))
    .execute();
}

async function loadForPublication(tx: Ctx, organisationId: string, ref: string): Promise<AiSystem> {
  const system = checkReadable(tx, await findSystemRow(tx.db, organisationId, ref, { forUpdate: true }));
  if (!canPublishRegisterEntry(tx.actor, organisationId)) {
    throw new AppError('forbidden', 'register.publish_forbidden', 'Only an administrator or a governance officer can publish or withdraw a register entry.');
  }
  return system;
}

export type PublishOutcome = { publication: PublicationView; record: RegisterRecord; assessments: AssessmentSummary[] };

/** Publishes the draft as the next version (admins, governance officers). */
export async function publishRegisterEntry(ctx: Ctx, input: { organisationId: string; ref: string; publicBaseUrl?: string | undefined }): Promise<PublishOutcome> {
  return inTransaction(ctx, async (tx) => {
    const system = await loadForPublication(tx, input.organisationId, input.ref);
    if (system.archived_at) throw new AppError('conflict', 'system.archived', `"${system.name}" is archived; restore it before publishing it.`);
    if (system.public_visibility !== 'public') {
      throw new AppError('conflict', 'register.not_public', `"${system.name}" is marked internal in the inventory. Set its public visibility to public before publishing it.`, {
        fields: { publicVisibility: 'Only systems marked public can be published.' },
      });
    }
    const now = new Date();
    const settings = await readRegisterSettings(tx.db, input.organisationId);
    const built = await draftRecord(tx.db, system, { publicBaseUrl: input.publicBaseUrl, at: now });
    const missing = missingRequiredFields(built.draft, settings.formats, built.record);
    const missingFacts = missingFormatFacts(settings.formats, built.record);
    if (missing.length > 0 || missingFacts.length > 0) {
      const fields: Record<string, string> = Object.fromEntries(
        missing.map((m) => [`texts.${m.field}`, `Required by ${m.formats.map((f) => FORMAT_NAMES[f]).join(', ')}: write it and mark it public.`]),
      );
      for (const m of missingFacts) fields[m.source] = [fields[m.source], describeMissingFact(m)].filter(Boolean).join(' ');
      const message = [
        missing.length > 0 ? `Some texts are missing: ${missing.map((m) => m.field).join(', ')}.` : '',
        missingFacts.length > 0 ? `The chosen formats also need: ${missingFacts.map(describeMissingFact).join(' ')}` : '',
      ].filter(Boolean).join(' ');
      throw new AppError('bad_request', 'register.missing_fields', message, { fields, missing, missingFacts });
    }
    const previous = built.previous ? readStored(built.previous.record, built.previous.assessments) : null;
    const changed = changedFields(previous, built);
    if (built.previous?.state === 'published' && changed.length === 0) {
      throw new AppError('conflict', 'register.unchanged', `Nothing has changed since version ${built.previous.version}; there is nothing new to publish.`);
    }
    const id = randomUUID();
    const row = await tx.db
      .insertInto('register_publication')
      .values({
        id,
        organisation_id: input.organisationId,
        system_id: system.id,
        version: built.version,
        state: 'published',
        record: JSON.stringify(built.record),
        assessments: JSON.stringify(built.assessments),
        changed_fields: changed,
        reason: null,
        published_by: actorId(tx.actor),
        published_by_label: actorLabel(tx.actor).slice(0, 300),
        published_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const first = new Date(built.record.publication.firstPublishedAt);
    const current = currentRow(input.organisationId, id, built.record, first, now);
    const { system_id: _sid, organisation_id: _oid, ...update } = current;
    void _sid;
    void _oid;
    await tx.db.insertInto('register_current').values(current).onConflict((oc) => oc.column('system_id').doUpdateSet(update)).execute();
    await bumpRegisterVersion(tx.db, input.organisationId, now);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'register.published',
      entityType: 'ai_system',
      entityId: system.id,
      after: { version: built.version, changedFields: changed, restricted: built.record.publication.restricted },
    });
    return { publication: present(row), record: built.record, assessments: built.assessments };
  });
}

/** Takes a system off the public register (admins, governance officers); the history stays. */
export async function withdrawRegisterEntry(ctx: Ctx, input: { organisationId: string; ref: string; reason: string }): Promise<PublicationView> {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 2000) {
    throw new AppError('bad_request', 'register.invalid_reason', 'Say why the entry is withdrawn.', { fields: { reason: 'Give the reason in 1 to 2,000 characters.' } });
  }
  return inTransaction(ctx, async (tx) => {
    const system = await loadForPublication(tx, input.organisationId, input.ref);
    const latest = await latestRow(tx.db, input.organisationId, system.id);
    if (!latest || latest.state !== 'published') throw new AppError('conflict', 'register.not_published', `"${system.name}" is not on the public register.`);
    const now = new Date();
    const row = await tx.db
      .insertInto('register_publication')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        system_id: system.id,
        version: latest.version + 1,
        state: 'withdrawn',
        record: JSON.stringify(latest.record),
        assessments: JSON.stringify(latest.assessments),
        changed_fields: [],
        reason,
        published_by: actorId(tx.actor),
        published_by_label: actorLabel(tx.actor).slice(0, 300),
        published_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.db.deleteFrom('register_current').where('organisation_id', '=', input.organisationId).where('system_id', '=', system.id).execute();
    await bumpRegisterVersion(tx.db, input.organisationId, now);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'register.withdrawn',
      entityType: 'ai_system',
      entityId: system.id,
      after: { version: row.version, reason },
    });
    return present(row);
  });
}

/** A system's publications, newest first: one statement whatever their number. */
export async function listRegisterPublications(
  ctx: Ctx,
  input: { organisationId: string; ref: string; limit: number; offset: number },
): Promise<{ items: PublicationView[]; total: number }> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const rows = await ctx.db
    .selectFrom('register_publication')
    .select(['id', 'system_id', 'version', 'state', 'changed_fields', 'reason', 'published_by_label', 'published_at', 'record'])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', system.id)
    .orderBy('version', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const total = rows[0] ? Number(rows[0].total) : input.offset > 0 ? await countPublications(ctx.db, input.organisationId, system.id) : 0;
  return { items: rows.map(present), total };
}

async function countPublications(db: Kysely<DB>, organisationId: string, systemId: string): Promise<number> {
  const row = await db
    .selectFrom('register_publication')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What publishing now would still lack: the texts and the other facts the chosen formats need. */
export async function checkRegisterEntry(ctx: Ctx, input: { organisationId: string; ref: string; publicBaseUrl?: string | undefined }): Promise<{ missing: MissingField[]; missingFacts: MissingFact[] }> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const [built, settings] = await Promise.all([draftRecord(ctx.db, system, { publicBaseUrl: input.publicBaseUrl }), readRegisterSettings(ctx.db, input.organisationId)]);
  return { missing: missingRequiredFields(built.draft, settings.formats, built.record), missingFacts: missingFormatFacts(settings.formats, built.record) };
}

export type RegisterPreview = {
  record: RegisterRecord;
  assessments: AssessmentSummary[];
  /**
   * The change history as it would read once published, oldest first: the publications so far,
   * then the version publishing now would make (`pending`, dated now) unless nothing has changed.
   */
  history: Array<{ version: number; state: 'published' | 'withdrawn'; publishedAt: Date; changedFields: string[]; pending?: boolean }>;
  missing: MissingField[];
  publicVisibility: 'public' | 'internal';
};

/** What publishing now would put on the public page (every member may look). */
export async function previewRegisterEntry(ctx: Ctx, input: { organisationId: string; ref: string; publicBaseUrl?: string | undefined }): Promise<RegisterPreview> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const [built, settings, history] = await Promise.all([
    draftRecord(ctx.db, system, { publicBaseUrl: input.publicBaseUrl }),
    readRegisterSettings(ctx.db, input.organisationId),
    ctx.db
      .selectFrom('register_publication')
      .select(['version', 'state', 'published_at', 'changed_fields'])
      .where('organisation_id', '=', input.organisationId)
      .where('system_id', '=', system.id)
      .orderBy('version', 'asc')
      .execute(),
  ]);
  if (!built) throw notFound('system');
  const changed = changedFields(built.previous ? readStored(built.previous.record, built.previous.assessments) : null, built);
  // Publishing refuses an unchanged republish, so then there is no version to come.
  const pending = built.previous?.state === 'published' && changed.length === 0 ? [] : [{ version: built.version, state: 'published' as const, publishedAt: new Date(built.record.publication.publishedAt), changedFields: changed, pending: true }];
  return {
    record: built.record,
    assessments: built.assessments,
    history: [...history.map((h) => ({ version: h.version, state: h.state, publishedAt: h.published_at, changedFields: h.changed_fields })), ...pending],
    missing: missingRequiredFields(built.draft, settings.formats, built.record),
    publicVisibility: system.public_visibility,
  };
}

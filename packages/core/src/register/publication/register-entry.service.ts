/**
 * The staff draft of a system's public register entry: the plain-language texts (PUBLIC_TEXT_FIELDS),
 * which of them are public, and the entry's links and facts. Nothing here is public until
 * publish.service.ts makes a publication of it.
 */
import type { Kysely } from 'kysely';
import { diffFields, recordAudit } from '../../audit/audit.service.js';
import { actorId, actorLabel, type Ctx } from '../../context.js';
import type { AiSystem, DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { findReadableSystem, subject } from '../../inventory/system-loader.js';
import { findSystemRow } from '../../inventory/inventory.repository.js';
import {
  emptyLinks,
  emptyTexts,
  POLICY_AREAS,
  PUBLIC_TEXT_FIELDS,
  REGISTER_TEXT_KEYS,
  TECHNIQUES,
  USE_TYPES,
  type PolicyArea,
  type RegisterLinks,
  type RegisterTextKey,
  type RegisterTexts,
  type Technique,
  type UseType,
} from '../record/register-record.js';
import { canEditRegisterDraft } from './policy.js';

export type RegisterEntryDetails = {
  links: RegisterLinks;
  policyArea: PolicyArea | null;
  technique: Technique | null;
  useType: UseType | null;
  /** 'YYYY-MM-DD' or null. */
  nextReviewDue: string | null;
};

export const LINK_KEYS = Object.keys(emptyLinks()) as Array<keyof RegisterLinks>;

export const emptyDetails = (): RegisterEntryDetails => ({ links: emptyLinks(), policyArea: null, technique: null, useType: null, nextReviewDue: null });

export type RegisterEntryView = {
  system: { id: string; slug: string; name: string; publicVisibility: 'public' | 'internal'; archived: boolean };
  texts: RegisterTexts;
  publicFields: RegisterTextKey[];
  details: RegisterEntryDetails;
  /** null until someone saves the draft. */
  updatedAt: Date | null;
  updatedBy: string | null;
  /** The latest publication of the entry, if any. */
  latest: { version: number; state: 'published' | 'withdrawn'; publishedAt: Date } | null;
};

const isTextKey = (k: string): k is RegisterTextKey => (REGISTER_TEXT_KEYS as readonly string[]).includes(k);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseTexts(raw: unknown): RegisterTexts {
  const texts = emptyTexts();
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (isTextKey(k) && typeof v === 'string') texts[k] = v;
  }
  return texts;
}

export function parseDetails(raw: unknown): RegisterEntryDetails {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rawLinks = (o.links && typeof o.links === 'object' ? o.links : {}) as Record<string, unknown>;
  const links = emptyLinks();
  for (const k of LINK_KEYS) {
    const v = rawLinks[k];
    links[k] = typeof v === 'string' && v !== '' ? v : null;
  }
  return {
    links,
    policyArea: oneOf(POLICY_AREAS, o.policyArea),
    technique: oneOf(TECHNIQUES, o.technique),
    useType: oneOf(USE_TYPES, o.useType),
    nextReviewDue: typeof o.nextReviewDue === 'string' && DATE.test(o.nextReviewDue) ? o.nextReviewDue : null,
  };
}

export type DraftRow = { texts: RegisterTexts; publicFields: RegisterTextKey[]; details: RegisterEntryDetails; updatedAt: Date | null; updatedBy: string | null };

export async function readDraft(db: Kysely<DB>, organisationId: string, systemId: string): Promise<DraftRow> {
  const row = await db.selectFrom('register_entry').selectAll().where('organisation_id', '=', organisationId).where('system_id', '=', systemId).executeTakeFirst();
  if (!row) return { texts: emptyTexts(), publicFields: [], details: emptyDetails(), updatedAt: null, updatedBy: null };
  return {
    texts: parseTexts(row.texts),
    publicFields: REGISTER_TEXT_KEYS.filter((k) => row.public_fields.includes(k)),
    details: parseDetails(row.details),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_label,
  };
}

async function latestPublication(db: Kysely<DB>, organisationId: string, systemId: string) {
  const row = await db
    .selectFrom('register_publication')
    .select(['version', 'state', 'published_at'])
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, state: row.state, publishedAt: row.published_at } : null;
}

async function viewOf(db: Kysely<DB>, system: AiSystem): Promise<RegisterEntryView> {
  const [draft, latest] = await Promise.all([readDraft(db, system.organisation_id, system.id), latestPublication(db, system.organisation_id, system.id)]);
  return {
    system: { id: system.id, slug: system.slug, name: system.name, publicVisibility: system.public_visibility, archived: system.archived_at !== null },
    ...draft,
    latest,
  };
}

export async function getRegisterEntry(ctx: Ctx, input: { organisationId: string; ref: string }): Promise<RegisterEntryView> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  return viewOf(ctx.db, system);
}

export type SaveRegisterEntryInput = {
  organisationId: string;
  ref: string;
  /** Only the texts given change; '' clears one. */
  texts?: Partial<Record<string, string>> | undefined;
  /** The whole list of public fields, when given. */
  publicFields?: readonly string[] | undefined;
  /** Only the parts given change. */
  details?: { links?: Partial<Record<string, string | null>> | undefined; policyArea?: string | null; technique?: string | null; useType?: string | null; nextReviewDue?: string | null } | undefined;
};

const isHttpUrl = (v: string): boolean => {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Validates a draft change against PUBLIC_TEXT_FIELDS; every problem is named under details.fields. */
function validate(input: SaveRegisterEntryInput): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.texts ?? {})) {
    const field = PUBLIC_TEXT_FIELDS.find((f) => f.key === key);
    if (!field) fields[`texts.${key}`] = 'Unknown text field: remove it.';
    else if (typeof value !== 'string') fields[`texts.${key}`] = 'Give text.';
    else if (value.length > field.maxLength) fields[`texts.${key}`] = `At most ${field.maxLength} characters (this has ${value.length}).`;
  }
  const unknownPublic = (input.publicFields ?? []).filter((k) => !isTextKey(k));
  if (unknownPublic.length > 0) fields.publicFields = `Unknown text field(s): ${unknownPublic.join(', ')}.`;
  const d = input.details;
  if (d) {
    for (const [key, value] of Object.entries(d.links ?? {})) {
      if (!(LINK_KEYS as string[]).includes(key)) fields[`details.links.${key}`] = 'Unknown link: remove it.';
      else if (value !== null && value !== '' && (value === undefined || value.length > 2000 || !isHttpUrl(value))) fields[`details.links.${key}`] = 'Give an http or https address (at most 2,000 characters), or null.';
    }
    if (d.policyArea != null && !oneOf(POLICY_AREAS, d.policyArea)) fields['details.policyArea'] = `Choose one of ${POLICY_AREAS.join(', ')}.`;
    if (d.technique != null && !oneOf(TECHNIQUES, d.technique)) fields['details.technique'] = `Choose one of ${TECHNIQUES.join(', ')}.`;
    if (d.useType != null && !oneOf(USE_TYPES, d.useType)) fields['details.useType'] = `Choose one of ${USE_TYPES.join(', ')}.`;
    if (d.nextReviewDue != null && (!DATE.test(d.nextReviewDue) || Number.isNaN(Date.parse(`${d.nextReviewDue}T00:00:00Z`)))) fields['details.nextReviewDue'] = 'Give a date as YYYY-MM-DD.';
  }
  return fields;
}

/** Saves the draft (admins, governance officers, the system's owner, write tokens reaching the system). */
export async function saveRegisterEntry(ctx: Ctx, input: SaveRegisterEntryInput): Promise<RegisterEntryView> {
  const fields = validate(input);
  if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'register.invalid_entry', 'Some parts of the entry are not valid.', { fields });
  return inTransaction(ctx, async (tx) => {
    const system = await findReadableSystem(tx, input.organisationId, input.ref);
    if (!canEditRegisterDraft(tx.actor, subject(system))) {
      throw new AppError('forbidden', 'register.forbidden', 'Only the owner of this system, a governance officer or an administrator can edit its register entry.');
    }
    // Lock the system row so two saves of the same draft serialise.
    await findSystemRow(tx.db, input.organisationId, system.id, { forUpdate: true });
    const before = await readDraft(tx.db, input.organisationId, system.id);
    const texts = { ...before.texts };
    for (const [k, v] of Object.entries(input.texts ?? {})) if (isTextKey(k) && typeof v === 'string') texts[k] = v.replace(/\r\n/g, '\n');
    const publicFields = input.publicFields ? REGISTER_TEXT_KEYS.filter((k) => input.publicFields?.includes(k)) : before.publicFields;
    const d = input.details;
    const details: RegisterEntryDetails = d
      ? parseDetails({
          links: { ...before.details.links, ...Object.fromEntries(Object.entries(d.links ?? {}).map(([k, v]) => [k, v === '' ? null : v])) },
          policyArea: d.policyArea === undefined ? before.details.policyArea : d.policyArea,
          technique: d.technique === undefined ? before.details.technique : d.technique,
          useType: d.useType === undefined ? before.details.useType : d.useType,
          nextReviewDue: d.nextReviewDue === undefined ? before.details.nextReviewDue : d.nextReviewDue,
        })
      : before.details;
    const diff = diffFields({ ...before.texts, publicFields: before.publicFields, ...before.details }, { ...texts, publicFields, ...details });
    if (diff.after && Object.keys(diff.after).length > 0) {
      const now = new Date();
      const values = {
        texts: JSON.stringify(texts),
        public_fields: publicFields,
        details: JSON.stringify(details),
        updated_by: actorId(tx.actor),
        updated_by_label: actorLabel(tx.actor).slice(0, 300),
        updated_at: now,
      };
      await tx.db
        .insertInto('register_entry')
        .values({ system_id: system.id, organisation_id: input.organisationId, created_at: now, ...values })
        .onConflict((oc) => oc.column('system_id').doUpdateSet(values))
        .execute();
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'register.entry_saved',
        entityType: 'ai_system',
        entityId: system.id,
        before: diff.before,
        after: diff.after,
      });
    }
    return viewOf(tx.db, system);
  });
}

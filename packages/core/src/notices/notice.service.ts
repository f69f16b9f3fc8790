/**
 * Notices (R-NOTICE): staff, or a case-management system with an API token, produce the "AI
 * assisted in your case" notice for one system, in English, Spanish or French, standard or easy
 * read, as HTML or PDF. Every produced notice is recorded (system, language, variant, format, who,
 * when); the case reference and the person's name only when the caller sent them, and only until the
 * system's notice retention ends (its own, else the organisation's: notice-retention.service.ts;
 * purgeExpiredNoticeDetails then removes them). The audit
 * trail never holds those personal fields.
 *
 * Who (decided here, checked again by the route's access declaration):
 * - admin, governance_officer, system_owner, caseworker, reviewer: produce and preview notices for
 *   any system of the organisation (caseworkers and reviewers are the people who send them).
 * - auditor: reads the list (without the personal fields).
 * - API tokens: write tokens produce notices (a token limited to one system: for that system only);
 *   read tokens preview and list (without the personal fields).
 * - staff: nothing.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service.js';
import { actorName, actorUserId } from '../citizen/cases.shared.js';
import type { Actor, Ctx } from '../context.js';
import type { CitizenLocale, NoticeFormat, NoticeVariant } from '../db/schema-citizen.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { getPublicSystem } from '../register/publication/public-register.service.js';
import { hasAnyRole, type Role } from '../roles.js';
import { renderNoticeHtml, renderNoticePdf, type NoticeData } from './notice-render.js';
import { noticeRetentionFor } from './notice-retention.service.js';

export { canSetNoticeRetention, getNoticeRetention, NOTICE_RETENTION_LIMITS, setNoticeRetention, type NoticeRetention } from './notice-retention.service.js';

const MAKERS: readonly Role[] = ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer'];

const rolesIn = (actor: Actor, organisationId: string): readonly Role[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

/** Produce a notice that is sent to a person (recorded). */
export function canGenerateNotice(actor: Actor, organisationId: string, systemId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.scope === 'write' && (actor.systemId === null || actor.systemId === systemId);
  return hasAnyRole(rolesIn(actor, organisationId), MAKERS);
}

/** See what a notice would look like (nothing recorded). */
export function canPreviewNotice(actor: Actor, organisationId: string, systemId: string): boolean {
  if (actor.kind === 'token') return actor.organisationId === organisationId && (actor.systemId === null || actor.systemId === systemId);
  return canGenerateNotice(actor, organisationId, systemId);
}

export function canListNotices(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.systemId === null;
  return hasAnyRole(rolesIn(actor, organisationId), [...MAKERS, 'auditor']);
}

/** Case reference and name in the list: only for the people who send notices. */
export function canSeeNoticeDetails(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && hasAnyRole(rolesIn(actor, organisationId), MAKERS);
}

export type NoticeRequest = {
  organisationId: string;
  /** The system's id or slug. */
  systemId: string;
  language: CitizenLocale;
  variant: NoticeVariant;
  /** The public site's address, for the request form and register links. */
  publicBaseUrl: string;
  caseReference?: string | null | undefined;
  recipientName?: string | null | undefined;
  /** 'YYYY-MM-DD'; printed on the notice, never stored. */
  decisionDate?: string | null | undefined;
};

const notFound = () => new AppError('not_found', 'system.not_found', 'No such AI system in this organisation.');
const forbidden = () => new AppError('forbidden', 'notice.forbidden', 'You cannot produce notices for this system.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex

function checkDetails(input: NoticeRequest): { caseReference: string | null; recipientName: string | null; decisionDate: string | null } {
  const fields: Record<string, string> = {};
  const clean = (key: 'caseReference' | 'recipientName', value: string | null | undefined, max: number): string | null => {
    const v = typeof value === 'string' ? value.trim() : '';
    if (!v) return null;
    if (v.length > max) fields[key] = `Use at most ${max} characters.`;
    else if (CONTROL.test(v) || v.includes('\n')) fields[key] = 'Use a single line of text.';
    return v;
  };
  const caseReference = clean('caseReference', input.caseReference, 200);
  const recipientName = clean('recipientName', input.recipientName, 200);
  let decisionDate: string | null = null;
  if (input.decisionDate) {
    const d = input.decisionDate.trim();
    const parsed = new Date(`${d}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d) fields.decisionDate = 'Use a date like 2026-03-31.';
    else decisionDate = d;
  }
  if (Object.keys(fields).length) throw new AppError('bad_request', 'notice.invalid', 'Some case details need changing.', { fields });
  return { caseReference, recipientName, decisionDate };
}

/** Everything the notice needs, from the inventory and, when the system is published, its register entry. Three statements. */
async function loadNoticeData(ctx: Ctx, allowed: (systemId: string) => boolean, input: NoticeRequest, details: { caseReference: string | null; recipientName: string | null; decisionDate: string | null }, now: Date): Promise<NoticeData & { systemId: string; systemSlug: string }> {
  const row = await ctx.db
    .selectFrom('ai_system as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.slug', 's.name', 's.purpose', 's.description', 's.human_oversight', 's.public_visibility', 'o.slug as org_slug', 'o.name as org_name', 'o.contact_email', 'o.contact_url'])
    .where('s.organisation_id', '=', input.organisationId)
    .where(UUID.test(input.systemId) ? 's.id' : 's.slug', '=', input.systemId)
    .where('s.archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (!allowed(row.id)) throw forbidden();
  if (row.public_visibility !== 'public') {
    // The notice sends people to the system's public request form, which lists public systems only.
    throw new AppError('conflict', 'notice.system_not_public', 'Show this system to the public in the inventory first: the notice sends people to its public request form.');
  }
  const published = await getPublicSystem(ctx.db, { organisationId: input.organisationId, slug: row.slug });
  const texts = published?.record.texts;
  const easy = input.variant === 'easy_read';
  const fromRegister = texts ? (easy ? texts.summary : [texts.summary, texts.howItWorks].filter((x) => x.trim()).join('\n\n')) : '';
  const fromInventory = easy ? row.description || row.purpose : [row.purpose, row.description].filter((x) => x.trim()).join('\n\n');
  // Inventory texts carry no language: staff usually write them in English.
  const registerLanguage = published?.record.publication.language;
  const humanRoleFromRegister = Boolean(texts?.humanRole.trim());
  const base = input.publicBaseUrl.replace(/\/$/, '');
  const org = published?.record.organisation;
  return {
    systemId: row.id,
    systemSlug: row.slug,
    language: input.language,
    variant: input.variant,
    organisation: {
      name: row.org_name,
      contactEmail: org?.contactEmail || row.contact_email,
      contactUrl: org?.contactUrl ?? row.contact_url,
      contactPhone: org?.contactPhone ?? null,
      address: org?.address ?? null,
    },
    system: {
      name: row.name,
      whatItDoes: fromRegister.trim() ? fromRegister : fromInventory,
      whatItDoesLanguage: fromRegister.trim() && registerLanguage ? registerLanguage : 'en',
      humanRole: texts && humanRoleFromRegister ? texts.humanRole : row.human_oversight,
      humanRoleLanguage: humanRoleFromRegister && registerLanguage ? registerLanguage : 'en',
    },
    requestUrl: `${base}/${row.org_slug}/requests/new?system=${encodeURIComponent(row.slug)}`,
    registerUrl: published ? `${base}/${row.org_slug}/register/${encodeURIComponent(row.slug)}` : null,
    caseReference: details.caseReference,
    recipientName: details.recipientName,
    decisionDate: details.decisionDate,
    generatedAt: now.toISOString(),
  };
}

export type NoticeDocument = { id: string; format: NoticeFormat; contentType: string; filename: string; body: string | Buffer };

/** A notice for a person: rendered, then recorded with its audit event; returned only after both committed. */
export async function generateNotice(ctx: Ctx, input: NoticeRequest & { format: NoticeFormat }): Promise<NoticeDocument> {
  // Whether the actor may at all (any system); then for the system found.
  if (!canGenerateNotice(ctx.actor, input.organisationId, ctx.actor.kind === 'token' && ctx.actor.systemId ? ctx.actor.systemId : input.systemId)) throw forbidden();
  const details = checkDetails(input);
  const now = new Date();
  const data = await loadNoticeData(ctx, (id) => canGenerateNotice(ctx.actor, input.organisationId, id), input, details, now);
  const body = input.format === 'pdf' ? await renderNoticePdf(data) : renderNoticeHtml(data);
  const keepsDetails = details.caseReference !== null || details.recipientName !== null;
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    // The system's own retention when it has one, else the organisation's.
    const retention = keepsDetails ? await noticeRetentionFor(tx, input.organisationId, data.systemId) : null;
    await tx.db
      .insertInto('notice')
      .values({
        id,
        organisation_id: input.organisationId,
        system_id: data.systemId,
        language: input.language,
        variant: input.variant,
        format: input.format,
        generated_by_name: actorName(tx).slice(0, 300),
        generated_by_user_id: actorUserId(tx),
        case_reference: details.caseReference,
        recipient_name: details.recipientName,
        purge_after: retention ? new Date(now.getTime() + retention.effectiveDays * 86_400_000) : null,
        created_at: now,
      })
      .execute();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'notice.generated',
      entityType: 'ai_system',
      entityId: data.systemId,
      after: { noticeId: id, language: input.language, variant: input.variant, format: input.format, caseDetailsKept: keepsDetails },
    });
  });
  const name = `notice-${data.systemSlug}-${input.language}${input.variant === 'easy_read' ? '-easy-read' : ''}`;
  return input.format === 'pdf'
    ? { id, format: 'pdf', contentType: 'application/pdf', filename: `${name}.pdf`, body }
    : { id, format: 'html', contentType: 'text/html; charset=utf-8', filename: `${name}.html`, body };
}

/** What the notice looks like, for the staff screen: nothing is recorded, no personal data. */
export async function previewNotice(ctx: Ctx, input: Omit<NoticeRequest, 'caseReference' | 'recipientName' | 'decisionDate'>): Promise<string> {
  if (!canPreviewNotice(ctx.actor, input.organisationId, ctx.actor.kind === 'token' && ctx.actor.systemId ? ctx.actor.systemId : input.systemId)) throw forbidden();
  const data = await loadNoticeData(ctx, (id) => canPreviewNotice(ctx.actor, input.organisationId, id), input, { caseReference: null, recipientName: null, decisionDate: null }, new Date());
  return renderNoticeHtml(data);
}

export type NoticeView = {
  id: string;
  system: { id: string; name: string; slug: string };
  language: CitizenLocale;
  variant: NoticeVariant;
  format: NoticeFormat;
  generatedBy: string;
  generatedAt: string;
  /** Null when not sent, removed, or not shown to this reader. */
  caseReference: string | null;
  recipientName: string | null;
  /** Whether case details were kept and are still kept. */
  caseDetailsKept: boolean;
  purgeAfter: string | null;
  purgedAt: string | null;
};

/** Produced notices, newest first: two statements whatever the number. */
export async function listNotices(ctx: Ctx, input: { organisationId: string; systemId?: string | undefined; limit: number; offset: number }): Promise<{ items: NoticeView[]; total: number }> {
  if (!canListNotices(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'notice.forbidden', 'Only staff who send notices, and auditors, can see the notices produced.');
  }
  const showDetails = canSeeNoticeDetails(ctx.actor, input.organisationId);
  let q = ctx.db.selectFrom('notice as n').innerJoin('ai_system as s', 's.id', 'n.system_id').where('n.organisation_id', '=', input.organisationId);
  if (input.systemId) q = q.where('n.system_id', '=', input.systemId);
  const [rows, count] = await Promise.all([
    q
      .select([
        'n.id',
        'n.system_id',
        's.name as system_name',
        's.slug as system_slug',
        'n.language',
        'n.variant',
        'n.format',
        'n.generated_by_name',
        'n.created_at',
        'n.case_reference',
        'n.recipient_name',
        'n.purge_after',
        'n.purged_at',
      ])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      system: { id: r.system_id, name: r.system_name, slug: r.system_slug },
      language: r.language,
      variant: r.variant,
      format: r.format,
      generatedBy: r.generated_by_name,
      generatedAt: r.created_at.toISOString(),
      caseReference: showDetails ? r.case_reference : null,
      recipientName: showDetails ? r.recipient_name : null,
      caseDetailsKept: r.case_reference !== null || r.recipient_name !== null,
      purgeAfter: r.purge_after?.toISOString() ?? null,
      purgedAt: r.purged_at?.toISOString() ?? null,
    })),
  };
}

/**
 * Removes the case reference and name from every notice whose retention has ended (all
 * organisations, or one), with one audit event per organisation. Returns how many notices were
 * cleared. Safe to run from several places at once: a cleared row no longer matches.
 */
export async function purgeExpiredNoticeDetails(ctx: Ctx, now: Date = new Date(), organisationId?: string): Promise<number> {
  if (ctx.actor.kind !== 'system' && !(organisationId && ctx.actor.kind === 'user' && hasAnyRole(rolesIn(ctx.actor, organisationId), ['admin', 'governance_officer']))) {
    throw new AppError('forbidden', 'notice.forbidden', 'Only administrators and governance officers can purge notice details.');
  }
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .updateTable('notice')
      .set({ case_reference: null, recipient_name: null, purged_at: now })
      .where('purge_after', '<=', now)
      .where('purged_at', 'is', null);
    if (organisationId) q = q.where('organisation_id', '=', organisationId);
    const cleared = await q.returning(['organisation_id']).execute();
    const byOrg = new Map<string, number>();
    for (const r of cleared) byOrg.set(r.organisation_id, (byOrg.get(r.organisation_id) ?? 0) + 1);
    for (const [org, count] of byOrg) {
      await recordAudit(tx, { organisationId: org, action: 'notice.details_purged', entityType: 'organisation', entityId: org, after: { notices: count, before: now.toISOString() } });
    }
    return cleared.length;
  });
}

/**
 * The answer to a redress request as a letter to post (R-REDRESS): the answer is emailed only when
 * the person gave an email address, so staff print this for those who gave a postal address. In
 * the person's language, as printable HTML or PDF, through the notices' HTML shell and PDF writer.
 * Only those who may see the person's contact details produce it; each letter is audited by
 * reference and format (never the answer or the address).
 */
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { CitizenLocale, RedressKind, RedressOutcome } from '../db/schema-citizen.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { formatDate, renderDocumentHtml, renderDocumentPdf, type NoticeInline, type NoticeItem, type NoticeModel, type NoticePdfOptions, type NoticeSection } from '../notices/notice-render.js';
import { readRegisterSettings } from '../register/publication/register-settings.service.js';
import { letterTexts } from './letter-texts.js';
import { canReadCase, canSeeContact } from './policy.js';

export const REDRESS_LETTER_FORMATS = ['html', 'pdf'] as const;
export type RedressLetterFormat = (typeof REDRESS_LETTER_FORMATS)[number];

export type RedressLetterData = {
  language: CitizenLocale;
  organisation: { name: string; contactEmail: string | null; contactUrl: string | null; contactPhone: string | null; address: string | null };
  reference: string;
  kind: RedressKind;
  systemName: string;
  decisionReference: string | null;
  recipient: { name: string; postalAddress: string | null };
  outcome: RedressOutcome;
  /** The staff answer, as written. */
  answer: string;
  /** When the letter is produced (ISO). */
  generatedAt: string;
};

const lines = (text: string | null): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const paragraphs = (text: string): string[] =>
  text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

const p = (...parts: NoticeInline[]): NoticeItem => ({ kind: 'p', parts });
const strong = (text: string): NoticeItem => ({ kind: 'strong', parts: [text] });

export function buildRedressLetterModel(d: RedressLetterData): NoticeModel {
  const tx = letterTexts(d.language);
  const o = d.organisation;
  const kind = tx.kinds[d.kind];
  const outcome = tx.outcomes[d.outcome];

  const preamble: NoticeItem[] = [];
  const sender = lines(o.address);
  if (sender.length) preamble.push({ kind: 'p', parts: sender, lines: true });
  preamble.push({ kind: 'p', parts: [d.recipient.name, ...lines(d.recipient.postalAddress)], lines: true });
  preamble.push(p(formatDate(d.language, d.generatedAt)));
  preamble.push(strong(tx.referenceLine(d.reference)), strong(tx.kindLine(kind.name)), strong(tx.systemLine(d.systemName)));
  if (d.decisionReference) preamble.push(strong(tx.decisionLine(d.decisionReference)));

  const sections: NoticeSection[] = [];
  sections.push({ heading: null, items: [p(tx.greeting(d.recipient.name)), p(tx.intro({ org: o.name, system: d.systemName, kind: kind.inSentence }))] });
  sections.push({
    heading: tx.outcomeHeading,
    items: [strong(tx.outcomeLine(outcome.name)), p(outcome.meaning), p(tx.answerLead), ...paragraphs(d.answer).map((text): NoticeItem => ({ kind: 'quote', parts: [text] }))],
  });

  const ways: NoticeInline[][] = [];
  if (o.contactEmail) ways.push([tx.contactEmail, ' ', { href: `mailto:${o.contactEmail}` }]);
  if (o.contactUrl) ways.push([tx.contactWebsite, ' ', { href: o.contactUrl }]);
  if (o.contactPhone) ways.push([`${tx.contactPhone} ${o.contactPhone}`]);
  if (sender.length) ways.push([`${tx.contactPost} ${sender.join(', ')}`]);
  const follow: NoticeItem[] = [p(tx.followReference(d.reference))];
  if (ways.length) follow.push(p(tx.followWays), { kind: 'list', items: ways });
  follow.push(p(tx.followNoLink));
  sections.push({ heading: tx.followHeading, items: follow });

  const rights = tx.rights[d.kind].map((r) => p(r));
  if (d.kind !== 'appeal') rights.push(p(tx.howToAsk));
  rights.push(p(tx.complain));
  sections.push({ heading: tx.rightsHeading, items: rights });
  sections.push({ heading: null, items: [p(tx.closing), p(o.name)] });

  return {
    lang: d.language,
    title: tx.title,
    variant: 'standard',
    orgName: o.name,
    preamble,
    sections,
    footer: `${o.name} · ${d.reference} · ${tx.producedOn(formatDate(d.language, d.generatedAt))}`,
  };
}

/** The letter as a complete HTML page (every text escaped, no script), styled for print. */
export const renderRedressLetterHtml = (d: RedressLetterData): string => renderDocumentHtml(buildRedressLetterModel(d));

/** The letter as an A4 PDF with real text. */
export const renderRedressLetterPdf = (d: RedressLetterData, options: NoticePdfOptions = {}): Promise<Buffer> => renderDocumentPdf(buildRedressLetterModel(d), d.generatedAt, options);

export type RedressLetter = { format: RedressLetterFormat; contentType: string; filename: string; body: string | Buffer };

/**
 * The answer letter for one request, once it has an outcome and an answer; the audit event is
 * committed before the letter is returned. Two statements to read, one transaction to record.
 */
export async function produceRedressLetter(ctx: Ctx, input: { organisationId: string; requestId: string; format: RedressLetterFormat; now?: Date }): Promise<RedressLetter> {
  const row = await ctx.db
    .selectFrom('redress_request as r')
    .innerJoin('ai_system as s', 's.id', 'r.system_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.reference',
      'r.kind',
      'r.decision_reference',
      'r.contact_name',
      'r.postal_address',
      'r.locale',
      'r.outcome',
      'r.outcome_text',
      's.name as system_name',
      's.owner_id as system_owner_id',
      'o.name as org_name',
      'o.contact_email',
      'o.contact_url',
    ])
    .where('r.organisation_id', '=', input.organisationId)
    .where('r.id', '=', input.requestId)
    .executeTakeFirst();
  const subject = { organisationId: input.organisationId, systemOwnerId: row?.system_owner_id ?? null };
  if (!row || !canReadCase(ctx.actor, subject)) throw new AppError('not_found', 'redress.not_found', 'No such redress request.');
  if (!canSeeContact(ctx.actor, subject)) {
    throw new AppError('forbidden', 'redress.forbidden', 'Only the triage team or the owner of the system can produce a letter to the person.');
  }
  if (!row.outcome || !row.outcome_text) {
    throw new AppError('conflict', 'redress.no_answer', 'Record the decision (outcome and answer) before producing the letter.');
  }
  const details = (await readRegisterSettings(ctx.db, input.organisationId)).organisation;
  const now = input.now ?? new Date();
  const data: RedressLetterData = {
    language: row.locale,
    organisation: { name: row.org_name, contactEmail: row.contact_email, contactUrl: row.contact_url, contactPhone: details.contactPhone, address: details.address },
    reference: row.reference,
    kind: row.kind,
    systemName: row.system_name,
    decisionReference: row.decision_reference,
    recipient: { name: row.contact_name, postalAddress: row.postal_address },
    outcome: row.outcome,
    answer: row.outcome_text,
    generatedAt: now.toISOString(),
  };
  const body = input.format === 'pdf' ? await renderRedressLetterPdf(data) : renderRedressLetterHtml(data);
  await inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'redress.letter_produced',
      entityType: 'redress_request',
      entityId: row.id,
      after: { reference: row.reference, format: input.format, language: row.locale },
    });
  });
  const filename = `letter-${row.reference}-${row.locale}.${input.format}`;
  return input.format === 'pdf'
    ? { format: 'pdf', contentType: 'application/pdf', filename, body }
    : { format: 'html', contentType: 'text/html; charset=utf-8', filename, body };
}

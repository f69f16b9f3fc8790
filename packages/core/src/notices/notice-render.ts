/**
 * The "AI assisted in your case" notice as a document (R-NOTICE): one content model
 * (buildNoticeModel) rendered as a complete, printable, accessible HTML page (renderNoticeHtml) and
 * as an A4 PDF with real text (renderNoticePdf). Pure functions: the service loads the data.
 * The HTML shell and the PDF writer take any model (renderDocumentHtml, renderDocumentPdf): the
 * answer letter to a redress request uses them too.
 */
import PDFDocument from 'pdfkit';
import { BOLD, FONT, pdfText, registerPdfFonts } from '../assessments/report/pdf-fonts.js';
import type { CitizenLocale, NoticeVariant } from '../db/schema-citizen.js';
import { noticeTexts } from './notice-texts.js';

export type NoticeData = {
  language: CitizenLocale;
  variant: NoticeVariant;
  organisation: {
    name: string;
    contactEmail: string | null;
    contactUrl: string | null;
    contactPhone: string | null;
    address: string | null;
  };
  system: {
    name: string;
    /** What the system does in a case, in the organisation's words (register text or inventory). */
    whatItDoes: string;
    /** What the person does (register "human role" text or the inventory's oversight field); '' when none. */
    humanRole: string;
    /** The language staff wrote these two texts in (the register entry's, else 'en'); marked when it is not the notice's. */
    whatItDoesLanguage?: CitizenLocale | undefined;
    humanRoleLanguage?: CitizenLocale | undefined;
  };
  /** The public request form for this system. */
  requestUrl: string;
  /** The system's page in the public register, or null when it is not published. */
  registerUrl: string | null;
  caseReference?: string | null | undefined;
  recipientName?: string | null | undefined;
  /** 'YYYY-MM-DD'. */
  decisionDate?: string | null | undefined;
  /** When the notice was produced (ISO). */
  generatedAt: string;
};

/** A piece of a line: text, or a link shown with its address. */
export type NoticeInline = string | { href: string };
/** A quote is staff-written text; `lang` is set when its language is not the notice's. */
/** `lines`: each part on its own line (an address block). */
export type NoticeItem = { kind: 'p' | 'strong'; parts: NoticeInline[]; lines?: true } | { kind: 'quote'; parts: NoticeInline[]; lang?: CitizenLocale } | { kind: 'list'; items: NoticeInline[][] };
export type NoticeSection = { heading: string | null; items: NoticeItem[] };
/** `preamble`: shown before the title (a letter's sender and recipient blocks and date). */
export type NoticeModel = { lang: CitizenLocale; title: string; variant: NoticeVariant; orgName: string; preamble?: NoticeItem[]; sections: NoticeSection[]; footer: string };

const p = (...parts: NoticeInline[]): NoticeItem => ({ kind: 'p', parts });

export function formatDate(language: CitizenLocale, isoOrDate: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(`${isoOrDate}T00:00:00Z`) : new Date(isoOrDate);
  if (Number.isNaN(d.getTime())) return isoOrDate;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** Paragraphs of a staff-written text; easy read keeps one sentence per line. */
function paragraphs(text: string, easyRead: boolean): string[] {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  if (!easyRead) return blocks;
  return blocks.flatMap((b) => b.split(/(?<=[.!?])\s+(?=[\p{Lu}«“"])/u).map((s) => s.trim())).filter(Boolean);
}

export function buildNoticeModel(data: NoticeData): NoticeModel {
  const easy = data.variant === 'easy_read';
  const tx = noticeTexts(data.language, data.variant);
  const params = { org: data.organisation.name, system: data.system.name };
  const sections: NoticeSection[] = [];

  const head: NoticeItem[] = [];
  if (data.recipientName) head.push(p(tx.greeting(data.recipientName)));
  const facts: NoticeInline[][] = [];
  if (data.caseReference) facts.push([tx.caseLine(data.caseReference)]);
  if (data.decisionDate) facts.push([tx.decisionLine(formatDate(data.language, data.decisionDate))]);
  if (facts.length) head.push(...facts.map((f) => ({ kind: 'strong' as const, parts: f })));
  head.push(...tx.intro(params).map((line) => p(line)));
  sections.push({ heading: null, items: head });

  const quote = (text: string, language: CitizenLocale | undefined): NoticeItem => {
    const lang = language ?? 'en';
    return lang === data.language ? { kind: 'quote', parts: [text] } : { kind: 'quote', parts: [text], lang };
  };
  const what = paragraphs(data.system.whatItDoes, easy);
  if (what.length) sections.push({ heading: tx.whatHeading, items: [p(tx.whatLead(params)), ...what.map((w) => quote(w, data.system.whatItDoesLanguage))] });

  const human: NoticeItem[] = tx.human.map((line) => p(line));
  const role = paragraphs(data.system.humanRole, easy);
  if (role.length) human.push(p(tx.humanLead), ...role.map((r) => quote(r, data.system.humanRoleLanguage)));
  sections.push({ heading: tx.humanHeading, items: human });

  sections.push({ heading: tx.rightsHeading, items: [p(tx.rightsLead), { kind: 'list', items: tx.rights.map((r) => [r]) }] });

  const ways: NoticeInline[][] = [[tx.askOnline, ' ', { href: data.requestUrl }]];
  const o = data.organisation;
  if (o.contactEmail) ways.push([tx.askEmail, ' ', { href: `mailto:${o.contactEmail}` }]);
  if (o.contactUrl) ways.push([tx.askWebsite, ' ', { href: o.contactUrl }]);
  if (o.contactPhone) ways.push([`${tx.askPhone} ${o.contactPhone}`]);
  if (o.address) ways.push([`${tx.askPost} ${o.address}`]);
  const ask: NoticeItem[] = [p(tx.askLead), { kind: 'list', items: ways }];
  if (data.caseReference) ask.push(p(tx.askReference(data.caseReference)));
  ask.push(...tx.askFree.map((line) => p(line)));
  sections.push({ heading: tx.askHeading, items: ask });

  if (data.registerUrl) sections.push({ heading: tx.moreHeading, items: [p(tx.moreRegister), p({ href: data.registerUrl })] });

  return {
    lang: data.language,
    title: tx.title,
    variant: data.variant,
    orgName: data.organisation.name,
    sections,
    footer: `${data.organisation.name} · ${tx.generatedOn(formatDate(data.language, data.generatedAt))}`,
  };
}

// ---- HTML

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Only web and mail links become links; anything else is shown as text. */
const safeHref = (href: string): boolean => /^(https?:\/\/|mailto:)[^\s]+$/i.test(href);
const linkText = (href: string): string => href.replace(/^mailto:/i, '');

function inlineHtml(parts: readonly NoticeInline[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? escapeHtml(part) : safeHref(part.href) ? `<a href="${escapeHtml(part.href)}">${escapeHtml(linkText(part.href))}</a>` : escapeHtml(part.href)))
    .join('');
}

function itemHtml(item: NoticeItem): string {
  switch (item.kind) {
    case 'p':
      return item.lines ? `<p class="lines">${item.parts.map((part) => inlineHtml([part])).join('<br>\n')}</p>` : `<p>${inlineHtml(item.parts)}</p>`;
    case 'strong':
      return `<p class="fact"><strong>${inlineHtml(item.parts)}</strong></p>`;
    case 'quote':
      return `<blockquote${item.lang ? ` lang="${item.lang}"` : ''}><p>${inlineHtml(item.parts)}</p></blockquote>`;
    case 'list':
      return `<ul>${item.items.map((parts) => `<li>${inlineHtml(parts)}</li>`).join('')}</ul>`;
  }
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font-family:"Source Sans 3","Segoe UI",Helvetica,Arial,sans-serif;color:#1b1b1b;background:#fff;line-height:1.5;font-size:1.0625rem}
main{max-width:42rem;margin:0 auto;padding:2rem 1.25rem}
.easy main{font-size:1.25rem;line-height:1.7}
.easy main p{margin:0 0 .6em}
header.org{font-weight:700;color:#1a4480;margin-bottom:.5rem}
h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0 1rem}
h2{font-size:1.3rem;margin:1.75rem 0 .5rem;color:#1a4480}
blockquote{margin:.5rem 0 1rem;padding:.25rem 1rem;border-left:4px solid #1a4480;background:#f0f4fa}
a{color:#1a4480;text-decoration:underline;overflow-wrap:anywhere}
a:focus{outline:3px solid #ffbe2e;outline-offset:2px}
ul{padding-left:1.5rem}
li{margin:.3rem 0}
.fact{margin:.2rem 0}
.preamble{margin-bottom:1.5rem}
footer{margin-top:2rem;padding-top:1rem;border-top:1px solid #a9aeb1;color:#3d4551;font-size:.95rem}
@media print{
  body{font-size:11pt}
  .easy main{font-size:13pt}
  main{max-width:none;padding:0}
  a{color:#000}
  h2{break-after:avoid}
  blockquote,li{break-inside:avoid}
  @page{size:A4;margin:18mm}
}`;

/** The notice as a complete HTML document: its language set, every text escaped, styled for screen and print, no script. */
export function renderNoticeHtml(data: NoticeData): string {
  return renderDocumentHtml(buildNoticeModel(data));
}

/** Any document model as a complete HTML page, as renderNoticeHtml. */
export function renderDocumentHtml(m: NoticeModel): string {
  const body = m.sections
    .map((s) => (s.heading ? `<section><h2>${escapeHtml(s.heading)}</h2>${s.items.map(itemHtml).join('\n')}</section>` : s.items.map(itemHtml).join('\n')))
    .join('\n');
  return `<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)} – ${escapeHtml(m.orgName)}</title>
<style>${CSS}</style>
</head>
<body class="${m.variant === 'easy_read' ? 'easy' : 'standard'}">
<main>
<header class="org">${escapeHtml(m.orgName)}</header>
${m.preamble?.length ? `<div class="preamble">${m.preamble.map(itemHtml).join('\n')}</div>\n` : ''}<h1>${escapeHtml(m.title)}</h1>
${body}
<footer><p>${escapeHtml(m.footer)}</p></footer>
</main>
</body>
</html>
`;
}

// ---- PDF

const MARGIN = 56;

export type NoticePdfOptions = { compress?: boolean };

const plain = (parts: readonly NoticeInline[], lines = false): string => parts.map((x) => (typeof x === 'string' ? x : linkText(x.href))).join(lines ? '\n' : '');

/** The notice as an A4 PDF with real text, its title and language in the metadata. */
export async function renderNoticePdf(data: NoticeData, options: NoticePdfOptions = {}): Promise<Buffer> {
  return renderDocumentPdf(buildNoticeModel(data), data.generatedAt, options);
}

/** Any document model as an A4 PDF, as renderNoticePdf; `generatedAt` (ISO) goes in the metadata. */
export async function renderDocumentPdf(m: NoticeModel, generatedAt: string, options: NoticePdfOptions = {}): Promise<Buffer> {
  const easy = m.variant === 'easy_read';
  const size = easy ? 13 : 11;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    lang: m.lang,
    displayTitle: true,
    info: { Title: pdfText(m.title), Author: pdfText(m.orgName), Creator: 'Glassbox', CreationDate: new Date(generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerPdfFonts(doc);
  const width = doc.page.width - 2 * MARGIN;
  const gap = easy ? 0.5 : 0.35;
  const text = (s: string, font: string, fontSize: number, indent = 0) =>
    doc.font(font).fontSize(fontSize).text(pdfText(s), MARGIN + indent, doc.y, { width: width - indent, lineGap: easy ? 3 : 1.5 });

  doc.font(BOLD).fontSize(11).fillColor('#1a4480').text(pdfText(m.orgName), MARGIN, MARGIN, { width });
  doc.fillColor('#1b1b1b').moveDown(0.3);
  const item = (it: NoticeItem) => {
    if (it.kind === 'list') {
      for (const li of it.items) text(`•  ${plain(li)}`, FONT, size, 10);
    } else if (it.kind === 'quote') {
      text(plain(it.parts), FONT, size, 14);
    } else {
      text(plain(it.parts, it.kind === 'p' && it.lines), it.kind === 'strong' ? BOLD : FONT, size);
    }
    doc.moveDown(gap);
  };
  if (m.preamble?.length) {
    m.preamble.forEach(item);
    doc.moveDown(0.6);
  }
  text(m.title, BOLD, easy ? 22 : 19);
  doc.moveDown(0.5);
  for (const section of m.sections) {
    if (section.heading) {
      if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
      doc.moveDown(0.6).fillColor('#1a4480');
      text(section.heading, BOLD, size + 3);
      doc.fillColor('#1b1b1b').moveDown(0.2);
    }
    section.items.forEach(item);
  }
  doc.moveDown(1);
  doc.fillColor('#3d4551');
  text(m.footer, FONT, 9);
  doc.end();
  return done;
}

/**
 * An assessment as a PDF: the same content as the HTML report (report-model.ts), as real text (not
 * an image), on A4 with page numbers, in the reader's language, with the document title and language
 * in its metadata, tagged (a structure tree of headings, paragraphs and tables; page numbers are
 * marked as artifacts). Text is set in the embedded Liberation Sans (pdf-fonts.ts).
 */
import type { AssessmentReportData } from './report-data.js';
import { BOLD, FONT, ITALIC, pdfText, registerPdfFonts } from './pdf-fonts.js';
import { buildReportModel, type ReportModel } from './report-model.js';

export { pdfText } from './pdf-fonts.js';

const MARGIN = 56; // about 20 mm

export type PdfOptions = {
  /** Compress page streams (default true). Tests turn it off to read the text. */
  compress?: boolean;
};

function draw(doc: PDFKit.PDFDocument, m: ReportModel, root: PDFKit.PDFStructureElement): void {
  const l = m.labels;
  const width = doc.page.width - 2 * MARGIN;
  // Every piece of text joins the structure tree (headings, paragraphs, tables), so screen readers
  // and reflow get the same document the eye does.
  const tagged = (structType: string) => ({ structParent: root, structType });
  const heading = (text: string, size: number, tag: 'H2' | 'H3') => {
    // Keep a heading with at least a few lines of what follows it.
    if (doc.y > doc.page.height - MARGIN - size * 5) doc.addPage();
    doc
      .moveDown(size > 14 ? 1 : 0.6)
      .font(BOLD)
      .fontSize(size)
      .fillColor('#1a4480')
      .text(pdfText(text), MARGIN, doc.y, { width, ...tagged(tag) })
      .fillColor('#1b1b1b')
      .moveDown(0.3);
  };
  const para = (text: string, opts: { font?: string; size?: number; indent?: number } = {}) =>
    doc
      .font(opts.font ?? FONT)
      .fontSize(opts.size ?? 10)
      .text(pdfText(text), MARGIN + (opts.indent ?? 0), doc.y, { width: width - (opts.indent ?? 0), ...tagged('P') });
  const bullet = (text: string, indent = 0) => para(`•  ${text}`, { indent: indent + 8 });
  const pair = (k: string, v: string) =>
    doc
      .font(BOLD)
      .fontSize(10)
      .text(`${pdfText(k)}: `, MARGIN, doc.y, { continued: true, width, ...tagged('P') })
      .font(FONT)
      .text(pdfText(v));
  const table = (header: string[], rows: string[][], widths?: number[]) => {
    doc.x = MARGIN;
    doc.font(FONT).fontSize(9);
    const options: PDFKit.Mixins.TableOptionsWithData & { structParent: PDFKit.PDFStructureElement } = {
      data: [header.map((text) => ({ text: pdfText(text), type: 'TH' as const, font: { src: BOLD } })), ...rows.map((r) => r.map((c) => pdfText(c)))],
      ...(widths && { columnStyles: widths }),
      defaultStyle: { padding: 4, border: 0.5, borderColor: '#a9aeb1' },
      structParent: root,
    };
    doc.table(options);
    doc.x = MARGIN;
    doc.moveDown(0.5);
  };

  doc.font(BOLD).fontSize(18).text(pdfText(m.title), MARGIN, MARGIN, { width, ...tagged('H1') });
  doc.font(FONT).fontSize(12).fillColor('#3d4551').text(pdfText(m.subject), MARGIN, doc.y, { width, ...tagged('P') }).fillColor('#1b1b1b').moveDown(0.6);
  for (const [k, v] of m.meta) pair(k, v);
  if (m.templateSource) para(`${l.source}: ${m.templateSource}`, { size: 8 });

  heading(l.result, 15, 'H2');
  if (m.hasLevels) {
    heading(l.level, 12, 'H3');
    doc.font(BOLD).fontSize(16).text(pdfText(m.level ? m.level.label : '—'), MARGIN, doc.y, { width, ...tagged('P') });
    heading(l.requirements, 12, 'H3');
    if (m.requirements.length === 0) para(l.noRequirements);
    for (const r of m.requirements) {
      doc.font(BOLD).fontSize(10).text(pdfText(`•  ${r.title} (${r.phase})`), MARGIN + 8, doc.y, { width: width - 8, ...tagged('P') });
      para(r.description, { indent: 20 });
      doc.moveDown(0.2);
    }
  } else {
    para(l.noLevel);
  }
  if (m.scoreColumns.length > 0) {
    heading(l.scores, 12, 'H3');
    table([l.section, ...m.scoreColumns], [...m.scoreRows.map((r) => [r.section, ...r.cells]), [l.total, ...m.totalRow]]);
  }
  pair(l.current, m.current);
  if (m.adjustments.length > 0) pair(l.adjustments, m.adjustments.join(', '));
  pair(l.progress, m.progress);
  if (m.missingRequired.length > 0) {
    heading(l.missingRequired, 12, 'H3');
    for (const q of m.missingRequired) bullet(q);
  }

  heading(l.gaps, 15, 'H2');
  if (m.gaps.length === 0) para(l.noGaps);
  else table([l.question, l.recommendation, l.points], m.gaps.map((g) => [g.question, g.recommendation, g.points]), [width * 0.4, width * 0.45, width * 0.15]);

  heading(l.answers, 15, 'H2');
  for (const s of m.sections) {
    heading(s.title, 12, 'H3');
    if (s.description) para(s.description, { size: 9, font: ITALIC });
    for (const q of s.questions) {
      if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
      doc.moveDown(0.4);
      para(q.title, { font: BOLD });
      if (q.answer.length === 0 && q.attachments.length === 0) para(l.notAnswered, { font: ITALIC, indent: 12 });
      else if (q.answer.length === 1) para(q.answer[0] ?? '', { indent: 12 });
      else for (const a of q.answer) bullet(a, 12);
      if (q.attachments.length > 0) para(`${l.attachments}: ${q.attachments.join('; ')}`, { size: 9, indent: 12 });
      for (const c of q.comments) para(`${c.author}, ${c.at}: ${c.body}`, { size: 9, font: ITALIC, indent: 12 });
    }
  }
  if (m.generalComments.length > 0) {
    heading(l.generalComments, 12, 'H3');
    for (const c of m.generalComments) para(`${c.author}, ${c.at}: ${c.body}`, { size: 9 });
  }

  heading(l.signoffs, 15, 'H2');
  if (m.signoffs.length === 0) para(l.noSignoffs);
  else table([l.name, l.role, l.decision, l.date, l.note], m.signoffs.map((s) => [s.name, s.role, s.decision, s.at, s.note]));
}

/** Writes "Page n of N" at the foot of every page (pages are buffered until the end). */
function numberPages(doc: PDFKit.PDFDocument, m: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#5c5c5c')
      .text(pdfText(`${m.labels.page} ${i + 1} ${m.labels.of} ${range.count} — ${m.subject}`), MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

export async function renderAssessmentPdf(data: AssessmentReportData, options: PdfOptions = {}): Promise<Buffer> {
  const m = buildReportModel(data);
  // Loaded on first use: pdfkit is large, and most processes (the CLI, most requests) never draw a PDF.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    tagged: true,
    pdfVersion: '1.7',
    lang: m.lang,
    displayTitle: true,
    info: {
      Title: pdfText(m.title),
      Subject: pdfText(m.subject),
      Author: pdfText(data.organisation.name),
      Creator: 'Glassbox',
      CreationDate: data.generatedAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerPdfFonts(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  draw(doc, m, root);
  root.end();
  numberPages(doc, m);
  doc.end();
  return done;
}

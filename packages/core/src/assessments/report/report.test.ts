import { describe, expect, it } from 'vitest';
import { pdfTextContent } from '../../testing/pdf-text.js';
import { renderAssessmentHtml } from './report-html.js';
import { renderAssessmentJson } from './report-json.js';
import { pdfText, renderAssessmentPdf } from './report-pdf.js';
import { reportData } from './report-fixture.js';

describe('HTML report', () => {
  const page = renderAssessmentHtml(reportData());

  it.each([
    ['a complete document in the reader’s language', '<html lang="en">'],
    ['the level reached', 'Level high'],
    ['what the level requires', 'Independent peer review'],
    ['the requirement explained', 'Have the system reviewed by an expert outside the team before it goes live.'],
    ['the score table per section', '<th scope="row">Impact</th><td class="num">8 / 8</td>'],
    ['choice labels, not stored values', '<li>Health records</li><li>Income data</li>'],
    ['the gap with its recommendation', 'Put a caseworker in the loop for every refusal.'],
    ['the sign-off, escaped', 'Ada &lt;b&gt;Officer&lt;/b&gt;'],
    ['the role label', 'Governance officer'],
    ['the status and decision in words', '<dd>Approved</dd>'],
    ['attachments of a question', 'oversight-plan.pdf (20 kB)'],
    ['print CSS', '@media print'],
    ['the answer text, escaped', 'Sorts &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; applications &amp; flags urgent ones'],
    ['comments, escaped', 'Check the &lt;img src=x onerror=alert(1)&gt; wording'],
  ])('has %s', (_what, expected) => {
    expect(page).toContain(expected);
  });

  it.each([
    ['raw script from an answer', '<script>'],
    ['raw markup from a comment', '<img src=x'],
    ['raw markup from a sign-off', '<b>Officer'],
    ['a question the answers hide', 'Only shown for small systems'],
    ['stored choice values in place of labels', '<li>health</li>'],
  ])('has no %s', (_what, unexpected) => {
    expect(page).not.toContain(unexpected);
  });

  it('has headings in order and one h1', () => {
    expect(page.match(/<h1>/g)).toHaveLength(1);
    const order = ['Result', 'Gaps and recommended actions', 'Questions and answers', 'Sign-offs'].map((h) => page.indexOf(`>${h}</h2>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('uses the locale for template and report texts, falling back to English', () => {
    const fr = renderAssessmentHtml(reportData({ locale: 'fr-CA' }));
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Niveau élevé');
    expect(fr).toContain('Ce que ce niveau exige');
    expect(fr).toContain('Examen par des pairs indépendants');
    expect(fr).toContain('<dd>Approuvée</dd>'); // the status, in French
    const es = renderAssessmentHtml(reportData({ locale: 'es' }));
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Lo que exige este nivel');
    expect(es).toContain('Independent peer review'); // the template has no Spanish: English
    expect(renderAssessmentHtml(reportData({ locale: 'de' }))).toContain('<html lang="en">');
  });

  it('says so when the template has no levels and when nothing is signed', () => {
    const data = reportData({ signoffs: [] });
    const { scoring, ...noScoring } = data.template.document;
    expect(scoring).toBeDefined();
    const page2 = renderAssessmentHtml({ ...data, template: { ...data.template, document: noScoring }, result: { ...data.result, level: null } });
    expect(page2).toContain('This questionnaire has no levels.');
    expect(page2).toContain('No sign-offs yet.');
  });
});

describe('PDF report', () => {
  it('is a PDF with real text: the title, the level, the requirement, page numbers', async () => {
    const pdf = await renderAssessmentPdf(reportData(), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfTextContent(pdf);
    expect(text).toContain('Impact check');
    expect(text).toContain('Level high');
    expect(text).toContain('Independent peer review');
    expect(text).toContain('Health records');
    expect(text).toContain('Put a caseworker in the loop');
    expect(text).toMatch(/Page 1 of \d/);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]'); // A4
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
    // Tagged: a structure tree with headings and a table, page numbers as artifacts.
    const source = pdf.toString('latin1');
    expect(source).toContain('/StructTreeRoot');
    expect(source).toContain('/MarkInfo');
    expect(source).toContain('/Marked true');
    expect(source.startsWith('%PDF-1.7')).toBe(true);
    for (const tag of ['/S /H1', '/S /H2', '/S /Table', '/S /TH']) expect(source).toContain(tag);
    expect(source).toContain('/Artifact');
  });

  it('is compressed by default and still carries its title', async () => {
    const pdf = await renderAssessmentPdf(reportData());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Filter /FlateDecode');
    expect(pdfTextContent(pdf)).toContain('Impact check');
  });

  it('embeds its font and draws names in Polish, Czech, Greek, Cyrillic and Romanian as written', async () => {
    const names = ['Łukasz Dvořák', 'Αθηνά Παπαδοπούλου', 'Пётр', 'Ștefan'];
    const comments = names.map((name) => ({ questionId: null, author: 'Kim', body: `Approuvé par ${name}`, at: new Date('2026-03-06T10:00:00Z') }));
    const pdf = await renderAssessmentPdf(reportData({ organisation: { name: 'Gmina Łódź', slug: 'lodz' }, comments }), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(pdf.toString('latin1')).not.toContain('/BaseFont /Helvetica');
    const text = pdfTextContent(pdf);
    for (const name of names) expect(text).toContain(`Approuvé par ${name}`);
    expect(text).toContain('Gmina Łódź');
  });

  it.each([
    ['Latin-1 stays', 'Élevée à 15 %', 'Élevée à 15 %'],
    ['WinAnsi punctuation stays', '“quoted” – dash…', '“quoted” – dash…'],
    ['Central European, Romanian, Greek and Cyrillic letters stay', 'Łukasz Dvořák, Ștefan, Αθηνά, Пётр', 'Łukasz Dvořák, Ștefan, Αθηνά, Пётр'],
    ['letters the font lacks become ?', '李小龍 😀', '??? ?'],
    ['comparison signs stay', '≥ 3 ≤ 4', '≥ 3 ≤ 4'],
    ['control characters go, line breaks stay', 'a\u0007b\nc', 'ab\nc'],
  ])('pdfText: %s', (_what, input, expected) => {
    expect(pdfText(input)).toBe(expected);
  });
});

describe('JSON report', () => {
  it('has a stable shape: template key and version, sorted answers, result with level and requirements, sign-offs', () => {
    const json = renderAssessmentJson(reportData());
    expect(Object.keys(json)).toEqual(['format', 'generatedAt', 'locale', 'organisation', 'system', 'assessment', 'template', 'answers', 'result', 'signoffs', 'comments', 'attachments']);
    expect(json.format).toBe('glassbox.assessment-report/1');
    expect(json.template).toEqual({ key: 'impact-check', versionId: '7d1f0f4e-0000-4000-8000-000000000002', version: 3, title: 'Impact check', format: 'glassbox.assessment-template/1' });
    expect(Object.keys(json.answers)).toEqual(['data', 'purpose', 'reach', 'review']);
    expect(json.result.level).toBe('high');
    expect(json.result.levelLabel).toBe('Level high');
    expect(json.result.scores).toEqual({ impact: 8, mitigation: 0 });
    expect(json.result.requirements).toEqual([
      { key: 'peer-review', title: 'Independent peer review', description: 'Have the system reviewed by an expert outside the team before it goes live.', phase: 'before_deployment' },
    ]);
    expect(json.assessment).toMatchObject({ round: 1, approvedAt: '2026-03-12T15:30:00.000Z', dueDate: '2027-03-12' });
    expect(json.signoffs).toEqual([{ name: 'Ada <b>Officer</b>', role: 'governance_officer', decision: 'approved', at: '2026-03-12T15:30:00.000Z', note: 'Fine & dandy' }]);
    // Round-trips through JSON unchanged (no Dates or undefined left inside).
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

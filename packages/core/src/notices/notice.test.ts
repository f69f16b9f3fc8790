import { describe, expect, it } from 'vitest';
import { renderRedressLetterPdf } from '../citizen/redress-letter.service.js';
import type { CitizenLocale, NoticeVariant } from '../db/schema-citizen.js';
import { pdfTextContent } from '../testing/pdf-text.js';
import { buildNoticeModel, renderNoticeHtml, renderNoticePdf, type NoticeData } from './notice-render.js';

const REQUEST_URL = 'https://glassbox.example/riverton/requests/new?system=benefit-helper';

const data = (over: Partial<NoticeData> = {}): NoticeData => ({
  language: 'en',
  variant: 'standard',
  organisation: { name: 'City of Riverton', contactEmail: 'ai@riverton.example', contactUrl: 'https://riverton.example/contact', contactPhone: '+44 20 0000 0000', address: null },
  system: {
    name: 'Benefit Helper',
    whatItDoes: 'It checks the application form for missing documents. It suggests which team should handle the claim.',
    humanRole: 'A caseworker reads every suggestion before deciding.',
  },
  requestUrl: REQUEST_URL,
  registerUrl: 'https://glassbox.example/riverton/register/benefit-helper',
  generatedAt: '2026-03-03T10:00:00Z',
  ...over,
});

/** Text the reader sees in the model (links shown as their address). */
const textOf = (d: NoticeData): string =>
  buildNoticeModel(d)
    .sections.flatMap((s) => [s.heading ?? '', ...s.items.flatMap((i) => (i.kind === 'list' ? i.items.flat() : i.parts))])
    .map((x) => (typeof x === 'string' ? x : x.href))
    .join('\n');

const CASES: Array<{ language: CitizenLocale; variant: NoticeVariant; title: string; person: RegExp; review: RegExp; appeal: RegExp; free: RegExp }> = [
  { language: 'en', variant: 'standard', title: 'An AI system helped with your case', person: /trained member of staff looked at your case before any decision/, review: /human review/, appeal: /appeal against the decision/, free: /Asking is free/ },
  { language: 'en', variant: 'easy_read', title: 'A computer helped with your case', person: /The person made the decision\./, review: /ask a different person to look at your case again/, appeal: /appeal if you think/, free: /Asking is free\./ },
  { language: 'es', variant: 'standard', title: 'Un sistema de IA ayudó en su caso', person: /con la formación necesaria, examinó su caso antes de tomar cualquier decisión/, review: /revisión humana/, appeal: /recurrir la decisión/, free: /Pedirlo es gratuito/ },
  { language: 'es', variant: 'easy_read', title: 'Un ordenador ayudó en su caso', person: /Esa persona tomó la decisión\./, review: /otra persona mire su caso otra vez/, appeal: /recurrir si cree/, free: /Pedirlo es gratis\./ },
  { language: 'fr', variant: 'standard', title: 'Un système d’IA a aidé à traiter votre dossier', person: /agent formé à cette tâche a examiné votre dossier avant toute décision/, review: /réexamen humain/, appeal: /contester la décision/, free: /La demande est gratuite/ },
  { language: 'fr', variant: 'easy_read', title: 'Un ordinateur a aidé pour votre dossier', person: /Cette personne a pris la décision\./, review: /autre personne regarde encore votre dossier/, appeal: /faire un recours/, free: /Demander est gratuit\./ },
];

describe('notice content', () => {
  it.each(CASES)('$language $variant: says a person decided, the rights, how to ask (request form URL and contacts)', (c) => {
    const d = data({ language: c.language, variant: c.variant, caseReference: 'BEN-2026-0042' });
    const text = textOf(d);
    expect(buildNoticeModel(d).title).toBe(c.title);
    expect(text).toMatch(c.person);
    expect(text).toMatch(c.review);
    expect(text).toMatch(c.appeal);
    expect(text).toMatch(c.free);
    expect(text).toContain(REQUEST_URL);
    expect(text).toContain('mailto:ai@riverton.example');
    expect(text).toContain('https://riverton.example/contact');
    expect(text).toContain('+44 20 0000 0000');
    expect(text).toContain('BEN-2026-0042');
    expect(text).toContain('Benefit Helper');
    expect(text).toContain('A caseworker reads every suggestion before deciding.');
    expect(text).toContain('https://glassbox.example/riverton/register/benefit-helper');
  });

  it('French puts a non-breaking space before colons and semicolons', () => {
    for (const variant of ['standard', 'easy_read'] as const) {
      const text = textOf(data({ language: 'fr', variant, caseReference: 'X-1' }));
      expect(text).not.toMatch(/[^\u00a0][:;?!](\s|$)/u);
    }
  });

  it('easy read puts one sentence per line of the system description', () => {
    const m = buildNoticeModel(data({ variant: 'easy_read' }));
    const quotes = m.sections.flatMap((s) => s.items).filter((i) => i.kind === 'quote');
    expect(quotes.map((q) => (q.kind === 'quote' ? q.parts[0] : ''))).toEqual([
      'It checks the application form for missing documents.',
      'It suggests which team should handle the claim.',
      'A caseworker reads every suggestion before deciding.',
    ]);
  });

  it('leaves out what was not given: no greeting, no case line, no register link', () => {
    const text = textOf(data({ registerUrl: null, recipientName: null, caseReference: null }));
    expect(text).not.toContain('Dear');
    expect(text).not.toContain('case reference:');
    expect(text).not.toContain('/register/');
    expect(text).toContain(REQUEST_URL);
  });
});

describe('renderNoticeHtml', () => {
  it('is a complete document in the notice language with print styles', () => {
    const page = renderNoticeHtml(data({ language: 'es' }));
    expect(page).toMatch(/^<!doctype html>\n<html lang="es">/);
    expect(page).toContain('<title>Un sistema de IA ayudó en su caso – City of Riverton</title>');
    expect(page).toContain('@media print');
    expect(page).toContain('<h1>Un sistema de IA ayudó en su caso</h1>');
    expect(page).not.toContain('<script');
    expect(page).toContain(`<a href="${REQUEST_URL.replace(/&/g, '&amp;')}">`);
  });

  it.each([
    ['es', undefined, undefined, ['<blockquote lang="en"><p>It checks', '<blockquote lang="en"><p>A caseworker']],
    ['fr', 'fr', 'en', ['<blockquote><p>It checks', '<blockquote lang="en"><p>A caseworker']],
    ['en', 'en', 'es', ['<blockquote><p>It checks', '<blockquote lang="es"><p>A caseworker']],
    ['en', undefined, undefined, ['<blockquote><p>It checks', '<blockquote><p>A caseworker']],
  ] as const)('a %s notice marks the quoted staff texts written in another language (%s, %s)', (language, whatItDoesLanguage, humanRoleLanguage, expected) => {
    const d = data({ language });
    const page = renderNoticeHtml({ ...d, system: { ...d.system, whatItDoesLanguage, humanRoleLanguage } });
    for (const e of expected) expect(page).toContain(e);
  });

  it('escapes every text that comes from people or the inventory', () => {
    const page = renderNoticeHtml(
      data({
        organisation: { name: 'A & B <Council>', contactEmail: null, contactUrl: 'javascript:alert(1)', contactPhone: null, address: '1 "Main" St' },
        system: { name: '<script>alert(1)</script>', whatItDoes: '<img src=x onerror=alert(1)>', humanRole: '' },
        recipientName: '<b>Ana</b>',
        caseReference: '"><i>ref',
      }),
    );
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>Ana');
    expect(page).not.toContain('"><i>');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('A &amp; B &lt;Council&gt;');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('1 &quot;Main&quot; St');
  });
});

describe('renderNoticePdf', () => {
  it('is an A4 PDF with real text in the notice language', async () => {
    const pdf = await renderNoticePdf(data({ language: 'fr', variant: 'easy_read', caseReference: 'BEN-7' }), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toContain('/Lang (fr)');
    const text = pdfTextContent(pdf);
    expect(text).toContain('Un ordinateur a aid');
    expect(text).toContain('BEN-7');
    expect(text).toContain('riverton/requests/new?system=benefit-helper');
  });

  const NAMES = ['Łukasz Dvořák', 'Αθηνά Παπαδοπούλου', 'Пётр', 'Ștefan'];

  it.each(NAMES)('writes "%s" as written, in an embedded font', async (name) => {
    const pdf = await renderNoticePdf(data({ recipientName: name, caseReference: `Sprawa ${name}` }), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const text = pdfTextContent(pdf);
    expect(text).toContain(`Dear ${name},`);
    expect(text).toContain(`Sprawa ${name}`);
  });

  it('still produces the notice when a name has letters the font lacks, shown as ?', async () => {
    const pdf = await renderNoticePdf(data({ recipientName: '李小龍' }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTextContent(pdf)).toContain('Dear ???,');
  });
});

describe('redress answer letter as PDF', () => {
  it('addresses the person and quotes the answer as written, whatever their alphabet', async () => {
    const pdf = await renderRedressLetterPdf(
      {
        language: 'en',
        organisation: { name: 'Město Brno', contactEmail: 'ai@brno.example', contactUrl: null, contactPhone: null, address: 'Dominikánské náměstí 1\nBrno' },
        reference: 'RR-2026-0007',
        kind: 'human_review',
        systemName: 'Benefit Helper',
        decisionReference: null,
        recipient: { name: 'Łukasz Dvořák', postalAddress: 'ul. Świętokrzyska 5\nWarszawa' },
        outcome: 'upheld',
        answer: 'Αθηνά Παπαδοπούλου and Пётр reviewed the case with Ștefan.',
        generatedAt: '2026-03-03T10:00:00Z',
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const text = pdfTextContent(pdf);
    for (const expected of ['Dear Łukasz Dvořák,', 'ul. Świętokrzyska 5', 'Dominikánské náměstí 1', 'Αθηνά Παπαδοπούλου and Пётр reviewed the case with Ștefan.', 'Město Brno']) expect(text).toContain(expected);
  });
});

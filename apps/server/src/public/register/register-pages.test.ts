import { describe, expect, it } from 'vitest';
import { parseListQuery } from './list.page.js';
import { PageCache } from './page-cache.js';
import { registerCsv } from './open-data.js';
import { changedLabels, formatDate } from './format.js';

describe('parseListQuery', () => {
  it.each([
    [{}, { q: '', tier: '', area: '', status: '', unit: '', sort: 'name', page: 1 }],
    [{ q: ' claims ', tier: 'high', area: 'annex-5', status: 'in_service', unit: 'Housing', sort: 'updated', page: '3' }, { q: 'claims', tier: 'high', area: 'annex-5', status: 'in_service', unit: 'Housing', sort: 'updated', page: 3 }],
    [{ tier: '<script>', area: 'annex-9', status: 'gone', sort: 'price', page: '-1' }, { q: '', tier: '', area: '', status: '', unit: '', sort: 'name', page: 1 }],
    [{ tier: 'none', area: 'tag-benefits', page: 'abc' }, { q: '', tier: 'none', area: 'tag-benefits', status: '', unit: '', sort: 'name', page: 1 }],
    [{ q: ['a', 'b'] }, { q: '', tier: '', area: '', status: '', unit: '', sort: 'name', page: 1 }],
  ])('%j', (query, expected) => {
    expect(parseListQuery(query)).toEqual(expected);
  });
});

describe('PageCache', () => {
  it('keeps recently used entries within its byte budget', () => {
    const cache = new PageCache(700);
    const entry = (body: string) => ({ body: Buffer.from(body), etag: '"x"', status: 200, contentType: 'text/html' });
    cache.set('a', entry('a'.repeat(200)));
    cache.set('b', entry('b'.repeat(200)));
    expect(cache.get('a')?.body.length).toBe(200);
    cache.set('c', entry('c'.repeat(200)));
    cache.set('d', entry('d'.repeat(200)));
    // b was the least recently used once a was read again.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });
});

describe('changedLabels and formatDate', () => {
  it.each([
    ['en', ['texts.summary', 'texts.rights', 'system.tags', 'system.lifecycle', 'assessments'], ['Summary', 'Your rights', 'facts about the system', 'published assessments']],
    ['es', ['classification.euTier', 'texts.summary'], ['clasificación', 'Resumen']],
    ['fr', ['links.codeUrl'], ['liens']],
  ] as const)('%s %j', (locale, paths, expected) => {
    expect(changedLabels(locale, paths)).toEqual(expected);
  });

  it.each([
    ['en', '2026-11-22', '22 November 2026'],
    ['es', '2026-11-22', '22 de noviembre de 2026'],
    ['fr', '2026-11-22T10:00:00.000Z', '22 novembre 2026'],
  ] as const)('%s %s', (locale, value, expected) => {
    expect(formatDate(locale, value)).toBe(expected);
  });
});

describe('registerCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    const record = {
      system: { slug: 's', name: '=HYPERLINK("http://x")', lifecycle: null, unitName: null, decisionRole: null, personalData: null, dataCategories: [], tags: [] },
      texts: { summary: '+1', purpose: '' },
      classification: { euTier: null, annexIIIPoints: [], ombHighImpact: null },
      publication: { url: null, version: 1, publishedAt: 'x', firstPublishedAt: 'x', restricted: false },
      organisation: { contactEmail: '' },
    };
    const csv = registerCsv([{ record: record as never, assessments: [] }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'+1");
  });
});

describe('renderSystemPage', () => {
  it('restricts a record to the Art. 49(4) set at render time, whatever was stored', async () => {
    const { renderSystemPage } = await import('./system.page.js');
    const { emptyLinks, emptyTexts, registerClassificationFrom } = await import('@glassbox/core');
    const record = {
      organisation: { name: 'Testshire', slug: 'testshire', country: null, contactEmail: 'ai@test.example', contactUrl: null, contactPhone: null, address: null, area: null, registrationContact: null },
      system: { id: 'x', slug: 'watch', name: 'Watch list', unitName: 'Police liaison', lifecycle: 'in_service' as const, sourcing: null, supplier: 'Secret Vendor', decisionRole: null, personalData: true, dataCategories: ['faces'], tags: [], affectedPeople: '', policyArea: null, technique: null, useType: null, inServiceSince: null, retiredOn: null },
      classification: { ...registerClassificationFrom(null), euTier: 'high' as const, annexIIIPoints: ['6(a)'] },
      publication: { version: 1, publishedAt: '2026-01-01T00:00:00.000Z', firstPublishedAt: '2026-01-01T00:00:00.000Z', language: 'en' as const, url: null, nextReviewDue: null, restricted: false },
      links: emptyLinks(),
      texts: { ...emptyTexts(), summary: 'Scores people at risk.', contact: 'Write to us.' },
    };
    const page = renderSystemPage({ locale: 'en', org: { slug: 'testshire', name: 'Testshire' }, record, assessments: [{ title: 'FRIA', level: 'high', approvedOn: '2026-01-01' }], history: [], extra: [], forms: { request: false, concern: false } });
    expect(page).toContain('Article 49(4)');
    expect(page).toContain('Write to us.');
    for (const hidden of ['Scores people at risk.', 'Police liaison', 'Secret Vendor', 'faces', 'FRIA']) expect(page).not.toContain(hidden);
  });
});

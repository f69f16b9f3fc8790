/**
 * The register as open data: the whole register as JSON and CSV, one record as JSON, every record
 * (or one) in each national / international format, and an Atom feed of publications. Pure
 * functions from published records to bodies; register-site.ts serves them.
 *
 * Nothing outside the published, public record is ever exported; the EU registration contact
 * (Annex VIII C.2, a person's name and email) is left out of every public export.
 */
import { csvRecord, exportRegisterRecord, type AssessmentSummary, type FeedItem, type RegisterFormatId, type RegisterRecord } from '@glassbox/core';
import { escapeHtml } from '../html.js';
import { t, type Locale } from '../i18n.js';

export type Published = { record: RegisterRecord; assessments: AssessmentSummary[] };

/** The record as the public may have it: no personal details of the registration contact. */
export const openRecord = (record: RegisterRecord): RegisterRecord => ({ ...record, organisation: { ...record.organisation, registrationContact: null } });

/** Public formats by the name used in URLs (`uk-atrs` takes ?tier=1|2). */
export const URL_FORMATS = ['uk-atrs', 'nl-algoritmeregister', 'eurocities', 'eu-annex-viii-c', 'us-omb-2025'] as const;
export type UrlFormat = (typeof URL_FORMATS)[number];
export const isUrlFormat = (v: string): v is UrlFormat => (URL_FORMATS as readonly string[]).includes(v);

export function formatId(format: UrlFormat, tier: 1 | 2): RegisterFormatId {
  return format === 'uk-atrs' ? (tier === 2 ? 'uk-atrs-tier2' : 'uk-atrs-tier1') : format;
}

/** One record exported to a format: the format's data plus what could not be filled and why. */
export function exportOne(format: RegisterFormatId, published: Published): { data: unknown; missing: string[]; warnings: Array<{ field: string; message: string }> } {
  const result = exportRegisterRecord(format, openRecord(published.record));
  return { data: result.data, missing: result.missing, warnings: result.warnings.map((w) => ({ field: w.field, message: w.message })) };
}

export function registerJson(org: { name: string; slug: string }, baseUrl: string, published: Published[], updatedAt: Date | null): string {
  return JSON.stringify({
    organisation: { name: org.name, slug: org.slug, register: `${baseUrl}/${org.slug}/register` },
    updatedAt: updatedAt ? updatedAt.toISOString() : null,
    count: published.length,
    systems: published.map((p) => ({ ...openRecord(p.record), assessments: p.assessments })),
  });
}

export function recordJson(published: Published): string {
  return JSON.stringify({ ...openRecord(published.record), assessments: published.assessments });
}

/** A format's export of every record: the format's records with their export notes. */
export function formatJson(format: RegisterFormatId, org: { name: string; slug: string }, published: Published[]): string {
  return JSON.stringify({
    organisation: { name: org.name, slug: org.slug },
    format,
    count: published.length,
    records: published.map((p) => {
      const out = exportOne(format, p);
      return { system: p.record.system.slug, record: out.data, missing: out.missing, warnings: out.warnings };
    }),
  });
}

export const CSV_COLUMNS = [
  'slug',
  'name',
  'url',
  'summary',
  'purpose',
  'eu_tier',
  'annex_iii_points',
  'omb_high_impact',
  'status',
  'department',
  'decision_role',
  'personal_data',
  'data_categories',
  'tags',
  'version',
  'published_at',
  'first_published_at',
  'restricted',
  'contact_email',
] as const;

const bool = (v: boolean | null): string => (v === null ? '' : v ? 'yes' : 'no');

/** One row per system; cells that a spreadsheet would run as formulas are neutralised. */
export function registerCsv(published: Published[]): string {
  const rows = published.map(({ record: r }) =>
    csvRecord(
      [
        r.system.slug,
        r.system.name,
        r.publication.url ?? '',
        r.texts.summary,
        r.texts.purpose,
        r.classification.euTier ?? '',
        r.classification.annexIIIPoints.join('; '),
        r.classification.ombHighImpact ?? '',
        r.system.lifecycle ?? '',
        r.system.unitName ?? '',
        r.system.decisionRole ?? '',
        bool(r.system.personalData),
        r.system.dataCategories.join('; '),
        r.system.tags.join('; '),
        String(r.publication.version),
        r.publication.publishedAt,
        r.publication.firstPublishedAt,
        bool(r.publication.restricted),
        r.organisation.contactEmail,
      ],
      { neutraliseFormulas: true },
    ),
  );
  return csvRecord([...CSV_COLUMNS]) + rows.join('');
}

/** OMB 2025 rows as CSV, the columns in the order of the first row's fields. */
export function ombCsv(published: Published[]): string {
  const rows = published.map((p) => exportOne('us-omb-2025', p).data as Record<string, string | null>);
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return csvRecord(columns) + rows.map((row) => csvRecord(columns.map((c) => row[c] ?? ''), { neutraliseFormulas: true })).join('');
}

const xml = escapeHtml;

/** Atom 1.0 feed of the latest publications and withdrawals; entry ids are stable tag URIs. */
export function registerAtom(locale: Locale, org: { name: string; slug: string }, baseUrl: string, items: FeedItem[], updatedAt: Date | null): string {
  const self = `${baseUrl}/${org.slug}/register/feed.atom`;
  const registerUrl = `${baseUrl}/${org.slug}/register`;
  const host = (() => {
    try {
      return new URL(baseUrl).hostname;
    } catch {
      return 'localhost';
    }
  })();
  const entries = items.map((item) => {
    const title = item.state === 'withdrawn' ? t(locale, 'feedWithdrawn', { name: item.name }) : t(locale, 'feedPublished', { name: item.name, version: item.version });
    const link = `${registerUrl}/${item.slug}`;
    const summary = item.state === 'withdrawn' ? (item.reason ?? '') : item.summary;
    return `<entry>
<id>tag:${xml(host)},2026:register:${xml(item.id)}</id>
<title>${xml(title)}</title>
<link rel="alternate" type="text/html" href="${xml(link)}"/>
<updated>${item.publishedAt.toISOString()}</updated>
<summary>${xml(summary)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
<id>tag:${xml(host)},2026:register:${xml(org.slug)}</id>
<title>${xml(t(locale, 'feedTitle', { name: org.name }))}</title>
<link rel="self" type="application/atom+xml" href="${xml(self)}"/>
<link rel="alternate" type="text/html" href="${xml(registerUrl)}"/>
<updated>${(updatedAt ?? new Date(0)).toISOString()}</updated>
<author><name>${xml(org.name)}</name></author>
${entries.join('\n')}
</feed>
`;
}

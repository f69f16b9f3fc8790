/**
 * The citizen-service sections of a register system page (issue #5 points 5 and 6): how many
 * problems people reported about the system, by kind and by status (never the reports), and the
 * requests about its decisions with their outcomes and the median time to an answer. Each section
 * also links to its form for this system. One statement each.
 */
import { concernStatsForSystem, CONCERN_CATEGORIES, CONCERN_STATUSES, redressStatsForSystem, REDRESS_OUTCOMES, systemCtx, type ConcernStats, type RedressStats } from '@glassbox/core';
import { html, type SafeHtml } from '../html.js';
import { catalogueFor, t, type Locale } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { defineSystemPageSection, systemPageSection } from '../register/system-page.kit.js';

function label(locale: Locale, key: string): string {
  const c = catalogueFor(locale);
  return Object.hasOwn(c, key) ? c[key as MessageKey] : key;
}

function countTable(caption: string, head: string, count: string, rows: Array<[string, number]>): SafeHtml {
  return html`<table class="table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col" class="num">${count}</th></tr></thead>
<tbody>${rows.map(([name, n]) => html`<tr><th scope="row">${name}</th><td class="num">${n}</td></tr>`)}</tbody>
</table>`;
}

type Linked<T> = { stats: T; orgSlug: string; systemSlug: string };

export const concernCountsSection = defineSystemPageSection<Linked<ConcernStats>>({
  id: 'reported-problems',
  load: async (ctx, ids) => ({ stats: await concernStatsForSystem(systemCtx(ctx.db, 'public'), ids), orgSlug: ctx.org.slug, systemSlug: ctx.system.slug }),
  render: (locale, { stats, orgSlug, systemSlug }) => {
    const link = html`<p><a href="/${orgSlug}/concerns/new?system=${systemSlug}">${t(locale, 'reportsLink')}</a></p>`;
    if (stats.total === 0) return systemPageSection('reported-problems', t(locale, 'reportsHeading'), html`<p>${t(locale, 'reportsNone')}</p>${link}`);
    const kinds = CONCERN_CATEGORIES.filter((c) => stats.byCategory[c] > 0).map((c): [string, number] => [label(locale, `concernCategory_${c}`), stats.byCategory[c]]);
    const statuses = CONCERN_STATUSES.filter((s) => stats.byStatus[s] > 0).map((s): [string, number] => [label(locale, `concernStatus_${s}`), stats.byStatus[s]]);
    return systemPageSection(
      'reported-problems',
      t(locale, 'reportsHeading'),
      html`<p>${t(locale, 'reportsIntro', { count: stats.total })}</p>
${countTable(t(locale, 'reportsByKind'), t(locale, 'tableKind'), t(locale, 'tableCount'), kinds)}
${countTable(t(locale, 'reportsByStatus'), t(locale, 'tableStatus'), t(locale, 'tableCount'), statuses)}
${link}`,
    );
  },
});

export const redressStatsSection = defineSystemPageSection<Linked<RedressStats>>({
  id: 'decision-requests',
  load: async (ctx, ids) => ({ stats: await redressStatsForSystem(systemCtx(ctx.db, 'public'), ids), orgSlug: ctx.org.slug, systemSlug: ctx.system.slug }),
  render: (locale, { stats, orgSlug, systemSlug }) => {
    const link = html`<p><a href="/${orgSlug}/requests/new?system=${systemSlug}">${t(locale, 'requestsLink')}</a></p>`;
    if (stats.requests === 0) return systemPageSection('decision-requests', t(locale, 'requestsHeading'), html`<p>${t(locale, 'requestsNone')}</p>${link}`);
    const outcomes = REDRESS_OUTCOMES.filter((o) => stats.byOutcome[o] > 0).map((o): [string, number] => [label(locale, `outcome_${o}`), stats.byOutcome[o]]);
    const median = stats.medianDaysToResolve === null ? null : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(stats.medianDaysToResolve);
    return systemPageSection(
      'decision-requests',
      t(locale, 'requestsHeading'),
      html`<p>${t(locale, 'requestsSummary', { requests: stats.requests, open: stats.open })}</p>
${median !== null ? html`<p>${t(locale, 'requestsMedian', { days: median })}</p>` : null}
${outcomes.length > 0 ? countTable(t(locale, 'requestsOutcomes'), t(locale, 'tableOutcome'), t(locale, 'tableCount'), outcomes) : null}
${link}`,
    );
  },
});

/**
 * The public register of one organisation: a search and filter form (a plain GET form, so it works
 * without JavaScript), the matching systems one page at a time, and the open-data links.
 */
import type { PublicRegisterFacets, PublicRegisterItem, PublicSort } from '@glassbox/core';
import { html, type SafeHtml } from '../html.js';
import { t, type Locale } from '../i18n.js';
import { renderPage } from '../layout.js';
import { areaName, formatDate, isAnnexArea, statusName, STATUSES, tierName, TIERS } from './format.js';
import { REGISTER_CSS_PATH } from './register.css.js';

export const PAGE_SIZE = 20;

export type RegisterListQuery = { q: string; tier: string; area: string; status: string; unit: string; sort: PublicSort; page: number };

const one = (query: Record<string, unknown>, name: string, max = 200): string => {
  const v = query[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
};

/** Reads the list's query string; anything unknown is ignored rather than refused. */
export function parseListQuery(query: unknown): RegisterListQuery {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const tier = one(q, 'tier');
  const status = one(q, 'status');
  const area = one(q, 'area');
  const page = Number.parseInt(one(q, 'page', 6), 10);
  return {
    q: one(q, 'q'),
    tier: tier === 'none' || (TIERS as readonly string[]).includes(tier) ? tier : '',
    area: /^annex-[1-8]$/.test(area) || /^tag-.{1,100}$/.test(area) ? area : '',
    status: (STATUSES as readonly string[]).includes(status) ? status : '',
    unit: one(q, 'unit'),
    sort: one(q, 'sort') === 'updated' ? 'updated' : 'name',
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

function queryString(q: RegisterListQuery, page: number): string {
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.tier) params.set('tier', q.tier);
  if (q.area) params.set('area', q.area);
  if (q.status) params.set('status', q.status);
  if (q.unit) params.set('unit', q.unit);
  if (q.sort !== 'name') params.set('sort', q.sort);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const option = (value: string, label: string, selected: string): SafeHtml =>
  html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;

export type RegisterListInput = {
  locale: Locale;
  org: { slug: string; name: string };
  query: RegisterListQuery;
  items: PublicRegisterItem[];
  total: number;
  facets: PublicRegisterFacets;
};

export function renderRegisterList(input: RegisterListInput): string {
  const { locale, org, query, items, total, facets } = input;
  const path = `/${org.slug}/register`;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const any = t(locale, 'regAny');
  const annexAreas = facets.areas.filter(isAnnexArea);

  const form = html`<form class="register-search" method="get" action="${path}" role="search" aria-labelledby="search-heading">
<h2 id="search-heading">${t(locale, 'regSearchHeading')}</h2>
<div class="register-field">
<label for="q">${t(locale, 'regSearchLabel')}</label>
<span class="hint" id="q-hint">${t(locale, 'regSearchHint')}</span>
<input type="search" id="q" name="q" value="${query.q}" maxlength="200" aria-describedby="q-hint" autocomplete="off">
</div>
<div class="register-filters">
<div class="register-field">
<label for="tier">${t(locale, 'regFilterTier')}</label>
<select id="tier" name="tier">${option('', any, query.tier)}${TIERS.map((tier) => option(tier, tierName(locale, tier), query.tier))}${option('none', tierName(locale, null), query.tier)}</select>
</div>
<div class="register-field">
<label for="area">${t(locale, 'regFilterArea')}</label>
<select id="area" name="area">${option('', any, query.area)}${
    annexAreas.length > 0 ? html`<optgroup label="${t(locale, 'regAreaGroupAnnex')}">${annexAreas.map((a) => option(`annex-${a}`, areaName(locale, a), query.area))}</optgroup>` : ''
  }${facets.tags.length > 0 ? html`<optgroup label="${t(locale, 'regAreaGroupTags')}">${facets.tags.map((tag) => option(`tag-${tag}`, tag, query.area))}</optgroup>` : ''}</select>
</div>
<div class="register-field">
<label for="status">${t(locale, 'regFilterStatus')}</label>
<select id="status" name="status">${option('', any, query.status)}${facets.statuses.map((s) => option(s, statusName(locale, s), query.status))}</select>
</div>
<div class="register-field">
<label for="unit">${t(locale, 'regFilterUnit')}</label>
<select id="unit" name="unit">${option('', any, query.unit)}${facets.units.map((u) => option(u, u, query.unit))}</select>
</div>
<div class="register-field">
<label for="sort">${t(locale, 'regSort')}</label>
<select id="sort" name="sort">${option('name', t(locale, 'regSortName'), query.sort)}${option('updated', t(locale, 'regSortUpdated'), query.sort)}</select>
</div>
</div>
<div class="register-actions">
<button type="submit" class="register-button">${t(locale, 'regApply')}</button>
<a href="${path}">${t(locale, 'regClear')}</a>
</div>
</form>`;

  const list =
    items.length === 0
      ? html`<p>${t(locale, 'regNoResults')}</p>`
      : html`<ul class="register-list">
${items.map(
  (item) => html`<li>
<h3><a href="${path}/${item.slug}">${item.name}</a></h3>
${item.summary ? html`<p>${item.summary}</p>` : ''}
<ul class="register-meta">
<li>${t(locale, 'regTierLabel', { tier: tierName(locale, item.euTier) })}</li>
${item.lifecycle !== 'undisclosed' ? html`<li>${t(locale, 'regStatusLabel', { status: statusName(locale, item.lifecycle) })}</li>` : ''}
${item.unitName ? html`<li>${t(locale, 'regDepartment', { unit: item.unitName })}</li>` : ''}
<li>${t(locale, 'regUpdated', { date: formatDate(locale, item.publishedAt) })}</li>
</ul>
</li>
`,
)}</ul>`;

  const pagination =
    pages > 1
      ? html`<nav class="register-pagination" aria-label="${t(locale, 'regPagination')}"><ul>
${query.page > 1 ? html`<li><a href="${path}${queryString(query, query.page - 1)}" rel="prev">${t(locale, 'regPrev')}</a></li>` : ''}
<li aria-current="page">${t(locale, 'regPageOf', { page: Math.min(query.page, pages), pages })}</li>
${query.page < pages ? html`<li><a href="${path}${queryString(query, query.page + 1)}" rel="next">${t(locale, 'regNext')}</a></li>` : ''}
</ul></nav>`
      : '';

  const main = html`<link rel="stylesheet" href="${REGISTER_CSS_PATH}">
<h1>${t(locale, 'regTitle')}</h1>
<p class="lead">${t(locale, 'regIntro', { name: org.name })}</p>
${
  facets.total === 0
    ? html`<p>${t(locale, 'regEmpty', { name: org.name })}</p>`
    : html`${form}
<section class="page-section" id="results" aria-labelledby="results-heading">
<h2 id="results-heading">${t(locale, 'regResultsHeading')}</h2>
<p role="status">${t(locale, 'regResults', { count: total })}</p>
${list}
${pagination}
</section>
${openDataSection(locale, path)}`
}`;
  return renderPage({ locale, title: t(locale, 'regTitle'), path, org, main });
}

function openDataSection(locale: Locale, path: string): SafeHtml {
  const formats = `${path}/formats`;
  return html`<section class="page-section" id="open-data" aria-labelledby="open-data-heading">
<h2 id="open-data-heading">${t(locale, 'odHeading')}</h2>
<p>${t(locale, 'odIntro')}</p>
<dl class="open-data">
<dt><a href="${path}.json">${t(locale, 'odJson')}</a></dt><dd>${t(locale, 'odJsonHelp')}</dd>
<dt><a href="${path}.csv">${t(locale, 'odCsv')}</a></dt><dd>${t(locale, 'odCsvHelp')}</dd>
<dt><a href="${path}/feed.atom">${t(locale, 'odAtom')}</a></dt><dd>${t(locale, 'odAtomHelp')}</dd>
</dl>
<h3>${t(locale, 'odFormatsHeading')}</h3>
<dl class="open-data">
<dt>${t(locale, 'odUk')}: <a href="${formats}/uk-atrs.json?tier=1">${t(locale, 'odUkTier1')}</a>, <a href="${formats}/uk-atrs.json?tier=2">${t(locale, 'odUkTier2')}</a></dt><dd>${t(locale, 'odUkHelp')}</dd>
<dt><a href="${formats}/nl-algoritmeregister.json">${t(locale, 'odNl')}</a></dt><dd>${t(locale, 'odNlHelp')}</dd>
<dt><a href="${formats}/eurocities.json">${t(locale, 'odEurocities')}</a></dt><dd>${t(locale, 'odEurocitiesHelp')}</dd>
<dt><a href="${formats}/eu-annex-viii-c.json">${t(locale, 'odEu')}</a></dt><dd>${t(locale, 'odEuHelp')}</dd>
<dt><a href="${formats}/us-omb-2025.csv">${t(locale, 'odUs')}</a></dt><dd>${t(locale, 'odUsHelp')}</dd>
</dl>
</section>`;
}

/** The instance home when it hosts several organisations (or none): a list linking to each one. */
import type { OrganisationView } from '@glassbox/core';
import { html } from './html.js';
import { t, type Locale } from './i18n.js';
import { renderPage } from './layout.js';

/** The first sentence of a description, for a one-line summary; the whole text if it has no sentence break. */
export function firstSentence(text: string, locale: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  }
  const first = segmenter.segment(trimmed)[Symbol.iterator]().next();
  return first.done ? trimmed : first.value.segment.trim();
}

export function renderOrganisationList(locale: Locale, orgs: readonly OrganisationView[]): string {
  const title = t(locale, 'homeTitle');
  const main =
    orgs.length === 0
      ? html`<h1>${title}</h1>
<p>${t(locale, 'homeEmpty')}</p>`
      : html`<h1>${title}</h1>
<p class="lead">${t(locale, 'homeIntro')}</p>
<ul class="org-list">
${orgs.map((org) => {
  const summary = firstSentence(org.description, org.defaultLocale);
  return html`<li>
<h2><a href="/${org.slug}">${org.name}</a></h2>
${summary && html`<p class="secondary">${summary}</p>`}
</li>
`;
})}</ul>`;
  return renderPage({ locale, title, path: '/', main });
}

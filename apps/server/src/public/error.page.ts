/** Error pages of the public site, in the visitor's language: not found, a failed request, and our own failure. */
import { html } from './html.js';
import { t, type Locale } from './i18n.js';
import { renderPage } from './layout.js';

export function renderNotFoundPage(locale: Locale, path: string): string {
  const title = t(locale, 'notFoundTitle');
  const main = html`<h1>${title}</h1>
<p>${t(locale, 'notFoundBody')}</p>
<p><a href="/">${t(locale, 'notFoundHome')}</a></p>`;
  return renderPage({ locale, title, path, main });
}

export function renderBadRequestPage(locale: Locale, path: string): string {
  const title = t(locale, 'badRequestTitle');
  const main = html`<h1>${title}</h1>
<p>${t(locale, 'badRequestBody')}</p>
<p><a href="/">${t(locale, 'notFoundHome')}</a></p>`;
  return renderPage({ locale, title, path, main });
}

export function renderServerErrorPage(locale: Locale, path: string, requestId: string): string {
  const title = t(locale, 'errorTitle');
  const main = html`<h1>${title}</h1>
<p>${t(locale, 'errorBody')}</p>
<p>${t(locale, 'errorReference', { id: requestId })}</p>`;
  return renderPage({ locale, title, path, main });
}

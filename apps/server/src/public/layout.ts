/**
 * The frame every public page shares: document head, skip link, header with the language
 * switcher, the main landmark and the footer. Pages supply only their title and main content.
 */
import { html, type SafeHtml } from './html.js';
import { LOCALE_NAMES, LOCALES, t, type Locale } from './i18n.js';
import { STYLESHEET_PATH } from './public.css.js';

export type PageFrame = {
  locale: Locale;
  /** The page's own title; the layout adds " – Glassbox". */
  title: string;
  /** The path of this page, without query string: the language switcher links to it with ?lang. */
  path: string;
  /** The organisation the page belongs to, when there is one: named in the header and footer. */
  org?: { name: string; slug: string } | undefined;
  main: SafeHtml;
};

function languageSwitcher(locale: Locale, path: string): SafeHtml {
  const items = LOCALES.map(
    (code) =>
      html`<li><a href="${path}?lang=${code}" lang="${code}" hreflang="${code}"${code === locale ? html` aria-current="true"` : ''}>${LOCALE_NAMES[code]}</a></li>`,
  );
  return html`<nav class="lang-switcher" aria-label="${t(locale, 'languageNav')}"><ul>${items}</ul></nav>`;
}

export function renderPage(page: PageFrame): string {
  const { locale, org } = page;
  const brand = org ? html`<a href="/${org.slug}">${org.name}</a>` : html`<a href="/">Glassbox</a>`;
  const footer = org ? t(locale, 'footerPublishedBy', { name: org.name }) : t(locale, 'footerGeneric');
  return html`<!doctype html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(locale, 'pageTitle', { title: page.title })}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">${t(locale, 'skipLink')}</a>
<header class="site-header">
<div class="wrap site-header__inner">
<p class="site-header__brand">${brand}</p>
${languageSwitcher(locale, page.path)}
</div>
</header>
<main id="main" class="wrap">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${footer}</p>
</div>
</footer>
</body>
</html>
`.value;
}

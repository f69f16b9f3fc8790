/**
 * The public site's only stylesheet. System fonts (no downloads), no inline styles anywhere (the CSP
 * forbids them). Colour pairs used, all WCAG 2.2 AA or better on their backgrounds:
 *   text #0b0c0c on #ffffff 19.6:1, on #f3f2f1 17.5:1, on #ffdd00 (focus) 14.5:1
 *   links #1d4ed8 on #ffffff 6.7:1, on #f3f2f1 6.0:1; visited #5b21b6 on #ffffff 9.0:1, on #f3f2f1 8.0:1
 *   secondary text #484f52 on #ffffff 8.3:1, on #f3f2f1 7.5:1
 * Focus: a 3px near-black outline plus a yellow background, visible on every background we use.
 */
import { createHash } from 'node:crypto';
import { FORMS_CSS } from './citizen/forms.css.js';

export const STYLESHEET_PATH = '/assets/public.css';

export const PUBLIC_CSS = `
*, *::before, *::after { box-sizing: border-box; }

html {
  font-size: 100%;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}

body {
  margin: 0;
  min-height: 100vh;
  display: flex;
  flex-direction: column;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 1.125rem;
  line-height: 1.5;
  color: #0b0c0c;
  background: #ffffff;
  overflow-wrap: break-word;
}

.wrap {
  width: 100%;
  max-width: 48rem;
  margin: 0 auto;
  padding-left: 1rem;
  padding-right: 1rem;
}

/* Links */

a { color: #1d4ed8; text-decoration: underline; text-decoration-thickness: 0.0625rem; text-underline-offset: 0.15em; }
a:visited { color: #5b21b6; }
a:hover { color: #0b0c0c; text-decoration-thickness: 0.1875rem; }


/* Skip link: off screen until it receives focus, then at the top of the page. */
.skip-link {
  position: absolute;
  top: 0.5rem;
  left: 0.5rem;
  transform: translateY(-300%);
  z-index: 10;
  padding: 0.75rem 1rem;
  color: #0b0c0c;
  background: #ffdd00;
  font-weight: 700;
}
.skip-link:visited { color: #0b0c0c; }
.skip-link:focus { transform: none; }

/* Header */

.site-header {
  background: #ffffff;
  border-bottom: 0.5rem solid #1d4ed8;
}
.site-header__inner {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 0.5rem 1.5rem;
  padding-top: 0.75rem;
  padding-bottom: 0.75rem;
}
.site-header__brand {
  margin: 0;
  font-size: 1.25rem;
  font-weight: 700;
  line-height: 1.3;
}
.site-header__brand a,
.site-header__brand a:visited { color: #0b0c0c; text-decoration: none; }
.site-header__brand a:hover { text-decoration: underline; }

.lang-switcher ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1rem;
  margin: 0;
  padding: 0;
  list-style: none;
}
.lang-switcher a { display: inline-block; padding: 0.25rem 0; }
.lang-switcher a,
.lang-switcher a:visited { color: #1d4ed8; }
.lang-switcher a[aria-current="true"],
.lang-switcher a[aria-current="true"]:visited {
  color: #0b0c0c;
  font-weight: 700;
  text-decoration: none;
  border-bottom: 0.25rem solid #0b0c0c;
}

/* Main content */

main {
  flex: 1 0 auto;
  padding-top: 2rem;
  padding-bottom: 3rem;
}

h1, h2, h3 { line-height: 1.25; margin: 0 0 1rem; }
h1 { font-size: 2rem; margin-bottom: 1.5rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; }
h3 { font-size: 1.25rem; margin-top: 1.5rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
ul, ol { padding-left: 1.5rem; }
li { margin-bottom: 0.5rem; }

.lead { font-size: 1.25rem; }
.secondary { color: #484f52; }

.page-section { margin-top: 2.5rem; }
.page-section > h2 { margin-top: 0; padding-top: 1rem; border-top: 1px solid #b1b4b6; }

.contact-list { list-style: none; padding: 0; }
.contact-list a { overflow-wrap: anywhere; }

.org-list { list-style: none; padding: 0; display: grid; gap: 1rem; }
.org-list > li {
  margin: 0;
  padding: 1rem 1.25rem;
  border: 1px solid #b1b4b6;
  border-left: 0.375rem solid #1d4ed8;
  background: #ffffff;
}
.org-list h2 { font-size: 1.375rem; margin: 0 0 0.5rem; }
.org-list p { margin: 0; }

code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.95em; overflow-wrap: anywhere; }

/* Footer */

.site-footer {
  background: #f3f2f1;
  border-top: 1px solid #b1b4b6;
  color: #0b0c0c;
  font-size: 1rem;
  padding: 1.5rem 0;
}
.site-footer p { margin: 0; max-width: 40rem; }

/* Focus, last so it wins over every link colour above: thick outline plus yellow background. */

:focus { outline: 3px solid #0b0c0c; outline-offset: 2px; }
a:focus,
a:focus:visited,
.lang-switcher a:focus,
.site-header__brand a:focus,
.skip-link:focus {
  color: #0b0c0c;
  background-color: #ffdd00;
  text-decoration: none;
  box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c;
}

/* Wider screens */

@media (min-width: 40em) {
  .wrap { padding-left: 2rem; padding-right: 2rem; }
  h1 { font-size: 2.5rem; }
  h2 { font-size: 1.75rem; }
  .org-list { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}

/* Print: black on white, no navigation, link addresses written out. */

@media print {
  *, *::before, *::after {
    color: #000000 !important;
    background: #ffffff !important;
    box-shadow: none !important;
  }
  body { display: block; font-size: 12pt; min-height: 0; }
  .skip-link, .lang-switcher, nav { display: none !important; }
  .site-header { border-bottom: 1pt solid #000000; }
  .wrap { max-width: none; padding: 0; }
  main { padding: 1rem 0; }
  a { text-decoration: underline; }
  main a[href]::after { content: " (" attr(href) ")"; font-size: 90%; overflow-wrap: anywhere; }
  main a[href^="#"]::after, main a[href^="mailto:"]::after { content: ""; }
  .org-list { display: block; }
  .org-list > li { border: 1pt solid #000000; break-inside: avoid; margin-bottom: 0.5rem; }
  h1, h2, h3 { break-after: avoid; }
  .site-footer { border-top: 1pt solid #000000; }
}
`.concat(FORMS_CSS);

/** Strong validator for conditional requests; the stylesheet only changes with a deploy. */
export const PUBLIC_CSS_ETAG = `"${createHash('sha256').update(PUBLIC_CSS).digest('base64url').slice(0, 22)}"`;

/**
 * How to reach the organisation about its AI: the contact email (mailto) and contact page, when it
 * has published them. Left out when it has neither. No queries.
 */
import { html, mailtoHref, safeExternalUrl, type SafeHtml } from './html.js';
import { t } from './i18n.js';
import type { LandingSection } from './section.js';

export const contactSection: LandingSection = {
  id: 'contact',
  render: ({ org, locale }) => {
    const email = org.contactEmail?.trim() || null;
    const mailto = mailtoHref(email);
    const url = safeExternalUrl(org.contactUrl);
    const items: SafeHtml[] = [];
    if (email) items.push(html`<li>${t(locale, 'contactEmail')} ${mailto ? html`<a href="${mailto}">${email}</a>` : email}</li>`);
    if (url) items.push(html`<li>${t(locale, 'contactPage')} <a href="${url}">${displayUrl(url)}</a></li>`);
    if (items.length === 0) return null;
    return {
      heading: t(locale, 'contactHeading'),
      body: html`<p>${t(locale, 'contactIntro', { name: org.name })}</p>
<ul class="contact-list">
${items}
</ul>`,
    };
  },
};

/** The address as people read it: no scheme, no trailing slash on a bare host. */
const displayUrl = (url: string): string => url.replace(/^https?:\/\//, '').replace(/^([^/]+)\/$/, '$1');

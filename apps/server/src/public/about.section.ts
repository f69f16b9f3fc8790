/** "What this site is for": the plain-language purpose of an organisation's public AI record. No queries. */
import { html } from './html.js';
import { t } from './i18n.js';
import type { LandingSection } from './section.js';

export const aboutSection: LandingSection = {
  id: 'about',
  render: ({ org, locale }) => ({
    heading: t(locale, 'aboutHeading'),
    body: html`<p>${t(locale, 'aboutIntro', { name: org.name })}</p>
<ul>
<li>${t(locale, 'aboutTools', { name: org.name })}</li>
<li>${t(locale, 'aboutOversight')}</li>
<li>${t(locale, 'aboutRights')}</li>
</ul>`,
  }),
};

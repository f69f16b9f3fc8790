/**
 * "Ask, challenge or report" on an organisation's landing page: how to ask about a decision in
 * which AI took part (explanation, human review, appeal) and how to report a problem. No queries.
 */
import { html } from '../html.js';
import { t } from '../i18n.js';
import type { LandingSection } from '../section.js';

export const rightsSection: LandingSection = {
  id: 'your-rights',
  render: ({ org, locale }) => ({
    heading: t(locale, 'rightsHeading'),
    body: html`<p>${t(locale, 'rightsIntro', { name: org.name })}</p>
<ul class="action-list">
<li><a href="/${org.slug}/requests/new">${t(locale, 'rightsRequestLink')}</a></li>
<li><a href="/${org.slug}/concerns/new">${t(locale, 'rightsConcernLink')}</a></li>
</ul>`,
  }),
};

/**
 * "Public consultations" on an organisation's landing page: how many are open, with a link to the
 * list. Left out when the organisation has never opened one. One statement.
 */
import { listPublicConsultations, systemCtx } from '@glassbox/core';
import { html } from '../html.js';
import { t } from '../i18n.js';
import type { LandingSection } from '../section.js';

export const consultationsLandingSection: LandingSection = {
  id: 'consultations',
  render: async ({ db, org, locale }) => {
    const items = await listPublicConsultations(systemCtx(db, 'public'), { organisationId: org.id });
    if (items.length === 0) return null;
    const open = items.filter((c) => c.state === 'open');
    return {
      heading: t(locale, 'consultationsTitle'),
      body: html`<p>${t(locale, 'consultationsIntro', { name: org.name })}</p>
${open.length > 0 ? html`<ul class="action-list">${open.map((c) => html`<li><a href="/${org.slug}/consultations/${c.id}">${c.title}</a></li>`)}</ul>` : html`<p>${t(locale, 'consultationsNoneOpen')}</p>`}
<p><a href="/${org.slug}/consultations">${t(locale, 'consultationsTitle')}</a></p>`,
    };
  },
};

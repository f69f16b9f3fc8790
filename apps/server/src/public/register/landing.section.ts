/** The landing page's link to the organisation's AI register, shown once something is published. One statement. */
import { html } from '../html.js';
import { t } from '../i18n.js';
import type { LandingSection } from '../section.js';

export const registerSection: LandingSection = {
  id: 'register',
  render: async ({ db, org, locale }) => {
    const row = await db.selectFrom('register_current').select('system_id').where('organisation_id', '=', org.id).limit(1).executeTakeFirst();
    if (!row) return null;
    return {
      heading: t(locale, 'regLandingHeading'),
      body: html`<p>${t(locale, 'regLandingBody', { name: org.name })}</p>
<p><a href="/${org.slug}/register">${t(locale, 'regLandingLink')}</a></p>`,
    };
  },
};

/**
 * The consultation section of a register system page (issue #5 point 7): links to the system's
 * public consultations, open ones first, with their dates, as of the page's time (the register
 * keys its cached pages by the consultation schedule too). Left out when the system has none. One
 * statement.
 */
import { listPublicConsultations, systemCtx, type PublicConsultationSummary } from '@glassbox/core';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { longDate } from '../citizen/forms.js';
import { defineSystemPageSection, systemPageSection } from '../register/system-page.kit.js';

type Data = { orgSlug: string; items: PublicConsultationSummary[] };

export const consultationsSection = defineSystemPageSection<Data>({
  id: 'public-consultation',
  load: async (ctx, ids) => {
    const items = await listPublicConsultations(systemCtx(ctx.db, 'public'), { organisationId: ids.organisationId, systemId: ids.systemId }, ctx.now);
    if (items.length === 0) return null;
    // Open ones first, then the most recently closed.
    items.sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open'));
    return { orgSlug: ctx.org.slug, items };
  },
  render: (locale, { orgSlug, items }) =>
    systemPageSection(
      'public-consultation',
      t(locale, 'consultationSectionHeading'),
      html`<ul>${items.map(
        (c) => html`<li><a href="/${orgSlug}/consultations/${c.id}">${c.title}</a> – ${
          c.state === 'open' ? t(locale, 'consultationOpenUntil', { date: longDate(locale, c.closesAt) }) : t(locale, 'consultationClosedOn', { date: longDate(locale, c.closesAt) })
        }</li>`,
      )}</ul>`,
    ),
});

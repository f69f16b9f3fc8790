/**
 * The extension point of a register system page. After the page's own sections (what the system
 * does … assessments) and before its change history, the page runs every entry of
 * `systemPageSections`, in order: `load` fetches what the section needs (a fixed number of SQL
 * statements, never one per row), `render` turns it into HTML. `load` returning null leaves the
 * section out entirely, so the page never shows an empty heading.
 *
 * `render` returns the whole section, starting with its own `<h2 id="…">` heading (use the helper
 * `systemPageSection(id, heading, body)` to get the same markup as the page's own sections). Texts
 * come from the message catalogues, so they exist in English, Spanish and French.
 *
 * To add one (concern counts, redress statistics, a running consultation…), write it in its own
 * module with `defineSystemPageSection({...})` (importing this kit, never system-page.sections.ts)
 * and add it to the list in system-page.sections.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '@glassbox/core';
import { html, type SafeHtml } from '../html.js';
import type { Locale } from '../i18n.js';

export type SystemPageContext = {
  db: Kysely<DB>;
  locale: Locale;
  org: { id: string; slug: string; name: string };
  system: { id: string; slug: string; name: string };
  /** The time the page shows the system as of (consultations open or closed by their dates). */
  now: Date;
};

export type SystemPageIds = { organisationId: string; systemId: string };

export type SystemPageSection<T> = {
  /** Unique kebab-case id: the section's anchor and the base of its heading id. */
  id: string;
  load(ctx: SystemPageContext, ids: SystemPageIds): Promise<T | null>;
  render(locale: Locale, data: T): SafeHtml;
};

/** A section with its data type hidden, so sections of different types share one array. */
export type RegisteredSystemPageSection = {
  id: string;
  run(ctx: SystemPageContext, ids: SystemPageIds): Promise<SafeHtml | null>;
};

export function defineSystemPageSection<T>(section: SystemPageSection<T>): RegisteredSystemPageSection {
  return {
    id: section.id,
    run: async (ctx, ids) => {
      const data = await section.load(ctx, ids);
      return data === null ? null : section.render(ctx.locale, data);
    },
  };
}

/** The markup of one page section: `<section id>` labelled by its h2. */
export function systemPageSection(id: string, heading: string, body: SafeHtml): SafeHtml {
  return html`<section class="page-section" id="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>
${body}
</section>
`;
}

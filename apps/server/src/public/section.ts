/**
 * The extension point of an organisation's landing page. The page is an h1 (the organisation's
 * name), its description, then one <section> per entry of `landingSections` (landing.sections.ts),
 * in that order. A section renders its own h2 heading text and body; returning null leaves it out
 * entirely, so the page never shows an empty heading or a link to something that does not exist.
 */
import type { Database, OrganisationView } from '@glassbox/core';
import type { SafeHtml } from './html.js';
import type { Locale } from './i18n.js';

export type LandingContext = {
  db: Database['db'];
  org: OrganisationView;
  locale: Locale;
};

export type SectionContent = {
  /** Plain text of the section's h2 (escaped by the page). */
  heading: string;
  /** The section body; any headings inside it start at h3. */
  body: SafeHtml;
};

export type LandingSection = {
  /** Unique kebab-case id: the section's anchor (/riverton#contact) and the base of its heading id. */
  id: string;
  /**
   * Loads what the section needs and renders it, or returns null when there is nothing to show.
   * Sections run concurrently; each must run a fixed number of SQL statements (one query for a
   * list, never one per row), so the page's statement count does not grow with the data.
   */
  render(ctx: LandingContext): Promise<SectionContent | null> | SectionContent | null;
};

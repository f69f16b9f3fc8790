/**
 * An organisation's landing page: its name as the h1, its description, then the landing sections
 * (see section.ts for how a module adds one).
 */
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { landingSections } from './landing.sections.js';
import type { LandingContext, LandingSection } from './section.js';

/** Paragraphs of free text as entered: blank lines separate paragraphs. */
export function paragraphs(text: string, firstClass?: string): SafeHtml[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p, i) => (i === 0 && firstClass ? html`<p class="${firstClass}">${p}</p>` : html`<p>${p}</p>`));
}

export async function renderLandingPage(ctx: LandingContext, path: string, sections: readonly LandingSection[] = landingSections): Promise<string> {
  const { org, locale } = ctx;
  const rendered = await Promise.all(sections.map(async (section) => ({ id: section.id, content: await section.render(ctx) })));
  const main = html`<h1>${org.name}</h1>
${paragraphs(org.description, 'lead')}
${rendered.map(({ id, content }) =>
  content
    ? html`<section class="page-section" id="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${content.heading}</h2>
${content.body}
</section>
`
    : null,
)}`;
  return renderPage({ locale, title: org.name, path, org: { name: org.name, slug: org.slug }, main });
}

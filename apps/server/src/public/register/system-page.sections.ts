/**
 * The extra sections of a register system page, in page order. The extension point itself (types,
 * defineSystemPageSection, systemPageSection) is in system-page.kit.ts, so that section modules
 * import the kit and this list imports them, without an import cycle.
 */
import type { SafeHtml } from '../html.js';
import type { RegisteredSystemPageSection, SystemPageContext } from './system-page.kit.js';
import { concernCountsSection, redressStatsSection } from '../citizen/system-sections.js';
import { consultationsSection } from '../engagement/system-section.js';

export * from './system-page.kit.js';

/** Extra sections of the system page, in page order. */
export const systemPageSections: RegisteredSystemPageSection[] = [concernCountsSection, redressStatsSection, consultationsSection];

/**
 * The extra sections of one system's page, in order, those without content left out. The public
 * page and the staff preview both render them through here, so the preview cannot differ.
 */
export async function renderSystemPageSections(ctx: SystemPageContext): Promise<SafeHtml[]> {
  const ids = { organisationId: ctx.org.id, systemId: ctx.system.id };
  return (await Promise.all(systemPageSections.map((s) => s.run(ctx, ids)))).filter((x): x is SafeHtml => x !== null);
}

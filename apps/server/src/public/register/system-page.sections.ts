/**
 * The extra sections of a register system page, in page order. The extension point itself (types,
 * defineSystemPageSection, systemPageSection) is in system-page.kit.ts, so that section modules
 * import the kit and this list imports them, without an import cycle.
 */
import type { RegisteredSystemPageSection } from './system-page.kit.js';
import { concernCountsSection, redressStatsSection } from '../citizen/system-sections.js';
import { consultationsSection } from '../engagement/system-section.js';

export * from './system-page.kit.js';

/** Extra sections of the system page, in page order. */
export const systemPageSections: RegisteredSystemPageSection[] = [concernCountsSection, redressStatsSection, consultationsSection];

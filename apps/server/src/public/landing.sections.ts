/**
 * The sections of an organisation's landing page, in page order. To add one (the AI register list,
 * report forms…), write a `LandingSection` in its own `<name>.section.ts` and add it here.
 */
import { aboutSection } from './about.section.js';
import { contactSection } from './contact.section.js';
import type { LandingSection } from './section.js';

export const landingSections: readonly LandingSection[] = [aboutSection, contactSection];

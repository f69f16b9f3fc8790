/**
 * The sections of an organisation's landing page, in page order. To add one (the AI register list,
 * report forms…), write a `LandingSection` in its own `<name>.section.ts` and add it here.
 */
import { aboutSection } from './about.section.js';
import { contactSection } from './contact.section.js';
import type { LandingSection } from './section.js';
import { rightsSection } from './citizen/rights.section.js';
import { consultationsLandingSection } from './engagement/landing.section.js';
import { registerSection } from './register/landing.section.js';

export const landingSections: readonly LandingSection[] = [aboutSection, registerSection, rightsSection, consultationsLandingSection, contactSection];

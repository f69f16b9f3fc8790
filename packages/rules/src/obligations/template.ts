/**
 * The shape of an obligation template: what the rules say must be done for a system. Owners, due
 * dates, status and evidence are added by the service layer when it stores the checklist.
 */
import type { ObligationPhase } from '../common.js';

/** `assessment`: obligations that follow from the assessments a system needs and their results (e.g. the Canadian AIA level's requirements). */
export type ObligationFramework = 'eu-ai-act' | 'us-omb' | 'org-policy' | 'assessment';

export type ObligationTemplate = {
  /** Stable across re-classifications, e.g. `eu.art27.fria`, `omb.m25-21.4b.pre-deployment-testing`, `org.high.committee-approval`. */
  key: string;
  framework: ObligationFramework;
  /** The legal or policy source, e.g. `Art. 27(1)`. */
  reference: string;
  title: string;
  /** Plain language, in our own words. */
  description: string;
  phase: ObligationPhase;
  /** Repeats every N months while the system is in operation. */
  recurrenceMonths?: number;
};

/**
 * @glassbox/rules: the pure legal rules of Glassbox, readable by a lawyer or an auditor. EU AI Act
 * screening and classification, US OMB high-impact determination, the organisation's own tiers and
 * the obligation templates they generate. No I/O, no dependencies, no clock.
 */
export * from './common.js';
export * from './eu-ai-act/screening.js';
export * from './eu-ai-act/classification.js';
export { classifyEuAiAct } from './eu-ai-act/classify.js';
export * from './us-omb/presumed.js';
export * from './us-omb/high-impact.js';
export * from './org-policy/tiers.js';
export type { ObligationFramework, ObligationTemplate } from './obligations/template.js';
export { generateObligations, type GenerateObligationsInput } from './obligations/generate.js';

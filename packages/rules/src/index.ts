/**
 * @glassbox/rules: the pure legal rules of Glassbox, readable by a lawyer or an auditor. EU AI Act
 * screening and classification, US OMB high-impact determination, the organisation's own tiers and
 * the obligation templates they generate, and the assessment engine. No I/O, no clock; zod is the
 * one dependency (the assessment template schema).
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
export * from './assessment-needs/required-assessments.js';
export * from './assessment/template.js';
export * from './assessment/schema.js';
export * from './assessment/conditions.js';
export * from './assessment/answers.js';
export * from './assessment/score.js';
export * from './assessment/plain-text.js';
export * from './assessment/surveyjs-expression.js';
export * from './assessment/surveyjs-import.js';
export * from './assessment/canada-aia.js';
export * from './assessment/saved-file.js';
export * from './assessment/diff.js';

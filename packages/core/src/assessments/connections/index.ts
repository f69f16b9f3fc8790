/** Assessments connected to the inventory (issue #4 point 6): what a system needs, what an approval changes, the shared checklist resync. */
export { onAssessmentApproved, assessmentReportUrl, type ApprovedAssessmentRow, type ApprovalEffects } from './approval.js';
export { listNeededAssessments, type NeededAssessment } from './needed-assessments.service.js';
export { resyncSystemObligations, resyncAndRecord } from './resync.js';
export { MATERIAL_FIELDS, onSystemFieldsChanged, onSystemRescreened, onSystemTransitioned } from './system-changes.js';
export { AIA_TEMPLATE_KEY, assessmentRulesFor, needFactsOf, type AssessmentRulesInForce } from './needs.js';
export { getAssessmentRules, updateAssessmentRules, resetAssessmentRules, type AssessmentRulesView, type AssessmentRulesChange } from './assessment-rules.service.js';
export { assessmentNeedRuleSchema, assessmentNeedRuleViewSchema, assessmentNeedConditionSchema, assessmentRulesSchema, MAX_ASSESSMENT_RULES } from './assessment-rules.schemas.js';
export { recordMaterialChange, type MaterialChangeOutcome } from './material-change.service.js';
export { answersForLevel, atWeightRank, fillAnswers, type FillOptions } from './fill-answers.js';

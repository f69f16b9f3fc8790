/** Assessments connected to the inventory (issue #4 point 6): what a system needs, what an approval changes, the shared checklist resync. */
export { onAssessmentApproved, assessmentReportUrl, type ApprovedAssessmentRow, type ApprovalEffects } from './approval.js';
export { listNeededAssessments, type NeededAssessment } from './needed-assessments.service.js';
export { resyncSystemObligations, resyncAndRecord } from './resync.js';
export { onSystemFieldsChanged, onSystemRescreened, onSystemTransitioned } from './system-changes.js';
export { AIA_TEMPLATE_KEY, needFactsOf } from './needs.js';
export { answersForLevel, atWeightRank, fillAnswers, type FillOptions } from './fill-answers.js';

export * from './errors.js';
export * from './roles.js';
export * from './context.js';
export * from './config.js';
export * from './bootstrap.js';
export * from './db/database.js';
export * from './db/migrate.js';
export * from './db/transaction.js';
export type * from './db/schema.js';
export * from './audit/audit.service.js';
export * from './audit/canonical.js';
export * from './auth/password.js';
export * from './auth/secrets.js';
export * from './auth/session.service.js';
export * from './auth/api-token.service.js';
export * from './auth/invitation.service.js';
export * from './auth/password-reset.service.js';
export * from './orgs/org.service.js';
export * from './inventory/lifecycle.js';
export * from './inventory/policy.js';
export * from './inventory/gates.js';
export {
  DECISION_ROLES,
  SOURCING,
  VISIBILITIES,
  LIMITS as SYSTEM_LIMITS,
  SNAPSHOT_FIELDS as SYSTEM_SNAPSHOT_FIELDS,
  slugify as systemSlug,
  type DecisionRole,
  type Sourcing,
  type SystemFields,
  type SystemSnapshot,
  type Visibility,
} from './inventory/system-fields.js';
export * from './inventory/inventory.presenter.js';
export * from './inventory/inventory.service.js';
export * from './inventory/lifecycle.service.js';
export * from './inventory/versions.service.js';
export { SORTS as SYSTEM_SORTS, type SystemListFilter, type SystemSort } from './inventory/inventory.repository.js';
export {
  APPROVED_STATUSES as CATALOGUE_APPROVED_STATUSES,
  CATALOGUE_LIMITS,
  CATALOGUE_STATUSES,
  DATA_ALLOWED,
  DATA_KINDS,
  PRICING,
  type CatalogueFields,
  type CatalogueStatus,
  type DataAllowed,
  type DataKind,
  type Pricing,
} from './catalogue/catalogue-fields.js';
export * from './catalogue/can-i-use.js';
export * from './catalogue/catalogue.presenter.js';
export * from './catalogue/catalogue.service.js';
export { type CatalogueListFilter } from './catalogue/catalogue.repository.js';
export * from './catalogue/demo.js';
export * from './mail/mail.service.js';
export * from './demo/seed-demo.js';
export * from './inventory-io/export.service.js';
export * from './inventory-io/import.service.js';
export { canExportInventory, canImportInventory } from './inventory-io/policy.js';
export { OMB_2025_COLUMNS } from './inventory-io/omb-2025.js';
export { IMPORT_COLUMNS as INVENTORY_IMPORT_COLUMNS } from './inventory-io/glassbox-profile.js';
export { parseCsv, csvRecord, CsvSyntaxError } from './inventory-io/csv.js';
export * from './classification/classification.schemas.js';
export * from './classification/classification-result.schemas.js';
export { classifyAnswers, summarise as summariseClassification, RULES_VERSION } from './classification/classify.js';
export * from './classification/classification.presenter.js';
export { canClassify, canChangeTierPolicy } from './classification/policy.js';
export * from './classification/screening.service.js';
export * from './classification/tier-policy.service.js';
export * from './obligations/obligation.presenter.js';
export * from './obligations/obligation.service.js';
export * from './obligations/evidence.service.js';
export { EVIDENCE_CONTENT_TYPES, MAX_EVIDENCE_BYTES, contentDisposition } from './obligations/evidence-files.js';
export * from './obligations/progress.service.js';
export { canManageEvidence, canUpdateObligation } from './obligations/policy.js';
export { DEFAULT_ORG_POLICY, type OrgTierPolicy, type ObligationTemplate } from '@glassbox/rules';
export type * from './assessments/report/report-data.js';
export * from './assessments/templates/template.service.js';
export type * from './assessments/templates/template.presenter.js';
export { installBuiltinTemplates, builtinTemplateDocuments, type BuiltinInstallResult } from './assessments/templates/builtin-installer.js';
export { canManageTemplates, canReadTemplates } from './assessments/templates/policy.js';
export {
  IMPORT_FORMATS as TEMPLATE_IMPORT_FORMATS,
  EXPORT_FORMATS as TEMPLATE_EXPORT_FORMATS,
  parseTemplateFile,
  serialiseTemplate,
  templateHash,
  type ImportFormat as TemplateImportFormat,
  type ExportFormat as TemplateExportFormat,
  type ImportReport as TemplateImportReport,
} from './assessments/templates/template-format.js';
export { renderAssessmentHtml } from './assessments/report/report-html.js';
export { renderAssessmentPdf, type PdfOptions as AssessmentPdfOptions } from './assessments/report/report-pdf.js';
export { renderAssessmentJson, ASSESSMENT_REPORT_FORMAT, type AssessmentReportJson } from './assessments/report/report-json.js';
export * from './register/record/register-record.js';
export * from './register/publication/register-settings.service.js';
export * from './register/publication/register-entry.service.js';
export * from './register/publication/publish.service.js';
export * from './register/publication/public-register.service.js';
export { type AssessmentSummary, classificationFrom as registerClassificationFrom } from './register/publication/register-record.builder.js';
export { canEditRegisterDraft, canPublishRegisterEntry, canManageRegisterSettings } from './register/publication/policy.js';
export {
  CONCERN_CATEGORIES,
  CONCERN_STATUSES,
  REDRESS_KINDS,
  REDRESS_STATUSES,
  REDRESS_OUTCOMES,
  CITIZEN_LOCALES,
  type ConcernCategory,
  type ConcernStatus,
  type RedressKind,
  type RedressStatus,
  type RedressOutcome,
  type CitizenLocale,
} from './db/schema-citizen.js';
export * from './citizen/concern.service.js';
export * from './citizen/redress.service.js';
export { produceRedressLetter, REDRESS_LETTER_FORMATS, renderRedressLetterHtml, renderRedressLetterPdf, type RedressLetter, type RedressLetterData, type RedressLetterFormat } from './citizen/redress-letter.service.js';
export * from './citizen/settings.service.js';
export { CITIZEN_LIMITS, PROBLEM_MESSAGES, isCitizenLocale, type FieldProblem, type FieldProblems } from './citizen/citizen-fields.js';
export { DEFAULT_DEADLINES, median, redressStats, timeLeft, type RedressStats } from './citizen/deadlines.js';
export { normaliseReference } from './citizen/reference.js';
// Assessments: filling in, review, reassessment, comments, attachments, reports (issue #4 point 5).
export * from './assessments/assessment.service.js';
export * from './assessments/assessment-workflow.service.js';
export * from './assessments/assessment-comments.service.js';
export * from './assessments/assessment-files.service.js';
export * from './assessments/assessment-report.service.js';
export type * from './assessments/assessment.presenter.js';
export type { AnswerMeta, AnswerMetaMap, AnswerPatch } from './assessments/answers-merge.js';
export { canCommentOnAssessment, canEditAssessment, canReadAssessment, canReviewAssessment } from './assessments/policy.js';
export { truncateAtWord, type FormatResult, type FormatWarning } from './register/formats/format-utils.js';
export * from './register/formats/uk-atrs.js';
export * from './register/formats/nl-algoritmeregister.js';
export * from './register/formats/eurocities.js';
export * from './register/formats/eu-annex-viii-c.js';
export { toOmb2025Row, OMB_TOPIC_AREA, type Omb2025Row } from './register/formats/omb-2025.js';
export * from './register/formats/register-formats.js';
export { listPublicSystemChoices } from './citizen/cases.shared.js';
// Assessments connected to the inventory, and organisation tasks (issue #4 point 6).
export * from './assessments/connections/index.js';
export * from './tasks/task.service.js';
export { TASK_STATUSES, type TaskView } from './tasks/task.presenter.js';
export { syncTasksFromGaps, type TaskSyncChanges } from './tasks/task-sync.js';
export type { OrgTask, OrgTaskStatus } from './db/schema-tasks.js';
export * from './register/readability/reading-grade.js';
export { countSyllables } from './register/readability/syllables.js';
// Notices and public consultations (issue #5 points 4 and 7).
export { NOTICE_VARIANTS, NOTICE_FORMATS, COMMENT_STATUSES, type NoticeVariant, type NoticeFormat, type CommentStatus } from './db/schema-citizen.js';
export * from './notices/notice.service.js';
export { buildNoticeModel, renderNoticeHtml, renderNoticePdf, type NoticeData } from './notices/notice-render.js';
export * from './consultations/consultation.service.js';
export { CONSULTATION_LIMITS, CONSULTATION_STATES, consultationState, checkComment, checkConsultation, type ConsultationState } from './consultations/consultation-rules.js';

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

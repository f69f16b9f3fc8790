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
export * from './mail/mail.service.js';
export * from './demo/seed-demo.js';

/**
 * The roles a person can hold in an organisation (DESIGN §7). A membership carries one or more.
 * Route and service checks name roles from this list only.
 */
export const ROLES = [
  'admin',
  'governance_officer',
  'system_owner',
  'reviewer',
  'caseworker',
  'auditor',
  'staff',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  governance_officer: 'Governance officer',
  system_owner: 'System owner',
  reviewer: 'Reviewer',
  caseworker: 'Caseworker',
  auditor: 'Auditor',
  staff: 'Staff member',
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const hasAnyRole = (held: readonly string[], allowed: readonly Role[]): boolean =>
  held.some((r) => (allowed as readonly string[]).includes(r));

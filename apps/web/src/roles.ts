/** Role names as people read them, and the one check every screen uses. */
import { ROLES, type Role } from './api';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  governance_officer: 'Governance officer',
  system_owner: 'System owner',
  reviewer: 'Reviewer',
  caseworker: 'Caseworker',
  auditor: 'Auditor',
  staff: 'Staff',
};

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Unknown role strings from the server are shown as they are rather than hidden. */
export const roleLabel = (role: string): string => (isRole(role) ? ROLE_LABELS[role] : role);

export const roleList = (roles: readonly string[]): string => roles.map(roleLabel).join(', ');

/** `'any'` means any signed-in person, whatever their roles. */
export type RoleRequirement = 'any' | readonly Role[];

export function hasAnyRole(userRoles: readonly string[], required: RoleRequirement): boolean {
  if (required === 'any') return true;
  return required.some((role) => userRoles.includes(role));
}

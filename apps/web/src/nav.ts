/**
 * Navigation is data: modules add an entry here and the header, the admin side navigation, the
 * home page links and the route guards all follow. `roles` are roles in the current organisation.
 */
import type { Role } from './api';
import { hasAnyRole, type RoleRequirement } from './roles';

export type NavItem = {
  path: string;
  label: string;
  roles: RoleRequirement;
  /** Shown on the home page next to the link. */
  description?: string;
  /** Only mark the link current on this exact path (for "/"). */
  end?: boolean;
};

export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const AUDIT_LOG_ROLES: readonly Role[] = ['admin', 'auditor', 'governance_officer'];
/** Administrators change the tier policy; governance officers read it. */
export const TIER_POLICY_ROLES: readonly Role[] = ['admin', 'governance_officer'];

export const primaryNav: readonly NavItem[] = [
  { path: '/', label: 'Home', roles: 'any', end: true },
  { path: '/systems', label: 'AI systems', roles: 'any', description: 'The inventory of AI systems the organisation uses, is building or has considered, and where each one is in its lifecycle.' },
  { path: '/tool-catalogue', label: 'Tool catalogue', roles: 'any', description: 'Check whether an AI tool is approved, what for, and what information may go into it.' },
  {
    path: '/screening/quick',
    label: 'Screen a product',
    roles: ['admin', 'governance_officer', 'system_owner'],
    description: 'Before buying or building an AI product, see its risk tier and obligations, and save it as a proposal.',
  },
  // Auditors and governance officers reach the audit log through the admin area, where the side
  // navigation shows them only that page.
  { path: '/admin', label: 'Admin', roles: AUDIT_LOG_ROLES },
];

export const adminNav: readonly NavItem[] = [
  { path: '/admin/users', label: 'Users and roles', roles: ADMIN_ROLES, description: 'See who belongs to the organisation, change their roles or remove them.' },
  { path: '/admin/units', label: 'Units', roles: ADMIN_ROLES, description: 'The departments and services systems belong to.' },
  { path: '/admin/invitations', label: 'Invitations', roles: ADMIN_ROLES, description: 'Invite people by email and withdraw invitations.' },
  { path: '/admin/api-tokens', label: 'API tokens', roles: ADMIN_ROLES, description: 'Create and revoke tokens for other software to use the API.' },
  { path: '/admin/audit-log', label: 'Audit log', roles: AUDIT_LOG_ROLES, description: 'Every change made in the organisation, and a check that the record is intact.' },
  { path: '/admin/outbox', label: 'Outbox', roles: ADMIN_ROLES, description: 'Email Glassbox has sent or is holding.' },
  { path: '/admin/tier-policy', label: 'Tier policy', roles: TIER_POLICY_ROLES, description: 'The organisation’s own risk tiers, what each requires, and the rules that place a system in one.' },
];

export const visibleItems = (items: readonly NavItem[], userRoles: readonly string[]): NavItem[] =>
  items.filter((item) => hasAnyRole(userRoles, item.roles));

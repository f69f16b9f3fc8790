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
  /** In the header, items of one group share a dropdown (NAV_GROUPS); elsewhere they stand alone. */
  group?: NavGroupId;
};

/**
 * Header dropdowns, so the primary navigation stays one row as modules land. A group whose items
 * the person may not see does not show; a group with one visible item shows that item as a link.
 */
export const NAV_GROUPS = {
  assessments: 'Assessments',
  public: 'Public requests',
} as const;
export type NavGroupId = keyof typeof NAV_GROUPS;

export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const AUDIT_LOG_ROLES: readonly Role[] = ['admin', 'auditor', 'governance_officer'];
/** Administrators change the tier policy; governance officers read it. */
export const TIER_POLICY_ROLES: readonly Role[] = ['admin', 'governance_officer'];
/** Administrators and governance officers manage assessment templates (core assessments/templates/policy.ts). */
export const TEMPLATE_MANAGER_ROLES: readonly Role[] = ['admin', 'governance_officer'];

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
  { path: '/assessments', label: 'Assessments', roles: 'any', group: 'assessments', description: 'Impact, rights and other assessments of the AI systems: fill them in together, submit them, review them and read their results.' },
  { path: '/readiness', label: 'Readiness', roles: 'any', group: 'assessments', description: 'How ready the organisation is to use AI in five areas, and the gaps to close.' },
  { path: '/tasks', label: 'Tasks', roles: 'any', group: 'assessments', description: 'Work for the organisation as a whole, such as the actions from the readiness assessment.' },
  {
    path: '/concerns',
    group: 'public',
    label: 'Concerns',
    roles: ['admin', 'governance_officer', 'system_owner', 'auditor'],
    description: 'Problems the public reported about the organisation’s AI: triage, investigate, answer and close them.',
  },
  {
    path: '/redress',
    group: 'public',
    label: 'Redress',
    roles: ['admin', 'governance_officer', 'system_owner', 'auditor'],
    description: 'Requests for an explanation, a human review or an appeal of a decision, with their deadlines.',
  },
  {
    path: '/consultations',
    group: 'public',
    label: 'Consultations',
    roles: 'any',
    description: 'Comment periods on proposed AI systems: open one, moderate what the public writes, and publish your response.',
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
  {
    path: '/admin/assessment-templates',
    label: 'Assessment templates',
    roles: TEMPLATE_MANAGER_ROLES,
    description: 'The questionnaires assessments are filled in on: import, export, clone, edit, preview and publish them.',
  },
  {
    path: '/admin/assessment-rules',
    label: 'Assessment rules',
    roles: TEMPLATE_MANAGER_ROLES,
    description: 'Which assessments a system needs, when and why: Glassbox’s defaults or the organisation’s own.',
  },
  {
    path: '/admin/register-settings',
    label: 'Register settings',
    roles: TIER_POLICY_ROLES,
    description: 'The open-data formats the public register is published in, and the texts each one requires before publishing.',
  },
  {
    path: '/admin/citizen-settings',
    label: 'Request deadlines',
    roles: TIER_POLICY_ROLES,
    description: 'How many days the organisation takes at most to answer requests for an explanation, a human review or an appeal.',
  },
];

export type NavEntry = { kind: 'link'; item: NavItem } | { kind: 'group'; id: NavGroupId; label: string; items: NavItem[] };

/** The header's entries: visible items in order, grouped items gathered where their group first appears. */
export function headerEntries(items: readonly NavItem[]): NavEntry[] {
  const entries: NavEntry[] = [];
  const groups = new Map<NavGroupId, Extract<NavEntry, { kind: 'group' }>>();
  for (const item of items) {
    if (!item.group) {
      entries.push({ kind: 'link', item });
      continue;
    }
    let group = groups.get(item.group);
    if (!group) {
      group = { kind: 'group', id: item.group, label: NAV_GROUPS[item.group], items: [] };
      groups.set(item.group, group);
      entries.push(group);
    }
    group.items.push(item);
  }
  return entries.map((e) => (e.kind === 'group' && e.items.length === 1 ? { kind: 'link', item: e.items[0]! } : e));
}

export const visibleItems = (items: readonly NavItem[], userRoles: readonly string[]): NavItem[] =>
  items.filter((item) => hasAnyRole(userRoles, item.roles));

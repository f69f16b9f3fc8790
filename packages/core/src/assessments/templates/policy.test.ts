import { describe, expect, it } from 'vitest';
import type { Actor } from '../../context.js';
import type { Role } from '../../roles.js';
import { canManageTemplates, canReadTemplates } from './policy.js';

const ORG = 'org-a';
const user = (roles: Role[], organisationId: string | null = ORG): Actor => ({
  kind: 'user',
  userId: 'u',
  email: 'u@test.example',
  displayName: 'u',
  sessionId: null,
  roles,
  organisationId,
});
const token = (scope: 'read' | 'write', organisationId = ORG): Actor => ({ kind: 'token', tokenId: 't', tokenName: 't', organisationId, scope, systemId: null });

const ROWS: Array<{ who: string; actor: Actor; read: boolean; manage: boolean }> = [
  { who: 'admin', actor: user(['admin']), read: true, manage: true },
  { who: 'governance officer', actor: user(['governance_officer']), read: true, manage: true },
  { who: 'system owner', actor: user(['system_owner']), read: true, manage: false },
  { who: 'reviewer', actor: user(['reviewer']), read: true, manage: false },
  { who: 'caseworker', actor: user(['caseworker']), read: true, manage: false },
  { who: 'auditor', actor: user(['auditor']), read: true, manage: false },
  { who: 'staff', actor: user(['staff']), read: true, manage: false },
  { who: 'staff who is also governance officer', actor: user(['staff', 'governance_officer']), read: true, manage: true },
  { who: 'signed in without a membership here', actor: user([]), read: false, manage: false },
  { who: 'admin of another organisation', actor: user(['admin'], 'org-b'), read: false, manage: false },
  { who: 'read token', actor: token('read'), read: true, manage: false },
  { who: 'write token', actor: token('write'), read: true, manage: false },
  { who: 'token of another organisation', actor: token('write', 'org-b'), read: false, manage: false },
  { who: 'operator (CLI, start-up)', actor: { kind: 'system', name: 'cli' }, read: true, manage: true },
];

describe('who may read and manage assessment templates', () => {
  it.each(ROWS)('$who', ({ actor, read, manage }) => {
    expect(canReadTemplates(actor, ORG), 'read').toBe(read);
    expect(canManageTemplates(actor, ORG), 'manage').toBe(manage);
  });
});

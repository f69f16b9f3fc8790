import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import type { Role } from '../roles.js';
import { canAssignOwner, canCreateSystem, canListSystems, canDecideApproval, canEditSystem, canReadSystem, canTransitionSystem, type SystemSubject } from './policy.js';

const ORG = 'org-a';
const OTHER_ORG = 'org-b';
const OWNER = 'user-owner';
const SOMEONE = 'user-someone';
const THIRD = 'user-third';
const system: SystemSubject = { id: 'sys-1', organisationId: ORG, ownerId: OWNER };

const user = (roles: Role[], userId = SOMEONE, organisationId: string | null = ORG): Actor => ({
  kind: 'user',
  userId,
  email: `${userId}@test.example`,
  displayName: userId,
  sessionId: null,
  roles,
  organisationId,
});
const token = (scope: 'read' | 'write', systemId: string | null = null, organisationId = ORG): Actor => ({
  kind: 'token',
  tokenId: 'tok',
  tokenName: 'tok',
  organisationId,
  scope,
  systemId,
});
const cli: Actor = { kind: 'system', name: 'cli' };

type Row = {
  who: string;
  actor: Actor;
  read: boolean;
  create: boolean;
  edit: boolean;
  decide: boolean;
  /** May name someone else as owner when creating / change the owner later. */
  ownerOnCreate: boolean;
  ownerChange: boolean;
};

const ROWS: Row[] = [
  { who: 'admin', actor: user(['admin']), read: true, create: true, edit: true, decide: true, ownerOnCreate: true, ownerChange: true },
  { who: 'governance officer', actor: user(['governance_officer']), read: true, create: true, edit: true, decide: true, ownerOnCreate: true, ownerChange: true },
  { who: 'system owner who owns it', actor: user(['system_owner'], OWNER), read: true, create: true, edit: true, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'system owner who does not own it', actor: user(['system_owner']), read: true, create: true, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'owner without the system_owner role (staff)', actor: user(['staff'], OWNER), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'reviewer', actor: user(['reviewer']), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'caseworker', actor: user(['caseworker']), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'auditor', actor: user(['auditor']), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'staff', actor: user(['staff']), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'reviewer + system owner who owns it', actor: user(['reviewer', 'system_owner'], OWNER), read: true, create: true, edit: true, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'admin of another organisation', actor: user(['admin'], SOMEONE, OTHER_ORG), read: false, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'person with no organisation resolved', actor: user(['admin'], SOMEONE, null), read: false, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'read token', actor: token('read'), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'write token', actor: token('write'), read: true, create: true, edit: true, decide: false, ownerOnCreate: true, ownerChange: false },
  { who: 'write token for this system', actor: token('write', 'sys-1'), read: true, create: false, edit: true, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'read token for this system', actor: token('read', 'sys-1'), read: true, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'write token for another system', actor: token('write', 'sys-2'), read: false, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: "another organisation's write token", actor: token('write', null, OTHER_ORG), read: false, create: false, edit: false, decide: false, ownerOnCreate: false, ownerChange: false },
  { who: 'command line', actor: cli, read: true, create: true, edit: true, decide: true, ownerOnCreate: true, ownerChange: true },
];

describe('inventory policy', () => {
  it.each(ROWS)('$who', ({ actor, read, create, edit, decide, ownerOnCreate, ownerChange }) => {
    expect(canReadSystem(actor, system), 'read').toBe(read);
    // Tokens limited to another system still list the inventory (filtered down to their own system).
    const tokenOfOwnOrg = actor.kind === 'token' && actor.organisationId === ORG;
    expect(canListSystems(actor, ORG), 'list').toBe(read || tokenOfOwnOrg);
    expect(canCreateSystem(actor, ORG), 'create').toBe(create);
    expect(canEditSystem(actor, system), 'edit').toBe(edit);
    expect(canDecideApproval(actor, system), 'decide').toBe(edit && decide);
    expect(canAssignOwner(actor, ORG, THIRD, true), 'name another person as owner on create').toBe(ownerOnCreate);
    expect(canAssignOwner(actor, ORG, THIRD, false), 'change owner').toBe(ownerChange);
    // Moves: the non-decision ones follow edit; approve and reject need the decision right too.
    expect(canTransitionSystem(actor, system, 'in_review'), '→ in_review').toBe(edit);
    expect(canTransitionSystem(actor, system, 'suspended'), '→ suspended').toBe(edit);
    expect(canTransitionSystem(actor, system, 'approved'), '→ approved').toBe(edit && decide);
    expect(canTransitionSystem(actor, system, 'rejected'), '→ rejected').toBe(edit && decide);
  });

  it('lets a system owner create a system only for themselves', () => {
    const owner = user(['system_owner'], OWNER);
    expect(canAssignOwner(owner, ORG, OWNER, true)).toBe(true);
    expect(canAssignOwner(owner, ORG, SOMEONE, true)).toBe(false);
    expect(canAssignOwner(owner, ORG, OWNER, false)).toBe(false);
  });
});

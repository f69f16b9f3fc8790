import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import type { Role } from '../roles.js';
import { canManageTasks, canReadTasks, canUpdateTaskStatus } from './policy.js';
import { taskTitle } from './task-sync.js';

const ORG = 'org-a';
const TASK_OWNER = 'user-task-owner';

const user = (roles: Role[], userId = 'user-someone', organisationId: string | null = ORG): Actor => ({
  kind: 'user',
  userId,
  email: `${userId}@test.example`,
  displayName: userId,
  sessionId: null,
  roles,
  organisationId,
});
const token = (scope: 'read' | 'write', systemId: string | null = null, organisationId = ORG): Actor => ({ kind: 'token', tokenId: 't', tokenName: 't', organisationId, scope, systemId });

describe('who may work on organisation tasks', () => {
  it.each<{ who: string; actor: Actor; read: boolean; manage: boolean; status: boolean }>([
    { who: 'admin', actor: user(['admin']), read: true, manage: true, status: true },
    { who: 'governance officer', actor: user(['governance_officer']), read: true, manage: true, status: true },
    { who: 'staff member owning the task', actor: user(['staff'], TASK_OWNER), read: true, manage: false, status: true },
    { who: 'system owner, not the task’s owner', actor: user(['system_owner']), read: true, manage: false, status: false },
    { who: 'auditor', actor: user(['auditor']), read: true, manage: false, status: false },
    { who: 'the task’s owner with roles in another organisation', actor: user(['admin'], TASK_OWNER, 'org-b'), read: false, manage: false, status: false },
    { who: 'read token', actor: token('read'), read: true, manage: false, status: false },
    { who: 'write token', actor: token('write'), read: true, manage: true, status: true },
    { who: 'write token limited to one system', actor: token('write', 'sys-1'), read: false, manage: false, status: false },
    { who: 'token of another organisation', actor: token('write', null, 'org-b'), read: false, manage: false, status: false },
    { who: 'the operator', actor: { kind: 'system', name: 'cli' }, read: true, manage: true, status: true },
  ])('$who', ({ actor, read, manage, status }) => {
    expect(canReadTasks(actor, ORG)).toBe(read);
    expect(canManageTasks(actor, ORG)).toBe(manage);
    expect(canUpdateTaskStatus(actor, ORG, TASK_OWNER)).toBe(status);
  });
});

describe('taskTitle', () => {
  it.each([
    ['Write and adopt a short AI position. Schedule a yearly review.', 'Write and adopt a short AI position.'],
    ['Name an accountable lead', 'Name an accountable lead'],
    ['  Train   staff!  Then check.', 'Train staff!'],
    ['x'.repeat(400), `${'x'.repeat(299)}…`],
  ])('%s', (text, title) => {
    expect(taskTitle(text)).toBe(title);
  });
});

import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import type { SystemSubject } from '../inventory/policy.js';
import type { Role } from '../roles.js';
import { canChangeTierPolicy, canClassify } from '../classification/policy.js';
import { canManageEvidence, canUpdateObligation } from './policy.js';

const ORG = 'org-a';
const OWNER = 'user-owner';
const OBLIGATION_OWNER = 'user-obligation';
const system: SystemSubject = { id: 'sys-1', organisationId: ORG, ownerId: OWNER };

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

const ROWS: Array<{ who: string; actor: Actor; update: boolean; evidence: boolean; classify: boolean; policy: boolean }> = [
  { who: 'admin', actor: user(['admin']), update: true, evidence: true, classify: true, policy: true },
  { who: 'governance officer', actor: user(['governance_officer']), update: true, evidence: true, classify: true, policy: false },
  { who: 'owner of the system', actor: user(['system_owner'], OWNER), update: true, evidence: true, classify: true, policy: false },
  { who: 'another system owner', actor: user(['system_owner']), update: false, evidence: false, classify: true, policy: false },
  { who: 'caseworker owning the obligation', actor: user(['caseworker'], OBLIGATION_OWNER), update: false, evidence: true, classify: true, policy: false },
  { who: 'caseworker', actor: user(['caseworker']), update: false, evidence: false, classify: true, policy: false },
  { who: 'auditor', actor: user(['auditor']), update: false, evidence: false, classify: true, policy: false },
  { who: 'obligation owner acting in another organisation', actor: user(['caseworker'], OBLIGATION_OWNER, 'org-b'), update: false, evidence: false, classify: false, policy: false },
  { who: 'write token', actor: token('write'), update: true, evidence: true, classify: true, policy: false },
  { who: 'write token of this system', actor: token('write', 'sys-1'), update: true, evidence: true, classify: true, policy: false },
  { who: 'write token of another system', actor: token('write', 'sys-2'), update: false, evidence: false, classify: true, policy: false },
  { who: 'read token', actor: token('read'), update: false, evidence: false, classify: true, policy: false },
  { who: 'token of another organisation', actor: token('write', null, 'org-b'), update: false, evidence: false, classify: false, policy: false },
  { who: 'operator (CLI)', actor: { kind: 'system', name: 'cli' }, update: true, evidence: true, classify: true, policy: true },
];

describe('who may work on obligations, classify and change the tier policy', () => {
  it.each(ROWS)('$who', ({ actor, update, evidence, classify, policy }) => {
    expect(canUpdateObligation(actor, system), 'update obligation').toBe(update);
    expect(canManageEvidence(actor, system, OBLIGATION_OWNER), 'manage evidence').toBe(evidence);
    expect(canClassify(actor, ORG), 'classify').toBe(classify);
    expect(canChangeTierPolicy(actor, ORG), 'change tier policy').toBe(policy);
  });
});

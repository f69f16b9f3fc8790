import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import type { Role } from '../roles.js';
import { canCommentOnAssessment, canEditAssessment, canReadAssessment, canReviewAssessment, type AssessmentSubject } from './policy.js';

const ORG = 'org-a';
const OWNER = 'user-owner';
const SUBMITTER = 'user-submitter';
const onSystem: AssessmentSubject = { organisationId: ORG, system: { id: 'sys-1', organisationId: ORG, ownerId: OWNER }, submittedBy: SUBMITTER };
const onOrganisation: AssessmentSubject = { organisationId: ORG, system: null, submittedBy: SUBMITTER };

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

type Can = { read: boolean; edit: boolean; review: boolean; comment: boolean };
const ROWS: Array<{ who: string; actor: Actor; system: Can; organisation: Can }> = [
  { who: 'admin', actor: user(['admin']), system: { read: true, edit: true, review: true, comment: true }, organisation: { read: true, edit: true, review: true, comment: true } },
  { who: 'governance officer', actor: user(['governance_officer']), system: { read: true, edit: true, review: true, comment: true }, organisation: { read: true, edit: true, review: true, comment: true } },
  {
    who: 'governance officer who submitted it (four-eyes)',
    actor: user(['governance_officer'], SUBMITTER),
    system: { read: true, edit: true, review: false, comment: true },
    organisation: { read: true, edit: true, review: false, comment: true },
  },
  { who: 'owner of the system', actor: user(['system_owner'], OWNER), system: { read: true, edit: true, review: false, comment: true }, organisation: { read: true, edit: false, review: false, comment: false } },
  { who: 'another system owner', actor: user(['system_owner']), system: { read: true, edit: false, review: false, comment: false }, organisation: { read: true, edit: false, review: false, comment: false } },
  { who: 'reviewer role', actor: user(['reviewer']), system: { read: true, edit: false, review: false, comment: false }, organisation: { read: true, edit: false, review: false, comment: false } },
  { who: 'auditor', actor: user(['auditor']), system: { read: true, edit: false, review: false, comment: false }, organisation: { read: true, edit: false, review: false, comment: false } },
  { who: 'staff', actor: user(['staff']), system: { read: true, edit: false, review: false, comment: false }, organisation: { read: true, edit: false, review: false, comment: false } },
  { who: 'admin acting in another organisation', actor: user(['admin'], 'user-x', 'org-b'), system: { read: false, edit: false, review: false, comment: false }, organisation: { read: false, edit: false, review: false, comment: false } },
  { who: 'read token', actor: token('read'), system: { read: true, edit: false, review: false, comment: false }, organisation: { read: true, edit: false, review: false, comment: false } },
  { who: 'write token', actor: token('write'), system: { read: true, edit: true, review: false, comment: true }, organisation: { read: true, edit: true, review: false, comment: true } },
  { who: 'write token of this system', actor: token('write', 'sys-1'), system: { read: true, edit: true, review: false, comment: true }, organisation: { read: false, edit: false, review: false, comment: false } },
  { who: 'write token of another system', actor: token('write', 'sys-2'), system: { read: false, edit: false, review: false, comment: false }, organisation: { read: false, edit: false, review: false, comment: false } },
  { who: 'token of another organisation', actor: token('write', null, 'org-b'), system: { read: false, edit: false, review: false, comment: false }, organisation: { read: false, edit: false, review: false, comment: false } },
  { who: 'operator (CLI)', actor: { kind: 'system', name: 'cli' }, system: { read: true, edit: true, review: true, comment: true }, organisation: { read: true, edit: true, review: true, comment: true } },
];

describe('who may read, fill in, comment on and review an assessment', () => {
  it.each(ROWS)('$who', ({ actor, system, organisation }) => {
    for (const [subject, can, label] of [
      [onSystem, system, 'system'],
      [onOrganisation, organisation, 'organisation'],
    ] as const) {
      expect(canReadAssessment(actor, subject), `${label}: read`).toBe(can.read);
      expect(canEditAssessment(actor, subject), `${label}: edit`).toBe(can.edit);
      expect(canReviewAssessment(actor, subject), `${label}: review`).toBe(can.review);
      expect(canCommentOnAssessment(actor, subject), `${label}: comment`).toBe(can.comment);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { checkConcern, checkRedress } from './citizen-fields.js';
import { daysFor, DEFAULT_DEADLINES, dueAt, median, redressStats, timeLeft } from './deadlines.js';
import { mailTemplate, mailTextKeys } from './mail-texts.js';
import { hashStatusToken, isStatusToken, newReference, newStatusToken, normaliseReference } from './reference.js';
import { canChangeCitizenSettings, canHandleCase, canListCases, canReadCase, canSeeContact } from './policy.js';
import type { Actor } from '../context.js';
import type { Role } from '../roles.js';

describe('reference numbers and status tokens', () => {
  it.each([
    [Buffer.from([0, 0, 0, 0, 0]), 'C', 'C-0000-0000'],
    [Buffer.from([255, 255, 255, 255, 255]), 'C', 'C-ZZZZ-ZZZZ'],
    [Buffer.from([0, 0, 0, 0, 31]), 'R', 'R-0000-000Z'],
    [Buffer.from([0, 0, 0, 0, 32]), 'R', 'R-0000-0010'],
  ] as const)('encodes %o as %s…', (bytes, prefix, expected) => {
    expect(newReference(prefix, bytes)).toBe(expected);
  });

  it('never uses letters that are read as digits or each other', () => {
    for (let i = 0; i < 200; i++) expect(newReference('C')).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it.each([
    ['c-7f3k-92qd', 'C-7F3K-92QD'],
    ['C 7F3K 92QD', 'C-7F3K-92QD'],
    ['r-o1il-0000', 'R-0111-0000'],
    ['C-7F3K-92Q', null],
    ['X-7F3K-92QD', null],
    ['C-7F3K-92QU', null],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseReference(input)).toBe(expected);
  });

  it('makes 22-character tokens and stores only a 64-hex hash', () => {
    const token = newStatusToken();
    expect(isStatusToken(token)).toBe(true);
    expect(hashStatusToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashStatusToken(token)).not.toContain(token);
    expect(isStatusToken('../../etc/passwd')).toBe(false);
  });
});

describe('deadlines', () => {
  it.each([
    ['explanation', 30],
    ['human_review', 30],
    ['appeal', 60],
  ] as const)('%s defaults to %i days', (kind, days) => {
    expect(daysFor(kind, DEFAULT_DEADLINES)).toBe(days);
  });

  const received = new Date('2026-01-01T10:00:00Z');
  it.each([
    ['a day before', new Date('2026-01-30T10:00:00Z'), true, 1, false],
    ['just before', new Date('2026-01-31T09:59:59Z'), true, 0, false],
    ['just after', new Date('2026-01-31T10:00:01Z'), true, -1, true],
    ['ten days late', new Date('2026-02-10T10:00:00Z'), true, -10, true],
    ['late but decided', new Date('2026-02-10T10:00:00Z'), false, -10, false],
  ])('%s', (_label, now, open, daysLeft, overdue) => {
    expect(timeLeft(dueAt(received, 30), now, open)).toEqual({ daysLeft, overdue });
  });

  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %o is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('counts requests, outcomes and the median days to a decision', () => {
    const d = (day: number) => new Date(Date.UTC(2026, 0, day));
    const stats = redressStats([
      { kind: 'appeal', outcome: 'upheld', createdAt: d(1), decidedAt: d(11) },
      { kind: 'appeal', outcome: 'not_upheld', createdAt: d(1), decidedAt: d(5) },
      { kind: 'human_review', outcome: 'partly_upheld', createdAt: d(1), decidedAt: d(2) },
      { kind: 'explanation', outcome: null, createdAt: d(1), decidedAt: null },
    ]);
    expect(stats).toEqual({
      requests: 4,
      open: 1,
      byKind: { explanation: 1, human_review: 1, appeal: 2 },
      byOutcome: { upheld: 1, partly_upheld: 1, not_upheld: 1, explanation_given: 0 },
      medianDaysToResolve: 4,
    });
  });
});

describe('public form checks', () => {
  it.each([
    [{}, { category: 'required', description: 'required' }],
    [{ category: 'spam', description: 'x' }, { category: 'invalid_choice' }],
    [{ category: 'bias', description: 'x'.repeat(5001) }, { description: 'too_long' }],
    [{ category: 'bias', description: 'ok', contactEmail: 'not-an-email' }, { contactEmail: 'invalid_email' }],
    [{ category: 'bias', description: 'bad\u0000byte' }, { description: 'invalid_text' }],
    [{ category: 'bias', description: '  The letter was wrong.  ', contactEmail: 'a@b.org' }, {}],
  ])('concern %o → %o', (input, problems) => {
    expect(checkConcern(input).problems).toEqual(problems);
  });

  it('trims what it keeps', () => {
    expect(checkConcern({ category: 'error', description: '  The letter was wrong.  ', contactName: ' ' }).value).toMatchObject({
      description: 'The letter was wrong.',
      contactName: null,
    });
  });

  it.each([
    [{ kind: 'appeal', description: 'Please review', contactName: 'Ana' }, { contactEmail: 'contact_required' }],
    [{ kind: 'appeal', description: 'Please review', contactName: 'Ana', postalAddress: '1 Main St' }, {}],
    [{ kind: 'complaint', description: 'x', contactName: 'Ana', contactEmail: 'a@b.org' }, { kind: 'invalid_choice' }],
    [{ kind: 'human_review', description: '', contactName: '', contactEmail: 'a@b.org' }, { description: 'required', contactName: 'required' }],
    [{ kind: 'explanation', description: 'x', contactName: 'Ana', contactEmail: 'a@b.org', decisionReference: 'x'.repeat(201) }, { decisionReference: 'too_long' }],
  ])('redress %o → %o', (input, problems) => {
    expect(checkRedress(input).problems).toEqual(problems);
  });
});

describe('mail texts', () => {
  it('has the same messages and placeholders in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of ['es', 'fr'] as const) {
      expect(mailTextKeys(locale)).toEqual(mailTextKeys('en'));
      for (const key of mailTextKeys('en') as Array<Parameters<typeof mailTemplate>[1]>) {
        expect(placeholders(mailTemplate(locale, key)), `${locale}.${key}`).toEqual(placeholders(mailTemplate('en', key)));
      }
    }
  });
});

describe('who handles cases', () => {
  const org = 'org-1';
  const user = (roles: Role[], organisationId = org, userId = 'u1'): Actor => ({ kind: 'user', userId, email: 'x@y.z', displayName: 'X', sessionId: null, roles, organisationId });
  const own = { organisationId: org, systemOwnerId: 'u1' };
  const other = { organisationId: org, systemOwnerId: 'u2' };
  it.each([
    ['admin', user(['admin']), other, [true, true, true, true, true]],
    ['governance officer', user(['governance_officer']), other, [true, true, true, true, true]],
    ['system owner, own system', user(['system_owner']), own, [true, true, true, true, false]],
    ['system owner, other system', user(['system_owner']), other, [true, false, false, false, false]],
    ['auditor', user(['auditor']), other, [true, true, false, false, false]],
    ['caseworker', user(['caseworker']), other, [false, false, false, false, false]],
    ['staff', user(['staff']), other, [false, false, false, false, false]],
    ['admin of another organisation', user(['admin'], 'org-2'), other, [false, false, false, false, false]],
    ['read token', { kind: 'token', tokenId: 't', tokenName: 't', organisationId: org, scope: 'read', systemId: null } as Actor, other, [true, true, false, false, false]],
    ['one-system token', { kind: 'token', tokenId: 't', tokenName: 't', organisationId: org, scope: 'write', systemId: 's' } as Actor, other, [false, false, false, false, false]],
  ] as const)('%s', (_label, actor, subject, [list, read, handle, contact, settings]) => {
    expect([canListCases(actor, org), canReadCase(actor, subject), canHandleCase(actor, subject), canSeeContact(actor, subject), canChangeCitizenSettings(actor, org)]).toEqual([
      list,
      read,
      handle,
      contact,
      settings,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { hasAnyRole, isRole, ROLES } from './roles.js';
import { checkPasswordRules } from './auth/password.js';

describe('roles', () => {
  it('knows the seven roles of the security model', () => {
    expect(ROLES).toEqual(['admin', 'governance_officer', 'system_owner', 'reviewer', 'caseworker', 'auditor', 'staff']);
  });
  it.each([
    [['admin'], ['admin'], true],
    [['auditor', 'staff'], ['admin', 'auditor'], true],
    [['staff'], ['admin'], false],
    [[], ['staff'], false],
  ] as const)('hasAnyRole(%j, %j) = %s', (held, allowed, expected) => {
    expect(hasAnyRole(held, allowed)).toBe(expected);
  });
  it('recognises role names only', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});

describe('password rules', () => {
  it.each([
    ['', false],
    ['elevenchars', false],
    ['twelve chars', true],
    ['x'.repeat(200), true],
    ['x'.repeat(201), false],
  ])('%j acceptable: %s', (pw, ok) => {
    if (ok) expect(() => checkPasswordRules(pw)).not.toThrow();
    else expect(() => checkPasswordRules(pw)).toThrow(/between 12 and 200/);
  });
});

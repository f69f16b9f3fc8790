import { describe, expect, it } from 'vitest';
import { headerEntries, primaryNav, visibleItems, type NavEntry } from './nav';

/** The header as text: links by label, groups as "Group: a, b". */
const header = (roles: string[]): string[] =>
  headerEntries(visibleItems(primaryNav, roles)).map((e: NavEntry) => (e.kind === 'link' ? e.item.label : `${e.label}: ${e.items.map((i) => i.label).join(', ')}`));

describe('the header navigation', () => {
  it.each<[string, string[], string[]]>([
    [
      'an administrator sees every module, the case queues grouped',
      ['admin'],
      ['Home', 'AI systems', 'Tool catalogue', 'Screen a product', 'Assessments: Assessments, Readiness, Tasks', 'Public requests: Concerns, Redress, Consultations', 'Admin'],
    ],
    [
      'an auditor reads the queues and the audit log but screens nothing',
      ['auditor'],
      ['Home', 'AI systems', 'Tool catalogue', 'Assessments: Assessments, Readiness, Tasks', 'Public requests: Concerns, Redress, Consultations', 'Admin'],
    ],
    [
      'staff see consultations alone as a plain link, not a group of one',
      ['staff'],
      ['Home', 'AI systems', 'Tool catalogue', 'Assessments: Assessments, Readiness, Tasks', 'Consultations'],
    ],
  ])('%s', (_who, roles, expected) => {
    expect(header(roles)).toEqual(expected);
  });

  it('keeps at most eight entries in the header for anyone', () => {
    for (const roles of [['admin'], ['governance_officer'], ['system_owner'], ['auditor'], ['staff'], ['admin', 'governance_officer', 'system_owner']]) {
      expect(header(roles).length).toBeLessThanOrEqual(8);
    }
  });
});

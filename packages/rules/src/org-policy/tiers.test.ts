import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY, orgTier, validateOrgPolicy, type OrgTierFacts, type OrgTierPolicy } from './tiers.js';

const facts = (patch: Partial<OrgTierFacts>): OrgTierFacts => ({ decisionRole: 'informs', personalData: false, affectsPeople: false, ...patch });

describe('orgTier with the default policy', () => {
  it.each<[string, Partial<OrgTierFacts>, string, string | null]>([
    ['EU high-risk', { euTier: 'high' }, 'high', 'eu-prohibited-high-or-undetermined'],
    ['EU prohibited', { euTier: 'prohibited' }, 'high', 'eu-prohibited-high-or-undetermined'],
    ['EU not yet determined', { euTier: 'undetermined' }, 'high', 'eu-prohibited-high-or-undetermined'],
    ['OMB high-impact', { ombHighImpact: true }, 'high', 'omb-high-impact'],
    ['decides about people', { decisionRole: 'decides', affectsPeople: true }, 'high', 'decides-about-people'],
    ['EU limited', { euTier: 'limited' }, 'medium', 'eu-limited'],
    ['recommends about people', { decisionRole: 'recommends', affectsPeople: true }, 'medium', 'recommends-about-people'],
    ['personal data about people', { personalData: true, affectsPeople: true }, 'medium', 'personal-data-about-people'],
    ['decides, but not about people', { decisionRole: 'decides' }, 'low', null],
    ['EU minimal internal tool', { euTier: 'minimal' }, 'low', null],
    ['no framework applies', {}, 'low', null],
  ])('%s → %s', (_name, patch, tier, rule) => {
    const result = orgTier(DEFAULT_ORG_POLICY, facts(patch));
    expect(result.tier.id).toBe(tier);
    expect(result.rule?.id ?? null).toBe(rule);
    expect(result.explanation).toMatch(rule ? new RegExp(rule) : /default/);
  });

  it('the first matching rule wins', () => {
    const result = orgTier(DEFAULT_ORG_POLICY, facts({ euTier: 'limited', decisionRole: 'decides', affectsPeople: true }));
    expect(result.rule?.id).toBe('decides-about-people');
  });

  it('carries the requirements of the issue’s example', () => {
    const high = DEFAULT_ORG_POLICY.tiers.find((t) => t.id === 'high');
    expect(high?.requirements.map((r) => r.key)).toEqual(expect.arrayContaining(['committee-approval', 'fria', 'bias-audit', 'register-entry']));
    expect(high?.requirements.find((r) => r.key === 'bias-audit')?.recurrenceMonths).toBe(6);
    expect(DEFAULT_ORG_POLICY.tiers.find((t) => t.id === 'low')?.requirements[0]?.key).toBe('owner-sign-off');
    expect(validateOrgPolicy(DEFAULT_ORG_POLICY)).toEqual([]);
  });

  it('lets admins map tiers their own way', () => {
    const policy: OrgTierPolicy = {
      tiers: [
        { id: 'strict', label: 'Strict', requirements: [{ key: 'board-vote', title: 'Board vote', phase: 'before_deployment' }] },
        { id: 'light', label: 'Light', requirements: [] },
      ],
      rules: [{ id: 'personal-data', when: { personalData: true }, tier: 'strict' }],
      defaultTier: 'light',
    };
    expect(orgTier(policy, facts({ personalData: true })).tier.id).toBe('strict');
    expect(orgTier(policy, facts({})).tier.id).toBe('light');
  });

  it('refuses to place systems with an invalid policy', () => {
    expect(() => orgTier({ tiers: [], rules: [], defaultTier: 'x' }, facts({}))).toThrow(/invalid organisation tier policy/);
  });
});

describe('validateOrgPolicy', () => {
  const tier = (id: string) => ({ id, label: id.toUpperCase(), requirements: [] });
  it.each<[string, OrgTierPolicy, string[]]>([
    ['empty policy', { tiers: [], rules: [], defaultTier: 'low' }, ['tiers.empty', 'default.unknown_tier']],
    ['duplicate tier ids', { tiers: [tier('low'), tier('low')], rules: [], defaultTier: 'low' }, ['tier.id_duplicate']],
    ['unknown tier in a rule', { tiers: [tier('low')], rules: [{ id: 'r', when: { personalData: true }, tier: 'high' }], defaultTier: 'low' }, ['rule.unknown_tier']],
    ['unknown default tier', { tiers: [tier('low')], rules: [], defaultTier: 'none' }, ['default.unknown_tier']],
    [
      'duplicate requirement keys and bad recurrence',
      {
        tiers: [
          {
            id: 'low',
            label: 'Low',
            requirements: [
              { key: 'sign-off', title: 'Sign-off', phase: 'before_deployment' },
              { key: 'sign-off', title: 'Again', phase: 'in_operation', recurrenceMonths: 0 },
            ],
          },
        ],
        rules: [],
        defaultTier: 'low',
      },
      ['requirement.key_duplicate', 'requirement.recurrence_invalid'],
    ],
    [
      'rule after a catch-all',
      {
        tiers: [tier('low'), tier('high')],
        rules: [
          { id: 'all', when: {}, tier: 'low' },
          { id: 'never', when: { ombHighImpact: true }, tier: 'high' },
        ],
        defaultTier: 'low',
      },
      ['rule.unreachable'],
    ],
    ['ids that are not kebab-case', { tiers: [{ id: 'High Tier', label: 'High', requirements: [{ key: 'Sign Off', title: 'x', phase: 'before_deployment' }] }], rules: [], defaultTier: 'High Tier' }, ['tier.id_invalid', 'requirement.key_invalid']],
    ['duplicate rule ids and empty lists', { tiers: [tier('low')], rules: [{ id: 'r', when: { euTier: [] }, tier: 'low' }, { id: 'r', when: { decisionRole: ['decides'] }, tier: 'low' }], defaultTier: 'low' }, ['rule.never_matches', 'rule.id_duplicate']],
  ])('%s', (_name, policy, codes) => {
    expect(validateOrgPolicy(policy).map((p) => p.code).sort()).toEqual([...codes].sort());
  });
});

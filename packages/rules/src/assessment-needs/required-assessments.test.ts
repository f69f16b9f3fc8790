import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../org-policy/tiers.js';
import {
  DEFAULT_ASSESSMENT_RULES,
  requiredAssessments,
  validateAssessmentRules,
  type AssessmentNeedFacts,
  type AssessmentNeedRule,
} from './required-assessments.js';

const tierKeys = (id: string): string[] => DEFAULT_ORG_POLICY.tiers.find((t) => t.id === id)?.requirements.map((r) => r.key) ?? [];

/** An internal in-house tool that informs staff, in the default low tier, past the idea stage. */
const base: AssessmentNeedFacts = {
  euTier: 'minimal',
  friaRequired: false,
  ombHighImpact: false,
  orgTierId: 'low',
  orgTierRequirementKeys: tierKeys('low'),
  decisionRole: 'informs',
  affectsPeople: false,
  personalData: false,
  sourcing: 'in_house',
  lifecycle: 'proposed',
};
const facts = (patch: Partial<AssessmentNeedFacts>): AssessmentNeedFacts => ({ ...base, ...patch });
const high = { orgTierId: 'high', orgTierRequirementKeys: tierKeys('high') };
const medium = { orgTierId: 'medium', orgTierRequirementKeys: tierKeys('medium') };

describe('requiredAssessments with the default rules', () => {
  it.each<[string, Partial<AssessmentNeedFacts>, Record<string, string[]>]>([
    ['informing in-house tool: only the necessity review', {}, { 'necessity-review': [] }],
    ['an idea needs nothing yet', { lifecycle: 'idea' }, {}],
    ['retired system needs no new review', { lifecycle: 'retired' }, {}],
    ['Art. 27 FRIA required (high tier too)', { friaRequired: true, euTier: 'high', ...high }, {
      fria: ['eu.art27.fria', 'org.high.fria'],
      'necessity-review': [],
      'workforce-impact': [],
    }],
    ['org tier asks for a FRIA, the law does not', { ...high }, { fria: ['org.high.fria'], 'necessity-review': [], 'workforce-impact': [] }],
    ['recommends about people (medium tier): AIA meets the impact-assessment requirement', { decisionRole: 'recommends', affectsPeople: true, ...medium }, {
      'canada-aia': ['org.medium.impact-assessment'],
      'necessity-review': ['org.medium.impact-assessment'],
      'workforce-impact': [],
    }],
    ['decides about people', { decisionRole: 'decides', affectsPeople: true }, { 'canada-aia': [], 'necessity-review': [], 'workforce-impact': [] }],
    ['recommends, but not about people: no AIA, still workforce', { decisionRole: 'recommends' }, { 'necessity-review': [], 'workforce-impact': [] }],
    ['informs about people: no AIA', { affectsPeople: true }, { 'necessity-review': [] }],
    ['OMB high-impact: necessity review meets §4(b)(ii)', { ombHighImpact: true }, { 'necessity-review': ['omb.m25-21.4b.ai-impact-assessment'] }],
    ['personal data', { personalData: true }, { 'necessity-review': [], 'data-protection-screening': [] }],
    ['procured', { sourcing: 'procured' }, { 'necessity-review': [], 'vendor-prepurchase': [] }],
    ['general-purpose tool', { sourcing: 'general_purpose_tool' }, { 'necessity-review': [], 'vendor-prepurchase': [] }],
    ['a bought benefits-eligibility system that decides, high-risk, with personal data', {
      euTier: 'high', friaRequired: true, ombHighImpact: true, ...high, decisionRole: 'decides', affectsPeople: true, personalData: true, sourcing: 'procured',
    }, {
      fria: ['eu.art27.fria', 'org.high.fria'],
      'canada-aia': [],
      'necessity-review': ['omb.m25-21.4b.ai-impact-assessment'],
      'workforce-impact': [],
      'data-protection-screening': [],
      'vendor-prepurchase': [],
    }],
  ])('%s', (_name, patch, expected) => {
    const got = requiredAssessments(facts(patch));
    expect(Object.fromEntries(got.map((a) => [a.templateKey, a.meets]))).toEqual(expected);
    for (const a of got) {
      expect(a.reasons.length).toBeGreaterThan(0);
      for (const r of a.reasons) expect(r.source).not.toBe('');
    }
  });

  it('gives one reason per rule that asks for the template', () => {
    const fria = requiredAssessments(facts({ friaRequired: true, ...high })).find((a) => a.templateKey === 'fria');
    expect(fria?.reasons.map((r) => r.ruleId)).toEqual(['fria-art27', 'fria-org-tier']);
    expect(fria?.reasons[0]?.source).toMatch(/Art\. 27/);
    const workforce = requiredAssessments(facts({ decisionRole: 'decides', ...high })).find((a) => a.templateKey === 'workforce-impact');
    expect(workforce?.reasons.map((r) => r.ruleId)).toEqual(['workforce-impact-role', 'workforce-impact-tier']);
  });

  it('treats an unknown lifecycle (not given) as past the idea stage', () => {
    const { lifecycle: _l, ...rest } = base;
    expect(requiredAssessments(rest).map((a) => a.templateKey)).toEqual(['necessity-review']);
  });

  it('reads only requirement keys the tier has', () => {
    expect(requiredAssessments(facts({ orgTierId: 'custom', orgTierRequirementKeys: ['fria'] }))[0]).toMatchObject({ templateKey: 'fria', meets: ['org.custom.fria'] });
  });

  it('the default rules are valid', () => {
    expect(validateAssessmentRules(DEFAULT_ASSESSMENT_RULES)).toEqual([]);
  });
});

describe('requiredAssessments with an organisation’s own rules', () => {
  it('replaces the defaults', () => {
    const rules: AssessmentNeedRule[] = [{ id: 'all-dpia', templateKey: 'dpia', when: {}, reason: 'Our policy.', source: 'Council AI policy §3' }];
    expect(requiredAssessments(facts({ personalData: true }), rules)).toEqual([
      { templateKey: 'dpia', reasons: [{ text: 'Our policy.', source: 'Council AI policy §3', ruleId: 'all-dpia' }], meets: [] },
    ]);
  });
});

describe('validateAssessmentRules', () => {
  const ok: AssessmentNeedRule = { id: 'a', templateKey: 'fria', when: {}, reason: 'r', source: 's' };
  it.each<[string, AssessmentNeedRule[], string[]]>([
    ['valid', [ok], []],
    ['duplicate id', [ok, { ...ok }], ['rule.id_duplicate']],
    ['bad id', [{ ...ok, id: 'Not Kebab' }], ['rule.id_invalid']],
    ['bad template key', [{ ...ok, templateKey: 'FRIA' }], ['rule.template_invalid']],
    ['no reason', [{ ...ok, reason: ' ' }], ['rule.reason_empty']],
    ['no source', [{ ...ok, source: '' }], ['rule.source_empty']],
    ['empty list', [{ ...ok, when: { sourcing: [] } }], ['rule.never_matches']],
    ['bad meets key', [{ ...ok, meets: [{ obligation: 'Not a key' }, { orgTierRequirement: 'X' }] }], ['meets.invalid', 'meets.invalid']],
  ])('%s', (_name, rules, codes) => {
    expect(validateAssessmentRules(rules).map((p) => p.code)).toEqual(codes);
  });
});

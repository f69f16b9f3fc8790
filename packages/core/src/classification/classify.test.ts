import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '@glassbox/rules';
import { screening } from '@glassbox/rules/testing/fixtures';
import type { ScreeningAnswers } from './classification.schemas.js';
import { screeningAnswersSchema } from './classification.schemas.js';
import { classifyAnswers } from './classify.js';

const facts = { decisionRole: 'recommends', personalData: true, affectsPeople: true } as const;
const answers = (patch: Partial<ScreeningAnswers>): ScreeningAnswers => ({ eu: screening(), omb: null, facts, ...patch });
const omb = (patch: Partial<NonNullable<ScreeningAnswers['omb']>> = {}): NonNullable<ScreeningAnswers['omb']> => ({
  principalBasis: 'no',
  rightsEffect: 'no',
  safetyEffect: 'no',
  presumedCategories: [],
  ...patch,
});

/** How a classification maps onto the system's columns (what the inventory filters on). */
describe('classification summary', () => {
  it.each([
    ['benefits eligibility (Annex III 5(a))', answers({ eu: screening({ annexIII: { points: ['5(a)'] } }) }), { euTier: 'high', ombHighImpact: null, orgTier: 'high', friaRequired: true, euRegistrationRequired: true }],
    ['nothing applies', answers({ facts: { ...facts, affectsPeople: false } }), { euTier: 'minimal', ombHighImpact: null, orgTier: 'low', friaRequired: false, euRegistrationRequired: false }],
    ['social scoring', answers({ eu: screening({ prohibited: { socialScoring: 'yes' } }) }), { euTier: 'prohibited', ombHighImpact: null, orgTier: 'high', friaRequired: false, euRegistrationRequired: false }],
    // Undetermined duties are planned for (true) until the open questions say otherwise.
    ['unsure whether Annex III applies', answers({ eu: screening({ annexIII: { points: [], unsure: true } }) }), { euTier: 'undetermined', ombHighImpact: null, orgTier: 'high', friaRequired: true, euRegistrationRequired: true }],
    ['EU AI Act not applicable, OMB high-impact', answers({ eu: null, omb: omb({ principalBasis: 'yes', rightsEffect: 'yes' }) }), { euTier: null, ombHighImpact: 'yes', orgTier: 'high', friaRequired: null, euRegistrationRequired: null }],
    ['OMB undetermined counts as high-impact for the organisation’s tier', answers({ eu: null, omb: omb({ principalBasis: 'unsure', rightsEffect: 'yes' }) }), { euTier: null, ombHighImpact: 'undetermined', orgTier: 'high', friaRequired: null, euRegistrationRequired: null }],
    ['OMB not high-impact', answers({ eu: null, omb: omb(), facts: { ...facts, affectsPeople: false } }), { euTier: null, ombHighImpact: 'no', orgTier: 'low', friaRequired: null, euRegistrationRequired: null }],
  ])('%s', (_name, given, summary) => {
    const result = classifyAnswers(given, DEFAULT_ORG_POLICY);
    expect(result.summary).toEqual(summary);
    expect(result.orgTier.id).toBe(summary.orgTier);
    expect(new Set(result.obligations.map((o) => o.key)).size).toBe(result.obligations.length);
  });

  it('adds no framework’s obligations when the framework does not apply', () => {
    const result = classifyAnswers(answers({ eu: null, omb: null }), DEFAULT_ORG_POLICY);
    expect(result.eu).toBeNull();
    expect(result.omb).toBeNull();
    expect(result.obligations.every((o) => o.framework === 'org-policy')).toBe(true);
  });
});

describe('screening answers schema', () => {
  it('accepts the rules’ answers and refuses unknown fields and values', () => {
    expect(screeningAnswersSchema.safeParse({ eu: screening(), omb: omb(), facts: { affectsPeople: true } }).success).toBe(true);
    expect(screeningAnswersSchema.safeParse({ eu: screening(), omb: null, facts: {} }).success).toBe(false);
    expect(screeningAnswersSchema.safeParse({ eu: screening({ annexIII: { points: ['9(z)' as '5(a)'] } }), omb: null, facts: { affectsPeople: true } }).success).toBe(false);
    expect(screeningAnswersSchema.safeParse({ eu: { ...screening(), extra: 1 }, omb: null, facts: { affectsPeople: true } }).success).toBe(false);
    expect(screeningAnswersSchema.safeParse({ omb: null, facts: { affectsPeople: true } }).success).toBe(false);
  });
});

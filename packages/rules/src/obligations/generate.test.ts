import { describe, expect, it } from 'vitest';
import { classifyEuAiAct } from '../eu-ai-act/classify.js';
import { DEFAULT_ORG_POLICY, orgTier, type OrgTier } from '../org-policy/tiers.js';
import { screening } from '../testing/fixtures.js';
import { classifyOmb, type OmbAnswers } from '../us-omb/high-impact.js';
import { generateObligations, type GenerateObligationsInput } from './generate.js';

const benefitsChatbot = classifyEuAiAct(screening({ annexIII: { points: ['5(a)'] }, transparency: { interactsWithNaturalPersons: 'yes' } }));
const ombHigh = classifyOmb({ principalBasis: 'yes', rightsEffect: 'yes', safetyEffect: 'no', presumedCategories: ['government-benefits'] });
const ombNot: OmbAnswers = { principalBasis: 'no', rightsEffect: 'no', safetyEffect: 'no', presumedCategories: [] };
const high = orgTier(DEFAULT_ORG_POLICY, { euTier: 'high', decisionRole: 'decides', personalData: true, affectsPeople: true }).tier;

const keys = (input: GenerateObligationsInput) => generateObligations(input).map((o) => o.key);

describe('generateObligations', () => {
  const full: GenerateObligationsInput = { eu: benefitsChatbot, omb: ombHigh, orgTier: high, decisionRole: 'decides', affectsPeople: true };

  it('produces a stable, ordered checklist with unique keys', () => {
    expect(keys(full)).toEqual([
      'eu.art4.ai-literacy',
      'eu.art26.1.use-per-instructions',
      'eu.art26.2.human-oversight',
      'eu.art26.4.input-data',
      'eu.art26.5.monitor-and-report',
      'eu.art26.6.keep-logs',
      'eu.art26.8.provider-registered',
      'eu.art26.9.dpia',
      'eu.art26.11.inform-affected-persons',
      'eu.art26.12.cooperate-with-authorities',
      'eu.art27.fria',
      'eu.art27.3.notify-fria',
      'eu.art49.registration',
      'eu.art50.1.inform-interaction',
      'omb.m25-21.4b.pre-deployment-testing',
      'omb.m25-21.4b.ai-impact-assessment',
      'omb.m25-21.4b.ongoing-monitoring',
      'omb.m25-21.4b.human-training',
      'omb.m25-21.4b.human-oversight',
      'omb.m25-21.4b.remedies-appeals',
      'omb.m25-21.4b.public-feedback',
      'omb.inventory.annual-entry',
      'policy.no-humanless-decision',
      'org.high.committee-approval',
      'org.high.fria',
      'org.high.bias-audit',
      'org.high.register-entry',
      'org.high.annual-review',
    ]);
    expect(generateObligations(full)).toEqual(generateObligations(full));
  });

  it('gives every obligation a framework, reference, plain-language text and phase', () => {
    for (const o of generateObligations(full)) {
      expect(o.key).toMatch(/^(eu|omb|org|policy)\.[a-z0-9.-]+$/);
      expect(o.reference.length).toBeGreaterThan(3);
      expect(o.title.length).toBeGreaterThan(5);
      expect(o.description.length).toBeGreaterThan(20);
      expect(['before_deployment', 'in_operation']).toContain(o.phase);
      if (o.recurrenceMonths !== undefined) expect(o.recurrenceMonths).toBeGreaterThan(0);
    }
  });

  it('stacks the Art. 50 duties on a high-risk system and cites their articles', () => {
    const byKey = new Map(generateObligations(full).map((o) => [o.key, o]));
    expect(byKey.get('eu.art50.1.inform-interaction')?.reference).toBe('Art. 50(1)');
    expect(byKey.get('eu.art27.fria')?.reference).toBe('Art. 27(1)');
    expect(byKey.get('eu.art49.registration')?.reference).toBe('Art. 26(8) + Art. 49(3)');
    expect(byKey.get('org.high.bias-audit')?.recurrenceMonths).toBe(6);
  });

  it('lists Art. 50 duties alone for a limited system', () => {
    const deepFake = classifyEuAiAct(screening({ transparency: { deepFake: 'yes' } }));
    expect(keys({ eu: deepFake, decisionRole: 'informs', affectsPeople: false })).toEqual([
      'eu.art4.ai-literacy',
      'eu.art50.2.mark-synthetic-content',
      'eu.art50.4.disclose-deep-fake',
    ]);
  });

  it('adds OMB minimum practices only when high-impact', () => {
    expect(keys({ omb: classifyOmb(ombNot), decisionRole: 'informs', affectsPeople: false })).toEqual(['omb.inventory.annual-entry']);
    expect(keys({ omb: ombHigh, decisionRole: 'informs', affectsPeople: false }).filter((k) => k.startsWith('omb.m25-21.4b.'))).toHaveLength(7);
  });

  it('replaces a waived practice by the upkeep of its waiver, and an exempt pilot by its conditions', () => {
    const waived = classifyOmb({ ...ombNot, presumedCategories: ['housing'], waivers: [{ practice: 'public-feedback', caioWrittenRiskDetermination: 'yes' }] });
    const w = generateObligations({ omb: waived, decisionRole: 'informs', affectsPeople: false });
    expect(w.map((o) => o.key)).toContain('omb.m25-21.4b.public-feedback.waiver');
    expect(w.map((o) => o.key)).not.toContain('omb.m25-21.4b.public-feedback');
    expect(w.find((o) => o.key === 'omb.m25-21.4b.public-feedback.waiver')?.recurrenceMonths).toBe(12);

    const pilot = classifyOmb({ ...ombNot, presumedCategories: ['housing'], pilot: { limitedScaleAndDuration: 'yes', caioCertifiedAndTracked: 'yes', optInOutOfferedWherePossible: 'yes' } });
    expect(keys({ omb: pilot, decisionRole: 'informs', affectsPeople: false })).toEqual(['omb.m25-21.4.pilot-conditions', 'omb.inventory.annual-entry']);
  });

  it('asks for the OMB determination first when it is open, and keeps a written not-high-impact determination', () => {
    const open = classifyOmb({ ...ombNot, principalBasis: 'unsure', rightsEffect: 'yes' });
    expect(keys({ omb: open, decisionRole: 'informs', affectsPeople: false })[0]).toBe('omb.m25-21.5.resolve-determination');
    const determined = classifyOmb({ ...ombNot, presumedCategories: ['medical'], notHighImpactDetermination: { documentedToCaio: true, justification: 'Scheduling only.' } });
    expect(keys({ omb: determined, decisionRole: 'informs', affectsPeople: false })).toEqual(['omb.m25-21.6.not-high-impact-determination', 'omb.inventory.annual-entry']);
  });

  describe('R-NOHUMANLESS', () => {
    it.each([
      ['decides about people', 'decides', true, true],
      ['only recommends', 'recommends', true, false],
      ['decides, but about no one', 'decides', false, false],
    ] as const)('%s', (_name, decisionRole, affectsPeople, expected) => {
      expect(keys({ decisionRole, affectsPeople }).includes('policy.no-humanless-decision')).toBe(expected);
    });

    it('blocks deployment and cites Art. 14 and 26(2) for a high-risk system', () => {
      const o = generateObligations(full).find((x) => x.key === 'policy.no-humanless-decision');
      expect(o?.phase).toBe('before_deployment');
      expect(o?.reference).toMatch(/Art\. 14, Art\. 26\(2\)/);
      expect(o?.reference).toMatch(/M-25-21 App\. §4\(b\)\(v\)/);
    });

    it('cites only the AI use policy when no framework classified the system', () => {
      const o = generateObligations({ decisionRole: 'decides', affectsPeople: true })[0];
      expect(o?.reference).toBe('AI use policy: no final decision about people without human oversight');
    });
  });

  it('reduces a prohibited system to one obligation: do not use it', () => {
    const prohibited = classifyEuAiAct(screening({ prohibited: { socialScoring: 'yes' }, annexIII: { points: ['5(a)'] }, transparency: { interactsWithNaturalPersons: 'yes' } }));
    const out = generateObligations({ eu: prohibited, decisionRole: 'informs', affectsPeople: true });
    expect(out.map((o) => o.key)).toEqual(['eu.art5.do-not-use']);
    expect(out[0]?.reference).toBe('Art. 5(1)(c)');
  });

  it('puts the open EU screening questions first when the tier is undetermined', () => {
    const open = classifyEuAiAct(screening({ annexIII: { points: ['4(a)'] }, prohibited: { manipulation: 'unsure' } }));
    const out = keys({ eu: open, decisionRole: 'informs', affectsPeople: false });
    expect(out[0]).toBe('eu.screening.resolve-open-questions');
    expect(out).toContain('eu.art26.2.human-oversight');
  });

  it('registers law-enforcement uses in the secure non-public section', () => {
    const police = classifyEuAiAct(screening({ annexIII: { points: ['6(c)'] }, context: { lawEnforcement: 'yes' } }));
    const reg = generateObligations({ eu: police, decisionRole: 'informs', affectsPeople: true }).find((o) => o.key === 'eu.art49.registration');
    expect(reg?.title).toMatch(/non-public/);
    expect(reg?.reference).toMatch(/Art\. 49\(4\)/);
  });

  it('includes the real-time identification conditions and the post-RBI reports where they apply', () => {
    const rbi = classifyEuAiAct(
      screening({
        prohibited: { realTimeRemoteBiometricIdentification: { practice: 'yes', objective: 'serious_crime_suspect', nationalLawProvidesForUse: 'yes', authorisation: 'prior' } },
        context: { lawEnforcement: 'yes' },
      }),
    );
    expect(keys({ eu: rbi, decisionRole: 'informs', affectsPeople: true })).toEqual(
      expect.arrayContaining(['eu.art5.2.rbi-limits', 'eu.art5.3.rbi-authorisation', 'eu.art5.4.rbi-notify-each-use']),
    );
    const post = classifyEuAiAct(screening({ annexIII: { points: ['1(a)'] }, context: { lawEnforcement: 'yes' } }));
    const annual = generateObligations({ eu: post, decisionRole: 'informs', affectsPeople: true }).find((o) => o.key === 'eu.art26.10.annual-report');
    expect(annual?.recurrenceMonths).toBe(12);
  });

  it('keeps the first of duplicate keys', () => {
    const tier: OrgTier = {
      id: 'low',
      label: 'Low',
      requirements: [
        { key: 'sign-off', title: 'First', phase: 'before_deployment' },
        { key: 'sign-off', title: 'Second', phase: 'before_deployment' },
      ],
    };
    const out = generateObligations({ orgTier: tier, decisionRole: 'informs', affectsPeople: false });
    expect(out).toEqual([
      { key: 'org.low.sign-off', framework: 'org-policy', reference: 'Organisation AI policy, tier “Low”', title: 'First', description: 'First', phase: 'before_deployment' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyOmb, OMB_MINIMUM_PRACTICES, type OmbAnswers, type OmbDetermination, type OmbPracticeStatus } from './high-impact.js';
import type { OmbImpactKind } from './presumed.js';

const base: OmbAnswers = { principalBasis: 'no', rightsEffect: 'no', safetyEffect: 'no', presumedCategories: [] };
const answers = (patch: Partial<OmbAnswers>): OmbAnswers => ({ ...base, ...patch });

type Row = {
  provision: string;
  case: string;
  answers: Partial<OmbAnswers>;
  expect: { determination: OmbDetermination; categories?: OmbImpactKind[]; practices?: OmbPracticeStatus | 'none'; open?: string[] };
};

const rows: Row[] = [
  {
    provision: 'M-25-21 App. §5 (rights)',
    case: 'benefit eligibility decided on the basis of the model score',
    answers: { principalBasis: 'yes', rightsEffect: 'yes' },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'required' },
  },
  {
    provision: 'M-25-21 App. §5 (safety)',
    case: 'model output directly dispatches bridge maintenance closures',
    answers: { principalBasis: 'yes', safetyEffect: 'yes' },
    expect: { determination: 'high-impact', categories: ['safety'], practices: 'required' },
  },
  {
    provision: 'M-25-21 App. §5 (both)',
    case: 'prison medical triage affecting both rights and safety',
    answers: { principalBasis: 'yes', rightsEffect: 'yes', safetyEffect: 'yes' },
    expect: { determination: 'high-impact', categories: ['rights', 'safety'], practices: 'required' },
  },
  {
    provision: 'M-25-21 App. §5 not met',
    case: 'model is one minor input among many to a rights-affecting decision',
    answers: { principalBasis: 'no', rightsEffect: 'yes' },
    expect: { determination: 'not-high-impact', practices: 'none' },
  },
  { provision: 'M-25-21 App. §5 not met', case: 'meeting-notes summariser with no effect on anyone', answers: {}, expect: { determination: 'not-high-impact', practices: 'none' } },
  {
    provision: 'M-25-21 App. §6 presumed',
    case: 'tenant screening in public housing, no determination on file',
    answers: { presumedCategories: ['housing'] },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'required' },
  },
  {
    provision: 'M-25-21 App. §6 presumed (safety)',
    case: 'control of traffic signals',
    answers: { presumedCategories: ['safety-critical-infrastructure'] },
    expect: { determination: 'high-impact', categories: ['safety'], practices: 'required' },
  },
  {
    provision: 'M-25-21 App. §6 determination',
    case: 'presumed medical use determined not high-impact in writing to the CAIO',
    answers: { presumedCategories: ['medical'], notHighImpactDetermination: { documentedToCaio: true, justification: 'Only schedules appointments; no clinical effect.' } },
    expect: { determination: 'presumed-determined-not-high-impact', practices: 'none' },
  },
  {
    provision: 'M-25-21 App. §6 determination incomplete',
    case: 'determination without justification does not rebut the presumption',
    answers: { presumedCategories: ['employment'], notHighImpactDetermination: { documentedToCaio: true, justification: '  ' } },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'required', open: ['omb.determination-incomplete'] },
  },
  {
    provision: 'M-25-21 App. §5 over §6 determination',
    case: 'determination on file conflicts with answers meeting the definition',
    answers: {
      principalBasis: 'yes',
      rightsEffect: 'yes',
      presumedCategories: ['government-benefits'],
      notHighImpactDetermination: { documentedToCaio: true, justification: 'Advisory only.' },
    },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'required', open: ['omb.determination-conflict'] },
  },
  {
    provision: 'M-25-21 App. §5 unsure',
    case: 'unclear whether the score is a principal basis',
    answers: { principalBasis: 'unsure', rightsEffect: 'yes' },
    expect: { determination: 'undetermined', practices: 'none', open: ['omb.principal-basis'] },
  },
  {
    provision: 'M-25-21 App. §5 effect unsure',
    case: 'principal basis, but effect on safety unclear',
    answers: { principalBasis: 'yes', safetyEffect: 'unsure' },
    expect: { determination: 'undetermined', practices: 'none', open: ['omb.safety-effect'] },
  },
  {
    provision: 'M-25-21 App. §6 unsure',
    case: 'unclear whether a presumed purpose applies',
    answers: { presumedCategoriesUnsure: true },
    expect: { determination: 'undetermined', practices: 'none', open: ['omb.presumed'] },
  },
  {
    provision: 'M-25-21 App. §4 pilot exemption',
    case: 'certified, limited pilot with opt-out',
    answers: {
      presumedCategories: ['education'],
      pilot: { limitedScaleAndDuration: 'yes', caioCertifiedAndTracked: 'yes', optInOutOfferedWherePossible: 'yes' },
    },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'pilot_exempt' },
  },
  {
    provision: 'M-25-21 App. §4 pilot not exempt',
    case: 'pilot without CAIO certification',
    answers: {
      presumedCategories: ['education'],
      pilot: { limitedScaleAndDuration: 'yes', caioCertifiedAndTracked: 'no', optInOutOfferedWherePossible: 'yes' },
    },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'required' },
  },
  {
    provision: 'M-25-21 App. §4 pilot unsure',
    case: 'pilot whose scale limits are not yet fixed',
    answers: {
      presumedCategories: ['education'],
      pilot: { limitedScaleAndDuration: 'unsure', caioCertifiedAndTracked: 'yes', optInOutOfferedWherePossible: 'yes' },
    },
    expect: { determination: 'high-impact', categories: ['rights'], practices: 'required', open: ['omb.pilot'] },
  },
];

describe('classifyOmb: legal cases', () => {
  it('holds at least 10 distinct cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.case)).size).toBe(rows.length);
  });

  it.each(rows)('$provision — $case', (row) => {
    const result = classifyOmb(answers(row.answers));
    expect(result.determination).toBe(row.expect.determination);
    expect(result.highImpact).toBe(row.expect.determination === 'high-impact');
    expect(result.categories).toEqual(row.expect.categories ?? []);
    const practices = row.expect.practices ?? 'none';
    if (practices === 'none') expect(result.minimumPractices).toEqual([]);
    else {
      expect(result.minimumPractices).toHaveLength(7);
      expect(result.minimumPractices.every((p) => p.status === practices)).toBe(true);
    }
    expect(result.openQuestions.map((q) => q.id).sort()).toEqual([...(row.expect.open ?? [])].sort());
  });
});

describe('classifyOmb: details', () => {
  it('lists the seven M-25-21 §4(b) practices in order', () => {
    expect(OMB_MINIMUM_PRACTICES.map((p) => p.reference)).toEqual([
      'M-25-21 App. §4(b)(i)',
      'M-25-21 App. §4(b)(ii)',
      'M-25-21 App. §4(b)(iii)',
      'M-25-21 App. §4(b)(iv)',
      'M-25-21 App. §4(b)(v)',
      'M-25-21 App. §4(b)(vi)',
      'M-25-21 App. §4(b)(vii)',
    ]);
    expect(OMB_MINIMUM_PRACTICES.find((p) => p.id === 'ai-impact-assessment')?.description).toMatch(/independent review/);
  });

  it.each([
    ['high-impact', { principalBasis: 'yes', rightsEffect: 'yes' }, 'High-impact'],
    ['determined not', { presumedCategories: ['medical'], notHighImpactDetermination: { documentedToCaio: true, justification: 'x' } }, 'Presumed high-impact, but determined not high impact'],
    ['not high-impact', {}, 'Not high-impact'],
    ['undetermined', { principalBasis: 'unsure', rightsEffect: 'unsure' }, null],
  ] as const)('maps %s to the 2025 inventory value', (_name, patch, value) => {
    expect(classifyOmb(answers(patch as Partial<OmbAnswers>)).inventoryValue).toBe(value);
  });

  it('waives only practices with a written CAIO determination', () => {
    const result = classifyOmb(
      answers({
        presumedCategories: ['law-enforcement'],
        waivers: [
          { practice: 'public-feedback', caioWrittenRiskDetermination: 'yes' },
          { practice: 'remedies-appeals', caioWrittenRiskDetermination: 'unsure' },
          { practice: 'human-training', caioWrittenRiskDetermination: 'no' },
        ],
      }),
    );
    const status = Object.fromEntries(result.minimumPractices.map((p) => [p.id, p.status]));
    expect(status['public-feedback']).toBe('waived');
    expect(status['remedies-appeals']).toBe('required');
    expect(status['human-training']).toBe('required');
    expect(result.waivers.filter((w) => w.valid).map((w) => w.practice)).toEqual(['public-feedback']);
    expect(result.openQuestions.map((q) => q.id)).toEqual(['omb.waiver.remedies-appeals']);
  });

  it('reports presumed purposes with both impact kinds where the memos give both', () => {
    const result = classifyOmb(answers({ presumedCategories: ['medical', 'housing'] }));
    expect(result.presumed.map((p) => p.category)).toEqual(['medical', 'housing']);
    expect(result.categories).toEqual(['rights', 'safety']);
  });

  it('ignores pilots and waivers when the use is not high-impact', () => {
    const result = classifyOmb(
      answers({ waivers: [{ practice: 'public-feedback', caioWrittenRiskDetermination: 'yes' }], pilot: { limitedScaleAndDuration: 'unsure', caioCertifiedAndTracked: 'no', optInOutOfferedWherePossible: 'no' } }),
    );
    expect(result.waivers).toEqual([]);
    expect(result.openQuestions).toEqual([]);
  });
});

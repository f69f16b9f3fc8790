/**
 * The official Canadian AIA questionnaire (reference/canada_aia_survey-enfr_v1.0.1.json) imported and
 * scored. The expected figures are worked out by hand from reference/canada_aia_scoring_and_requirements_rules.json:
 * raw = sum of -RS answer weights, mitigation = sum of -MS answer weights (every answer in the data,
 * whatever the phase), deduction when mitigation >= 0.8 × (154 / 2) = 61.6, i.e. from 62; current =
 * Math.round(0.85 × raw) then, else raw; level I if current <= 0.25 × 167 = 41.75, II <= 83.5,
 * III <= 125.25, else IV.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers.js';
import { CANADA_AIA_SCORING, importCanadianAia, looksLikeCanadianAia } from './canada-aia.js';
import { htmlToLine } from './plain-text.js';
import { scoreAssessment } from './score.js';
import { importSurveyJs } from './surveyjs-import.js';
import type { Answers, Question } from './template.js';

const SURVEY: unknown = JSON.parse(readFileSync(new URL('../../../../reference/canada_aia_survey-enfr_v1.0.1.json', import.meta.url), 'utf8'));
const { template, unsupported } = importCanadianAia(SURVEY);
const questions = template.sections.flatMap((s) => s.questions);

type SourceElement = { type?: string; name?: string; title?: { default?: string; fr?: string } | string; elements?: SourceElement[] };
const sourceQuestions = (): SourceElement[] => {
  const out: SourceElement[] = [];
  const walk = (e: SourceElement) => {
    if (e.type !== 'panel') out.push(e);
    e.elements?.forEach(walk);
  };
  for (const page of (SURVEY as { pages: Array<{ elements: SourceElement[] }> }).pages) page.elements.forEach(walk);
  return out;
};

describe('the official AIA file, imported', () => {
  it('has every page, question and scored question', () => {
    expect(looksLikeCanadianAia(SURVEY)).toBe(true);
    expect(looksLikeCanadianAia({ pages: [{ elements: [{ type: 'panel', name: 'p', elements: [{ type: 'text', name: 'q-NS' }] }] }] })).toBe(false);
    expect(template.key).toBe('canada-aia');
    expect(template.sections).toHaveLength(18);
    // 299 SurveyJS questions and html elements, plus 6 titled panels shown as info elements.
    expect(questions).toHaveLength(305);
    expect(questions.filter((q) => q.scoreType === 'impact')).toHaveLength(70);
    expect(questions.filter((q) => q.scoreType === 'mitigation')).toHaveLength(90);
    expect(questions.filter((q) => q.type === 'info')).toHaveLength(10);
    expect(template.sections.filter((s) => s.visibleIf).map((s) => s.id)).toEqual([
      'consultationDesign',
      'consultationImplementation',
      'dataQualityDesign',
      'dataQualityImplementation',
      'fairnessDesign',
      'fairnessImplementation',
      'privacyDesign',
      'privacyImplementation',
    ]);
  });

  it('reproduces the published maxima: raw impact 167, mitigation 154 (77 per phase)', () => {
    const r = scoreAssessment(template, {});
    expect(r.maxima).toEqual({ impact: 167, mitigation: 154 });
    expect(r).toMatchObject({ current: 0, level: 'I', applied: [] });
  });

  it('gives every question its title in English and French, as the source has them', () => {
    const source = new Map(sourceQuestions().map((e) => [e.name, e]));
    for (const q of questions) {
      expect(q.title.en.trim(), q.id).not.toBe('');
      expect(q.title.fr?.trim(), q.id).toBeTruthy();
      const s = source.get(q.id);
      if (s && typeof s.title === 'object') {
        expect(q.title.en, q.id).toBe(htmlToLine(s.title.default ?? ''));
        expect(q.title.fr, q.id).toBe(htmlToLine(s.title.fr ?? ''));
      }
    }
    for (const q of questions) for (const c of q.choices ?? []) expect(c.label.fr, `${q.id} ${c.value}`).toBeTruthy();
  });

  it('reads weights from choice values and the phase fork from the page conditions', () => {
    const impact6 = questions.find((q) => q.id === 'impact6');
    expect(impact6?.choices?.map((c) => [c.value, c.weight])).toEqual([
      ['item1-1', 1],
      ['item2-2', 2],
      ['item3-3', 3],
      ['item4-4', 4],
    ]);
    // Checkbox values without a weight ("item6") weigh 0, as the official parseEmbeddedValue does.
    expect(questions.find((q) => q.id === 'businessDrivers1')?.choices?.every((c) => c.weight === 0)).toBe(true);
    expect(template.sections.find((s) => s.id === 'fairnessDesign')?.visibleIf).toEqual({ question: 'projectDetailsPhase', equals: 'item1' });
    expect(template.sections.find((s) => s.id === 'fairnessImplementation')?.visibleIf).toEqual({ question: 'projectDetailsPhase', equals: 'item2' });
    // `{aboutSystem3} contains ["item2"]` is a substring test in SurveyJS on a radiogroup value.
    expect(questions.find((q) => q.id === 'aboutSystem3A')?.visibleIf).toEqual({ question: 'aboutSystem3', equals: 'item2-0' });
  });

  it('lists what it did not carry over', () => {
    expect(unsupported.map((u) => `${u.path} ${u.feature}`)).toEqual([
      'showQuestionNumbers showQuestionNumbers',
      'showProgressBar showProgressBar',
      'firstPageIsStarted firstPageIsStarted',
      'pages[11].elements[0].elements[0].name name',
      'pages[1].elements[0].elements[4].choicesOrder choicesOrder',
      'pages[10].title translation',
      'pages[11].title translation',
    ]);
  });

  it('carries the AIA scoring, levels and requirements', () => {
    expect(template.scoring).toEqual(CANADA_AIA_SCORING);
    expect(template.scoring?.levels?.list.map((l) => [l.id, l.upToFractionOfMax])).toEqual([
      ['I', 0.25],
      ['II', 0.5],
      ['III', 0.75],
      ['IV', undefined],
    ]);
    const keys = (id: string) => template.scoring?.levels?.list.find((l) => l.id === id)?.requirements?.map((r) => r.key);
    expect(keys('I')).toEqual(['notice', 'explanation', 'training', 'human-involvement', 'approval']);
    expect(keys('IV')).toEqual(['notice', 'explanation', 'peer-review', 'gba-plus', 'training', 'human-involvement', 'approval']);
    expect(template.source).toMatchObject({ url: 'https://github.com/canada-ca/aia-eia-js', licence: 'MIT (Crown Copyright, Government of Canada)' });
    expect(template.reassessment).toEqual({ onMaterialChange: true });
  });
});

// --- Hand-worked answer sets ---------------------------------------------------------------

const DESIGN = { projectDetailsPhase: 'item1' };
const IMPLEMENTATION = { projectDetailsPhase: 'item2' };

/**
 * Raw 90, used by sets B and C:
 * impact6, impact7, impact9, impact24, impact11, impact13, impact15: item4-4 → 7 × 4 = 28
 * aboutSystem11 item4-4 (4), impact28 item4-4 (4), aboutDataSource7 item4-4 (4), aboutDataSource8 item4-4 (4),
 * aboutDataSource2 item5-4 (4), aboutDataSource3 item3-3 (3) → 23                               → 51
 * impact30 item1-4, impact3 item1-4, aboutDataSource5 item1-4, aboutDataSource6 item1-4, riskProfile4 item3-4 → 20 → 71
 * riskProfile1, riskProfile2, riskProfile7, aboutAlgorithm2: item1-3 → 12                         → 83
 * decisionSector1: 7 of its 8 boxes (item1-1 … item5-1, item7-1, item8-1) → 7                     → 90
 */
const RAW_90: Answers = {
  impact6: 'item4-4',
  impact7: 'item4-4',
  impact9: 'item4-4',
  impact24: 'item4-4',
  impact11: 'item4-4',
  impact13: 'item4-4',
  impact15: 'item4-4',
  aboutSystem11: 'item4-4',
  impact28: 'item4-4',
  aboutDataSource7: 'item4-4',
  aboutDataSource8: 'item4-4',
  aboutDataSource2: 'item5-4',
  aboutDataSource3: 'item3-3',
  impact30: 'item1-4',
  impact3: 'item1-4',
  aboutDataSource5: 'item1-4',
  aboutDataSource6: 'item1-4',
  riskProfile4: 'item3-4',
  riskProfile1: 'item1-3',
  riskProfile2: 'item1-3',
  riskProfile7: 'item1-3',
  aboutAlgorithm2: 'item1-3',
  decisionSector1: ['item1-1', 'item2-1', 'item3-1', 'item4-1', 'item5-1', 'item7-1', 'item8-1'],
};

/**
 * Implementation-phase mitigation 62 (the first whole number >= 61.6):
 * consultationImplementation1 item1-2 (2), 3 item1-2 (2), 6 item1-3 (3), 7 item1-3 (3)        → 10
 * dataQualityImplementation 1 item1-3 (3), 2 (1), 3 (1), 4 (1), 5 item1-2 (2), 7 (1), 8 item1-2 (2), 9 (1), 10 item1-2 (2) → 14 → 24
 * fairnessImplementation at full marks except 21 (unanswered, max 5) and 24A (item2-0, max 1):
 *   1 (1), 1A (1), 2 (2), 3 (2), 4 (2), 5 (2), 7 (1), 10 (2), 8 (2), 9 (1), 12 (2), 13 (2), 16 (2), 17 (2),
 *   18 (2), 19 (2), 20 (2), 22 (2), 22A (2), 23 (2), 24 (2) → 38                                  → 62
 */
const MITIGATION_IMPL_62: Answers = {
  consultationImplementation1: 'item1-2',
  consultationImplementation3: 'item1-2',
  consultationImplementation6: 'item1-3',
  consultationImplementation7: 'item1-3',
  dataQualityImplementation1: 'item1-3',
  dataQualityImplementation2: 'item1-1',
  dataQualityImplementation3: 'item1-1',
  dataQualityImplementation4: 'item1-1',
  dataQualityImplementation5: 'item1-2',
  dataQualityImplementation7: 'item1-1',
  dataQualityImplementation8: 'item1-2',
  dataQualityImplementation9: 'item1-1',
  dataQualityImplementation10: 'item1-2',
  fairnessImplementation1: 'item1-1',
  fairnessImplementation1A: 'item1-1',
  fairnessImplementation2: 'item1-2',
  fairnessImplementation3: 'item1-2',
  fairnessImplementation4: 'item1-2',
  fairnessImplementation5: 'item1-2',
  fairnessImplementation7: 'item1-1',
  fairnessImplementation10: 'item1-2',
  fairnessImplementation8: 'item1-2',
  fairnessImplementation9: 'item1-1',
  fairnessImplementation12: 'item1-2',
  fairnessImplementation13: 'item1-2',
  fairnessImplementation16: 'item1-2',
  fairnessImplementation17: 'item1-2',
  fairnessImplementation18: 'item1-2',
  fairnessImplementation19: 'item1-2',
  fairnessImplementation20: 'item1-2',
  fairnessImplementation22: 'item1-2',
  fairnessImplementation22A: 'item1-2',
  fairnessImplementation23: 'item1-2',
  fairnessImplementation24: 'item1-2',
  fairnessImplementation24A: 'item2-0',
};

type Expected = { raw: number; mitigation: number; current: number; level: string };

const HAND_WORKED: Array<[string, Answers, Expected]> = [
  [
    // A. Design phase, low impact.
    // Raw: businessDrivers5 item1-2 (2) + impact30 item2-2 (2) + impact3 item2-0 (0) + impact6 item1-1 (1)
    //      + impact7 item2-2 (2) + riskProfile1 item2-0 (0) + riskProfile2 item2-0 (0) + aboutDataSource1 item2-0 (0)
    //      + aboutDataSource2 item2-1 (1) + decisionSector1 [item1-1, item3-1] (2) = 10.
    // Mitigation: consultationDesign1 item1-2 (2) + dataQualityDesign1 item1-3 (3) + fairnessDesign21 [item1-1, item2-1] (2) = 7 < 61.6.
    // Current 10 <= 41.75 → I.
    'A: design phase, low impact, little mitigation',
    {
      ...DESIGN,
      projectDetailsTitle: 'Permit triage',
      businessDrivers5: 'item1-2',
      impact30: 'item2-2',
      impact3: 'item2-0',
      impact6: 'item1-1',
      impact7: 'item2-2',
      riskProfile1: 'item2-0',
      riskProfile2: 'item2-0',
      aboutDataSource1: 'item2-0',
      aboutDataSource2: 'item2-1',
      decisionSector1: ['item1-1', 'item3-1'],
      consultationDesign1: 'item1-2',
      dataQualityDesign1: 'item1-3',
      fairnessDesign21: ['item1-1', 'item2-1'],
    },
    { raw: 10, mitigation: 7, current: 10, level: 'I' },
  ],
  [
    // B. Implementation phase: raw 90 (RAW_90), mitigation 62 (MITIGATION_IMPL_62) >= 61.6 → deduction:
    // Math.round(0.85 × 90) = Math.round(76.5) = 77 <= 83.5 → II (without the deduction, 90 would be III).
    'B: implementation phase, mitigation reaches the threshold',
    { ...IMPLEMENTATION, ...RAW_90, ...MITIGATION_IMPL_62 },
    { raw: 90, mitigation: 62, current: 77, level: 'II' },
  ],
  [
    // C. As B but fairnessImplementation9 item2-0 instead of item1-1: mitigation 61 < 61.6 → no deduction;
    // current 90: 83.5 < 90 <= 125.25 → III.
    'C: implementation phase, mitigation one point below the threshold',
    { ...IMPLEMENTATION, ...RAW_90, ...MITIGATION_IMPL_62, fairnessImplementation9: 'item2-0' },
    { raw: 90, mitigation: 61, current: 90, level: 'III' },
  ],
  [
    // D. Design phase, with implementation-phase answers left over (the user switched phase): the
    // official tool counts them. Raw: impact6, 7, 9, 24, 11, 13, 15 item4-4 (28) + impact30 item1-4 (4)
    // + impact3 item1-4 (4) + aboutSystem11 item4-4 (4) + impact28 item4-4 (4) + aboutDataSource3 item3-3 (3)
    // + riskProfile3 item1-1 (1) = 48.
    // Mitigation, visible (design): consultationDesign1 (2), 3 (2), 6 item1-3 (3), 7 item1-3 (3) = 10;
    //   dataQualityDesign 1 (3), 2 (1), 3 (1), 4 (1), 5 item1-2 (2), 7 (1), 8 (2), 9 (1), 10 (2) = 14;
    //   privacyDesign 1 (2), 2 (2), 9 (2), 3 (1), 4 (1), 7 (1) = 9 → 33.
    // Hidden (implementation): fairnessImplementation 2, 3, 4, 5, 10, 8, 12, 13, 16, 17, 18, 19, 20, 22, 22A
    //   item1-2 → 15 × 2 = 30. Total 63 >= 61.6 → Math.round(0.85 × 48) = Math.round(40.8) = 41 <= 41.75 → I.
    // (Counting only visible answers, 33 < 61.6 would leave 48 → II: see the test below.)
    'D: design phase, hidden implementation answers count',
    {
      ...DESIGN,
      impact6: 'item4-4',
      impact7: 'item4-4',
      impact9: 'item4-4',
      impact24: 'item4-4',
      impact11: 'item4-4',
      impact13: 'item4-4',
      impact15: 'item4-4',
      impact30: 'item1-4',
      impact3: 'item1-4',
      aboutSystem11: 'item4-4',
      impact28: 'item4-4',
      aboutDataSource3: 'item3-3',
      riskProfile3: 'item1-1',
      consultationDesign1: 'item1-2',
      consultationDesign3: 'item1-2',
      consultationDesign6: 'item1-3',
      consultationDesign7: 'item1-3',
      dataQualityDesign1: 'item1-3',
      dataQualityDesign2: 'item1-1',
      dataQualityDesign3: 'item1-1',
      dataQualityDesign4: 'item1-1',
      dataQualityDesign5: 'item1-2',
      dataQualityDesign7: 'item1-1',
      dataQualityDesign8: 'item1-2',
      dataQualityDesign9: 'item1-1',
      dataQualityDesign10: 'item1-2',
      privacyDesign1: 'item1-2',
      privacyDesign2: 'item1-2',
      privacyDesign9: 'item1-2',
      privacyDesign3: 'item1-1',
      privacyDesign4: 'item1-1',
      privacyDesign7: 'item1-1',
      fairnessImplementation2: 'item1-2',
      fairnessImplementation3: 'item1-2',
      fairnessImplementation4: 'item1-2',
      fairnessImplementation5: 'item1-2',
      fairnessImplementation10: 'item1-2',
      fairnessImplementation8: 'item1-2',
      fairnessImplementation12: 'item1-2',
      fairnessImplementation13: 'item1-2',
      fairnessImplementation16: 'item1-2',
      fairnessImplementation17: 'item1-2',
      fairnessImplementation18: 'item1-2',
      fairnessImplementation19: 'item1-2',
      fairnessImplementation20: 'item1-2',
      fairnessImplementation22: 'item1-2',
      fairnessImplementation22A: 'item1-2',
    },
    { raw: 48, mitigation: 63, current: 41, level: 'I' },
  ],
  [
    // E. Implementation phase, very high impact. RAW_90 plus decisionSector1's eighth box item6-1 (1) → 91;
    // aboutDataSource1 item1-2 (2) + aboutDataSource14 [item4-3, item5-3, item2-1] (7) + aboutDataSource10 item1-2 (2)
    // + aboutDataSource4 item1-2 (2) + aboutAlgorithm8 item1-3 (3) + aboutAlgorithm9 item1-2 (2) + projectAuthority1 item1-2 (2)
    // + aboutSystem6 item2-2 (2) + aboutSystem7 item2-2 (2) + aboutSystem9 item2-2 (2) + aboutSystem10A item2-2 (2)
    // + businessDrivers11 [item1-2] (2) = 30 → 121; impact18 item1-3 (3) + impact4A item1-2 (2) + impact22 item1-2 (2)
    // + impact5 item1-2 (2) = 9 → 130. Mitigation: consultationImplementation1, 3 item1-2 (4) + 6, 7 item1-3 (6) = 10 < 61.6.
    // Current 130 > 125.25 → IV.
    'E: implementation phase, very high impact',
    {
      ...IMPLEMENTATION,
      ...RAW_90,
      decisionSector1: ['item1-1', 'item2-1', 'item3-1', 'item4-1', 'item5-1', 'item7-1', 'item8-1', 'item6-1'],
      aboutDataSource1: 'item1-2',
      aboutDataSource14: ['item4-3', 'item5-3', 'item2-1'],
      aboutDataSource10: 'item1-2',
      aboutDataSource4: 'item1-2',
      aboutAlgorithm8: 'item1-3',
      aboutAlgorithm9: 'item1-2',
      projectAuthority1: 'item1-2',
      aboutSystem6: 'item2-2',
      aboutSystem7: 'item2-2',
      aboutSystem9: 'item2-2',
      aboutSystem10A: 'item2-2',
      businessDrivers11: ['item1-2'],
      impact18: 'item1-3',
      impact4A: 'item1-2',
      impact22: 'item1-2',
      impact5: 'item1-2',
      consultationImplementation1: 'item1-2',
      consultationImplementation3: 'item1-2',
      consultationImplementation6: 'item1-3',
      consultationImplementation7: 'item1-3',
    },
    { raw: 130, mitigation: 10, current: 130, level: 'IV' },
  ],
];

describe('hand-worked AIA answer sets', () => {
  it.each(HAND_WORKED)('%s', (_name, answers, expected) => {
    expect(checkAnswers(template, answers)).toEqual([]);
    const r = scoreAssessment(template, answers);
    expect({ raw: r.scores.impact, mitigation: r.scores.mitigation, current: r.current, level: r.level }).toEqual(expected);
    expect(r.applied).toEqual(expected.current === expected.raw ? [] : ['mitigation-deduction']);
  });

  it('D counted only visible answers would miss the deduction (why the AIA sets countHiddenAnswers)', () => {
    const answers = HAND_WORKED[3]?.[1] ?? {};
    const visibleOnly = { ...template, scoring: { ...CANADA_AIA_SCORING, countHiddenAnswers: false } };
    const r = scoreAssessment(visibleOnly, answers);
    expect({ mitigation: r.scores.mitigation, current: r.current, level: r.level }).toEqual({ mitigation: 33, current: 48, level: 'II' });
  });

  it('section scores add up to the totals, and the phase decides which mitigation pages are asked', () => {
    const r = scoreAssessment(template, HAND_WORKED[1]?.[1] ?? {});
    const sum = (type: string) => r.sections.reduce((n, s) => n + (s.scores[type]?.score ?? 0), 0);
    expect([sum('impact'), sum('mitigation')]).toEqual([90, 62]);
    expect(r.sections.find((s) => s.sectionId === 'fairnessImplementation')?.scores.mitigation).toEqual({ score: 38, max: 44 });
    expect(r.missingRequired).toEqual([]);
    expect(scoreAssessment(template, {}).missingRequired).toEqual(['projectDetailsPhase']);
  });
});

// --- Thresholds ------------------------------------------------------------------------------

/** Answers whose raw impact is exactly `target`, built from single-choice impact questions. */
function rawAnswers(target: number): Answers {
  const answers: Answers = {};
  let sum = 0;
  for (const q of questions.filter((x): x is Question & { choices: NonNullable<Question['choices']> } => x.scoreType === 'impact' && x.type === 'single_choice' && !!x.choices)) {
    const fits = q.choices.filter((c) => (c.weight ?? 0) > 0 && sum + (c.weight ?? 0) <= target).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
    const best = fits[0];
    if (!best) continue;
    answers[q.id] = best.value;
    sum += best.weight ?? 0;
    if (sum === target) break;
  }
  if (sum !== target) throw new Error(`cannot reach ${target}`);
  return answers;
}

describe('AIA level thresholds (fractions of the raw maximum 167)', () => {
  // 0.25 × 167 = 41.75, 0.5 × 167 = 83.5, 0.75 × 167 = 125.25: the last whole score at or under each
  // bound, and the first above it. No mitigation, so current = raw.
  it.each<[number, string]>([
    [0, 'I'],
    [41, 'I'],
    [42, 'II'],
    [83, 'II'],
    [84, 'III'],
    [125, 'III'],
    [126, 'IV'],
    [140, 'IV'],
  ])('current %i → level %s', (raw, level) => {
    const r = scoreAssessment(template, { ...IMPLEMENTATION, ...rawAnswers(raw) });
    expect(r.scores.impact).toBe(raw);
    expect(r.current).toBe(raw);
    expect(r.level).toBe(level);
  });

  it('the deduction is rounded half up and the level read from the result', () => {
    // raw 99 → 0.85 × 99 = 84.15 → 84 → III; raw 98 → 83.3 → 83 → II; raw 30 → 25.5 → 26.
    for (const [raw, current, level] of [
      [99, 84, 'III'],
      [98, 83, 'II'],
      [30, 26, 'I'],
    ] as const) {
      const r = scoreAssessment(template, { ...IMPLEMENTATION, ...rawAnswers(raw), ...MITIGATION_IMPL_62 });
      expect([r.current, r.level]).toEqual([current, level]);
    }
  });
});

describe('the mitigation boundary exactly at 0.8 × (max / 2)', () => {
  // A small survey in the AIA's conventions whose mitigation maximum is 20 (10 per phase), so the
  // threshold 0.8 × (20 / 2) = 8 is a whole number and can be hit exactly. Raw maximum 10.
  const tiny = importSurveyJs(
    {
      pages: [
        { name: 'risk', elements: [{ type: 'panel', name: 'riskPanel-RS', elements: [{ type: 'radiogroup', name: 'r1', choices: ['item1-0', 'item2-5', 'item3-10'] }] }] },
        {
          name: 'mitigation',
          elements: [
            {
              type: 'panel',
              name: 'mitPanel-MS',
              elements: [
                { type: 'checkbox', name: 'd1', choices: ['item1-1', 'item2-2', 'item3-3', 'item4-4'] },
                { type: 'checkbox', name: 'i1', choices: ['item1-1', 'item2-2', 'item3-3', 'item4-4'] },
              ],
            },
          ],
        },
      ],
    },
    { key: 'tiny-aia', scoreTypeBySuffix: { '-RS': 'impact', '-MS': 'mitigation', '-NS': null }, choiceWeights: 'value-suffix', scoring: CANADA_AIA_SCORING },
  ).template;

  it.each<[string, string[], number, number, string]>([
    // mitigation 7 < 8: no deduction; raw 10 → current 10 → IV (above 0.75 × 10)
    ['just below', ['item3-3', 'item4-4'], 7, 10, 'IV'],
    // mitigation 8 = 8: deduction; Math.round(0.85 × 10) = Math.round(8.5) = 9 → IV (above 7.5)
    ['exactly at', ['item1-1', 'item3-3', 'item4-4'], 8, 9, 'IV'],
  ])('%s the threshold', (_name, boxes, mitigation, current, level) => {
    const r = scoreAssessment(tiny, { r1: 'item3-10', d1: boxes });
    expect(r.maxima).toEqual({ impact: 10, mitigation: 20 });
    expect([r.scores.mitigation, r.current, r.level]).toEqual([mitigation, current, level]);
  });

  it('levels are inclusive at exactly 0.25, 0.5 and 0.75 of the maximum', () => {
    // Raw maximum 10 here: bounds 2.5, 5 and 7.5. 5 is exactly 0.5 × 10 → II.
    expect(scoreAssessment(tiny, { r1: 'item2-5' }).level).toBe('II');
    expect(scoreAssessment(tiny, { r1: 'item1-0' }).level).toBe('I');
  });
});

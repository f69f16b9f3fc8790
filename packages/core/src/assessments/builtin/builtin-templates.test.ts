import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { choicesOf, scoreAssessment, validateTemplate, visibleQuestions, type Answers, type Condition, type TemplateDocument } from '@glassbox/rules';
import { BUILTIN_TEMPLATE_FILES, BUILTIN_TEMPLATE_KEYS, loadBuiltinTemplates, loadTemplateFile } from './index.js';

const templates = loadBuiltinTemplates();
const byKey = (key: string): TemplateDocument => {
  const t = templates.find((x) => x.key === key);
  if (!t) throw new Error(`no built-in template ${key}`);
  return t;
};
const questionIds = (t: TemplateDocument): string[] => t.sections.flatMap((s) => s.questions.map((q) => q.id));

describe('built-in template files', () => {
  it('lists exactly the keys other modules rely on, one file per key, in order', () => {
    expect([...BUILTIN_TEMPLATE_KEYS]).toEqual(['fria', 'necessity-review', 'workforce-impact', 'data-protection-screening', 'readiness', 'vendor-prepurchase']);
    expect(BUILTIN_TEMPLATE_FILES.map((f) => path.basename(f))).toEqual(BUILTIN_TEMPLATE_KEYS.map((k) => `${k}.yaml`));
    expect(templates.map((t) => t.key)).toEqual([...BUILTIN_TEMPLATE_KEYS]);
  });

  it.each(BUILTIN_TEMPLATE_FILES.map((f) => [path.basename(f), f]))('%s validates, in English and French', (_name, file) => {
    const raw: unknown = YAML.parse(readFileSync(file, 'utf8'));
    const result = validateTemplate(raw);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const t = loadTemplateFile(file);
    expect(t.languages).toEqual(['en', 'fr']);

    // Every LocalText (any object with an `en` text) has non-empty en and fr — checked on the raw file,
    // independently of the validator.
    const incomplete: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (typeof v === 'object' && v !== null) {
        const o = v as Record<string, unknown>;
        if (typeof o.en === 'string') {
          for (const lang of ['en', 'fr']) if (typeof o[lang] !== 'string' || (o[lang] as string).trim() === '') incomplete.push(`${at}.${lang}`);
        }
        for (const [k, x] of Object.entries(o)) walk(x, at ? `${at}.${k}` : k);
      }
    };
    walk(raw, '');
    expect(incomplete).toEqual([]);
  });

  it.each(templates.map((t) => [t.key, t]))('%s: unique ids, help on every question, required questions, follow-ups hidden until their question is answered', (_key, t) => {
    const ids = questionIds(t);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(t.sections.map((s) => s.id)).size).toBe(t.sections.length);
    const withoutHelp = t.sections.flatMap((s) => s.questions.filter((q) => q.type !== 'info' && !q.help).map((q) => q.id));
    expect(withoutHelp).toEqual([]);
    expect(t.sections.flatMap((s) => s.questions).filter((q) => q.required).length).toBeGreaterThan(0);
    // Every condition compares a choice question with one of its own choice values (a typo would hide a follow-up for ever).
    const questions = new Map(t.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
    const badValues: string[] = [];
    const check = (c: Condition): void => {
      if ('all' in c) c.all.forEach(check);
      else if ('any' in c) c.any.forEach(check);
      else if ('not' in c) check(c.not);
      else if ('equals' in c || 'includes' in c) {
        const value = 'equals' in c ? c.equals : c.includes;
        const q = questions.get(c.question);
        const values = q ? choicesOf(q).map((x) => x.value) : [];
        if (!values.includes(String(value))) badValues.push(`${c.question} = ${String(value)}`);
      }
    };
    t.sections.forEach((s) => {
      if (s.visibleIf) check(s.visibleIf);
      s.questions.forEach((q) => q.visibleIf && check(q.visibleIf));
    });
    expect(badValues).toEqual([]);
    // With no answers, only unconditional questions show: no follow-up appears before its trigger.
    const unconditional = t.sections.filter((s) => !s.visibleIf).flatMap((s) => s.questions.filter((q) => !q.visibleIf).map((q) => q.id));
    expect(visibleQuestions(t, {}).map((q) => q.id)).toEqual(unconditional);
  });

  it.each<[string, 'system' | 'organisation', { everyMonths?: number; onMaterialChange?: boolean }]>([
    ['fria', 'system', { onMaterialChange: true }],
    ['necessity-review', 'system', { everyMonths: 12 }],
    ['workforce-impact', 'system', { everyMonths: 12, onMaterialChange: true }],
    ['data-protection-screening', 'system', { onMaterialChange: true }],
    ['readiness', 'organisation', { everyMonths: 12 }],
    ['vendor-prepurchase', 'system', { onMaterialChange: true }],
  ])('%s is about a %s and is reassessed %o', (key, subject, reassessment) => {
    expect(byKey(key).subject).toBe(subject);
    expect(byKey(key).reassessment).toEqual(reassessment);
  });

  it('names the file and the path of the problem when a template is invalid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'glassbox-builtin-'));
    try {
      const missing = path.join(dir, 'does-not-exist.yaml');
      expect(() => loadTemplateFile(missing)).toThrow(/does-not-exist\.yaml cannot be read/);
      const notYaml = path.join(dir, 'not-yaml.yaml');
      writeFileSync(notYaml, 'key: [unclosed');
      expect(() => loadTemplateFile(notYaml)).toThrow(/not-yaml\.yaml is not valid YAML/);
      type Doc = { title: Record<string, string>; sections: Array<{ questions: Array<{ requird?: boolean }> }> };
      const fresh = (): Doc => YAML.parse(readFileSync(BUILTIN_TEMPLATE_FILES[0] ?? '', 'utf8')) as Doc;
      const misspelt = fresh();
      const first = misspelt.sections[0]?.questions[0];
      if (first) first.requird = true;
      writeFileSync(path.join(dir, 'misspelt.yaml'), YAML.stringify(misspelt));
      expect(() => loadTemplateFile(path.join(dir, 'misspelt.yaml'))).toThrow(/misspelt\.yaml is invalid:\n {2}sections\[0\]\.questions\[0\]\.requird: unknown field/);
      const untranslated = fresh();
      delete untranslated.title.fr;
      writeFileSync(path.join(dir, 'untranslated.yaml'), YAML.stringify(untranslated));
      expect(() => loadTemplateFile(path.join(dir, 'untranslated.yaml'))).toThrow(/untranslated\.yaml is invalid:\n {2}title\.fr: missing the fr translation/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('FRIA covers Art. 27', () => {
  const fria = byKey('fria');
  it.each([
    ['27(1)(a) processes', 'process-description'],
    ['27(1)(b) period', 'start-date'],
    ['27(1)(b) frequency', 'frequency'],
    ['27(1)(c) affected groups', 'affected-groups'],
    ['27(1)(d) provider information (Art. 13)', 'provider-information'],
    ['27(1)(d) specific risks', 'specific-risks'],
    ['27(1)(e) human oversight', 'oversight-who'],
    ['27(1)(f) measures if risks materialise', 'mitigation-measures'],
    ['27(1)(f) internal governance', 'governance'],
    ['27(1)(f) complaint mechanism', 'complaint-mechanism'],
    ['27(3) notification', 'authority-notified'],
    ['27(3) notification date', 'authority-notification-date'],
    ['27(3) notification reference', 'authority-reference'],
    ['27(4) DPIA', 'dpia-status'],
    ['rights checklist', 'rights-affected'],
    ['seriousness', 'seriousness'],
    ['legitimate aim', 'legitimate-aim'],
    ['suitability', 'suitability'],
    ['necessity', 'necessity'],
    ['proportionality', 'proportionality'],
  ])('%s: %s', (_element, id) => {
    expect(questionIds(fria)).toContain(id);
  });
});

describe('readiness scoring', () => {
  const readiness = byKey('readiness');
  const AREAS = ['leadership', 'technical', 'staff', 'legal', 'community'] as const;
  type Area = (typeof AREAS)[number];
  const VALUE_BY_WEIGHT = ['none', 'started', 'in-place', 'embedded'] as const;
  const areaQuestions = (area: Area): string[] => readiness.sections.find((s) => s.id === area)?.questions.map((q) => q.id) ?? [];

  /** Answers giving each area the listed weights, question by question (missing = unanswered). */
  const answersFor = (weights: Partial<Record<Area, number[]>>): Answers => {
    const answers: Answers = {};
    for (const area of AREAS) {
      (weights[area] ?? []).forEach((w, i) => {
        const id = areaQuestions(area)[i];
        const value = VALUE_BY_WEIGHT[w];
        if (id && value) answers[id] = value;
      });
    }
    return answers;
  };
  const all = (w: number): number[] => [w, w, w, w, w, w];

  it('has five areas of six questions, each scored 0-3 with a recommendation', () => {
    expect(readiness.sections.map((s) => s.id)).toEqual([...AREAS]);
    for (const s of readiness.sections) {
      expect(s.questions).toHaveLength(6);
      for (const q of s.questions) {
        expect(q.type).toBe('single_choice');
        expect(q.scoreType).toBe('readiness');
        expect(q.required).toBe(true);
        expect(q.choices?.map((c) => c.weight)).toEqual([0, 1, 2, 3]);
        expect(q.recommendation?.en.length).toBeGreaterThan(20);
      }
    }
  });

  it.each<[string, Partial<Record<Area, number[]>>, number, string, Record<Area, number>, number]>([
    ['all embedded', { leadership: all(3), technical: all(3), staff: all(3), legal: all(3), community: all(3) }, 90, 'ready', { leadership: 18, technical: 18, staff: 18, legal: 18, community: 18 }, 0],
    ['nothing in place', { leadership: all(0), technical: all(0), staff: all(0), legal: all(0), community: all(0) }, 0, 'early', { leadership: 0, technical: 0, staff: 0, legal: 0, community: 0 }, 30],
    ['nothing answered', {}, 0, 'early', { leadership: 0, technical: 0, staff: 0, legal: 0, community: 0 }, 30],
    ['everything in place, nothing embedded', { leadership: all(2), technical: all(2), staff: all(2), legal: all(2), community: all(2) }, 60, 'developing', { leadership: 12, technical: 12, staff: 12, legal: 12, community: 12 }, 30],
    ['36 of 90 = 0.4 exactly: still early', { leadership: all(3), technical: all(3), staff: all(0), legal: all(0), community: all(0) }, 36, 'early', { leadership: 18, technical: 18, staff: 0, legal: 0, community: 0 }, 18],
    ['37 of 90: developing', { leadership: all(3), technical: all(3), staff: [1, 0, 0, 0, 0, 0], legal: all(0), community: all(0) }, 37, 'developing', { leadership: 18, technical: 18, staff: 1, legal: 0, community: 0 }, 18],
    ['63 of 90 = 0.7 exactly: still developing', { leadership: all(3), technical: all(3), staff: all(3), legal: [], community: [3, 3, 3, 0, 0, 0] }, 63, 'developing', { leadership: 18, technical: 18, staff: 18, legal: 0, community: 9 }, 9],
    ['64 of 90: ready', { leadership: all(3), technical: all(3), staff: all(3), legal: [1], community: [3, 3, 3, 0, 0, 0] }, 64, 'ready', { leadership: 18, technical: 18, staff: 18, legal: 1, community: 9 }, 9],
    ['uneven areas', { leadership: [3, 2, 1, 0, 3, 2], technical: [1, 1, 1, 1, 1, 1], staff: [2, 2, 2, 2, 2, 2], legal: [0, 3, 0, 3, 0, 3], community: [3, 3, 3, 3, 3, 2] }, 11 + 6 + 12 + 9 + 17, 'developing', { leadership: 11, technical: 6, staff: 12, legal: 9, community: 17 }, 20],
  ])('%s', (_name, weights, total, level, perArea, gapCount) => {
    const result = scoreAssessment(readiness, answersFor(weights));
    expect(result.maxima.readiness).toBe(90);
    expect(result.scores.readiness).toBe(total);
    expect(result.current).toBe(total);
    expect(result.level).toBe(level);
    for (const area of AREAS) {
      expect(result.sections.find((s) => s.sectionId === area)?.scores.readiness, area).toEqual({ score: perArea[area], max: 18 });
    }
    expect(result.gaps).toHaveLength(gapCount);
  });

  it('lists each gap with its area, its score and the recommended action', () => {
    const answers = answersFor({ leadership: all(3), technical: all(3), staff: all(3), legal: all(3), community: [3, 3, 3, 3, 1, 3] });
    const result = scoreAssessment(readiness, answers);
    const question = readiness.sections.find((s) => s.id === 'community')?.questions[4];
    expect(question?.id).toBe('community-redress');
    expect(result.gaps).toEqual([{ questionId: 'community-redress', sectionId: 'community', score: 1, max: 3, recommendation: question?.recommendation }]);
    expect(result.gaps[0]?.recommendation.en).toMatch(/human review/);
    expect(result.gaps[0]?.recommendation.fr).toMatch(/réexamen humain/);
  });
});

describe('data protection screening: when a full DPIA is required', () => {
  const dps = byKey('data-protection-screening');
  const CRITERIA = [
    'criterion-evaluation-scoring',
    'criterion-automated-decisions',
    'criterion-systematic-monitoring',
    'criterion-sensitive-data',
    'criterion-large-scale',
    'criterion-combining-datasets',
    'criterion-vulnerable-people',
    'criterion-new-technology',
    'criterion-blocks-rights-or-service',
  ];
  const allCriteria = (value: string): Answers => Object.fromEntries(CRITERIA.map((id) => [id, value]));

  it('weighs each high-risk criterion 1', () => {
    const scored = dps.sections.flatMap((s) => s.questions).filter((q) => q.scoreType === 'dpia-trigger');
    expect(scored.map((q) => q.id)).toEqual(CRITERIA);
    expect(scoreAssessment(dps, {}).maxima['dpia-trigger']).toBe(CRITERIA.length);
  });

  it.each<[string, Answers, number, string]>([
    ['no personal data', { 'personal-data-processed': 'no' }, 0, 'not-required'],
    ['personal data, no criterion met', { 'personal-data-processed': 'yes', ...allCriteria('no') }, 0, 'not-required'],
    ['one criterion met', { 'personal-data-processed': 'yes', ...allCriteria('no'), 'criterion-vulnerable-people': 'yes' }, 1, 'required'],
    ['one criterion unsure counts until resolved', { 'personal-data-processed': 'yes', ...allCriteria('no'), 'criterion-large-scale': 'not-sure' }, 1, 'required'],
    ['several criteria met', { 'personal-data-processed': 'yes', ...allCriteria('no'), 'criterion-evaluation-scoring': 'yes', 'criterion-automated-decisions': 'yes', 'criterion-new-technology': 'yes' }, 3, 'required'],
    ['every criterion met', { 'personal-data-processed': 'yes', ...allCriteria('yes') }, 9, 'required'],
    ['criteria answered, then personal data set to no: hidden answers do not count', { 'personal-data-processed': 'no', ...allCriteria('yes') }, 0, 'not-required'],
  ])('%s → %s (%i)', (_name, answers, score, level) => {
    const result = scoreAssessment(dps, answers);
    expect(result.scores['dpia-trigger']).toBe(score);
    expect(result.level).toBe(level);
  });

  it('the required level asks for a full DPIA before deployment', () => {
    const levels = dps.scoring?.levels;
    expect(levels?.relativeToMaxOf).toBe('dpia-trigger');
    expect(levels?.list.map((l) => [l.id, l.upToFractionOfMax])).toEqual([
      ['not-required', 0],
      ['required', undefined],
    ]);
    const requirement = levels?.list.find((l) => l.id === 'required')?.requirements;
    expect(requirement?.map((r) => [r.key, r.phase])).toEqual([['full-dpia', 'before_deployment']]);
    expect(levels?.list.find((l) => l.id === 'not-required')?.requirements).toBeUndefined();
  });
});

describe('vendor pre-purchase scoring', () => {
  const vendor = byKey('vendor-prepurchase');
  const ASSURANCE = vendor.sections.flatMap((s) => s.questions).filter((q) => q.scoreType === 'assurance').map((q) => q.id);
  const AI_ACT = vendor.sections.flatMap((s) => s.questions).filter((q) => q.scoreType === 'ai-act').map((q) => q.id);
  const yesTo = (ids: string[]): Answers => Object.fromEntries(ids.map((id) => [id, 'yes']));

  it.each<[string, Answers, number, string, string[]]>([
    ['everything secured, minimal risk', { ...yesTo(ASSURANCE), 'supplier-risk-class': 'minimal' }, 20, 'strong', []],
    ['nothing secured', { 'supplier-risk-class': 'minimal' }, 0, 'weak', ASSURANCE],
    ['half secured = 0.5 exactly: weak', { ...yesTo(ASSURANCE.slice(0, 10)), 'supplier-risk-class': 'minimal' }, 10, 'weak', ASSURANCE.slice(10)],
    ['17 of 20 = 0.85 exactly: partial', { ...yesTo(ASSURANCE.slice(0, 17)), 'supplier-risk-class': 'minimal' }, 17, 'partial', ASSURANCE.slice(17)],
    [
      'high-risk without provider evidence: the assurance level stands, the AI Act gaps are listed',
      { ...yesTo(ASSURANCE), 'supplier-risk-class': 'high-risk' },
      20,
      'strong',
      ['conformity-assessment', 'eu-database-registration', 'logging-capability', 'post-market-monitoring'],
    ],
  ])('%s', (_name, answers, score, level, gaps) => {
    expect(ASSURANCE).toHaveLength(20);
    expect(AI_ACT).toHaveLength(5);
    const result = scoreAssessment(vendor, answers);
    expect(result.scores.assurance).toBe(score);
    expect(result.level).toBe(level);
    expect(result.gaps.map((g) => g.questionId)).toEqual(gaps);
  });
});

describe('conditional follow-ups appear only when their condition holds', () => {
  it.each<[string, string, Answers, Answers]>([
    ['fria', 'intended-purpose-explain', { 'intended-purpose-match': 'partly' }, { 'intended-purpose-match': 'yes' }],
    ['fria', 'end-date', { duration: 'pilot' }, { duration: 'indefinite' }],
    ['fria', 'affected-groups-other', { 'affected-groups': ['children', 'other'] }, { 'affected-groups': ['children'] }],
    ['fria', 'vulnerable-groups-describe', { 'vulnerable-groups': 'yes' }, { 'vulnerable-groups': 'no' }],
    ['fria', 'specific-risks', { 'rights-affected': ['non-discrimination'] }, { 'rights-affected': ['none'] }],
    ['fria', 'no-rights-explain', { 'rights-affected': ['none'] }, { 'rights-affected': ['private-life'] }],
    ['fria', 'legitimate-aim', { 'rights-affected': ['social-security'] }, { 'rights-affected': ['none'] }],
    ['fria', 'override-why-not', { 'override-possible': 'no' }, { 'override-possible': 'yes' }],
    ['fria', 'complaint-mechanism-how', { 'complaint-mechanism': 'yes' }, { 'complaint-mechanism': 'no' }],
    ['fria', 'authority-notification-date', { 'authority-notified': 'notified' }, { 'authority-notified': 'not-yet' }],
    ['fria', 'authority-reference', { 'authority-notified': 'notified' }, { 'authority-notified': 'exempt' }],
    ['fria', 'authority-planned-date', { 'authority-notified': 'not-yet' }, { 'authority-notified': 'notified' }],
    ['fria', 'dpia-reference', { 'dpia-status': 'done' }, { 'dpia-status': 'not-required' }],
    ['fria', 'conditions-before-use', { 'overall-conclusion': 'proceed-with-measures' }, { 'overall-conclusion': 'proceed' }],
    ['necessity-review', 'alternatives-why-not', { 'alternatives-considered': ['more-staff'] }, { 'alternatives-considered': ['none'] }],
    ['necessity-review', 'alternatives-none-why', { 'alternatives-considered': ['none'] }, { 'alternatives-considered': ['process-redesign'] }],
    ['necessity-review', 'quality-safeguard', { 'cost-role': 'main-reason' }, { 'cost-role': 'not-a-reason' }],
    ['necessity-review', 'not-told-reason', { 'how-people-learn': ['not-told'] }, { 'how-people-learn': ['decision-letter'] }],
    ['necessity-review', 'ai-decision-justification', { 'final-decision': 'ai-decides' }, { 'final-decision': 'human-decides' }],
    ['workforce-impact', 'consultation-date', { 'consultation-held': 'yes' }, { 'consultation-held': 'no' }],
    ['workforce-impact', 'consultation-with', { 'consultation-held': 'yes' }, { 'consultation-held': 'no' }],
    ['workforce-impact', 'consultation-outcome', { 'consultation-held': 'yes' }, { 'consultation-held': 'no' }],
    ['workforce-impact', 'consultation-why-not', { 'consultation-held': 'no' }, { 'consultation-held': 'yes' }],
    ['workforce-impact', 'job-losses-details', { 'job-losses': 'yes' }, { 'job-losses': 'no' }],
    ['workforce-impact', 'judgment-safeguards', { 'human-judgment': 'narrower' }, { 'human-judgment': 'more' }],
    ['workforce-impact', 'gains-use', { 'gains-expected': 'yes' }, { 'gains-expected': 'no' }],
    ['workforce-impact', 'monitoring-what', { 'monitors-workers': 'yes' }, { 'monitors-workers': 'no' }],
    ['data-protection-screening', 'criterion-large-scale', { 'personal-data-processed': 'yes' }, { 'personal-data-processed': 'no' }],
    ['data-protection-screening', 'personal-data-none-explain', { 'personal-data-processed': 'no' }, { 'personal-data-processed': 'yes' }],
    ['data-protection-screening', 'criteria-not-sure-notes', { 'personal-data-processed': 'yes', 'criterion-new-technology': 'not-sure' }, { 'personal-data-processed': 'yes', 'criterion-new-technology': 'yes' }],
    ['data-protection-screening', 'consent-how', { 'personal-data-processed': 'yes', 'client-data-used': 'yes', 'consent-sought': 'yes' }, { 'personal-data-processed': 'yes', 'client-data-used': 'yes', 'consent-sought': 'no' }],
    ['data-protection-screening', 'consent-not-sought-reason', { 'personal-data-processed': 'yes', 'client-data-used': 'yes', 'consent-sought': 'no' }, { 'personal-data-processed': 'yes', 'client-data-used': 'yes', 'consent-sought': 'yes' }],
    ['data-protection-screening', 'consent-sought', { 'personal-data-processed': 'yes', 'client-data-used': 'yes' }, { 'personal-data-processed': 'yes', 'client-data-used': 'no' }],
    ['data-protection-screening', 'refuse-explain', { 'personal-data-processed': 'yes', 'client-data-used': 'yes', 'refuse-without-losing-service': 'no-refusal' }, { 'personal-data-processed': 'yes', 'client-data-used': 'yes', 'refuse-without-losing-service': 'same-service' }],
    ['data-protection-screening', 'legal-basis-reference', { 'personal-data-processed': 'yes', 'legal-basis': 'public-task' }, { 'personal-data-processed': 'yes', 'legal-basis': 'consent' }],
    ['vendor-prepurchase', 'free-tier-risks', { 'terms-type': 'free-tier' }, { 'terms-type': 'negotiated-contract' }],
    ['vendor-prepurchase', 'conformity-assessment', { 'supplier-risk-class': 'high-risk' }, { 'supplier-risk-class': 'minimal' }],
    ['vendor-prepurchase', 'transparency-features', { 'supplier-risk-class': 'transparency' }, { 'supplier-risk-class': 'high-risk' }],
    ['vendor-prepurchase', 'classification-difference', { 'supplier-risk-class': 'not-classified' }, { 'supplier-risk-class': 'minimal', 'classification-agrees': 'yes' }],
  ])('%s: %s', (key, id, shown, hidden) => {
    const t = byKey(key);
    expect(questionIds(t)).toContain(id);
    expect(visibleQuestions(t, shown).map((q) => q.id)).toContain(id);
    expect(visibleQuestions(t, hidden).map((q) => q.id)).not.toContain(id);
  });

  it('a hidden required follow-up is not reported missing', () => {
    const fria = byKey('fria');
    expect(scoreAssessment(fria, { 'complaint-mechanism': 'yes' }).missingRequired).toContain('complaint-mechanism-how');
    expect(scoreAssessment(fria, { 'complaint-mechanism': 'no' }).missingRequired).not.toContain('complaint-mechanism-how');
  });
});

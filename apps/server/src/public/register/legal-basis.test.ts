import { describe, expect, it } from 'vitest';
import { ANNEX_III_POINT_ORDER, classifyEuAiAct, type Answer, type AnnexIIIPoint, type Art63Condition, type EuScreeningAnswers } from '@glassbox/rules';
import { LOCALES } from '../i18n.js';
import { explainBases, explainProvision, legalBasesBlock, provisionLabel } from './legal-basis.js';

/** A small seeded generator, so the sweep is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAnswers(r: () => number): EuScreeningAnswers {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  // Mostly "no", so that exceptions and exemptions are reached as often as the practices themselves.
  const ans = (): Answer => pick(['no', 'no', 'yes', 'unsure'] as const);
  const opt = (): Answer | undefined => pick([undefined, 'yes', 'no', 'unsure'] as const);
  const points = ANNEX_III_POINT_ORDER.filter(() => r() < 0.08) as AnnexIIIPoint[];
  const conditions = (['a', 'b', 'c', 'd'] as const).filter(() => r() < 0.4) as Art63Condition[];
  return {
    prohibited: {
      manipulation: ans(),
      exploitationOfVulnerabilities: ans(),
      socialScoring: ans(),
      crimeRiskProfiling: { practice: ans(), supportsHumanAssessmentOnObjectiveFacts: opt() },
      untargetedFacialScraping: ans(),
      emotionRecognitionAtWorkOrEducation: { practice: ans(), medicalOrSafetyReasons: opt() },
      sensitiveBiometricCategorisation: { practice: ans(), exception: pick([undefined, 'lawful_dataset_labelling_or_filtering', 'law_enforcement_categorisation', 'none', 'unsure'] as const) },
      realTimeRemoteBiometricIdentification: {
        practice: ans(),
        objective: pick([undefined, 'victims_or_missing_persons', 'imminent_threat_or_terrorism', 'serious_crime_suspect', 'none', 'unsure'] as const),
        nationalLawProvidesForUse: opt(),
        authorisation: pick([undefined, 'prior', 'urgency_requested_within_24h', 'refused', 'none', 'unsure'] as const),
      },
    },
    annexI: { productOrSafetyComponent: ans(), thirdPartyConformityAssessment: opt() },
    annexIII: { points, unsure: r() < 0.1 },
    derogation: { claimed: ans(), conditions, profilesNaturalPersons: ans() },
    transparency: {
      interactsWithNaturalPersons: ans(),
      interactionObvious: opt(),
      generatesSyntheticContent: ans(),
      assistiveOrNoSubstantialAlteration: opt(),
      emotionRecognition: ans(),
      biometricCategorisation: ans(),
      deepFake: ans(),
      evidentlyArtisticOrSatirical: opt(),
      publicInterestText: ans(),
      humanReviewWithEditorialResponsibility: opt(),
      authorisedByLawForCriminalOffences: opt(),
      availableToPublicToReportCrime: opt(),
    },
    deployer: { kind: pick(['public_authority', 'eu_institution', 'body_governed_by_public_law', 'private_entity_providing_public_services', 'private_entity', 'unsure'] as const), actsOnBehalfOfPublicAuthority: opt() },
    context: { lawEnforcement: ans(), migrationAsylumBorder: ans(), workplace: opt() },
  };
}

/** What a published record holds for each classification: bases and Art. 50 duties as {provision, text}; one per set of provisions. */
const records = (() => {
  const r = random(2026);
  const byProvisions = new Map<string, { euBases: Array<{ provision: string; text: string }>; art50Duties: Array<{ provision: string; text: string }> }>();
  for (let i = 0; i < 20_000; i++) {
    const eu = classifyEuAiAct(randomAnswers(r));
    const record = {
      euBases: eu.bases.map((b) => ({ provision: b.provision, text: b.explanation })),
      art50Duties: eu.transparencyDuties.map((d) => ({ provision: d.provision, text: d.explanation })),
    };
    byProvisions.set(JSON.stringify([record.euBases.map((b) => b.provision), record.art50Duties.map((d) => d.provision)]), record);
  }
  return [...byProvisions.values()];
})();

describe('legal bases in plain words', () => {
  it('the sweep reaches every kind of provision the rules write into a record', () => {
    const seen = new Set(records.flatMap((c) => [...c.euBases, ...c.art50Duties].map((b) => b.provision)));
    for (const p of [
      'Art. 4 + Art. 95',
      'Art. 5(1)(a)',
      'Art. 5(1)(d)',
      'Art. 5(1)(h)',
      'Art. 5(1)(h)(i)',
      'Art. 5(1)(h)(ii)',
      'Art. 5(1)(h)(iii)',
      'Art. 6(1) + Annex I',
      'Art. 6(1)(b)',
      'Art. 6(2) + Annex III 1(c)',
      'Art. 6(2) + Annex III 2',
      'Art. 6(2) + Annex III 5(a)',
      'Art. 6(3), third subparagraph',
      'Art. 6(3)(a)',
      'Art. 6(3)(d)',
      'Art. 50(1)',
      'Art. 50(3)',
      'Art. 50(4)',
      'Art. 50(4), first subparagraph',
      'Art. 50(4), second subparagraph',
    ])
      expect(seen, p).toContain(p);
  });

  it.each(LOCALES)('every basis and duty the rules produce has a translated explanation in %s', (locale) => {
    const untranslated = records.flatMap((c) => explainBases(locale, c).filter((b) => !b.translated || /\{\w+\}/.test(b.text)));
    expect([...new Set(untranslated.map((b) => b.provision))]).toEqual([]);
  });

  it('Spanish and French explanations are not the English ones', () => {
    const provisions = new Map<string, 'basis' | 'duty' | 'exemption'>();
    for (const c of records) {
      const duties = new Set(c.art50Duties.map((d) => d.provision));
      for (const b of c.euBases) provisions.set(b.provision, b.provision.startsWith('Art. 50') && !duties.has(b.provision) ? 'exemption' : 'basis');
      for (const d of c.art50Duties) provisions.set(d.provision, 'duty');
    }
    for (const [p, role] of provisions) {
      const en = explainProvision('en', p, role);
      expect(explainProvision('es', p, role), p).not.toBe(en);
      expect(explainProvision('fr', p, role), p).not.toBe(en);
    }
  });

  it.each([
    ['en', 'Art. 6(2), Annex III point 5(a)', 'Essential public services and benefits, point 5(a)'],
    ['es', 'Art. 6(2) + Annex III 5(a)', 'Servicios públicos esenciales y prestaciones, punto 5(a)'],
    ['fr', 'Art. 6(2) + Annex III 7(c)', 'Migration, asile et contrôle aux frontières, point 7(c)'],
  ] as const)('%s: %s names the translated Annex III area', (locale, provision, expected) => {
    expect(explainProvision(locale, provision, 'basis')).toContain(expected);
  });

  it('an Art. 50 paragraph among the bases is shown once with its duty, or as an exemption when no duty follows', () => {
    const duty = { provision: 'Art. 50(1)', text: 'People interact directly with the system…' };
    expect(explainBases('es', { euBases: [duty], art50Duties: [duty] })).toEqual([
      { provision: 'Art. 50(1)', text: 'Hay que informar a las personas que tratan directamente con el sistema de que están tratando con una IA.', translated: true },
    ]);
    const [exempt] = explainBases('fr', { euBases: [{ provision: 'Art. 50(1)', text: 'It is obvious…' }], art50Duties: [] });
    expect(exempt?.text).toMatch(/^L’obligation d’informer les personnes qu’elles ont affaire à une IA ne s’applique pas ici/);
  });

  it.each([
    ['es', 'Art. 50(4), second subparagraph', 'Art. 50(4), párrafo segundo'],
    ['fr', 'Art. 6(3), third subparagraph', 'Art. 6(3), troisième alinéa'],
    ['fr', 'Art. 6(1) + Annex I', 'Art. 6(1) + Annexe I'],
    ['es', 'Art. 6(2) + Annex III 5(a)', 'Art. 6(2) + Anexo III 5(a)'],
    ['en', 'Art. 6(2) + Annex III 5(a)', 'Art. 6(2) + Annex III 5(a)'],
  ] as const)('%s cites %s as %s', (locale, provision, expected) => {
    expect(provisionLabel(locale, provision)).toBe(expected);
  });

  it('keeps an unknown provision in English, marked as such, with the note', () => {
    const c = { euBases: [{ provision: 'Art. 112', text: 'Some future rule.' }, { provision: 'Art. 5(1)(c)', text: 'Social scoring.' }], art50Duties: [] };
    const es = String(legalBasesBlock('es', c));
    expect(es).toContain('<li lang="en"><strong>Art. 112</strong>: Some future rule.</li>');
    expect(es).toContain('<li><strong>Art. 5(1)(c)</strong>: Prohibido por el Reglamento europeo de IA');
    expect(es).toContain('se muestra en inglés');
    const allKnown = String(legalBasesBlock('fr', { euBases: [{ provision: 'Art. 5(1)(c)', text: 'Social scoring.' }], art50Duties: [] }));
    expect(allKnown).not.toContain('lang="en"');
    expect(allKnown).not.toContain('en anglais');
    expect(legalBasesBlock('en', { euBases: [], art50Duties: [] })).toBeNull();
  });
});

/**
 * Test fixtures for the rules package: a screening where nothing applies, and a deep patch helper
 * so each table row states only the answers that make its legal case.
 */
import type { EuScreeningAnswers } from '../eu-ai-act/screening.js';

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends ReadonlyArray<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** A public authority's system for which every screening answer is "no". */
export function noneApplies(): EuScreeningAnswers {
  return {
    prohibited: {
      manipulation: 'no',
      exploitationOfVulnerabilities: 'no',
      socialScoring: 'no',
      crimeRiskProfiling: { practice: 'no' },
      untargetedFacialScraping: 'no',
      emotionRecognitionAtWorkOrEducation: { practice: 'no' },
      sensitiveBiometricCategorisation: { practice: 'no' },
      realTimeRemoteBiometricIdentification: { practice: 'no' },
    },
    annexI: { productOrSafetyComponent: 'no' },
    annexIII: { points: [] },
    derogation: { claimed: 'no', profilesNaturalPersons: 'no' },
    transparency: {
      interactsWithNaturalPersons: 'no',
      generatesSyntheticContent: 'no',
      emotionRecognition: 'no',
      biometricCategorisation: 'no',
      deepFake: 'no',
      publicInterestText: 'no',
    },
    deployer: { kind: 'public_authority' },
    context: { lawEnforcement: 'no', migrationAsylumBorder: 'no' },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const current = out[k];
    out[k] = isPlainObject(v) && isPlainObject(current) ? merge(current, v) : v;
  }
  return out;
}

/** `noneApplies()` with the patch applied (arrays are replaced, objects merged). */
export function screening(patch: DeepPartial<EuScreeningAnswers> = {}): EuScreeningAnswers {
  return merge(noneApplies(), patch) as EuScreeningAnswers;
}

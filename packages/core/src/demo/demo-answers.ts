/**
 * Screening answers for the demo data: a public authority's answers where no EU AI Act provision
 * applies, and a patch helper so each demo system states only the answers that make its tier. The
 * demo screens every system it moves past `proposed`, because the lifecycle gates require it.
 */
import type { Answer, EuScreeningAnswers, OmbAnswers } from '@glassbox/rules';
import type { ScreeningAnswersInput } from '../classification/classification.schemas.js';

/** Patch shape: nested objects may be partial, arrays are replaced whole. */
export type EuPatch = {
  [K in keyof EuScreeningAnswers]?: Partial<EuScreeningAnswers[K]>;
};

/** A public authority's system for which every EU AI Act screening answer is "no". */
function nothingApplies(): EuScreeningAnswers {
  const no: Answer = 'no';
  return {
    prohibited: {
      manipulation: no,
      exploitationOfVulnerabilities: no,
      socialScoring: no,
      crimeRiskProfiling: { practice: no },
      untargetedFacialScraping: no,
      emotionRecognitionAtWorkOrEducation: { practice: no },
      sensitiveBiometricCategorisation: { practice: no },
      realTimeRemoteBiometricIdentification: { practice: no },
    },
    annexI: { productOrSafetyComponent: no },
    annexIII: { points: [] },
    derogation: { claimed: 'no', profilesNaturalPersons: no },
    transparency: {
      interactsWithNaturalPersons: no,
      generatesSyntheticContent: no,
      emotionRecognition: no,
      biometricCategorisation: no,
      deepFake: no,
      publicInterestText: no,
    },
    deployer: { kind: 'public_authority' },
    context: { lawEnforcement: no, migrationAsylumBorder: no },
  };
}

/** `nothingApplies()` with each section of the patch merged into it (one level deep is all the demo needs). */
export function euAnswers(patch: EuPatch = {}): EuScreeningAnswers {
  const base = nothingApplies();
  const out: Record<string, unknown> = { ...base };
  for (const [section, value] of Object.entries(patch)) {
    out[section] = { ...(base[section as keyof EuScreeningAnswers] as object), ...(value as object) };
  }
  return out as EuScreeningAnswers;
}

/** OMB M-25-21 answers of a use that is not high-impact. */
export const OMB_NOT_HIGH_IMPACT: OmbAnswers = { principalBasis: 'no', rightsEffect: 'no', safetyEffect: 'no', presumedCategories: [] };

/**
 * The answers the demo records: EU answers patched, optional OMB answers, and whether the system's
 * output affects people. The decision role and personal-data flag are taken from the system record.
 */
export function demoScreening(eu: EuPatch, opts: { omb?: OmbAnswers | null; affectsPeople?: boolean } = {}): ScreeningAnswersInput {
  return { eu: euAnswers(eu), omb: opts.omb ?? null, facts: { affectsPeople: opts.affectsPeople ?? true } };
}

/**
 * A general-purpose tool staff use for drafting, reading or translating (a chat assistant, a
 * transcriber): no prohibited practice, no Annex III use; `chat` and `generates` set the Art. 50
 * transparency answers (so a chat assistant is limited, a transcriber minimal).
 */
export function generalPurposeToolScreening(opts: { chat?: boolean; generates?: boolean }): ScreeningAnswersInput {
  return demoScreening(
    { transparency: { ...nothingApplies().transparency, interactsWithNaturalPersons: opts.chat ? 'yes' : 'no', generatesSyntheticContent: opts.generates ? 'yes' : 'no' } },
    { omb: OMB_NOT_HIGH_IMPACT, affectsPeople: false },
  );
}

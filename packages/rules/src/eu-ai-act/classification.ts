/**
 * The shape of an EU AI Act classification result and the tier precedence
 * (prohibited > high > limited > minimal). The rules that fill it live in prohibited.ts (Art. 5),
 * high-risk.ts (Art. 6 + Annex I/III), transparency.ts (Art. 50) and deployer.ts (Art. 4, 5(2)-(4),
 * 6(4), 26, 27, 49); classify.ts puts them together.
 */
import type { OpenQuestion } from '../common.js';
import type { AnnexIIIPoint } from './screening.js';

/**
 * The four levels commonly used to describe the Act. The Act itself names prohibited practices
 * (Art. 5), high-risk systems (Art. 6) and transparency duties (Art. 50); "limited" means an Art. 50
 * duty applies and "minimal" means none of those rules does.
 */
export type EuTier = 'prohibited' | 'high' | 'limited' | 'minimal';

/** Precedence rank: a higher number wins. */
export const EU_TIER_RANK: Record<EuTier, number> = { minimal: 0, limited: 1, high: 2, prohibited: 3 };

export type EuBasisEffect =
  | 'prohibited' // an Art. 5 practice applies and no exception holds
  | 'exception' // an Art. 5 exception holds: the practice is not prohibited (it is then regulated as high-risk)
  | 'high' // Art. 6(1) or Art. 6(2) + Annex III makes the system high-risk
  | 'not_high' // a rule that would make it high-risk does not (Art. 6(3) derogation, Art. 6(1)(b) not met)
  | 'override' // the profiling rule sets aside a claimed Art. 6(3) derogation
  | 'limited' // an Art. 50 transparency duty applies
  | 'exempt' // an Art. 50 exemption removes a duty
  | 'minimal'; // nothing above applies

/** One legal basis of the result; every applicable basis is listed, also when a higher one wins. */
export type EuBasis = {
  /** e.g. `Art. 5(1)(c)`, `Art. 6(2) + Annex III 5(a)`, `Art. 6(3)(a)`, `Art. 50(1)`. */
  provision: string;
  effect: EuBasisEffect;
  /** Plain-language reason, in our own words. */
  explanation: string;
};

/** The tier a basis pushes the system to, if any: Art. 5 → prohibited, Art. 6 → high, Art. 50 → limited. */
export function tierOfEffect(effect: EuBasisEffect): EuTier | null {
  switch (effect) {
    case 'prohibited':
      return 'prohibited';
    case 'high':
    case 'override':
      return 'high';
    case 'limited':
      return 'limited';
    default:
      return null;
  }
}

export type EuOpenQuestion = OpenQuestion & {
  /** Set when answering "yes" could put the system in a higher tier than the answers establish now. */
  couldRaiseTierTo?: EuTier;
};

export type TransparencyDutyId = 'art50.1' | 'art50.2' | 'art50.3' | 'art50.4.deep-fake' | 'art50.4.text';

/** An Art. 50 duty. Duties stack on any tier, prohibited included (Art. 50(6)). */
export type TransparencyDuty = {
  id: TransparencyDutyId;
  provision: string;
  /** Art. 50(1)-(2) bind the provider (the vendor, or the organisation if it built the system); 50(3)-(4) the deployer. */
  addressee: 'provider' | 'deployer';
  explanation: string;
};

export type DutyStatus = 'required' | 'not_required' | 'undetermined';

/** Whether an assessment or registration duty applies, why, and under which provision. */
export type DutyDetermination = { status: DutyStatus; provision: string; explanation: string };

export type EuDeployerDutyId =
  | 'art4'
  | 'art5.2'
  | 'art5.3'
  | 'art5.4'
  | 'art6.4'
  | 'art26.1'
  | 'art26.2'
  | 'art26.4'
  | 'art26.5'
  | 'art26.6'
  | 'art26.7'
  | 'art26.8'
  | 'art26.9'
  | 'art26.10'
  | 'art26.11'
  | 'art26.12';

/** A deployer duty that applies to this system (the obligation generator turns it into a checklist item). */
export type EuDeployerDuty = { id: EuDeployerDutyId; provision: string; reason: string };

export type EuClassification = {
  /**
   * The tier, by precedence prohibited > high > limited > minimal; `undetermined` when an open
   * question could still raise it above `establishedTier`.
   */
  tier: EuTier | 'undetermined';
  /** The tier the definite answers already establish; the final tier is never lower unless an exception is later shown. */
  establishedTier: EuTier;
  bases: EuBasis[];
  transparencyDuties: TransparencyDuty[];
  /** Art. 27 fundamental rights impact assessment. */
  friaRequired: DutyDetermination;
  /** Art. 26(8) + Art. 49(3) registration of the use by a public-authority deployer. */
  registrationRequired: DutyDetermination;
  /** Art. 49(4) registration in the secure non-public section of the EU database. */
  restrictedSection: DutyDetermination;
  /** Deployer duties that apply (Art. 4, 5(2)-(4), 6(4), 26); empty when the use is prohibited. */
  deployerDuties: EuDeployerDuty[];
  /** Annex III points that make the system high-risk after the Art. 6(3) check. */
  highRiskAnnexIII: AnnexIIIPoint[];
  openQuestions: EuOpenQuestion[];
};

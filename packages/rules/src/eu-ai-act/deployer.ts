/**
 * What the Act asks of the deployer once the tier is known: the fundamental rights impact
 * assessment (Art. 27), registration of the use by public-authority deployers (Art. 26(8), 49(3)),
 * the secure non-public section (Art. 49(4)), the conditions on real-time remote biometric
 * identification (Art. 5(2)-(4)), the derogation file (Art. 6(4)), AI literacy (Art. 4) and the
 * Art. 26 duties of deployers of high-risk systems.
 */
import { strongest, type Answer } from '../common.js';
import type { DutyDetermination, EuDeployerDuty, EuOpenQuestion, EuTier } from './classification.js';
import type { HighRiskOutcome } from './high-risk.js';
import type { ProhibitionOutcome } from './prohibited.js';
import { annexIIIArea, type AnnexIIIPoint, type DeployerKind, type EuScreeningAnswers } from './screening.js';

export type DeployerOutcome = {
  friaRequired: DutyDetermination;
  registrationRequired: DutyDetermination;
  restrictedSection: DutyDetermination;
  deployerDuties: EuDeployerDuty[];
  openQuestions: EuOpenQuestion[];
};

/** Art. 27(1): bodies governed by public law (public authorities and Union bodies are such bodies) and private entities providing public services. */
const FRIA_DEPLOYERS: ReadonlySet<DeployerKind> = new Set([
  'public_authority',
  'eu_institution',
  'body_governed_by_public_law',
  'private_entity_providing_public_services',
]);

const PROHIBITED_NOTE =
  'The use is prohibited under Art. 5; no assessment or registration can make it lawful. If the open questions lift the prohibition, classify again.';

/**
 * Art. 27, 26(8), 49(3)-(5), 5(2)-(4), 6(4), 4 and 26. `tier` is the tier the answers establish.
 */
export function evaluateDeployerDuties(
  a: EuScreeningAnswers,
  tier: EuTier,
  art5: ProhibitionOutcome,
  hr: HighRiskOutcome,
): DeployerOutcome {
  const openQuestions: EuOpenQuestion[] = [];
  if (tier === 'prohibited') {
    const moot: DutyDetermination = { status: 'not_required', provision: 'Art. 5', explanation: PROHIBITED_NOTE };
    return { friaRequired: moot, registrationRequired: moot, restrictedSection: moot, deployerDuties: [], openQuestions };
  }
  const friaRequired = fria(a, art5, hr, openQuestions);
  const registrationRequired = registration(a, art5, hr, openQuestions);
  const restrictedSection = restricted(a, art5, hr, registrationRequired, openQuestions);
  const deployerDuties = duties(a, tier, art5, hr, registrationRequired, openQuestions);
  return { friaRequired, registrationRequired, restrictedSection, deployerDuties, openQuestions };
}

/** Points other than 2 that could still be added by an open question. */
function possibleOutsidePoint2(hr: HighRiskOutcome): AnnexIIIPoint[] | 'any' {
  return hr.possibleAnnexIII === 'any' ? 'any' : hr.possibleAnnexIII.filter((p) => p !== '2');
}

/**
 * Art. 27(1): before first use of a high-risk system under Art. 6(2), except Annex III point 2,
 * by bodies governed by public law or private entities providing public services, and by any
 * deployer of Annex III 5(b) or 5(c). Art. 5(2) adds it for real-time remote biometric identification.
 */
function fria(a: EuScreeningAnswers, art5: ProhibitionOutcome, hr: HighRiskOutcome, oq: EuOpenQuestion[]): DutyDetermination {
  const kind = a.deployer.kind;
  if (art5.realTimeRbiPermitted)
    return {
      status: 'required',
      provision: 'Art. 5(2) + Art. 27',
      explanation: 'Real-time remote biometric identification may only be authorised after the law enforcement authority has completed a fundamental rights impact assessment.',
    };
  const points = hr.annexIII.filter((p) => p !== '2');
  const creditOrInsurance = points.filter((p) => p === '5(b)' || p === '5(c)');
  if (creditOrInsurance.length > 0)
    return {
      status: 'required',
      provision: 'Art. 27(1)',
      explanation: `Every deployer of a system for ${creditOrInsurance.map((p) => `Annex III ${p}`).join(' and ')} (creditworthiness, life and health insurance) must assess the impact on fundamental rights before first use, whoever it is.`,
    };
  if (points.length > 0) {
    if (FRIA_DEPLOYERS.has(kind) || a.deployer.actsOnBehalfOfPublicAuthority === 'yes')
      return {
        status: 'required',
        provision: 'Art. 27(1)',
        explanation:
          kind === 'private_entity'
            ? 'A private entity using the system on behalf of a public authority provides a public service, so it must assess the impact on fundamental rights before first use.'
            : 'A body governed by public law, or a private entity providing public services, must assess the impact on fundamental rights before it first uses a high-risk system listed in Annex III.',
      };
    if (kind === 'unsure') {
      oq.push(deployerQuestion());
      return { status: 'undetermined', provision: 'Art. 27(1)', explanation: 'Depends on whether the deployer is governed by public law or provides public services.' };
    }
    return {
      status: 'not_required',
      provision: 'Art. 27(1)',
      explanation: 'A private deployer that provides no public service needs no fundamental rights impact assessment for this Annex III use (only 5(b) and 5(c) bind every deployer).',
    };
  }
  const possible = possibleOutsidePoint2(hr);
  const couldApply =
    possible === 'any' || possible.some((p) => p === '5(b)' || p === '5(c)') || (possible.length > 0 && (FRIA_DEPLOYERS.has(kind) || kind === 'unsure'));
  if (couldApply)
    return { status: 'undetermined', provision: 'Art. 27(1)', explanation: 'Depends on the open Annex III questions.' };
  if (hr.annexIII.includes('2'))
    return {
      status: 'not_required',
      provision: 'Art. 27(1)',
      explanation: 'Art. 27 excludes high-risk systems in critical infrastructure (Annex III point 2).',
    };
  if (hr.annexI)
    return {
      status: 'not_required',
      provision: 'Art. 27(1)',
      explanation: 'Art. 27 covers systems high-risk under Art. 6(2) (Annex III); this one is high-risk only under Art. 6(1) (Annex I products).',
    };
  return { status: 'not_required', provision: 'Art. 27(1)', explanation: 'The system is not a high-risk system listed in Annex III.' };
}

function deployerQuestion(): EuOpenQuestion {
  return {
    id: 'deployer.kind',
    provision: 'Art. 27(1), Art. 49(3)',
    question:
      'What kind of organisation deploys the system: a public authority, an EU body, a body governed by public law, a private entity providing a public service, or another private entity?',
  };
}

/**
 * Art. 26(8) + 49(3): public authorities, Union bodies and persons acting on their behalf register
 * themselves and the use of an Annex III high-risk system (not point 2; those are registered at
 * national level, Art. 49(5)) before using it. Art. 5(2) requires it for real-time remote biometric
 * identification (in urgency, without undue delay after the use began).
 */
function registration(a: EuScreeningAnswers, art5: ProhibitionOutcome, hr: HighRiskOutcome, oq: EuOpenQuestion[]): DutyDetermination {
  const provision = art5.realTimeRbiPermitted ? 'Art. 5(2) + Art. 26(8) + Art. 49(3)' : 'Art. 26(8) + Art. 49(3)';
  const points = hr.annexIII.filter((p) => p !== '2');
  const inScope = points.length > 0 || art5.realTimeRbiPermitted !== null;
  if (!inScope) {
    const possible = possibleOutsidePoint2(hr);
    if (possible === 'any' || possible.length > 0)
      return { status: 'undetermined', provision, explanation: 'Depends on the open Annex III questions.' };
    if (hr.annexIII.includes('2'))
      return {
        status: 'not_required',
        provision: 'Art. 49(3), 49(5)',
        explanation: 'Critical-infrastructure systems (Annex III point 2) are not registered by deployers in the EU database; they are registered at national level.',
      };
    return { status: 'not_required', provision, explanation: 'Deployers register only the use of high-risk systems listed in Annex III.' };
  }
  const kind = a.deployer.kind;
  const onBehalf = a.deployer.actsOnBehalfOfPublicAuthority ?? 'no';
  if (kind === 'public_authority' || kind === 'eu_institution' || onBehalf === 'yes')
    return {
      status: 'required',
      provision,
      explanation:
        'A public authority (or an EU body, or someone acting on their behalf) must register itself and this use in the EU database before using the system, and may not use a system the provider has not registered.',
    };
  if (kind === 'unsure') {
    oq.push(deployerQuestion());
    return { status: 'undetermined', provision, explanation: 'Depends on whether the deployer is a public authority or acts on behalf of one.' };
  }
  if (kind === 'body_governed_by_public_law') {
    oq.push({
      id: 'art49.3.public-authority',
      provision: 'Art. 49(3)',
      question:
        'Does national law treat your organisation as a public authority, or does it use the system on behalf of one? Art. 49(3) names public authorities, not every body governed by public law.',
    });
    return { status: 'undetermined', provision, explanation: 'Art. 49(3) names public authorities; whether this body is one depends on national law.' };
  }
  if (onBehalf === 'unsure') {
    oq.push({
      id: 'art49.3.on-behalf',
      provision: 'Art. 49(3)',
      question: 'Does your organisation use the system on behalf of a public authority (for example under a contract to run a public service)?',
    });
    return { status: 'undetermined', provision, explanation: 'Depends on whether the deployer acts on behalf of a public authority.' };
  }
  return { status: 'not_required', provision, explanation: 'Private deployers that do not act on behalf of a public authority do not register their use.' };
}

/**
 * Art. 49(4): for Annex III points 1, 6 and 7, in the areas of law enforcement, migration, asylum
 * and border control, registration goes to a secure non-public section (for deployers, Annex VIII
 * Section C points 1-3 only). Point 1 outside those areas goes to the public section.
 */
function restricted(
  a: EuScreeningAnswers,
  art5: ProhibitionOutcome,
  hr: HighRiskOutcome,
  reg: DutyDetermination,
  oq: EuOpenQuestion[],
): DutyDetermination {
  const provision = 'Art. 49(4)';
  if (reg.status === 'not_required')
    return { status: 'not_required', provision, explanation: 'There is no deployer registration, so no restricted section either.' };
  const areas = new Set(hr.annexIII.map(annexIIIArea));
  const sensitiveContext = strongest(a.context.lawEnforcement, a.context.migrationAsylumBorder);
  let trigger: Answer = 'no';
  if (areas.has('6') || areas.has('7') || art5.realTimeRbiPermitted) trigger = 'yes';
  else if (areas.has('1')) trigger = sensitiveContext;
  else if (hr.possibleAnnexIII === 'any' || hr.possibleAnnexIII.some((p) => ['1', '6', '7'].includes(annexIIIArea(p)))) trigger = 'unsure';

  if (trigger === 'no')
    return { status: 'not_required', provision, explanation: 'The registration goes to the public part of the EU database.' };
  if (trigger === 'unsure' && areas.has('1'))
    oq.push({
      id: 'art49.4.context',
      provision,
      question: 'Is the biometric system used for law enforcement, or for migration, asylum or border control? Then its registration is kept in the secure non-public section.',
    });
  if (trigger === 'unsure' || reg.status === 'undetermined')
    return { status: 'undetermined', provision, explanation: 'Depends on the open questions about registration and the area of use.' };
  return {
    status: 'required',
    provision,
    explanation:
      'Law enforcement, migration, asylum and border-control uses of Annex III points 1, 6 and 7 are registered in a secure non-public section of the EU database, with only the deployer’s identity, contact and the provider entry (Annex VIII C.1-C.3).',
  };
}

/** Art. 4, 5(2)-(4), 6(4) and 26(1)-(12) as they apply to this system. */
function duties(
  a: EuScreeningAnswers,
  tier: EuTier,
  art5: ProhibitionOutcome,
  hr: HighRiskOutcome,
  reg: DutyDetermination,
  oq: EuOpenQuestion[],
): EuDeployerDuty[] {
  const out: EuDeployerDuty[] = [
    { id: 'art4', provision: 'Art. 4', reason: 'Every provider and deployer of any AI system must see to the AI literacy of the staff who operate or use it.' },
  ];
  const rbi = art5.realTimeRbiPermitted;
  if (rbi) {
    out.push(
      { id: 'art5.2', provision: 'Art. 5(2)', reason: 'Each use may only confirm the identity of the specifically targeted person, within the limits in time, place and persons set by national law.' },
      {
        id: 'art5.3',
        provision: 'Art. 5(3)',
        reason: rbi.urgency
          ? 'The use started under urgency: the authorisation must be requested within 24 hours; if refused, stop at once and delete all data, results and outputs.'
          : 'Each use needs prior authorisation by a judicial or binding independent administrative authority; no adverse legal decision may rest on the output alone.',
      },
      { id: 'art5.4', provision: 'Art. 5(4)', reason: 'Each use must be notified to the market surveillance authority and the national data protection authority.' },
    );
  }
  if (hr.derogationRelied)
    out.push({ id: 'art6.4', provision: 'Art. 6(4)', reason: 'The system relies on the Art. 6(3) derogation: the provider’s documented assessment and its registration (Art. 49(2)) must be on file.' });
  if (tier !== 'high') return out;

  const annexIII = hr.annexIII;
  out.push(
    { id: 'art26.1', provision: 'Art. 26(1)', reason: 'Deployers of high-risk systems must use them according to the provider’s instructions for use.' },
    { id: 'art26.2', provision: 'Art. 26(2)', reason: 'Human oversight must be assigned to people with the competence, training, authority and support to exercise it.' },
    { id: 'art26.4', provision: 'Art. 26(4)', reason: 'Where the deployer controls the input data, it must be relevant and sufficiently representative for the purpose.' },
    { id: 'art26.5', provision: 'Art. 26(5)', reason: 'Operation must be monitored; risks and serious incidents reported, and use suspended when the system presents a risk.' },
    { id: 'art26.6', provision: 'Art. 26(6)', reason: 'Logs under the deployer’s control must be kept for at least six months unless other law says otherwise.' },
  );
  const workplace = a.context.workplace ?? 'no';
  const employment = annexIII.some((p) => annexIIIArea(p) === '4');
  if (workplace === 'yes' || employment || workplace === 'unsure') {
    out.push({ id: 'art26.7', provision: 'Art. 26(7)', reason: 'Before use at the workplace, workers’ representatives and the affected workers must be told they will be subject to the system.' });
    if (workplace === 'unsure' && !employment)
      oq.push({ id: 'art26.7.workplace', provision: 'Art. 26(7)', question: 'Will the system be used at work on your own staff? Until answered, plan to inform workers and their representatives.' });
  }
  if (reg.status === 'required')
    out.push({ id: 'art26.8', provision: 'Art. 26(8)', reason: 'A public-authority deployer must not use a high-risk system the provider has not registered in the EU database, and must tell the provider or distributor.' });
  out.push({ id: 'art26.9', provision: 'Art. 26(9)', reason: 'The provider’s Art. 13 information must feed the data protection impact assessment where one is required.' });
  if (annexIII.includes('1(a)') && a.context.lawEnforcement === 'yes' && !rbi)
    out.push({ id: 'art26.10', provision: 'Art. 26(10)', reason: 'Post-remote biometric identification in a criminal investigation needs authorisation ex ante or within 48 hours, a documented link to a specific offence and annual reports.' });
  if (annexIII.some((p) => p !== '2'))
    out.push({ id: 'art26.11', provision: 'Art. 26(11)', reason: 'People about whom an Annex III system makes or helps make decisions must be told that it is used on them.' });
  out.push({ id: 'art26.12', provision: 'Art. 26(12)', reason: 'The deployer must cooperate with the competent authorities.' });
  return out;
}

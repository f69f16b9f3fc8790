/**
 * The demo council's AI systems: sixteen plausible uses of AI at the City of Riverton, one or more
 * in every EU AI Act tier and lifecycle stage, each registered, screened and moved through its
 * lifecycle with the services (so every step is versioned and audited and every gate holds), with
 * obligations in various states — some met with evidence, some in progress, some overdue — for the
 * dashboard. Suppliers and people are invented. Called by the demo seed inside its transaction.
 */
import type { OmbAnswers } from '@glassbox/rules';
import type { ScreeningAnswersInput } from '../classification/classification.schemas.js';
import { recordScreening } from '../classification/screening.service.js';
import type { Ctx } from '../context.js';
import { createSystem, type CreateSystemInput } from '../inventory/inventory.service.js';
import { transitionSystem } from '../inventory/lifecycle.service.js';
import type { Lifecycle } from '../inventory/lifecycle.js';
import { addEvidenceLink } from '../obligations/evidence.service.js';
import { updateObligation, type UpdateObligationInput } from '../obligations/obligation.service.js';
import { createUnit } from '../orgs/org.service.js';
import { demoScreening, OMB_NOT_HIGH_IMPACT } from './demo-answers.js';

/** The units the demo systems belong to; the first four are created by seedDemo. */
const UNITS = [
  'Benefits and Revenues',
  'Housing Services',
  'Digital and IT',
  'Customer Contact Centre',
  'Children and Education',
  'Emergency Control Room',
  'Highways and Environment',
  'Human Resources',
  'Communications',
] as const;
type UnitName = (typeof UNITS)[number];

/**
 * How far the demo takes a system's obligations:
 * - `deployed`: before-deployment obligations met (with evidence) or not applicable with a reason;
 *   in-operation ones partly in progress, one overdue when `overdue` is set;
 * - `underway`: work started before approval: one in progress, one met, the rest open with due
 *   dates (past ones when `overdue` is set);
 * - `untouched`: as the screening generated them.
 */
type ObligationPlan = 'deployed' | 'underway' | 'untouched';

type DemoSystem = Omit<CreateSystemInput, 'organisationId' | 'ownerId' | 'unitId'> & {
  unit: UnitName;
  owner: 'owner' | 'governance';
  answers: ScreeningAnswersInput;
  /** Moves from `idea`, each with its reason. */
  path: Array<[Lifecycle, string]>;
  obligations: ObligationPlan;
  overdue?: boolean;
  /** Moves made after the obligations were settled (e.g. a suspension once in service). */
  later?: Array<[Lifecycle, string]>;
};

const HIGH_RISK_PROFILING = { claimed: 'no', profilesNaturalPersons: 'yes' } as const;

const ombHighImpact = (presumed: OmbAnswers['presumedCategories'], effect: 'rights' | 'safety'): OmbAnswers => ({
  principalBasis: 'yes',
  rightsEffect: effect === 'rights' ? 'yes' : 'no',
  safetyEffect: effect === 'safety' ? 'yes' : 'no',
  presumedCategories: presumed,
});

const toService = (approval: string, deployment: string): Array<[Lifecycle, string]> => [
  ['proposed', 'Put forward by the service with a business case.'],
  ['in_review', 'Screened; sent to the governance officer for review.'],
  ['approved', approval],
  ['in_service', deployment],
];

const SYSTEMS: DemoSystem[] = [
  {
    name: 'Benefits Eligibility Assistant',
    purpose: 'Checks housing-benefit and council-tax-support claims against the eligibility rules and suggests a decision for a caseworker.',
    description:
      'When you claim housing benefit or council tax support, this tool reads the details of your claim, checks them against the rules and suggests whether you qualify and how much you could get. A caseworker always looks at the suggestion and makes the decision.',
    unit: 'Benefits and Revenues',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'Civic Logic Systems Ltd',
    decisionRole: 'recommends',
    affectedPeople: 'Residents who claim housing benefit or council tax support (about 14,000 claims a year).',
    dataCategories: ['income', 'household composition', 'tenancy', 'bank statements'],
    personalData: true,
    humanOversight: 'A trained caseworker reviews every suggestion and decides; refusals are checked by a senior caseworker. Residents can ask for a reconsideration.',
    publicVisibility: 'public',
    tags: ['benefits', 'eligibility', 'casework'],
    answers: demoScreening({ annexIII: { points: ['5(a)'] }, derogation: HIGH_RISK_PROFILING }, { omb: ombHighImpact(['government-benefits'], 'rights') }),
    path: toService('Fundamental-rights impact assessment accepted by the review panel.', 'Deployed after a three-month parallel run with manual assessment.'),
    obligations: 'deployed',
    overdue: true,
  },
  {
    name: 'Emergency Call Triage Support',
    purpose: 'Listens to the transcript of 999-style calls to the council’s emergency control room and suggests a priority for the dispatcher.',
    description:
      'During floods, storms and other emergencies the council’s control room takes calls from residents. This tool suggests how urgent each call is, so the most serious ones are answered first. The dispatcher always sets the final priority.',
    unit: 'Emergency Control Room',
    owner: 'governance',
    sourcing: 'procured',
    supplier: 'Beacon Response Technologies',
    decisionRole: 'recommends',
    affectedPeople: 'Residents calling the emergency control room during civil emergencies.',
    dataCategories: ['call transcript', 'location', 'health information given by callers'],
    personalData: true,
    humanOversight: 'The dispatcher sees the suggested priority with its reasons and sets the final priority; a supervisor reviews every call the tool rated low.',
    publicVisibility: 'public',
    tags: ['emergency', 'triage', 'safety'],
    answers: demoScreening({ annexIII: { points: ['5(d)'] }, derogation: HIGH_RISK_PROFILING }, { omb: ombHighImpact(['safety-critical-infrastructure'], 'safety') }),
    path: toService('Approved with conditions: monthly accuracy report to the review panel.', 'In service in the control room from the winter season.'),
    obligations: 'deployed',
  },
  {
    name: 'School Admission Allocator',
    purpose: 'Allocates reception and secondary school places by applying the admission criteria and parents’ preferences.',
    description:
      'When you apply for a school place, this tool applies the published admission rules (siblings, distance, special needs) and your preferences to suggest which school place to offer. The admissions team checks every offer before it is sent.',
    unit: 'Children and Education',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'EduPlace Software',
    decisionRole: 'recommends',
    affectedPeople: 'Children applying for a school place and their parents (about 5,000 applications a year).',
    dataCategories: ['home address', 'siblings', 'special educational needs', 'school preferences'],
    personalData: true,
    humanOversight: 'The admissions team checks each allocation and handles every appeal without the tool.',
    publicVisibility: 'public',
    tags: ['education', 'admissions'],
    answers: demoScreening({ annexIII: { points: ['3(a)'] }, derogation: HIGH_RISK_PROFILING }, { omb: ombHighImpact(['education'], 'rights') }),
    path: [
      ['proposed', 'Proposed to replace the spreadsheet allocation.'],
      ['in_review', 'Screened as high-risk; review panel asked for an impact assessment.'],
      ['approved', 'Approved subject to the impact assessment and register entry before the next admissions round.'],
    ],
    obligations: 'underway',
    overdue: true,
  },
  {
    name: 'Recruitment CV Screening',
    purpose: 'Ranks job applications against the person specification so recruiting managers can shortlist faster.',
    description: 'A proposed tool that would read CVs sent for council jobs and rank them against the job’s requirements. Managers would still read every application on the shortlist.',
    unit: 'Human Resources',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'TalentSift Europe',
    decisionRole: 'recommends',
    affectedPeople: 'People applying for jobs at the council.',
    dataCategories: ['CV', 'employment history', 'qualifications'],
    personalData: true,
    humanOversight: 'Planned: a recruiting manager reads every application the tool ranks low before rejecting it.',
    publicVisibility: 'internal',
    tags: ['recruitment', 'hr'],
    answers: demoScreening({ annexIII: { points: ['4(a)'] }, derogation: HIGH_RISK_PROFILING }, { omb: ombHighImpact(['employment'], 'rights') }),
    path: [
      ['proposed', 'HR proposes a pilot for high-volume roles.'],
      ['in_review', 'Screened as high-risk; the review panel asked for a bias audit from the supplier.'],
    ],
    obligations: 'underway',
    overdue: true,
  },
  {
    name: 'Benefit Fraud Pattern Detector',
    purpose: 'Flags benefit claims whose patterns resemble known fraud so the counter-fraud team can review them.',
    description:
      'This tool looked for unusual patterns in benefit claims and flagged some for a check by the counter-fraud team. It is suspended while we investigate complaints that it flagged some groups of residents more often than others.',
    unit: 'Benefits and Revenues',
    owner: 'governance',
    sourcing: 'in_house',
    supplier: null,
    decisionRole: 'informs',
    affectedPeople: 'Residents claiming benefits.',
    dataCategories: ['claim history', 'income', 'household composition'],
    personalData: true,
    humanOversight: 'A flag never stops a payment: an investigator reviews each flagged claim and decides whether to open a case.',
    publicVisibility: 'public',
    tags: ['benefits', 'fraud'],
    answers: demoScreening({ annexIII: { points: ['5(a)'] }, derogation: HIGH_RISK_PROFILING }, { omb: ombHighImpact(['government-benefits'], 'rights') }),
    path: toService('Approved after the fairness testing of the pilot.', 'Deployed to the counter-fraud team.'),
    obligations: 'deployed',
    later: [['suspended', 'Suspended after complaints that claims from some neighbourhoods were flagged more often; fairness audit commissioned.']],
  },
  {
    name: 'Resident Reliability Score',
    purpose: 'Proposed: score residents on their past conduct with council services to decide how quickly to serve them.',
    description:
      'A supplier proposed a score of how “reliable” each resident is, built from missed appointments, complaints and arrears, to prioritise services. The council rejected it: this is social scoring, which the EU AI Act prohibits.',
    unit: 'Customer Contact Centre',
    owner: 'governance',
    sourcing: 'procured',
    supplier: 'ScoreWise Analytics',
    decisionRole: 'decides',
    affectedPeople: 'All residents using council services.',
    dataCategories: ['service history', 'complaints', 'arrears'],
    personalData: true,
    humanOversight: 'None proposed: the score would have set priorities automatically.',
    publicVisibility: 'public',
    tags: ['prohibited', 'rejected'],
    answers: demoScreening({ prohibited: { socialScoring: 'yes' } }),
    path: [
      ['proposed', 'Supplier demonstration to the contact centre.'],
      ['rejected', 'Screening found social scoring, prohibited by Art. 5(1)(c) of the EU AI Act. Not to be procured.'],
    ],
    obligations: 'untouched',
  },
  {
    name: 'Ask Riverton',
    purpose: 'A chatbot on the council website that answers residents’ questions about council services and points them to the right form.',
    description:
      'Ask Riverton is the chat window on our website. It answers general questions (bin days, parking permits, opening hours) from our web pages. It tells you it is an automated assistant and never takes decisions about you; you can ask for a person at any time.',
    unit: 'Customer Contact Centre',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'Northwind AI',
    decisionRole: 'informs',
    affectedPeople: 'Residents and visitors using the council website.',
    dataCategories: ['chat messages'],
    personalData: true,
    humanOversight: 'Answers come only from approved web pages; the contact centre reviews a sample of conversations every week and any the resident rated unhelpful.',
    publicVisibility: 'public',
    tags: ['chatbot', 'website', 'residents'],
    answers: demoScreening({ transparency: { interactsWithNaturalPersons: 'yes', generatesSyntheticContent: 'yes', interactionObvious: 'no' } }, { omb: OMB_NOT_HIGH_IMPACT }),
    path: toService('Approved: labelled as an AI assistant, with a route to a person.', 'Launched on the website.'),
    obligations: 'deployed',
  },
  {
    name: 'Public Notice Generator',
    purpose: 'Drafts and publishes routine public notices (road closures, bin-day changes) from structured data.',
    description:
      'Routine notices about road closures and changes to bin collections are written by an AI tool from the works schedule and published on our website. Each notice says it was generated automatically.',
    unit: 'Communications',
    owner: 'governance',
    sourcing: 'general_purpose_tool',
    supplier: 'Northwind AI',
    decisionRole: 'informs',
    affectedPeople: 'Residents reading council notices.',
    dataCategories: ['works schedule'],
    personalData: false,
    humanOversight: 'The communications team samples published notices daily and can withdraw any notice at once.',
    publicVisibility: 'public',
    tags: ['communications', 'generative'],
    answers: demoScreening(
      { transparency: { generatesSyntheticContent: 'yes', publicInterestText: 'yes', humanReviewWithEditorialResponsibility: 'no', assistiveOrNoSubstantialAlteration: 'no' } },
      { omb: OMB_NOT_HIGH_IMPACT },
    ),
    path: toService('Approved: every notice carries the “generated automatically” label.', 'In use for road-closure notices.'),
    obligations: 'deployed',
  },
  {
    name: 'Email Spam Filter',
    purpose: 'Filters spam and phishing from the council’s incoming email.',
    description: 'Our email system uses machine learning to move spam and phishing emails out of staff inboxes.',
    unit: 'Digital and IT',
    owner: 'governance',
    sourcing: 'general_purpose_tool',
    supplier: 'Mailguard Cloud',
    decisionRole: 'decides',
    affectedPeople: 'Anyone emailing the council; staff.',
    dataCategories: ['email messages'],
    personalData: true,
    humanOversight: 'Quarantined messages stay retrievable for 30 days; staff can release them.',
    publicVisibility: 'internal',
    tags: ['email', 'security'],
    answers: demoScreening({}, { omb: OMB_NOT_HIGH_IMPACT, affectsPeople: false }),
    path: toService('Approved: minimal risk, standard product feature.', 'Enabled for all mailboxes.'),
    obligations: 'deployed',
  },
  {
    name: 'Post Scanning and Routing',
    purpose: 'Reads scanned letters (OCR) and routes them to the right team’s work queue.',
    description: 'Letters you post to the council are scanned; this tool reads them and sends them to the right team. It does not decide anything about your case.',
    unit: 'Customer Contact Centre',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'DocuFlow Ltd',
    decisionRole: 'informs',
    affectedPeople: 'Residents writing to the council.',
    dataCategories: ['letters', 'names and addresses'],
    personalData: true,
    humanOversight: 'Letters the tool is unsure about go to a person to route; teams return misrouted post.',
    publicVisibility: 'public',
    tags: ['ocr', 'post', 'routing'],
    answers: demoScreening({}, { omb: OMB_NOT_HIGH_IMPACT, affectsPeople: false }),
    path: toService('Approved: narrow procedural task.', 'Live in the post room.'),
    obligations: 'deployed',
  },
  {
    name: 'Pothole Detection',
    purpose: 'Detects potholes and road defects in images from cameras on refuse lorries to plan road repairs.',
    description: 'Cameras on our bin lorries photograph the road; a tool spots potholes so we can plan repairs. Faces and number plates are blurred before images are stored.',
    unit: 'Highways and Environment',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'RoadSense Vision',
    decisionRole: 'recommends',
    affectedPeople: 'Road users; people incidentally photographed (blurred).',
    dataCategories: ['street images', 'location'],
    personalData: true,
    humanOversight: 'A highways inspector confirms each detected defect before a repair is ordered.',
    publicVisibility: 'public',
    tags: ['roads', 'computer-vision'],
    answers: demoScreening({}, { omb: OMB_NOT_HIGH_IMPACT, affectsPeople: false }),
    path: [
      ['proposed', 'Proposed by Highways after a supplier trial.'],
      ['in_review', 'Screened as minimal risk; privacy review of the image blurring.'],
      ['approved', 'Approved; deployment waits for the blurring check to be signed off.'],
    ],
    obligations: 'underway',
  },
  {
    name: 'Waste Collection Route Optimiser',
    purpose: 'Planned the refuse lorries’ daily routes.',
    description: 'A route-planning tool used until 2025; replaced by the route planning in the new fleet system.',
    unit: 'Highways and Environment',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'Routemaster Logistics',
    decisionRole: 'decides',
    affectedPeople: 'Refuse crews; residents (collection times).',
    dataCategories: ['addresses', 'vehicle telematics'],
    personalData: false,
    humanOversight: 'Depot supervisors could change any route.',
    publicVisibility: 'public',
    tags: ['waste', 'logistics'],
    answers: demoScreening({}, { omb: OMB_NOT_HIGH_IMPACT, affectsPeople: false }),
    path: toService('Approved: minimal risk.', 'In use at the depot.'),
    obligations: 'deployed',
    later: [['retired', 'Replaced by the route planning in the new fleet system; data deleted after 6 months.']],
  },
  {
    name: 'Repairs Request Classifier',
    purpose: 'Sorts tenants’ repair requests by trade and urgency so they reach the right contractor.',
    description: 'When council tenants report a repair, this tool suggests which trade is needed and how urgent it is. A repairs officer confirms before the job is sent out.',
    unit: 'Housing Services',
    owner: 'owner',
    sourcing: 'in_house',
    supplier: null,
    decisionRole: 'recommends',
    affectedPeople: 'Council tenants reporting repairs.',
    dataCategories: ['repair descriptions', 'photos', 'tenancy'],
    personalData: true,
    humanOversight: 'A repairs officer confirms trade and urgency; emergencies reported by phone bypass the tool.',
    publicVisibility: 'internal',
    tags: ['housing', 'repairs'],
    answers: demoScreening({}, { omb: OMB_NOT_HIGH_IMPACT }),
    path: [
      ['proposed', 'Built by the Digital team with Housing.'],
      ['in_review', 'Screened as minimal risk; review of the urgency categories with tenants’ representatives.'],
    ],
    obligations: 'underway',
  },
  {
    name: 'Planning Application Summariser',
    purpose: 'Idea: summarise long planning applications and objections for the planning committee.',
    description: 'An idea from the planning team to summarise long applications and public comments for councillors.',
    unit: 'Digital and IT',
    owner: 'owner',
    sourcing: 'general_purpose_tool',
    supplier: 'Northwind AI',
    decisionRole: 'informs',
    affectedPeople: 'Applicants and residents commenting on planning applications.',
    dataCategories: ['planning applications', 'public comments'],
    personalData: true,
    humanOversight: 'To be designed: officers would check summaries against the originals.',
    publicVisibility: 'internal',
    tags: ['planning', 'generative'],
    answers: demoScreening({ transparency: { generatesSyntheticContent: 'yes', assistiveOrNoSubstantialAlteration: 'yes' } }, { omb: OMB_NOT_HIGH_IMPACT }),
    path: [],
    obligations: 'untouched',
  },
  {
    name: 'Council Tax Arrears Prioritiser',
    purpose: 'Proposed: rank council tax accounts in arrears to decide whom to contact first about support or recovery.',
    description: 'A proposal to help the revenues team decide which residents in arrears to contact first, offering support to those likely to be struggling.',
    unit: 'Benefits and Revenues',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'Civic Logic Systems Ltd',
    decisionRole: 'recommends',
    affectedPeople: 'Residents with council tax arrears.',
    dataCategories: ['council tax account', 'payment history', 'benefit receipt'],
    personalData: true,
    humanOversight: 'Planned: officers decide every contact and recovery step.',
    publicVisibility: 'internal',
    tags: ['revenues', 'arrears'],
    // Whether ranking for recovery touches Annex III 5(a)/(b) is still with the legal team.
    answers: demoScreening({ annexIII: { points: [], unsure: true }, derogation: { claimed: 'no', profilesNaturalPersons: 'yes' } }, { omb: OMB_NOT_HIGH_IMPACT }),
    path: [['proposed', 'Proposed by Revenues; legal advice requested on the Annex III question.']],
    obligations: 'untouched',
  },
  {
    name: 'Contact Centre Call Summariser',
    purpose: 'Transcribes and summarises contact-centre calls into the case notes, for the adviser to check.',
    description: 'When you phone the contact centre, the call can be transcribed and summarised for your case notes. The adviser checks and edits the summary. You are told at the start of the call and can say no.',
    unit: 'Customer Contact Centre',
    owner: 'owner',
    sourcing: 'procured',
    supplier: 'Clearvoice Ltd',
    decisionRole: 'informs',
    affectedPeople: 'Residents phoning the contact centre.',
    dataCategories: ['call audio', 'case notes'],
    personalData: true,
    humanOversight: 'Advisers check every summary before saving it; callers can opt out.',
    publicVisibility: 'public',
    tags: ['contact-centre', 'transcription'],
    answers: demoScreening({ transparency: { generatesSyntheticContent: 'yes', assistiveOrNoSubstantialAlteration: 'yes' } }, { omb: OMB_NOT_HIGH_IMPACT }),
    path: [
      ['proposed', 'Proposed to cut after-call work.'],
      ['in_review', 'Screened; DPIA under way.'],
      ['proposed', 'Sent back: the review asked for an opt-out for callers first.'],
      ['in_review', 'Resubmitted with an opt-out at the start of each call.'],
    ],
    obligations: 'underway',
    overdue: true,
  },
];

/** A date `days` from today (negative: in the past), as YYYY-MM-DD. */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type ObligationRow = { id: string; key: string; phase: string };

async function obligationsOf(tx: Ctx, systemId: string): Promise<ObligationRow[]> {
  return tx.db.selectFrom('obligation').select(['id', 'key', 'phase']).where('system_id', '=', systemId).where('retired_at', 'is', null).orderBy('key').execute();
}

/** Settles or starts the system's obligations according to its plan (see ObligationPlan). */
async function workOnObligations(tx: Ctx, organisationId: string, systemId: string, slug: string, s: DemoSystem): Promise<void> {
  if (s.obligations === 'untouched') return;
  const rows = await obligationsOf(tx, systemId);
  const update = (o: ObligationRow, change: Omit<UpdateObligationInput, 'organisationId' | 'ref' | 'obligationId'>) =>
    updateObligation(tx, { organisationId, ref: systemId, obligationId: o.id, ...change });
  const before = rows.filter((o) => o.phase === 'before_deployment');
  const during = rows.filter((o) => o.phase !== 'before_deployment');
  if (s.obligations === 'deployed') {
    for (const [i, o] of before.entries()) {
      if (o.key.startsWith('org.') && o.key.endsWith('impact-assessment') && s.answers.eu?.annexIII.points.length === 0) {
        await update(o, { status: 'not_applicable', naReason: 'Minimal risk and no decisions about people: the governance officer accepted the screening note in place of a full impact assessment.' });
        continue;
      }
      if (i < 2) await addEvidenceLink(tx, { organisationId, ref: systemId, obligationId: o.id, title: 'Signed record on the council intranet', url: `https://intranet.riverton.example/ai-register/${slug}/${o.key}` });
      await update(o, { status: 'met' });
    }
    for (const [i, o] of during.entries()) {
      if (i === 0) await update(o, { status: 'in_progress', dueDate: inDays(60) });
      else if (i === 1 && s.overdue) await update(o, { dueDate: inDays(-21) });
      else await update(o, { dueDate: inDays(90 + 30 * i) });
    }
    return;
  }
  for (const [i, o] of before.entries()) {
    if (i === 0) await update(o, { status: 'in_progress', dueDate: inDays(s.overdue ? -10 : 30) });
    else if (i === 1) {
      await addEvidenceLink(tx, { organisationId, ref: systemId, obligationId: o.id, title: 'Minutes of the review panel', url: `https://intranet.riverton.example/ai-register/${slug}/${o.key}` });
      await update(o, { status: 'met' });
    } else await update(o, { dueDate: inDays(s.overdue && i === 2 ? -35 : 45 + 15 * i) });
  }
}

/**
 * Registers, screens and moves the demo systems. `people` are the demo system owner's and
 * governance officer's user ids. Deterministic apart from dates, which are relative to today so
 * due dates and overdue items stay meaningful whenever the demo is seeded.
 */
export async function seedDemoSystems(tx: Ctx, organisationId: string, people: { owner: string; governance: string }): Promise<void> {
  const existing = await tx.db.selectFrom('unit').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
  const unitIds = new Map(existing.map((u) => [u.name, u.id]));
  for (const name of UNITS) {
    if (!unitIds.has(name)) unitIds.set(name, (await createUnit(tx, { organisationId, name })).id);
  }
  for (const s of SYSTEMS) {
    const { unit, owner, answers, path, obligations: _plan, overdue: _overdue, later, ...fields } = s;
    const system = await createSystem(tx, { ...fields, organisationId, ownerId: people[owner], unitId: unitIds.get(unit) ?? null });
    await recordScreening(tx, { organisationId, ref: system.id, answers });
    const beforeService = path.filter(([to]) => to !== 'in_service');
    for (const [to, reason] of beforeService) await transitionSystem(tx, { organisationId, ref: system.id, to, reason });
    await workOnObligations(tx, organisationId, system.id, system.slug, s);
    for (const [to, reason] of [...path.filter(([stage]) => stage === 'in_service'), ...(later ?? [])]) {
      await transitionSystem(tx, { organisationId, ref: system.id, to, reason });
    }
  }
}

/**
 * Records a system's current before-deployment obligations as met, so an approved demo tool can
 * be put into service (the catalogue demo's tools: general-purpose, minimal or limited risk).
 */
export async function meetBeforeDeploymentObligations(tx: Ctx, organisationId: string, systemId: string): Promise<void> {
  for (const o of await obligationsOf(tx, systemId)) {
    if (o.phase === 'before_deployment') await updateObligation(tx, { organisationId, ref: systemId, obligationId: o.id, status: 'met' });
  }
}

/** The names of the demo systems, for tests and the sign-in text. */
export const DEMO_SYSTEM_NAMES: readonly string[] = SYSTEMS.map((s) => s.name);

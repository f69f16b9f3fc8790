/**
 * The demo council's tool catalogue: five general-purpose AI tools a city council typically meets,
 * each with its record in the inventory, moved to the lifecycle stage its catalogue status implies.
 * Called by the demo seed inside its transaction. Vendors and terms are invented.
 */
import { recordScreening } from '../classification/screening.service.js';
import type { Ctx } from '../context.js';
import { generalPurposeToolScreening } from '../demo/demo-answers.js';
import { meetBeforeDeploymentObligations } from '../demo/demo-systems.js';
import { AppError } from '../errors.js';
import { transitionSystem } from '../inventory/lifecycle.service.js';
import type { Lifecycle } from '../inventory/lifecycle.js';
import { createCatalogueEntry, type CreateCatalogueEntryInput } from './catalogue.service.js';

const CONTACT = 'the AI governance team (ai-governance@riverton.example)';

/** A date `months` from now, as YYYY-MM-DD, so the demo's approvals are current whenever it is seeded. */
function inMonths(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** `screening`: how the tool is screened before it moves (a chat tool talks to people, a generator makes text or images: Art. 50). */
type DemoTool = Omit<CreateCatalogueEntryInput, 'organisationId' | 'inventoryOwnerId'> & {
  stages: Lifecycle[];
  screening: { chat: boolean; generates: boolean };
};

const TOOLS = (): DemoTool[] => [
  {
    name: 'Council Chat Assistant',
    vendor: 'Northwind AI (council enterprise licence)',
    description: 'A general chat assistant on the council’s enterprise licence, for help with writing and reading everyday documents.',
    status: 'approved',
    permittedUses: [
      'drafting newsletters',
      'drafting letters',
      'drafting emails',
      'summarising reports',
      'summarising documents',
      'rewriting text in plain language',
      'brainstorming ideas',
      'proofreading',
    ],
    prohibitedUses: ['decisions about people', 'assessing applications', 'eligibility decisions', 'processing personal information', 'case notes'],
    dataAllowed: 'none_personal',
    pricing: 'paid',
    dataProtectionTerms:
      'Enterprise terms: what staff type is not used to train the vendor’s models; prompts and answers are kept for 30 days for abuse monitoring and then deleted; data is stored in EU data centres. A data-processing agreement is signed, but the tool is approved only for text that is not about people.',
    dpaInPlace: true,
    reviewDate: inMonths(6),
    contact: CONTACT,
    screening: { chat: true, generates: true },
    stages: ['proposed', 'in_review', 'approved', 'in_service'],
  },
  {
    name: 'Meeting Transcriber',
    vendor: 'Clearvoice Ltd',
    description: 'Records and transcribes online and in-room meetings and drafts minutes from the transcript.',
    status: 'approved_with_conditions',
    permittedUses: ['transcribing internal meetings', 'drafting meeting minutes'],
    prohibitedUses: ['recording meetings without telling participants', 'disciplinary hearings', 'meetings with residents about their own cases'],
    conditions:
      'Tell everyone at the start that the meeting is transcribed and let anyone opt out; check the transcript before sharing it; recordings are deleted after 30 days.',
    dataAllowed: 'personal_with_dpa',
    pricing: 'paid',
    dataProtectionTerms:
      'Recordings and transcripts are not used for training; recordings are deleted after 30 days and transcripts after 12 months; stored in the UK. Data-processing agreement signed.',
    dpaInPlace: true,
    reviewDate: inMonths(4),
    contact: CONTACT,
    screening: { chat: false, generates: false },
    stages: ['proposed', 'in_review', 'approved', 'in_service'],
  },
  {
    name: 'Free public chatbots',
    vendor: 'Various (free consumer versions)',
    description: 'The free versions of chatbots anyone can sign up for on the web, used with a personal account.',
    status: 'not_approved',
    permittedUses: [],
    prohibitedUses: ['council work'],
    dataAllowed: 'none_personal',
    pricing: 'free',
    dataProtectionTerms:
      'No contract with the council. Free consumer terms usually let the provider keep what you type and use it to train its models, and data may be stored anywhere in the world. Use the Council Chat Assistant instead.',
    dpaInPlace: false,
    reviewDate: null,
    contact: CONTACT,
    screening: { chat: true, generates: true },
    stages: ['proposed', 'in_review', 'rejected'],
  },
  {
    name: 'Riverton Translate',
    vendor: 'LinguaBridge',
    description: 'Machine translation of letters, leaflets and web pages into the languages residents ask for.',
    status: 'approved',
    permittedUses: ['translating letters to residents', 'translating leaflets', 'translating web pages', 'translating emails'],
    prohibitedUses: ['translating legal notices without a check by a qualified translator', 'interpreting in safeguarding conversations'],
    dataAllowed: 'personal_with_dpa',
    pricing: 'paid',
    dataProtectionTerms:
      'Texts are not kept after translation and never used for training; processing in the EU; data-processing agreement signed and reviewed by the data protection officer.',
    dpaInPlace: true,
    reviewDate: inMonths(9),
    contact: CONTACT,
    screening: { chat: false, generates: false },
    stages: ['proposed', 'in_review', 'approved', 'in_service'],
  },
  {
    name: 'Imagery Studio',
    vendor: 'PixelForge',
    description: 'Generates illustrations and graphics from a text description.',
    status: 'under_review',
    permittedUses: ['illustrations for leaflets', 'social media graphics'],
    prohibitedUses: ['images of real people', 'altering photographs of residents'],
    dataAllowed: 'none_personal',
    pricing: 'paid',
    dataProtectionTerms:
      'Being assessed: the standard terms let the vendor use uploaded images to improve the service; the council has asked for an enterprise agreement without that clause.',
    dpaInPlace: false,
    reviewDate: null,
    contact: CONTACT,
    screening: { chat: false, generates: true },
    stages: ['proposed', 'in_review'],
  },
];

/** Adds the demo tools to the organisation's catalogue and inventory; the inventory records belong to its governance officer. */
export async function seedDemoCatalogue(tx: Ctx, organisationId: string): Promise<void> {
  const owner = await tx.db
    .selectFrom('membership')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb(eb.val('governance_officer'), '=', eb.fn.any('roles')), eb(eb.val('admin'), '=', eb.fn.any('roles'))]))
    .orderBy((eb) => eb(eb.val('governance_officer'), '=', eb.fn.any('roles')), 'desc')
    .executeTakeFirstOrThrow();
  for (const { stages, screening, ...tool } of TOOLS()) {
    const entry = await createCatalogueEntry(tx, { ...tool, organisationId, inventoryOwnerId: owner.user_id });
    if (!entry.system) continue;
    // Screening comes first: no tool is approved or used before its tier is known (gates.ts).
    await recordScreening(tx, { organisationId, ref: entry.system.id, answers: generalPurposeToolScreening(screening) });
    for (const to of stages) {
      // The tool's governance work (AI literacy, sign-off) was done when it was approved for the catalogue.
      if (to === 'in_service') await meetBeforeDeploymentObligations(tx, organisationId, entry.system.id);
      try {
        await transitionSystem(tx, { organisationId, ref: entry.system.id, to, reason: `Tool catalogue (demo): ${tool.status.replace(/_/g, ' ')}.` });
      } catch (error) {
        // A gate added later (an assessment not done, say) stops the demo record where it is.
        if (error instanceof AppError && error.code === 'system.gates_unmet') break;
        throw error;
      }
    }
  }
}

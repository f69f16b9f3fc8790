/**
 * The demo's public register: plain-language entries for the City of Riverton's public AI systems,
 * published (one of them twice, so its page shows a change history). Texts are in English, the
 * organisation's language; the public pages' own words come in English, Spanish and French.
 */
import type { Ctx } from '../context.js';
import { slugify } from '../inventory/system-fields.js';
import { findSystemRow } from '../inventory/inventory.repository.js';
import type { RegisterTextKey } from '../register/record/register-record.js';
import { publishRegisterEntry } from '../register/publication/publish.service.js';
import { saveRegisterEntry, type SaveRegisterEntryInput } from '../register/publication/register-entry.service.js';
import { updateRegisterSettings } from '../register/publication/register-settings.service.js';

type DemoEntry = { system: string; texts: Partial<Record<RegisterTextKey, string>>; details?: SaveRegisterEntryInput['details'] };

const CONTACT = 'Email ai-register@riverton.example or call 0100 200 300 (Monday to Friday, 9am to 5pm). You can also ask at any council help desk.';

const ENTRIES: DemoEntry[] = [
  {
    system: 'Benefits Eligibility Assistant',
    texts: {
      summary: 'When you claim housing benefit or council tax support, this tool checks your claim against the rules and suggests a decision. A caseworker makes the decision.',
      purpose: 'We get about 14,000 claims a year. Checking every rule by hand is slow, and people waited up to six weeks. The tool does the routine checks so caseworkers have more time for the hard cases.',
      howItWorks:
        'You fill in the claim form. The tool reads your answers and the documents you send. It applies the national rules on income, savings and who lives with you.\n\nIt then suggests whether you qualify and how much you could get, and lists the rules it used. It does not send anything to you.',
      dataUsed: 'Your claim form, your income and savings, who lives with you, your tenancy, and the bank statements you send us. We do not use social media or data bought from other companies.',
      whatItDoesNot: 'It does not make the decision. It does not refuse a claim on its own. It does not look at your nationality, religion or health.',
      humanRole: 'A trained caseworker reads every suggestion and the reasons for it. They can change it. If the answer is to refuse, a senior caseworker checks it again before the letter goes out.',
      benefits: 'Claims are decided in about two weeks instead of six. Fewer mistakes are made in the sums.',
      risksAndMitigations: 'The tool could copy a mistake in the rules, or treat some groups worse than others. We test it every month against claims checked by hand, and we compare results for men and women, older and younger people, and disabled people.',
      rights: 'You can ask us to explain your decision. You can ask for a person to look at your claim again (a reconsideration) within one month. If you still disagree, you can appeal to the independent tribunal.',
      oversight: 'The Head of Benefits is responsible for the tool. The council’s AI review panel checks it every six months. You can complain to the Local Government Ombudsman.',
      monitoring: 'Every month we check 200 claims by hand and compare the result. The review panel sees the figures.',
      contact: CONTACT,
      legalBasis: 'Housing Benefit Regulations 2006 and the council’s Council Tax Reduction Scheme.',
    },
    details: { policyArea: 'benefits', technique: 'rule_based', useType: 'prescriptive' },
  },
  {
    system: 'Emergency Call Triage Support',
    texts: {
      summary: 'During floods and storms, this tool suggests how urgent each call to our emergency control room is. The person taking the call sets the final priority.',
      purpose: 'In a big emergency many people call at once. We need to answer the most serious calls first, such as someone trapped by water.',
      howItWorks: 'The call is written down as it happens. The tool looks for signs of danger, such as water rising in a home or a person who cannot move, and suggests a priority with its reasons.',
      dataUsed: 'What you tell us on the call, where you are, and any health information you give us.',
      whatItDoesNot: 'It does not answer calls. It does not send help on its own. It never lowers a priority that a dispatcher has set.',
      humanRole: 'The dispatcher sees the suggested priority and the reasons. They decide the final priority. A supervisor checks every call the tool rated low.',
      rights: 'You can ask how your call was handled. You can complain if you think your call was not treated as urgent enough.',
      oversight: 'The Emergency Planning Manager is responsible. The AI review panel sees an accuracy report every month.',
      contact: CONTACT,
    },
    details: { policyArea: 'public_safety', technique: 'self_learning', useType: 'predictive' },
  },
  {
    system: 'School Admission Allocator',
    texts: {
      summary: 'When you apply for a school place, this tool applies the published admission rules and your preferences to suggest which place to offer. Our admissions team checks every offer.',
      purpose: 'About 5,000 children apply each year. The rules are detailed, and checking them in a spreadsheet led to errors.',
      howItWorks: 'The tool applies the rules in the published order: children in care, brothers and sisters at the school, special needs, then distance from home. It then matches the result with your list of preferred schools.',
      dataUsed: 'Your home address, brothers and sisters at the school, any special educational needs, and your list of schools.',
      whatItDoesNot: 'It does not look at exam results, family income or where your family comes from. It does not handle appeals.',
      humanRole: 'The admissions team checks every suggested offer before it is sent. They deal with every appeal without the tool.',
      rights: 'You can ask how your offer was worked out. You can appeal to an independent appeal panel within 20 school days.',
      oversight: 'The Head of Admissions is responsible. The AI review panel checks the tool before each admissions round.',
      contact: CONTACT,
    },
    details: { policyArea: 'education', technique: 'rule_based', useType: 'prescriptive' },
  },
  {
    system: 'Ask Riverton',
    texts: {
      summary: 'A chat tool on our website that answers questions about council services and points you to the right page or form.',
      purpose: 'Many questions are simple, like bin days or how to pay council tax. The chat tool answers them at any time, so our phone lines are free for people who need them.',
      howItWorks: 'You type a question. The tool finds the right pages on our website and writes a short answer with links. It always says that it is a computer.',
      dataUsed: 'What you type in the chat. We keep chats for 30 days to improve the answers. Please do not type personal details.',
      whatItDoesNot: 'It does not make decisions about you. It cannot see your council tax or benefit records. It does not take payments.',
      humanRole: 'Our web team checks a sample of answers every week and corrects the pages the tool uses. You can ask to talk to a person at any time.',
      rights: 'You can always phone us or visit a help desk instead. You can ask us to delete your chat.',
      contact: CONTACT,
    },
    details: { policyArea: 'internal_operations', technique: 'self_learning', useType: 'descriptive' },
  },
  {
    system: 'Public Notice Generator',
    texts: {
      summary: 'This tool writes first drafts of routine public notices, such as road closures and bin-day changes. A member of staff checks every notice before it is published.',
      purpose: 'We publish hundreds of short notices a year. Writing each one by hand takes time away from other work.',
      howItWorks: 'Staff enter the facts (which road, which dates). The tool writes a draft in our house style. A member of staff edits and approves it.',
      dataUsed: 'Facts about roads, dates and services. No information about residents.',
      humanRole: 'A member of staff reads, corrects and approves every notice. Notices made with the tool say so at the bottom.',
      rights: 'If a notice is wrong, tell us and we will correct it.',
      contact: CONTACT,
    },
    details: { policyArea: 'transport', technique: 'self_learning', useType: 'descriptive' },
  },
  {
    system: 'Pothole Detection',
    texts: {
      summary: 'Cameras on our bin lorries take pictures of the road. This tool spots possible potholes so we can plan repairs.',
      purpose: 'Finding potholes early makes roads safer and repairs cheaper.',
      howItWorks: 'The tool looks at road pictures and marks places that may have a pothole. An inspector checks the list and decides what to repair first.',
      dataUsed: 'Pictures of the road. Faces and number plates are blurred before anyone sees them.',
      whatItDoesNot: 'It does not identify people or cars. It does not fine anyone.',
      humanRole: 'A highways inspector checks every marked place before a repair is ordered.',
      rights: 'You can still report a pothole yourself on our website.',
      contact: CONTACT,
    },
    details: { policyArea: 'transport', technique: 'self_learning', useType: 'diagnostic' },
  },
  {
    system: 'Waste Collection Route Optimiser',
    texts: {
      summary: 'This tool plans the routes of our bin lorries so they use less fuel and reach every street.',
      purpose: 'Better routes save fuel, cut pollution and make collections more reliable.',
      howItWorks: 'The tool uses a map, the streets on each round and traffic patterns. It suggests routes. The waste team adjusts and approves them.',
      dataUsed: 'Street maps, collection points and past traffic times. No information about residents.',
      humanRole: 'The waste team checks each new route and can change it at any time.',
      rights: 'If a collection is missed, report it on our website and we will come back.',
      contact: CONTACT,
    },
    details: { policyArea: 'environment', technique: 'rule_based', useType: 'prescriptive' },
  },
];

/**
 * Chooses the formats, then saves and publishes each entry (the first one twice). The public base
 * URL gives each entry its page address, which UK ATRS asks for (`website_url`).
 */
export async function seedDemoRegister(tx: Ctx, organisationId: string, publicBaseUrl = 'http://localhost:3000'): Promise<void> {
  await updateRegisterSettings(tx, { organisationId, formats: ['uk-atrs-tier1', 'nl-algoritmeregister'], organisation: { country: 'GB', area: 'City of Riverton' } });
  for (const entry of ENTRIES) {
    const system = await findSystemRow(tx.db, organisationId, slugify(entry.system));
    if (!system || system.public_visibility !== 'public') continue;
    const texts = Object.fromEntries(Object.entries(entry.texts).filter(([k]) => k !== 'benefits'));
    await saveRegisterEntry(tx, { organisationId, ref: system.id, texts, publicFields: Object.keys(texts), details: entry.details });
    await publishRegisterEntry(tx, { organisationId, ref: system.id, publicBaseUrl });
    if (entry.texts.benefits) {
      await saveRegisterEntry(tx, { organisationId, ref: system.id, texts: entry.texts, publicFields: Object.keys(entry.texts) });
      await publishRegisterEntry(tx, { organisationId, ref: system.id, publicBaseUrl });
    }
  }
}

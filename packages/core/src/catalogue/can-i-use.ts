/**
 * "Can I use this tool for this?" — the answer a staff member gets from the tool catalogue.
 * Pure: no I/O, no clock (the caller passes today's date), so a reader can check every rule here.
 *
 * Sources: seed 001 (workplace AI use policy samples: tools reviewed and approved before use,
 * permitted and prohibited uses, anonymise data where possible, caution with free tools) and
 * DESIGN R-APPROVE, R-FREE, R-AUDIT.
 *
 * The rules. Each one that applies adds a plain-language reason; the answer is the most cautious
 * one reached (no, then ask first, then yes), and only the reasons for that answer are given.
 *
 *   no         – the tool has been withdrawn from the catalogue (archived);
 *              – the tool is not approved;
 *              – personal information into a tool not approved for it (data allowed below
 *                "personal with a data-processing agreement"), or into one without a
 *                data-processing agreement in place;
 *              – anonymised information into a tool approved only for information not about
 *                people (anonymised data can still point to someone);
 *              – the use matches a prohibited use.
 *   ask first  – the tool is under review;
 *              – the use matches a permitted use, but the approval has conditions (named);
 *              – the approval's review date has passed, so it needs re-checking;
 *              – the tool is free and no data-protection terms are recorded (R-FREE: free tools
 *                may keep what is typed or train on it), so "yes" is never given;
 *              – the use matches neither a permitted nor a prohibited use.
 *   yes        – the tool is approved, the data fits, and the use matches a permitted use.
 *
 * Matching a use (keyword overlap, deliberately simple so anyone can predict it):
 *   1. Both texts are lower-cased, accents are removed, hyphens and apostrophes join the parts of a
 *      word ("e-mail" → "email", "non-personal" → "nonpersonal"), and everything else that is not a
 *      letter or a digit separates words.
 *   2. Common small words (a, the, for, about, my, want, use…) and one-letter words are dropped.
 *   3. Each word is cut to a rough stem: "iz" is read as "is", a plural "-ies" becomes "-y" or a
 *      final "-s" goes, then a final "-ing" or "-ed", then a final "-e" (drafting, drafts, drafted
 *      → draft; meetings → meet; summarise, summarizing → summaris).
 *   4. A listed use matches the question when every remaining word of the listed use is among the
 *      words of the question, in any order. A listed use left with no words never matches.
 * Limits: no synonyms ("letter" does not match "correspondence", "person" does not match
 * "people"); no negation ("not about people" still contains "people"); no spelling correction; a
 * long listed use matches only questions that contain all of its words. So catalogue entries should
 * list uses as short phrases, one idea each ("drafting newsletters", "decisions about people"), and
 * anything unmatched falls back to "ask first", never to "yes".
 */
import { APPROVED_STATUSES, type CatalogueStatus, type DataAllowed, type DataKind, type Pricing } from './catalogue-fields.js';

export type CanIUseAnswer = 'yes' | 'no' | 'ask_first';

/** What the rules read from a catalogue entry. */
export type CanIUseEntry = {
  name: string;
  status: CatalogueStatus;
  permittedUses: readonly string[];
  prohibitedUses: readonly string[];
  conditions: string;
  dataAllowed: DataAllowed;
  pricing: Pricing;
  dataProtectionTerms: string;
  dpaInPlace: boolean;
  /** YYYY-MM-DD, or null when none is set. */
  reviewDate: string | null;
  contact: string;
  archived: boolean;
};

export type CanIUseQuestion = {
  /** What the person wants to do, in their own words. */
  use: string;
  /** The kind of information they would put in. */
  data: DataKind;
};

export type CanIUseResult = { answer: CanIUseAnswer; reasons: string[] };

const STOP_WORDS = new Set(
  (
    'a an the and or but if then than so as at by for from in into of off on onto out over to up with within ' +
    'about after before between during through under via per ' +
    'i me my mine we us our ours you your yours it its this that these those there here ' +
    'he she they them their his her hers who whom which what when where why how ' +
    'is am are was were be been being do does did done have has had having will would shall should can could may might must ' +
    'want wants wanted need needs needed like would help use used using uses usage ' +
    'some any all each every other such no not nor only own same very just also too more most ' +
    'get got make makes made please etc eg ie'
  ).split(' '),
);

/** A rough stem of one lower-case word (see the module comment, step 3). */
function stem(word: string): string {
  let w = word.replace(/iz/g, 'is');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The keywords of a text, as stems (module comment, steps 1–3). */
export function keywords(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’\u2010\u2011-]/g, '')
    .split(/[^a-z0-9]+/);
  const out = new Set<string>();
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.add(stem(word));
  }
  return out;
}

/** The listed uses that match the question (module comment, step 4), in the order listed. */
export function matchingUses(question: string, listed: readonly string[]): string[] {
  const asked = keywords(question);
  return listed.filter((use) => {
    const needed = keywords(use);
    return needed.size > 0 && [...needed].every((k) => asked.has(k));
  });
}

const DATA_ALLOWED_TEXT: Record<DataAllowed, string> = {
  none_personal: 'information that is not about people',
  anonymised: 'information that is not about people, or anonymised information',
  personal_with_dpa: 'personal information, under a data-processing agreement',
};

const DATA_KIND_TEXT: Record<DataKind, string> = {
  none_personal: 'information that is not about people',
  anonymised: 'anonymised information',
  personal: 'personal information',
};

const quoted = (uses: readonly string[]): string => uses.map((u) => `“${u}”`).join(', ');

/**
 * Answers "can I use this tool for this use, with this kind of information?" by the rules in the
 * module comment. `today` is the date (YYYY-MM-DD) against which the review date is read.
 */
export function canIUse(entry: CanIUseEntry, question: CanIUseQuestion, today: string): CanIUseResult {
  const name = entry.name;
  const no: string[] = [];
  const ask: string[] = [];
  const yes: string[] = [];

  if (entry.archived) no.push(`${name} has been withdrawn from the tool catalogue.`);
  if (entry.status === 'not_approved') no.push(`${name} is not approved for use at work.`);
  if (entry.status === 'under_review') ask.push(`${name} is still being reviewed and has not been approved yet.`);

  if (question.data === 'personal') {
    if (entry.dataAllowed !== 'personal_with_dpa') {
      no.push(`${name} is approved only for ${DATA_ALLOWED_TEXT[entry.dataAllowed]}: personal information must not go into it.`);
    } else if (!entry.dpaInPlace) {
      no.push(`There is no data-processing agreement with the supplier of ${name}, so personal information must not go into it.`);
    }
  } else if (question.data === 'anonymised' && entry.dataAllowed === 'none_personal') {
    no.push(`${name} is approved only for information that is not about people. Anonymised information can still point to a person, so it must not go into it either.`);
  }

  const prohibited = matchingUses(question.use, entry.prohibitedUses);
  const permitted = matchingUses(question.use, entry.permittedUses);
  if (prohibited.length > 0) no.push(`Using ${name} for ${quoted(prohibited)} is prohibited.`);
  if (permitted.length === 0 && prohibited.length === 0) {
    ask.push(`The catalogue does not list this use for ${name}, either as permitted or as prohibited.`);
  } else if (permitted.length > 0 && entry.status === 'approved_with_conditions') {
    const conditions = entry.conditions.trim() || 'the conditions are not written down; ask for them';
    ask.push(`${name} is approved for ${quoted(permitted)} only under conditions: ${conditions}`);
  } else if (permitted.length > 0 && entry.status === 'approved') {
    yes.push(`${name} is approved for ${quoted(permitted)}.`);
  }

  if (APPROVED_STATUSES.includes(entry.status) && entry.reviewDate !== null && entry.reviewDate < today) {
    ask.push(`The approval of ${name} was due to be checked again on ${entry.reviewDate} and needs re-checking before you rely on it.`);
  }
  if (entry.pricing === 'free' && entry.dataProtectionTerms.trim() === '') {
    ask.push(`${name} is a free tool and no data-protection terms are recorded for it. Free tools may keep what you type or use it to train their models.`);
  }

  const contact = entry.contact.trim() || 'the person responsible for AI tools in your organisation';
  if (no.length > 0) return { answer: 'no', reasons: [...no, `If you think this is wrong, or you need a tool for this, ask ${contact}.`] };
  if (ask.length > 0 || yes.length === 0) {
    return { answer: 'ask_first', reasons: [...ask, `Ask ${contact} before you use ${name} for this.`] };
  }
  return {
    answer: 'yes',
    reasons: [
      ...yes,
      `It may be given ${DATA_ALLOWED_TEXT[entry.dataAllowed]}, and you would put in ${DATA_KIND_TEXT[question.data]}.`,
      'Check what it produces before you use it, and say where AI helped.',
    ],
  };
}

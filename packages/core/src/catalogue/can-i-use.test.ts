import { describe, expect, it } from 'vitest';
import { canIUse, keywords, matchingUses, type CanIUseEntry, type CanIUseQuestion } from './can-i-use.js';

const TODAY = '2026-11-22';

/** An approved, paid chat assistant with a DPA, for text that is not about people. */
const chat = (patch: Partial<CanIUseEntry> = {}): CanIUseEntry => ({
  name: 'Chat Assistant',
  status: 'approved',
  permittedUses: ['drafting newsletters', 'summarising reports', 'rewriting text in plain language'],
  prohibitedUses: ['decisions about people', 'assessing applications'],
  conditions: '',
  dataAllowed: 'none_personal',
  pricing: 'paid',
  dataProtectionTerms: 'Inputs are not used for training; kept 30 days; stored in the EU.',
  dpaInPlace: true,
  reviewDate: '2027-05-01',
  contact: 'the AI governance team',
  archived: false,
  ...patch,
});

const q = (use: string, data: CanIUseQuestion['data'] = 'none_personal'): CanIUseQuestion => ({ use, data });

type Row = [string, CanIUseEntry, CanIUseQuestion, 'yes' | 'no' | 'ask_first', RegExp];

describe('canIUse', () => {
  it.each<Row>([
    ['permitted use, approved, no personal data', chat(), q('Drafting a newsletter for residents'), 'yes', /approved for “drafting newsletters”/],
    ['permitted use in other word forms', chat(), q('summarise these reports'), 'yes', /“summarising reports”/],
    ['not approved, even for a listed use', chat({ status: 'not_approved' }), q('drafting newsletters'), 'no', /not approved for use at work/],
    ['withdrawn from the catalogue', chat({ archived: true }), q('drafting newsletters'), 'no', /withdrawn/],
    ['under review', chat({ status: 'under_review' }), q('drafting newsletters'), 'ask_first', /still being reviewed/],
    ['personal data into a tool for non-personal data', chat(), q('drafting newsletters', 'personal'), 'no', /only for information that is not about people: personal information must not go/],
    ['personal data into an anonymised-only tool', chat({ dataAllowed: 'anonymised' }), q('drafting newsletters', 'personal'), 'no', /or anonymised information: personal information must not go/],
    ['personal data allowed in principle but no DPA', chat({ dataAllowed: 'personal_with_dpa', dpaInPlace: false }), q('drafting newsletters', 'personal'), 'no', /no data-processing agreement/],
    ['personal data with a DPA in place', chat({ dataAllowed: 'personal_with_dpa' }), q('drafting newsletters', 'personal'), 'yes', /personal information, under a data-processing agreement/],
    ['anonymised data into a tool for non-personal data', chat(), q('summarising reports', 'anonymised'), 'no', /Anonymised information can still point to a person/],
    ['anonymised data into an anonymised tool', chat({ dataAllowed: 'anonymised' }), q('summarising reports', 'anonymised'), 'yes', /approved for “summarising reports”/],
    ['prohibited use', chat(), q('Make decisions about people applying for grants'), 'no', /“decisions about people” is prohibited/],
    ['prohibited beats permitted', chat(), q('summarising reports to make decisions about people'), 'no', /prohibited/],
    ['permitted, but with conditions', chat({ status: 'approved_with_conditions', conditions: 'Tell attendees first.' }), q('drafting newsletters'), 'ask_first', /only under conditions: Tell attendees first\./],
    ['conditions not written down', chat({ status: 'approved_with_conditions' }), q('drafting newsletters'), 'ask_first', /conditions are not written down/],
    ['review date passed', chat({ reviewDate: '2026-11-21' }), q('drafting newsletters'), 'ask_first', /due to be checked again on 2026-11-21/],
    ['review date today still holds', chat({ reviewDate: TODAY }), q('drafting newsletters'), 'yes', /approved for/],
    ['free tool without data-protection terms', chat({ pricing: 'free', dataProtectionTerms: '  ' }), q('drafting newsletters'), 'ask_first', /free tool and no data-protection terms/],
    ['free tool with terms recorded', chat({ pricing: 'free' }), q('drafting newsletters'), 'yes', /approved for/],
    ['use not listed either way', chat(), q('writing computer code'), 'ask_first', /does not list this use/],
    ['partial match is no match', chat(), q('drafting a report'), 'ask_first', /does not list this use/],
    ['no contact recorded', chat({ contact: '' }), q('writing poems'), 'ask_first', /Ask the person responsible for AI tools/],
  ])('%s → %s', (_name, entry, question, answer, reason) => {
    const result = canIUse(entry, question, TODAY);
    expect(result.answer).toBe(answer);
    expect(result.reasons.join('\n')).toMatch(reason);
  });

  it('gives every reason for a no, and none of the reasons for a weaker answer', () => {
    const result = canIUse(chat({ status: 'not_approved', pricing: 'free', dataProtectionTerms: '' }), q('decisions about people', 'personal'), TODAY);
    expect(result.answer).toBe('no');
    expect(result.reasons).toHaveLength(4); // not approved, personal data, prohibited use, whom to ask
    expect(result.reasons.join(' ')).not.toMatch(/free tool/);
    expect(result.reasons.at(-1)).toMatch(/ask the AI governance team/);
  });

  it('says whom to ask when the answer is ask first', () => {
    const result = canIUse(chat({ status: 'under_review' }), q('drafting newsletters'), TODAY);
    expect(result.reasons.at(-1)).toBe('Ask the AI governance team before you use Chat Assistant for this.');
  });
});

describe('use matching', () => {
  it.each<[string, string, string, boolean]>([
    ['every word, any order', 'newsletter drafting', 'drafting newsletters', true],
    ['plurals and -ing forms', 'drafted a newsletter', 'drafting newsletters', true],
    ['British and American spelling', 'summarizing reports', 'summarising reports', true],
    ['case and accents', 'RÉSUMÉS for staff', 'resumes', true],
    ['hyphens join words', 'emails to suppliers', 'e-mails', true],
    ['a missing word', 'drafting', 'drafting newsletters', false],
    ['a listed use of only small words', 'use it for this', 'for this', false],
    ['no synonyms', 'correspondence with suppliers', 'letters', false],
  ])('%s', (_name, question, listed, matches) => {
    expect(matchingUses(question, [listed])).toEqual(matches ? [listed] : []);
  });

  it('drops small words and one-letter words', () => {
    expect([...keywords('I want to use it for a meeting about the budget')]).toEqual(['meet', 'budget']);
  });
});

/** Small presentation helpers shared by the register pages: dates, tier, status and area names. */
import { en, type MessageKey } from '../messages.js';
import { catalogueFor, t, type Locale } from '../i18n.js';

/** A message chosen at run time (a tier, a status…); such messages have no placeholders. */
export const tk = (locale: Locale, key: MessageKey): string => catalogueFor(locale)[key];

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A date as people write it in the locale ("22 November 2026", "22 de noviembre de 2026"). */
export function formatDate(locale: Locale, value: Date | string): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return Number.isNaN(d.getTime()) ? '' : f.format(d);
}

export const TIERS = ['prohibited', 'high', 'limited', 'minimal', 'undetermined'] as const;
const TIER_KEYS: Record<string, MessageKey> = {
  prohibited: 'tierProhibited',
  high: 'tierHigh',
  limited: 'tierLimited',
  minimal: 'tierMinimal',
  undetermined: 'tierUndetermined',
};
export const tierName = (locale: Locale, tier: string | null): string => tk(locale, (tier && TIER_KEYS[tier]) || 'tierNone');

export const STATUSES = ['idea', 'proposed', 'in_review', 'approved', 'in_service', 'suspended', 'retired', 'rejected', 'undisclosed'] as const;
const STATUS_KEYS: Record<string, MessageKey> = {
  idea: 'statusIdea',
  proposed: 'statusProposed',
  in_review: 'statusInReview',
  approved: 'statusApproved',
  in_service: 'statusInService',
  suspended: 'statusSuspended',
  retired: 'statusRetired',
  rejected: 'statusRejected',
  undisclosed: 'statusUndisclosed',
};
export const statusName = (locale: Locale, status: string | null): string => tk(locale, (status && STATUS_KEYS[status]) || 'statusUndisclosed');

const AREA_KEYS: Record<string, MessageKey> = { '1': 'area1', '2': 'area2', '3': 'area3', '4': 'area4', '5': 'area5', '6': 'area6', '7': 'area7', '8': 'area8' };
export const areaName = (locale: Locale, area: string): string => {
  const key = AREA_KEYS[area];
  return key ? tk(locale, key) : area;
};
export const isAnnexArea = (area: string): boolean => area in AREA_KEYS;

/** "Text" style name of a text field: fieldSummary for 'summary'. */
export const fieldLabel = (locale: Locale, key: string): string => {
  const messageKey = `field${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  return isMessageKey(messageKey) ? tk(locale, messageKey) : key;
};

const isMessageKey = (k: string): k is MessageKey => Object.hasOwn(en, k);

/** What changed in a publication, in the reader's words (deduplicated, in a stable order). */
export function changedLabels(locale: Locale, paths: readonly string[]): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (!out.includes(s)) out.push(s);
  };
  for (const path of paths) {
    if (path.startsWith('texts.')) add(fieldLabel(locale, path.slice(6)));
    else if (path.startsWith('system.')) add(t(locale, 'changedSystem'));
    else if (path.startsWith('classification.')) add(t(locale, 'changedClassification'));
    else if (path.startsWith('links.')) add(t(locale, 'changedLinks'));
    else if (path.startsWith('organisation.')) add(t(locale, 'changedOrganisation'));
    else if (path === 'assessments') add(t(locale, 'changedAssessments'));
  }
  return out;
}

/** Language names in each page language, for "the texts are written in …". */
export const LANGUAGE_IN: Record<Locale, Record<Locale, string>> = {
  en: { en: 'English', es: 'Spanish', fr: 'French' },
  es: { en: 'inglés', es: 'español', fr: 'francés' },
  fr: { en: 'anglais', es: 'espagnol', fr: 'français' },
};

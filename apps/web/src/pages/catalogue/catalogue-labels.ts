/** How the tool catalogue's values read on screen, and the colour of each status tag. */
import type { CatalogueStatus, DataAllowed, DataKind, ToolUseAnswer } from '../../api';
import type { Tone } from '../../components/status-tag';
import type { Role } from '../../api';

/** Who may add, edit and archive tools (the server checks the same). */
export const CATALOGUE_CURATOR_ROLES: readonly Role[] = ['admin', 'governance_officer'];

export const STATUS_LABELS: Record<CatalogueStatus, string> = {
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  under_review: 'Under review',
  not_approved: 'Not approved',
};

export const STATUS_TONES: Record<CatalogueStatus, Tone> = {
  approved: 'success',
  approved_with_conditions: 'info',
  under_review: 'warning',
  not_approved: 'error',
};

export const STATUS_DESCRIPTIONS: Record<CatalogueStatus, string> = {
  approved: 'Staff may use it for the permitted uses.',
  approved_with_conditions: 'Staff may use it for the permitted uses if they meet the conditions.',
  under_review: 'Being assessed; staff ask first.',
  not_approved: 'Staff must not use it for work.',
};

export const DATA_ALLOWED_LABELS: Record<DataAllowed, string> = {
  none_personal: 'No personal information',
  anonymised: 'Anonymised information',
  personal_with_dpa: 'Personal information, under a data-processing agreement',
};

export const DATA_ALLOWED_DESCRIPTIONS: Record<DataAllowed, string> = {
  none_personal: 'Only information that is not about people.',
  anonymised: 'Information with names and other details that identify people removed.',
  personal_with_dpa: 'Information about identifiable people, only while a data-processing agreement with the supplier is in place.',
};

export const DATA_KIND_LABELS: Record<DataKind, string> = {
  none_personal: 'No personal information',
  anonymised: 'Anonymised information',
  personal: 'Personal information',
};

export const DATA_KIND_DESCRIPTIONS: Record<DataKind, string> = {
  none_personal: 'Nothing about identifiable people: for example a newsletter, a policy or a public report.',
  anonymised: 'Information about people with names, addresses, reference numbers and other identifying details removed.',
  personal: 'Anything about an identifiable person: a resident’s letter, a case file, staff records.',
};

export const PRICING_LABELS = { paid: 'Paid', free: 'Free' } as const;

export const ANSWER_HEADINGS: Record<ToolUseAnswer['answer'], (tool: string) => string> = {
  yes: (tool) => `Yes, you can use ${tool} for this`,
  no: (tool) => `No, do not use ${tool} for this`,
  ask_first: (tool) => `Ask first before you use ${tool} for this`,
};

export const ANSWER_ALERT_TYPES = { yes: 'success', no: 'error', ask_first: 'warning' } as const;

/** Today as YYYY-MM-DD in the person's time zone. */
export function todayText(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A calendar day (YYYY-MM-DD) in the person's locale; read as a local date so it never shifts a day. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

export const lifecycleText = (lifecycle: string): string => lifecycle.replace(/_/g, ' ');

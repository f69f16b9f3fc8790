/**
 * The public pages of citizen services: the concern form, the redress request form, and the
 * private status pages they lead to. Pure rendering: the routes (citizen-site.ts) load the data.
 * Every value from people or the database goes through `html`, which escapes it.
 */
import type { CitizenLocale, ConcernCategory, ConcernStatus, PublicConcernStatus, PublicRedressStatus, RedressKind, RedressStatus } from '@glassbox/core';
import { CITIZEN_LIMITS, CONCERN_CATEGORIES, REDRESS_KINDS } from '@glassbox/core';
import { html, type SafeHtml } from '../html.js';
import { catalogueFor, t, type Locale } from '../i18n.js';
import { renderPage } from '../layout.js';
import type { MessageKey } from '../messages.js';
import { errorSummary, formGuards, longDate, problemMessage, radioGroup, selectField, textArea, textField, type FieldError } from './forms.js';

type Org = { name: string; slug: string };
type Choice = { slug: string; name: string };

/** A message whose key is built from a value (e.g. concernStatus_new); falls back to the value itself. */
function label(locale: Locale, key: string): string {
  const c = catalogueFor(locale);
  return Object.hasOwn(c, key) ? c[key as MessageKey] : key;
}

export type FormState = {
  values: Record<string, string>;
  /** Field → problem code from the core checks. */
  problems: Record<string, string>;
  /** A message for the whole form (e.g. the form expired). */
  general?: string | undefined;
  token: string;
};

function fieldErrors(locale: Locale, state: FormState, order: readonly string[]): FieldError[] {
  return order.filter((f) => state.problems[f]).map((field) => ({ field, message: problemMessage(locale, state.problems[field] ?? '') }));
}

const err = (locale: Locale, state: FormState, field: string): string | undefined => {
  const p = state.problems[field];
  return p ? problemMessage(locale, p) : undefined;
};

const CONCERN_FIELDS = ['category', 'system', 'description', 'contactName', 'contactEmail', 'contactPhone'] as const;

export function renderConcernForm(locale: Locale, org: Org, systems: readonly Choice[], state: FormState): string {
  const v = state.values;
  const labels: Record<string, string> = {
    category: t(locale, 'concernCategoryLegend'),
    system: t(locale, 'concernSystemLabel'),
    description: t(locale, 'concernDescriptionLabel'),
    contactName: t(locale, 'contactNameLabel'),
    contactEmail: t(locale, 'contactEmailLabel'),
    contactPhone: t(locale, 'contactPhoneLabel'),
  };
  const path = `/${org.slug}/concerns/new`;
  const main = html`<h1>${t(locale, 'concernTitle')}</h1>
${errorSummary(locale, fieldErrors(locale, state, CONCERN_FIELDS), labels, state.general)}
<p class="lead">${t(locale, 'concernIntro', { name: org.name })}</p>
<form method="post" action="/${org.slug}/concerns?lang=${locale}" novalidate>
${radioGroup(locale, {
  name: 'category',
  label: labels.category ?? '',
  value: v.category ?? '',
  error: err(locale, state, 'category'),
  options: CONCERN_CATEGORIES.map((c) => ({ value: c, label: label(locale, `concernCategory_${c}`) })),
})}
${
  systems.length > 0
    ? selectField(locale, {
        name: 'system',
        label: labels.system ?? '',
        optional: true,
        value: v.system ?? '',
        error: err(locale, state, 'system'),
        emptyOption: t(locale, 'concernSystemNone'),
        options: systems.map((s) => ({ value: s.slug, label: s.name })),
      })
    : null
}
${textArea(locale, {
  name: 'description',
  label: labels.description ?? '',
  hint: `${t(locale, 'concernDescriptionHint')} ${t(locale, 'characterLimit', { max: CITIZEN_LIMITS.description })}`,
  value: v.description ?? '',
  error: err(locale, state, 'description'),
  maxLength: CITIZEN_LIMITS.description,
})}
<fieldset class="fieldset">
<legend class="field__label">${t(locale, 'concernContactLegend')} <span class="secondary">${t(locale, 'formOptional')}</span></legend>
<p class="field__hint">${t(locale, 'concernContactHint')}</p>
${textField(locale, { name: 'contactName', label: labels.contactName ?? '', optional: true, value: v.contactName ?? '', error: err(locale, state, 'contactName'), autocomplete: 'name', maxLength: CITIZEN_LIMITS.name })}
${textField(locale, { name: 'contactEmail', type: 'email', label: labels.contactEmail ?? '', optional: true, value: v.contactEmail ?? '', error: err(locale, state, 'contactEmail'), autocomplete: 'email', maxLength: CITIZEN_LIMITS.email })}
${textField(locale, { name: 'contactPhone', type: 'tel', label: labels.contactPhone ?? '', optional: true, value: v.contactPhone ?? '', error: err(locale, state, 'contactPhone'), autocomplete: 'tel', maxLength: CITIZEN_LIMITS.phone })}
</fieldset>
${formGuards(locale, state.token)}
<button class="button" type="submit">${t(locale, 'concernSubmit')}</button>
</form>`;
  return renderPage({ locale, title: t(locale, 'concernTitle'), path, org, main });
}

const REDRESS_FIELDS = ['kind', 'system', 'decisionReference', 'description', 'contactName', 'contactEmail', 'postalAddress'] as const;

export function renderRedressForm(
  locale: Locale,
  org: Org,
  systems: readonly Choice[],
  days: Record<RedressKind, number>,
  state: FormState,
): string {
  const v = state.values;
  const path = `/${org.slug}/requests/new`;
  if (systems.length === 0) {
    return renderPage({ locale, title: t(locale, 'requestTitle'), path, org, main: html`<h1>${t(locale, 'requestTitle')}</h1><p>${t(locale, 'requestNoSystems', { name: org.name })}</p>` });
  }
  const labels: Record<string, string> = {
    kind: t(locale, 'requestKindLegend'),
    system: t(locale, 'requestSystemLabel'),
    decisionReference: t(locale, 'decisionReferenceLabel'),
    description: t(locale, 'requestDescriptionLabel'),
    contactName: t(locale, 'contactNameLabel'),
    contactEmail: t(locale, 'contactEmailLabel'),
    postalAddress: t(locale, 'postalAddressLabel'),
  };
  const main = html`<h1>${t(locale, 'requestTitle')}</h1>
${errorSummary(locale, fieldErrors(locale, state, REDRESS_FIELDS), labels, state.general)}
<p class="lead">${t(locale, 'requestIntro', { name: org.name })}</p>
<form method="post" action="/${org.slug}/requests?lang=${locale}" novalidate>
${radioGroup(locale, {
  name: 'kind',
  label: labels.kind ?? '',
  value: v.kind ?? '',
  error: err(locale, state, 'kind'),
  options: REDRESS_KINDS.map((k) => ({ value: k, label: label(locale, `requestKind_${k}`), hint: t(locale, 'requestAnswerWithin', { days: days[k] }) })),
})}
${selectField(locale, {
  name: 'system',
  label: labels.system ?? '',
  value: v.system ?? '',
  error: err(locale, state, 'system'),
  emptyOption: t(locale, 'requestSystemChoose'),
  options: systems.map((s) => ({ value: s.slug, label: s.name })),
})}
${textField(locale, {
  name: 'decisionReference',
  label: labels.decisionReference ?? '',
  hint: t(locale, 'decisionReferenceHint'),
  optional: true,
  value: v.decisionReference ?? '',
  error: err(locale, state, 'decisionReference'),
  maxLength: CITIZEN_LIMITS.decisionReference,
})}
${textArea(locale, {
  name: 'description',
  label: labels.description ?? '',
  hint: `${t(locale, 'requestDescriptionHint')} ${t(locale, 'characterLimit', { max: CITIZEN_LIMITS.description })}`,
  value: v.description ?? '',
  error: err(locale, state, 'description'),
  maxLength: CITIZEN_LIMITS.description,
})}
<fieldset class="fieldset">
<legend class="field__label">${t(locale, 'requestContactLegend')}</legend>
<p class="field__hint">${t(locale, 'requestContactHint')}</p>
${textField(locale, { name: 'contactName', label: labels.contactName ?? '', value: v.contactName ?? '', error: err(locale, state, 'contactName'), autocomplete: 'name', maxLength: CITIZEN_LIMITS.name })}
${textField(locale, { name: 'contactEmail', type: 'email', label: labels.contactEmail ?? '', optional: true, value: v.contactEmail ?? '', error: err(locale, state, 'contactEmail'), autocomplete: 'email', maxLength: CITIZEN_LIMITS.email })}
${textArea(locale, { name: 'postalAddress', label: labels.postalAddress ?? '', optional: true, value: v.postalAddress ?? '', error: err(locale, state, 'postalAddress'), maxLength: CITIZEN_LIMITS.postalAddress, rows: 4 })}
</fieldset>
${formGuards(locale, state.token)}
<button class="button" type="submit">${t(locale, 'requestSubmit')}</button>
</form>`;
  return renderPage({ locale, title: t(locale, 'requestTitle'), path, org, main });
}

function history(locale: Locale, events: ReadonlyArray<{ kind: string; toStatus: string | null; at: string }>, statusKey: (s: string) => string): SafeHtml {
  const items = events
    .filter((e) => e.kind !== 'status' || e.toStatus)
    .map((e) => {
      const text = e.kind === 'status' && e.toStatus ? t(locale, 'event_status', { status: label(locale, statusKey(e.toStatus)) }) : label(locale, `event_${e.kind}`);
      return html`<li><time datetime="${e.at}">${longDate(locale, e.at)}</time> – ${text}</li>`;
    });
  return html`<h2>${t(locale, 'statusHistory')}</h2>
<ul class="history">${items}</ul>`;
}

/** Lines of free text kept as the person or staff wrote them. */
const paragraphsOf = (text: string): SafeHtml[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p class="preserve-lines">${p}</p>`);

export function renderConcernStatus(locale: Locale, org: Org, s: PublicConcernStatus, opts: { justSent: boolean; path: string }): string {
  const main = html`${opts.justSent ? html`<div class="notice notice--success" role="status"><p><strong>${t(locale, 'concernReceived')}</strong></p></div>` : null}
<h1>${t(locale, 'concernStatusTitle', { reference: s.reference })}</h1>
<p class="notice">${t(locale, 'statusPrivateLink')}</p>
<dl class="facts">
<dt>${t(locale, 'statusReference')}</dt><dd>${s.reference}</dd>
<dt>${t(locale, 'statusSentOn')}</dt><dd><time datetime="${s.submittedAt}">${longDate(locale, s.submittedAt)}</time></dd>
<dt>${t(locale, 'concernKind')}</dt><dd>${label(locale, `concernCategory_${s.category satisfies ConcernCategory}`)}</dd>
${s.system ? html`<dt>${t(locale, 'statusSystem')}</dt><dd>${s.system.name}</dd>` : null}
<dt>${t(locale, 'statusLabel')}</dt><dd>${label(locale, `concernStatus_${s.status satisfies ConcernStatus}`)}</dd>
</dl>
<h2>${t(locale, 'concernResponseHeading')}</h2>
${s.response ? paragraphsOf(s.response) : html`<p>${t(locale, 'concernNoResponse')}</p>`}
${history(locale, s.events, (st) => `concernStatus_${st}`)}`;
  return renderPage({ locale, title: t(locale, 'concernStatusTitle', { reference: s.reference }), path: opts.path, org, main });
}

export function renderRedressStatus(locale: Locale, org: Org, s: PublicRedressStatus, opts: { justSent: boolean; path: string }): string {
  const main = html`${opts.justSent ? html`<div class="notice notice--success" role="status"><p><strong>${t(locale, 'requestReceived')}</strong></p></div>` : null}
<h1>${t(locale, 'requestStatusTitle', { reference: s.reference })}</h1>
<p class="notice">${t(locale, 'statusPrivateLink')}</p>
<dl class="facts">
<dt>${t(locale, 'statusReference')}</dt><dd>${s.reference}</dd>
<dt>${t(locale, 'statusSentOn')}</dt><dd><time datetime="${s.submittedAt}">${longDate(locale, s.submittedAt)}</time></dd>
<dt>${t(locale, 'requestKind')}</dt><dd>${label(locale, `requestKind_${s.kind satisfies RedressKind}`)}</dd>
<dt>${t(locale, 'statusSystem')}</dt><dd>${s.system.name}</dd>
${s.decisionReference ? html`<dt>${t(locale, 'requestDecisionReference')}</dt><dd>${s.decisionReference}</dd>` : null}
<dt>${t(locale, 'statusLabel')}</dt><dd>${label(locale, `requestStatus_${s.status satisfies RedressStatus}`)}</dd>
<dt>${t(locale, 'requestDueBy')}</dt><dd><time datetime="${s.dueAt}">${longDate(locale, s.dueAt)}</time></dd>
</dl>
<h2>${t(locale, 'requestOutcomeHeading')}</h2>
${s.outcome ? html`<p><strong>${label(locale, `outcome_${s.outcome}`)}</strong></p>${paragraphsOf(s.outcomeText ?? '')}` : html`<p>${t(locale, 'requestNoOutcome')}</p>`}
${history(locale, s.events, (st) => `requestStatus_${st}`)}`;
  return renderPage({ locale, title: t(locale, 'requestStatusTitle', { reference: s.reference }), path: opts.path, org, main });
}

export function renderStatusNotFound(locale: Locale, org: Org, path: string): string {
  return renderPage({ locale, title: t(locale, 'statusNotFoundTitle'), path, org, main: html`<h1>${t(locale, 'statusNotFoundTitle')}</h1><p>${t(locale, 'statusNotFoundBody')}</p>` });
}

export function renderTooMany(locale: Locale, path: string): string {
  return renderPage({ locale, title: t(locale, 'tooManyTitle'), path, main: html`<h1>${t(locale, 'tooManyTitle')}</h1><p>${t(locale, 'tooManyBody')}</p>` });
}

export const isCitizenPageLocale = (l: Locale): l is CitizenLocale => l === 'en' || l === 'es' || l === 'fr';

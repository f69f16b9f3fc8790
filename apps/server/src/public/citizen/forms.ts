/**
 * What every public form shares (issue #5 point 9): a CSRF token for people without a session, a
 * honeypot field, the error summary and field markup (label, hint, error, aria-invalid and
 * aria-describedby), and reading a urlencoded body safely.
 *
 * CSRF without a session: double submit, signed. The page sets a random nonce in a SameSite=Strict,
 * httpOnly cookie and puts `issuedAt.nonce.mac` in a hidden field, where mac = HMAC-SHA256(secret,
 * form id, issuedAt, nonce). A post is accepted when the mac is right, the nonce matches the cookie
 * and the token is less than 4 hours old. Another site can neither read the cookie nor make a valid
 * mac, and a SameSite=Strict cookie is not sent with its cross-site posts anyway.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../html.js';
import { catalogueFor, t, type Locale } from '../i18n.js';
import type { MessageKey } from '../messages.js';

export const FORM_COOKIE = 'gb_form';
const MAX_AGE_MS = 4 * 60 * 60 * 1000;
/** The honeypot: a field no person fills (hidden from sight and from screen readers). */
export const HONEYPOT_FIELD = 'website';

const mac = (secret: string, formId: string, issuedAt: string, nonce: string): string =>
  createHmac('sha256', secret).update(`${formId}\n${issuedAt}\n${nonce}`).digest('base64url');

/** The nonce of this browser (from its cookie, or a new one set now) and a token for `formId`. */
export function issueFormToken(request: FastifyRequest, reply: FastifyReply, secret: string, formId: string, now = Date.now()): string {
  let nonce = request.cookies[FORM_COOKIE];
  if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
    nonce = randomBytes(16).toString('base64url');
    void reply.setCookie(FORM_COOKIE, nonce, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
  }
  const issuedAt = String(now);
  return `${issuedAt}.${nonce}.${mac(secret, formId, issuedAt, nonce)}`;
}

export function checkFormToken(request: FastifyRequest, secret: string, formId: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const [issuedAt, nonce, given, ...rest] = token.split('.');
  if (!issuedAt || !nonce || !given || rest.length > 0) return false;
  const age = now - Number(issuedAt);
  if (!Number.isFinite(age) || age < 0 || age > MAX_AGE_MS) return false;
  if (request.cookies[FORM_COOKIE] !== nonce) return false;
  const want = Buffer.from(mac(secret, formId, issuedAt, nonce));
  const got = Buffer.from(given);
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * The body limit of a public form, from its text fields' character limits, so that every input
 * within them is accepted and a too-long text gets its field's message with the text kept rather
 * than a bare 413. A character costs at most 12 bytes urlencoded (4 UTF-8 bytes, each as %XX; a
 * line break is sent as %0D%0A), plus room for the field names, the token and the short fields.
 */
export function formBodyLimit(fieldLimits: readonly number[]): number {
  return fieldLimits.reduce((sum, max) => sum + max * 12, 0) + 8 * 1024;
}

/** A urlencoded body as single string values; repeated or non-string fields become ''. */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) out[k] = typeof v === 'string' ? v : '';
  return out;
}

export type FieldError = { field: string; message: string };

/** The error summary at the top of a form (focus moves to it; each entry links to its field). */
export function errorSummary(locale: Locale, errors: readonly FieldError[], labels: Record<string, string>, general?: string): SafeHtml | null {
  if (errors.length === 0 && !general) return null;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
<h2 id="error-summary-title">${t(locale, 'formErrorSummary')}</h2>
${general ? html`<p>${general}</p>` : null}
${errors.length > 0 ? html`<ul>${errors.map((e) => html`<li><a href="#${e.field}">${labels[e.field] ?? e.field}: ${e.message}</a></li>`)}</ul>` : null}
</div>`;
}

type FieldOpts = {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
};

function describedBy(o: FieldOpts): string | null {
  const ids = [o.hint ? `${o.name}-hint` : null, o.error ? `${o.name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : null;
}

function labelAndHelp(locale: Locale, o: FieldOpts): SafeHtml {
  return html`<label class="field__label" for="${o.name}">${o.label}${o.optional ? html` <span class="secondary">${t(locale, 'formOptional')}</span>` : null}</label>
${o.hint ? html`<p class="field__hint" id="${o.name}-hint">${o.hint}</p>` : null}
${o.error ? html`<p class="field__error" id="${o.name}-error"><span class="visually-hidden">${t(locale, 'formErrorSummary')}: </span>${o.error}</p>` : null}`;
}

const aria = (o: FieldOpts): SafeHtml => {
  const by = describedBy(o);
  return html`${o.error ? html` aria-invalid="true"` : null}${by ? html` aria-describedby="${by}"` : null}`;
};

export function textField(
  locale: Locale,
  o: FieldOpts & { value: string; type?: 'text' | 'email' | 'tel'; autocomplete?: string; maxLength: number },
): SafeHtml {
  return html`<div class="field${o.error ? ' field--error' : ''}">
${labelAndHelp(locale, o)}
<input class="input" type="${o.type ?? 'text'}" id="${o.name}" name="${o.name}" value="${o.value}" maxlength="${o.maxLength}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}${o.optional ? null : html` required`}${aria(o)}>
</div>`;
}

export function textArea(locale: Locale, o: FieldOpts & { value: string; maxLength: number; rows?: number }): SafeHtml {
  return html`<div class="field${o.error ? ' field--error' : ''}">
${labelAndHelp(locale, o)}
<textarea class="textarea" id="${o.name}" name="${o.name}" rows="${o.rows ?? 8}" maxlength="${o.maxLength}"${o.optional ? null : html` required`}${aria(o)}>${o.value}</textarea>
</div>`;
}

/** A select; `emptyOption` is the text of a first, empty choice (e.g. "I do not know"), when there is one. */
export function selectField(locale: Locale, o: FieldOpts & { value: string; options: Array<{ value: string; label: string }>; emptyOption?: string }): SafeHtml {
  return html`<div class="field${o.error ? ' field--error' : ''}">
${labelAndHelp(locale, o)}
<select class="select" id="${o.name}" name="${o.name}"${o.optional ? null : html` required`}${aria(o)}>
${o.emptyOption !== undefined ? html`<option value="">${o.emptyOption}</option>` : null}
${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === o.value ? html` selected` : null}>${opt.label}</option>`)}
</select>
</div>`;
}

/** Radios in a fieldset; the first radio carries the field's id so the error summary can link to it. */
export function radioGroup(
  locale: Locale,
  o: FieldOpts & { value: string; options: Array<{ value: string; label: string; hint?: string | undefined }> },
): SafeHtml {
  const by = describedBy(o);
  return html`<div class="field${o.error ? ' field--error' : ''}">
<fieldset class="fieldset"${by ? html` aria-describedby="${by}"` : null}>
<legend class="field__label">${o.label}</legend>
${o.hint ? html`<p class="field__hint" id="${o.name}-hint">${o.hint}</p>` : null}
${o.error ? html`<p class="field__error" id="${o.name}-error"><span class="visually-hidden">${t(locale, 'formErrorSummary')}: </span>${o.error}</p>` : null}
${o.options.map((opt, i) => {
  const id = i === 0 ? o.name : `${o.name}-${opt.value}`;
  return html`<div class="radio">
<input type="radio" id="${id}" name="${o.name}" value="${opt.value}"${opt.value === o.value ? html` checked` : null}${opt.hint ? html` aria-describedby="${id}-hint"` : null}>
<label for="${id}">${opt.label}</label>
${opt.hint ? html`<p class="field__hint radio__hint" id="${id}-hint">${opt.hint}</p>` : null}
</div>`;
})}
</fieldset>
</div>`;
}

/** The honeypot and the CSRF token: hidden inputs every public form carries. */
export function formGuards(locale: Locale, token: string): SafeHtml {
  return html`<div class="honeypot" aria-hidden="true">
<label for="${HONEYPOT_FIELD}">${t(locale, 'honeypotLabel')}</label>
<input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off">
</div>
<input type="hidden" name="formToken" value="${token}">`;
}

/** The message for a field problem code from the core checks, in the page's language. */
export function problemMessage(locale: Locale, problem: string): string {
  const key = `problem_${problem}`;
  const catalogue = catalogueFor(locale);
  return Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : problem;
}

/** Dates people read: "3 March 2026", "3 de marzo de 2026", "3 mars 2026". */
export function longDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/**
 * The public pages of consultations (issue #5 point 7): the list of open and past consultations,
 * one consultation (introduction, dates, guiding questions, the comment form while it is open,
 * approved comments, the published response), and the thank-you page. The system links to its
 * register page only once published; a proposed system is named, with a note that it is not there. Pure rendering: the routes
 * (engagement-site.ts) load the data. Every value goes through `html`, which escapes it.
 */
import { CONSULTATION_LIMITS, type PublicConsultation, type PublicConsultationSummary } from '@glassbox/core';
import { html, type SafeHtml } from '../html.js';
import { t, type Locale } from '../i18n.js';
import { renderPage } from '../layout.js';
import { errorSummary, formGuards, longDate, problemMessage, textArea, textField, type FieldError } from '../citizen/forms.js';

type Org = { name: string; slug: string };

export type CommentFormState = {
  values: Record<string, string>;
  problems: Record<string, string>;
  general?: string | undefined;
  token: string;
};

/** Paragraphs of free text, line breaks kept. */
const paragraphsOf = (text: string): SafeHtml[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p class="preserve-lines">${p}</p>`);

const when = (locale: Locale, iso: string): SafeHtml => html`<time datetime="${iso}">${longDate(locale, iso)}</time>`;

function listItem(locale: Locale, org: Org, c: PublicConsultationSummary): SafeHtml {
  return html`<li>
<h3><a href="/${org.slug}/consultations/${c.id}">${c.title}</a></h3>
<p>${t(locale, 'consultationOnSystem', { system: c.system.name })}</p>
<p>${c.state === 'open' ? t(locale, 'consultationOpenUntil', { date: longDate(locale, c.closesAt) }) : t(locale, 'consultationClosedOn', { date: longDate(locale, c.closesAt) })}${
    c.state === 'closed' && c.hasSummary ? html` ${t(locale, 'consultationResponseReady')}` : null
  }</p>
</li>`;
}

export function renderConsultationList(locale: Locale, org: Org, items: readonly PublicConsultationSummary[]): string {
  const open = items.filter((c) => c.state === 'open');
  const past = items.filter((c) => c.state === 'closed');
  const main = html`<h1>${t(locale, 'consultationsTitle')}</h1>
<p class="lead">${t(locale, 'consultationsIntro', { name: org.name })}</p>
<h2>${t(locale, 'consultationsOpenHeading')}</h2>
${open.length ? html`<ul class="consultation-list">${open.map((c) => listItem(locale, org, c))}</ul>` : html`<p>${t(locale, 'consultationsNoneOpen')}</p>`}
<h2>${t(locale, 'consultationsPastHeading')}</h2>
${past.length ? html`<ul class="consultation-list">${past.map((c) => listItem(locale, org, c))}</ul>` : html`<p>${t(locale, 'consultationsNonePast')}</p>`}`;
  return renderPage({ locale, title: t(locale, 'consultationsTitle'), path: `/${org.slug}/consultations`, org, main });
}

const COMMENT_FIELDS = (questions: number): string[] => ['comment', ...Array.from({ length: questions }, (_, i) => `answer_${i}`), 'name'];

function commentForm(locale: Locale, org: Org, c: PublicConsultation, state: CommentFormState): SafeHtml {
  const v = state.values;
  const err = (field: string): string | undefined => {
    const p = state.problems[field];
    return p ? problemMessage(locale, p) : undefined;
  };
  const labels: Record<string, string> = {
    comment: t(locale, 'consultationCommentLabel'),
    name: t(locale, 'consultationNameLabel'),
    ...Object.fromEntries(c.questions.map((q, i) => [`answer_${i}`, q])),
  };
  const errors: FieldError[] = COMMENT_FIELDS(c.questions.length)
    .filter((f) => state.problems[f])
    .map((field) => ({ field, message: problemMessage(locale, state.problems[field] ?? '') }));
  return html`<section aria-labelledby="comment-form-heading">
<h2 id="comment-form-heading">${t(locale, 'consultationFormHeading')}</h2>
${errorSummary(locale, errors, labels, state.general)}
<p>${t(locale, 'consultationFormIntro')}</p>
<form method="post" action="/${org.slug}/consultations/${c.id}/comments?lang=${locale}" novalidate>
${textArea(locale, {
  name: 'comment',
  label: labels.comment ?? '',
  hint: `${t(locale, 'consultationCommentHint')} ${t(locale, 'characterLimit', { max: CONSULTATION_LIMITS.comment })}`,
  value: v.comment ?? '',
  error: err('comment'),
  maxLength: CONSULTATION_LIMITS.comment,
})}
${
  c.questions.length
    ? html`<fieldset class="fieldset">
<legend class="field__label">${t(locale, 'consultationAnswersLegend')} <span class="secondary">${t(locale, 'formOptional')}</span></legend>
${c.questions.map((q, i) =>
  textArea(locale, { name: `answer_${i}`, label: q, optional: true, value: v[`answer_${i}`] ?? '', error: err(`answer_${i}`), maxLength: CONSULTATION_LIMITS.answer, rows: 4 }),
)}
</fieldset>`
    : null
}
${textField(locale, { name: 'name', label: labels.name ?? '', hint: t(locale, 'consultationNameHint'), optional: true, value: v.name ?? '', error: err('name'), autocomplete: 'name', maxLength: CONSULTATION_LIMITS.name })}
<div class="radio">
<input type="checkbox" id="showName" name="showName" value="yes"${v.showName === 'yes' ? html` checked` : null}>
<label for="showName">${t(locale, 'consultationShowNameLabel')}</label>
</div>
${formGuards(locale, state.token)}
<button class="button" type="submit">${t(locale, 'consultationSubmit')}</button>
</form>
</section>`;
}

export function renderConsultationPage(locale: Locale, org: Org, c: PublicConsultation, form: CommentFormState | null, opts: { refusedClosed?: boolean } = {}): string {
  const comments = c.comments.map(
    (k, n) => html`<li class="notice">
<h3 id="comment-${n + 1}">${k.name ? t(locale, 'consultationCommentBy', { name: k.name }) : t(locale, 'consultationCommentAnonymous')}</h3>
<p class="secondary">${when(locale, k.submittedAt)}</p>
${paragraphsOf(k.comment)}
${
  k.answers.some((a) => a.trim())
    ? html`<dl>${c.questions.map((q, i) => {
        const a = k.answers[i] ?? '';
        return a.trim() ? html`<dt>${q}</dt><dd>${paragraphsOf(a)}</dd>` : null;
      })}</dl>`
    : null
}
</li>`,
  );
  const main = html`${opts.refusedClosed ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><p>${t(locale, 'consultationClosedRefused')}</p></div>` : null}
<h1>${c.title}</h1>
<dl class="facts">
<dt>${t(locale, 'consultationSystemLabel')}</dt><dd>${
    c.registerSlug ? html`<a href="/${org.slug}/register/${c.registerSlug}">${c.system.name}</a>` : html`${c.system.name} <span class="secondary">${t(locale, 'consultationSystemProposed')}</span>`
  }</dd>
<dt>${t(locale, 'consultationDatesLabel')}</dt><dd>${t(locale, 'consultationDates', { opens: longDate(locale, c.opensAt), closes: longDate(locale, c.closesAt) })}</dd>
<dt>${t(locale, 'consultationStatusLabel')}</dt><dd>${c.state === 'open' ? t(locale, 'consultationStateOpen') : t(locale, 'consultationStateClosed')}</dd>
</dl>
${paragraphsOf(c.intro)}
${
  c.questions.length
    ? html`<h2>${t(locale, 'consultationQuestionsHeading')}</h2>
<p>${t(locale, 'consultationQuestionsIntro')}</p>
<ol>${c.questions.map((q) => html`<li>${q}</li>`)}</ol>`
    : null
}
${c.state === 'open' && form ? commentForm(locale, org, c, form) : html`<p class="notice">${t(locale, 'consultationClosedNotice')}</p>`}
${opts.refusedClosed && form ? html`<h2>${t(locale, 'consultationCommentLabel')}</h2>${paragraphsOf(form.values.comment ?? '')}` : null}
${
  c.state === 'closed'
    ? html`<h2>${t(locale, 'consultationResponseHeading')}</h2>
${c.summary ? html`${paragraphsOf(c.summary)}${c.summaryPublishedAt ? html`<p class="secondary">${t(locale, 'consultationResponsePublished', { date: longDate(locale, c.summaryPublishedAt) })}</p>` : null}` : html`<p>${t(locale, 'consultationResponsePending')}</p>`}`
    : null
}
<h2>${t(locale, 'consultationCommentsHeading')}</h2>
${c.comments.length ? html`<p>${t(locale, 'consultationCommentsCount', { count: c.comments.length })}</p><ul class="consultation-comments">${comments}</ul>` : html`<p>${t(locale, 'consultationCommentsNone')}</p>`}
<p><a href="/${org.slug}/consultations">${t(locale, 'consultationsLink')}</a></p>`;
  return renderPage({ locale, title: c.title, path: `/${org.slug}/consultations/${c.id}`, org, main });
}

export function renderCommentThanks(locale: Locale, org: Org, c: { id: string; title: string }): string {
  const main = html`<div class="notice notice--success" role="status">
<h1>${t(locale, 'consultationThanksTitle')}</h1>
<p>${t(locale, 'consultationThanksBody', { title: c.title })}</p>
</div>
<p>${t(locale, 'consultationThanksModeration')}</p>
<p><a href="/${org.slug}/consultations/${c.id}">${t(locale, 'consultationBackLink')}</a></p>`;
  return renderPage({ locale, title: t(locale, 'consultationThanksTitle'), path: `/${org.slug}/consultations/${c.id}/thanks`, org, main });
}

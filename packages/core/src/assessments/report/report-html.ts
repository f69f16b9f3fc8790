/**
 * An assessment as a complete, printable HTML document: the result first (level, what it requires,
 * scores by section), then every visible question with its answer, the gaps with recommended
 * actions, and the sign-offs. Self-contained (inline CSS, no scripts, no external files), in the
 * reader's language, with print CSS; all user text is escaped.
 */
import { html, raw, type SafeHtml } from './html.js';
import type { AssessmentReportData } from './report-data.js';
import { buildReportModel, type ModelQuestion, type ReportModel } from './report-model.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1a4480; padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.subject { font-size: 1.1rem; color: #3d4551; margin: 0 0 1.5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
th, td { border: 1px solid #a9aeb1; padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.level { font-size: 1.5rem; font-weight: 700; border: 3px solid #1a4480; display: inline-block; padding: .25rem 1rem; margin: .5rem 0; }
.answer { white-space: pre-wrap; margin: .25rem 0 0; }
.unanswered { color: #5c5c5c; font-style: italic; }
.help { color: #3d4551; font-size: .9rem; margin: 0; }
.question { break-inside: avoid; border-left: 3px solid #dfe1e2; padding-left: .75rem; margin: 1rem 0; }
.comment { font-size: .9rem; border-top: 1px dotted #a9aeb1; margin-top: .4rem; padding-top: .25rem; }
.comment p { white-space: pre-wrap; margin: 0; }
.source { font-size: .85rem; color: #3d4551; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  tr, .question { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

const commentList = (comments: ModelQuestion['comments']): SafeHtml | false =>
  comments.length > 0 &&
  html`${comments.map((c) => html`<div class="comment"><strong>${c.author}</strong>, <time>${c.at}</time><p>${c.body}</p></div>`)}`;

function questionBlock(q: ModelQuestion, m: ReportModel): SafeHtml {
  const l = m.labels;
  const answer =
    q.answer.length === 0 && q.attachments.length === 0
      ? html`<p class="answer unanswered">${l.notAnswered}</p>`
      : q.answer.length > 1
        ? html`<ul>${q.answer.map((a) => html`<li>${a}</li>`)}</ul>`
        : q.answer.length === 1
          ? html`<p class="answer">${q.answer[0]}</p>`
          : false;
  return html`<div class="question" id="q-${q.id}">
<h4>${q.title}</h4>
${q.help && html`<p class="help">${q.help}</p>`}
${answer}
${q.attachments.length > 0 && html`<p><strong>${l.attachments}:</strong></p><ul>${q.attachments.map((a) => html`<li>${a}</li>`)}</ul>`}
${commentList(q.comments)}
</div>`;
}

export function renderAssessmentHtml(data: AssessmentReportData): string {
  const m = buildReportModel(data);
  const l = m.labels;
  const page = html`<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.title} — ${m.subject}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<header>
<h1>${m.title}</h1>
<p class="subject">${m.subject}</p>
<dl class="meta">${m.meta.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${m.templateSource && html`<p class="source">${l.source}: ${m.templateSource}</p>`}
</header>
<main>
<section aria-labelledby="result">
<h2 id="result">${l.result}</h2>
${
  m.hasLevels
    ? html`<h3>${l.level}</h3>
<p class="level">${m.level ? m.level.label : '—'}</p>
<h3>${l.requirements}</h3>
${
  m.requirements.length > 0
    ? html`<ul>${m.requirements.map((r) => html`<li><strong>${r.title}</strong> (${r.phase}): ${r.description}</li>`)}</ul>`
    : html`<p>${l.noRequirements}</p>`
}`
    : html`<p>${l.noLevel}</p>`
}
${
  m.scoreColumns.length > 0 &&
  html`<h3>${l.scores}</h3>
<table>
<caption class="visually-hidden">${l.scores}</caption>
<thead><tr><th scope="col">${l.section}</th>${m.scoreColumns.map((c) => html`<th scope="col" class="num">${c}</th>`)}</tr></thead>
<tbody>
${m.scoreRows.map((r) => html`<tr><th scope="row">${r.section}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>`)}
</tbody>
<tfoot><tr><th scope="row">${l.total}</th>${m.totalRow.map((c) => html`<td class="num">${c}</td>`)}</tr></tfoot>
</table>`
}
<dl class="meta">
<dt>${l.current}</dt><dd>${m.current}</dd>
${m.adjustments.length > 0 && html`<dt>${l.adjustments}</dt><dd>${m.adjustments.join(', ')}</dd>`}
<dt>${l.progress}</dt><dd>${m.progress}</dd>
</dl>
${m.missingRequired.length > 0 && html`<h3>${l.missingRequired}</h3><ul>${m.missingRequired.map((q) => html`<li>${q}</li>`)}</ul>`}
</section>
<section aria-labelledby="gaps">
<h2 id="gaps">${l.gaps}</h2>
${
  m.gaps.length > 0
    ? html`<table>
<thead><tr><th scope="col">${l.question}</th><th scope="col">${l.recommendation}</th><th scope="col" class="num">${l.points}</th></tr></thead>
<tbody>${m.gaps.map((g) => html`<tr><td>${g.question}</td><td>${g.recommendation}</td><td class="num">${g.points}</td></tr>`)}</tbody>
</table>`
    : html`<p>${l.noGaps}</p>`
}
</section>
<section aria-labelledby="answers">
<h2 id="answers">${l.answers}</h2>
${m.sections.map(
  (s) => html`<section aria-labelledby="s-${s.id}">
<h3 id="s-${s.id}">${s.title}</h3>
${s.description && html`<p class="help">${s.description}</p>`}
${s.questions.map((q) => questionBlock(q, m))}
</section>`,
)}
${m.generalComments.length > 0 && html`<h3>${l.generalComments}</h3>${commentList(m.generalComments)}`}
</section>
<section aria-labelledby="signoffs">
<h2 id="signoffs">${l.signoffs}</h2>
${
  m.signoffs.length > 0
    ? html`<table>
<thead><tr><th scope="col">${l.name}</th><th scope="col">${l.role}</th><th scope="col">${l.decision}</th><th scope="col">${l.date}</th><th scope="col">${l.note}</th></tr></thead>
<tbody>${m.signoffs.map((s) => html`<tr><td>${s.name}</td><td>${s.role}</td><td>${s.decision}</td><td>${s.at}</td><td>${s.note}</td></tr>`)}</tbody>
</table>`
    : html`<p>${l.noSignoffs}</p>`
}
</section>
</main>
</body>
</html>
`;
  return page.value;
}

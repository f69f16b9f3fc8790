/**
 * One system's page on the public register: the plain-language sections (what it does, why, data,
 * what it does not do, decisions and the person's role, rights, oversight, last reviewed), the
 * classification in plain words with its legal basis, published assessments, technical details,
 * the extra sections of system-page.sections.ts, the change history and the record as open data.
 * A section without content is left out. Staff texts are in the organisation's language: when that
 * differs from the page's, they carry a lang attribute and the page says so.
 * Art. 49(4) records are restricted again here, whatever was stored.
 */
import { publicRecord, type AssessmentSummary, type PublicHistoryItem, type RegisterRecord, type RegisterTextKey } from '@glassbox/core';
import { html, mailtoHref, safeExternalUrl, type SafeHtml } from '../html.js';
import { t, type Locale } from '../i18n.js';
import { paragraphs } from '../landing.page.js';
import { renderPage } from '../layout.js';
import type { MessageKey } from '../messages.js';
import { areaName, changedLabels, fieldLabel, formatDate, LANGUAGE_IN, statusName, tierName, tk } from './format.js';
import { systemPageSection } from './system-page.sections.js';
import { legalBasesBlock } from './legal-basis.js';
import { REGISTER_CSS_PATH } from './register.css.js';

export type SystemPageInput = {
  locale: Locale;
  org: { slug: string; name: string };
  record: RegisterRecord;
  assessments: AssessmentSummary[];
  history: PublicHistoryItem[];
  /** HTML of the extra sections (already rendered, nulls left out). */
  extra: SafeHtml[];
  /** Links to the citizen forms, when those pages exist. */
  forms: { request: boolean; concern: boolean };
  /** The latest approval of an assessment of the system, when later than the publication. */
  assessedAt?: Date | null | undefined;
  /** The staff preview: the same page with a banner saying it is not public yet. */
  preview?: boolean;
};

const TIER_EXPLAIN: Record<string, MessageKey> = {
  prohibited: 'sysTierExplainProhibited',
  high: 'sysTierExplainHigh',
  limited: 'sysTierExplainLimited',
  minimal: 'sysTierExplainMinimal',
  undetermined: 'sysTierExplainUndetermined',
};

const DECISION: Record<string, MessageKey> = { informs: 'sysDecisionInforms', recommends: 'sysDecisionRecommends', decides: 'sysDecisionDecides' };

export function systemPath(orgSlug: string, systemSlug: string): string {
  return `/${orgSlug}/register/${systemSlug}`;
}

export function renderSystemPage(input: SystemPageInput): string {
  const { locale, org, history, extra, forms } = input;
  const record = publicRecord(input.record);
  const restricted = record.publication.restricted;
  const assessments = restricted ? [] : input.assessments;
  const s = record.system;
  const textLang = record.publication.language;
  const foreign = textLang !== locale;
  const tx = record.texts;

  /** Staff-written text as paragraphs, marked with its language when it differs from the page's. */
  const text = (value: string): SafeHtml | null => {
    if (!value.trim()) return null;
    const ps = paragraphs(value);
    return foreign ? html`<div lang="${textLang}">${ps}</div>` : html`${ps}`;
  };
  /** A secondary text under its own h3. */
  const sub = (key: RegisterTextKey): SafeHtml | null => {
    const body = text(tx[key]);
    return body && html`<h3>${fieldLabel(locale, key)}</h3>
${body}`;
  };
  const section = (id: string, headingKey: MessageKey, parts: Array<SafeHtml | null | false>): SafeHtml | null => {
    const present = parts.filter((p): p is SafeHtml => Boolean(p));
    return present.length === 0 ? null : systemPageSection(id, tk(locale, headingKey), html`${present}`);
  };

  const sections: Array<SafeHtml | null> = [];
  if (!restricted) {
    sections.push(section('what-it-does', 'sysWhat', [text(tx.summary), sub('outputs'), sub('scaleOfUse')]));
    sections.push(section('why', 'sysWhy', [text(tx.purpose), sub('benefits'), sub('alternativesConsidered'), sub('proportionality'), sub('previousProcess')]));
    const dataFacts: SafeHtml[] = [];
    if (s.personalData !== null) dataFacts.push(html`<p>${t(locale, s.personalData ? 'sysPersonalDataYes' : 'sysPersonalDataNo')}</p>`);
    if (s.dataCategories.length > 0) dataFacts.push(html`<p>${t(locale, 'sysDataCategories')}</p><ul${foreign ? html` lang="${textLang}"` : ''}>${s.dataCategories.map((c) => html`<li>${c}</li>`)}</ul>`);
    sections.push(section('data', 'sysData', [text(tx.dataUsed), ...(tx.dataUsed.trim() || dataFacts.length ? dataFacts : [])]));
    sections.push(section('what-it-does-not-do', 'sysNot', [text(tx.whatItDoesNot)]));
    const decisionKey = s.decisionRole ? DECISION[s.decisionRole] : undefined;
    sections.push(section('decisions', 'sysDecisions', [decisionKey ? html`<p>${tk(locale, decisionKey)}</p>` : null, text(tx.howItWorks), sub('humanRole')]));
  }
  const formLinks: SafeHtml[] = [];
  if (forms.request) formLinks.push(html`<li><a href="/${org.slug}/requests/new?system=${encodeURIComponent(s.slug)}">${t(locale, 'sysRightsRequest')}</a></li>`);
  if (forms.concern) formLinks.push(html`<li><a href="/${org.slug}/concerns/new?system=${encodeURIComponent(s.slug)}">${t(locale, 'sysRightsConcern')}</a></li>`);
  sections.push(section('rights', 'sysRights', [!restricted && text(tx.rights), formLinks.length > 0 && html`<ul>${formLinks}</ul>`, contactBlock(locale, record, text)]));
  if (!restricted) {
    sections.push(section('oversight', 'sysOversight', [text(tx.oversight), sub('responsibleOwner'), sub('monitoring'), sub('risksAndMitigations'), sub('staffTraining')]));
  }
  const reviewed: SafeHtml[] = [html`<p>${t(locale, 'sysReviewedText', { date: formatDate(locale, record.publication.publishedAt) })}</p>`];
  if (input.assessedAt) reviewed.push(html`<p>${t(locale, 'sysReviewedAssessment', { date: formatDate(locale, input.assessedAt) })}</p>`);
  if (record.publication.firstPublishedAt !== record.publication.publishedAt) reviewed.push(html`<p>${t(locale, 'sysFirstPublished', { date: formatDate(locale, record.publication.firstPublishedAt) })}</p>`);
  if (s.inServiceSince) reviewed.push(html`<p>${t(locale, 'sysInServiceSince', { date: formatDate(locale, s.inServiceSince) })}</p>`);
  if (record.publication.nextReviewDue) reviewed.push(html`<p>${t(locale, 'sysNextReview', { date: formatDate(locale, record.publication.nextReviewDue) })}</p>`);
  sections.push(section('last-reviewed', 'sysReviewed', reviewed));
  if (!restricted) {
    sections.push(classificationSection(locale, record, text));
    sections.push(
      section('assessments', 'sysAssessments', [
        assessments.length > 0 &&
          html`<ul>${assessments.map(
            (a) => html`<li>${t(locale, 'sysAssessmentItem', { title: a.title, date: formatDate(locale, a.approvedOn) })}${a.level ? html`. ${t(locale, 'sysAssessmentLevel', { level: a.level })}` : ''}</li>`,
          )}</ul>`,
        text(tx.impactAssessments),
        sub('friaSummary'),
        sub('dpiaSummary'),
        linkList(locale, [
          ['linkDpia', record.links.dpiaUrl],
          ['linkImpact', record.links.impactAssessmentUrl],
        ]),
      ]),
    );
    sections.push(
      section('technical-details', 'sysSpecialist', [
        sub('technicalDescription'),
        sub('systemArchitecture'),
        sub('methodsAndModels'),
        sub('performance'),
        sub('trainingData'),
        sub('dataQuality'),
        sub('dataSharing'),
        sub('dataStorage'),
        sub('rollback'),
        sub('supplierRole'),
        sub('procurement'),
        sub('supplierDataAccess'),
        linkList(locale, [
          ['linkDocumentation', record.links.documentationUrl],
          ['linkCode', record.links.codeUrl],
          ['linkSourceData', record.links.sourceDataUrl],
        ]),
      ]),
    );
  }

  const historyItems = [...history].reverse().map((h, i, all) => {
    const heading =
      h.state === 'withdrawn'
        ? t(locale, 'sysHistoryWithdrawn', { version: h.version, date: formatDate(locale, h.publishedAt) })
        : t(locale, h.pending ? 'sysHistoryPending' : 'sysHistoryPublished', { version: h.version, date: formatDate(locale, h.publishedAt) });
    const labels = changedLabels(locale, h.changedFields);
    const isFirst = i === all.length - 1;
    const detail =
      h.state === 'withdrawn'
        ? null
        : isFirst
          ? html`<p>${t(locale, 'sysHistoryFirst')}</p>`
          : labels.length > 0
            ? html`<p>${t(locale, 'sysHistoryChanged')} ${labels.join(', ')}.</p>`
            : html`<p>${t(locale, 'sysHistoryNoChange')}</p>`;
    return html`<li><h3>${heading}</h3>${detail}</li>`;
  });
  const historySection = historyItems.length > 0 ? systemPageSection('history', t(locale, 'sysHistory'), html`<ol class="register-history">${historyItems}</ol>`) : null;

  const base = systemPath(org.slug, s.slug);
  const openData = systemPageSection(
    'open-data',
    t(locale, 'sysOpenData'),
    html`<ul>
<li><a href="${base}.json">${t(locale, 'odThisRecord')}</a></li>
<li>${t(locale, 'odUk')}: <a href="${base}/uk-atrs.json?tier=1">${t(locale, 'odUkTier1')}</a>, <a href="${base}/uk-atrs.json?tier=2">${t(locale, 'odUkTier2')}</a></li>
<li><a href="${base}/nl-algoritmeregister.json">${t(locale, 'odNl')}</a></li>
<li><a href="${base}/eurocities.json">${t(locale, 'odEurocities')}</a></li>
<li><a href="${base}/eu-annex-viii-c.json">${t(locale, 'odEu')}</a></li>
<li><a href="${base}/us-omb-2025.csv">${t(locale, 'odUs')}</a></li>
</ul>`,
  );

  const facts: SafeHtml[] = [];
  if (s.unitName) facts.push(html`<div><dt>${t(locale, 'sysDepartment')}</dt><dd${foreign ? html` lang="${textLang}"` : ''}>${s.unitName}</dd></div>`);
  if (s.lifecycle) facts.push(html`<div><dt>${t(locale, 'sysStatus')}</dt><dd>${statusName(locale, s.lifecycle)}</dd></div>`);

  const main = html`<link rel="stylesheet" href="${REGISTER_CSS_PATH}">
${input.preview ? html`<p class="register-notice" role="status">${t(locale, 'sysPreviewBanner')}</p>` : ''}
<p class="register-back"><a href="/${org.slug}/register">${t(locale, 'sysBack')}</a></p>
<h1${foreign ? html` lang="${textLang}"` : ''}>${s.name}</h1>
${restricted ? html`<p class="register-notice">${t(locale, 'sysRestricted')}</p>` : ''}
${foreign ? html`<p class="secondary">${t(locale, 'sysTextLanguage', { language: LANGUAGE_IN[locale][textLang] })}</p>` : ''}
${facts.length > 0 ? html`<dl class="register-facts">${facts}</dl>` : ''}
${sections}
${extra}
${historySection}
${openData}`;
  return renderPage({ locale, title: s.name, path: base, org, main });
}

function contactBlock(locale: Locale, record: RegisterRecord, text: (v: string) => SafeHtml | null): SafeHtml | null {
  const body = text(record.texts.contact);
  const email = record.organisation.contactEmail.trim();
  const mailto = mailtoHref(email);
  const url = safeExternalUrl(record.organisation.contactUrl);
  const items: SafeHtml[] = [];
  if (email && mailto) items.push(html`<li>${t(locale, 'contactEmail')} <a href="${mailto}">${email}</a></li>`);
  if (url) items.push(html`<li>${t(locale, 'contactPage')} <a href="${url}">${url.replace(/^https?:\/\//, '')}</a></li>`);
  if (!body && items.length === 0) return null;
  return html`<h3>${t(locale, 'sysContact')}</h3>
${body}
${items.length > 0 ? html`<ul class="contact-list">${items}</ul>` : ''}`;
}

function linkList(locale: Locale, links: Array<[MessageKey, string | null]>): SafeHtml | null {
  const items = links.flatMap(([key, value]) => {
    const url = safeExternalUrl(value);
    return url ? [html`<li><a href="${url}">${tk(locale, key)}</a></li>`] : [];
  });
  return items.length > 0 ? html`<h3>${t(locale, 'sysLinks')}</h3><ul>${items}</ul>` : null;
}

function classificationSection(locale: Locale, record: RegisterRecord, text: (v: string) => SafeHtml | null): SafeHtml {
  const c = record.classification;
  const explain = c.euTier ? TIER_EXPLAIN[c.euTier] : undefined;
  const areas = [...new Set(c.annexIIIPoints.map((p) => /^\d+/.exec(p)?.[0] ?? ''))].filter(Boolean);
  const legalUrl = safeExternalUrl(record.links.legalBasisUrl);
  const legal = text(record.texts.legalBasis);
  return systemPageSection(
    'classification',
    t(locale, 'sysClassification'),
    html`<p>${t(locale, 'sysTierText', { tier: tierName(locale, c.euTier) })}</p>
<p>${tk(locale, explain ?? 'sysTierExplainNone')}</p>
${areas.length > 0 ? html`<p>${t(locale, 'sysAnnexAreas', { areas: areas.map((a) => areaName(locale, a)).join(', ') })}</p>` : ''}
${c.friaRequired === true ? html`<p>${t(locale, 'sysFria')}</p>` : ''}
${c.ombHighImpact === 'yes' ? html`<p>${t(locale, 'sysOmbYes')}</p>` : ''}
${c.orgTierLabel ? html`<p>${t(locale, 'sysOrgTier', { tier: c.orgTierLabel })}</p>` : ''}
${legalBasesBlock(locale, c)}
${legal || legalUrl ? html`<h3>${t(locale, 'sysLegalBasis')}</h3>${legal}${legalUrl ? html`<p><a href="${legalUrl}">${t(locale, 'linkLegal')}</a></p>` : ''}` : ''}`,
  );
}

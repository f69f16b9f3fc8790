/**
 * What an assessment report says, worked out once from AssessmentReportData in the reader's language:
 * headings, the score table, the level and what it requires, every visible question with its answer
 * (choice labels, not stored values), the gaps with their recommendations, sign-offs, comments and
 * attachments. The HTML and PDF renderers only lay this out, so both always say the same thing.
 */
import { choicesOf, visibleQuestions, type AnswerValue, type LevelRequirement, type LocalText, type Question } from '@glassbox/rules';
import { ROLE_LABELS, isRole } from '../../roles.js';
import type { AssessmentReportData } from './report-data.js';

export const REPORT_LOCALES = ['en', 'fr', 'es'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

const LABELS = {
  en: {
    report: 'Assessment report',
    organisation: 'Organisation',
    system: 'AI system',
    subjectOrganisation: 'The organisation as a whole',
    template: 'Questionnaire',
    version: 'version',
    round: 'Round',
    status: 'Status',
    started: 'Started',
    submitted: 'Submitted',
    approved: 'Approved',
    due: 'Reassessment due',
    generated: 'Report produced',
    result: 'Result',
    level: 'Impact level',
    noLevel: 'This questionnaire has no levels.',
    requirements: 'What this level requires',
    noRequirements: 'This level adds no requirements.',
    beforeDeployment: 'Before deployment',
    inOperation: 'In operation',
    scores: 'Scores by section',
    section: 'Section',
    total: 'Total',
    current: 'Score the level is read from',
    adjustments: 'Adjustments applied',
    progress: 'Answered',
    missingRequired: 'Required questions without an answer',
    answers: 'Questions and answers',
    notAnswered: 'Not answered',
    attachments: 'Attachments',
    comments: 'Comments',
    generalComments: 'Comments on the whole assessment',
    gaps: 'Gaps and recommended actions',
    noGaps: 'No gaps: every scored answer reached its maximum.',
    question: 'Question',
    recommendation: 'Recommended action',
    points: 'Points',
    signoffs: 'Sign-offs',
    noSignoffs: 'No sign-offs yet.',
    name: 'Name',
    role: 'Role',
    decision: 'Decision',
    date: 'Date',
    note: 'Note',
    page: 'Page',
    of: 'of',
    source: 'Source',
  },
  fr: {
    report: 'Rapport d’évaluation',
    organisation: 'Organisation',
    system: 'Système d’IA',
    subjectOrganisation: 'L’organisation dans son ensemble',
    template: 'Questionnaire',
    version: 'version',
    round: 'Cycle',
    status: 'Statut',
    started: 'Commencée le',
    submitted: 'Soumise le',
    approved: 'Approuvée le',
    due: 'Réévaluation prévue le',
    generated: 'Rapport produit le',
    result: 'Résultat',
    level: 'Niveau d’incidence',
    noLevel: 'Ce questionnaire ne définit pas de niveaux.',
    requirements: 'Ce que ce niveau exige',
    noRequirements: 'Ce niveau n’ajoute aucune exigence.',
    beforeDeployment: 'Avant le déploiement',
    inOperation: 'En exploitation',
    scores: 'Points par section',
    section: 'Section',
    total: 'Total',
    current: 'Note servant à fixer le niveau',
    adjustments: 'Ajustements appliqués',
    progress: 'Réponses données',
    missingRequired: 'Questions obligatoires sans réponse',
    answers: 'Questions et réponses',
    notAnswered: 'Sans réponse',
    attachments: 'Pièces jointes',
    comments: 'Commentaires',
    generalComments: 'Commentaires sur l’ensemble de l’évaluation',
    gaps: 'Écarts et actions recommandées',
    noGaps: 'Aucun écart : chaque réponse notée a atteint son maximum.',
    question: 'Question',
    recommendation: 'Action recommandée',
    points: 'Points',
    signoffs: 'Validations',
    noSignoffs: 'Aucune validation pour l’instant.',
    name: 'Nom',
    role: 'Rôle',
    decision: 'Décision',
    date: 'Date',
    note: 'Remarque',
    page: 'Page',
    of: 'sur',
    source: 'Source',
  },
  es: {
    report: 'Informe de evaluación',
    organisation: 'Organización',
    system: 'Sistema de IA',
    subjectOrganisation: 'La organización en su conjunto',
    template: 'Cuestionario',
    version: 'versión',
    round: 'Ronda',
    status: 'Estado',
    started: 'Iniciada',
    submitted: 'Enviada',
    approved: 'Aprobada',
    due: 'Próxima reevaluación',
    generated: 'Informe generado',
    result: 'Resultado',
    level: 'Nivel de impacto',
    noLevel: 'Este cuestionario no define niveles.',
    requirements: 'Lo que exige este nivel',
    noRequirements: 'Este nivel no añade requisitos.',
    beforeDeployment: 'Antes del despliegue',
    inOperation: 'En funcionamiento',
    scores: 'Puntos por sección',
    section: 'Sección',
    total: 'Total',
    current: 'Puntuación de la que se deduce el nivel',
    adjustments: 'Ajustes aplicados',
    progress: 'Respondidas',
    missingRequired: 'Preguntas obligatorias sin respuesta',
    answers: 'Preguntas y respuestas',
    notAnswered: 'Sin respuesta',
    attachments: 'Adjuntos',
    comments: 'Comentarios',
    generalComments: 'Comentarios sobre toda la evaluación',
    gaps: 'Carencias y acciones recomendadas',
    noGaps: 'Sin carencias: cada respuesta puntuada alcanzó su máximo.',
    question: 'Pregunta',
    recommendation: 'Acción recomendada',
    points: 'Puntos',
    signoffs: 'Firmas',
    noSignoffs: 'Todavía no hay firmas.',
    name: 'Nombre',
    role: 'Función',
    decision: 'Decisión',
    date: 'Fecha',
    note: 'Nota',
    page: 'Página',
    of: 'de',
    source: 'Fuente',
  },
} as const satisfies Record<ReportLocale, Record<string, string>>;

export type ReportLabels = Record<keyof (typeof LABELS)['en'], string>;

/** Assessment statuses and sign-off decisions in the reader's language; anything else is shown as stored. */
const WORDS: Record<ReportLocale, Record<string, string>> = {
  en: { draft: 'Draft', in_progress: 'In progress', submitted: 'Submitted', returned: 'Returned', approved: 'Approved', submit: 'Submitted', approve: 'Approved', return: 'Returned' },
  fr: { draft: 'Brouillon', in_progress: 'En cours', submitted: 'Soumise', returned: 'Renvoyée', approved: 'Approuvée', submit: 'Soumise', approve: 'Approuvée', return: 'Renvoyée' },
  es: { draft: 'Borrador', in_progress: 'En curso', submitted: 'Enviada', returned: 'Devuelta', approved: 'Aprobada', submit: 'Enviada', approve: 'Aprobada', return: 'Devuelta' },
};

export function wordFor(value: string, locale: string): string {
  return WORDS[reportLocale(locale)][value] ?? value;
}

/** The report language: the locale's primary subtag when we have labels for it, else English. */
export function reportLocale(locale: string): ReportLocale {
  const primary = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (REPORT_LOCALES as readonly string[]).includes(primary) ? (primary as ReportLocale) : 'en';
}

export function labelsFor(locale: string): ReportLabels {
  return LABELS[reportLocale(locale)];
}

/** A template text in the locale (full tag, then primary subtag), falling back to English. */
export function localText(text: LocalText | undefined, locale: string): string {
  if (!text) return '';
  const primary = locale.split(/[-_]/)[0] ?? 'en';
  return text[locale] ?? text[primary] ?? text.en;
}

export function formatDate(value: Date | string | null | undefined, locale: string, withTime = false): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(reportLocale(locale), { dateStyle: 'long', ...(withTime && { timeStyle: 'short' }), timeZone: 'UTC' }).format(date) + (withTime ? ' UTC' : '');
}

const sizeText = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} B`);

/** An answer as a reader sees it: choice labels (not stored values), numbers and dates as given, text as written. */
export function formatAnswer(q: Question, value: AnswerValue | undefined, locale: string): string[] {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  if (q.type === 'single_choice' || q.type === 'multiple_choice' || q.type === 'yes_no') {
    const labels = new Map(choicesOf(q).map((c) => [c.value, localText(c.label, locale)]));
    const values = Array.isArray(value) ? value : [String(value)];
    return values.map((v) => labels.get(v) ?? v);
  }
  if (q.type === 'date' && typeof value === 'string') return [formatDate(value, locale)];
  if (q.type === 'file') return [];
  return [Array.isArray(value) ? value.join(', ') : String(value)];
}

export type ModelQuestion = {
  id: string;
  title: string;
  help: string;
  answer: string[];
  attachments: string[];
  comments: Array<{ author: string; at: string; body: string }>;
};

export type ReportModel = {
  lang: string;
  labels: ReportLabels;
  title: string;
  subject: string;
  meta: Array<[string, string]>;
  templateSource: string | null;
  level: { id: string; label: string } | null;
  hasLevels: boolean;
  requirements: Array<{ key: string; title: string; description: string; phase: string }>;
  scoreColumns: string[];
  scoreRows: Array<{ section: string; cells: string[] }>;
  totalRow: string[];
  current: string;
  adjustments: string[];
  progress: string;
  missingRequired: string[];
  sections: Array<{ id: string; title: string; description: string; questions: ModelQuestion[] }>;
  gaps: Array<{ question: string; recommendation: string; points: string }>;
  signoffs: Array<{ name: string; role: string; decision: string; at: string; note: string }>;
  generalComments: Array<{ author: string; at: string; body: string }>;
};

const requirementPhase = (r: LevelRequirement, labels: ReportLabels): string => (r.phase === 'before_deployment' ? labels.beforeDeployment : labels.inOperation);

export function buildReportModel(data: AssessmentReportData): ReportModel {
  const locale = data.locale;
  const lang = reportLocale(locale);
  const labels = labelsFor(locale);
  const doc = data.template.document;
  const result = data.result;
  const scoring = doc.scoring;
  const t = (x: LocalText | undefined) => localText(x, locale);

  const levelDef = result.level === null ? undefined : scoring?.levels?.list.find((l) => l.id === result.level);
  const scoreTypes = scoring?.scoreTypes ?? [];
  const questionTitles = new Map(doc.sections.flatMap((s) => s.questions.map((q) => [q.id, t(q.title)] as const)));
  const sectionTitles = new Map(doc.sections.map((s) => [s.id, t(s.title)]));
  const cell = (v: { score: number; max: number } | undefined) => (v ? `${v.score} / ${v.max}` : '—');
  const comment = (c: AssessmentReportData['comments'][number]) => ({ author: c.author, at: formatDate(c.at, locale, true), body: c.body });

  const visible = new Set(visibleQuestions(doc, data.answers).map((q) => q.id));
  const sections = doc.sections
    .map((s) => ({
      id: s.id,
      title: t(s.title),
      description: t(s.description),
      questions: s.questions
        .filter((q) => visible.has(q.id) && q.type !== 'info')
        .map((q) => ({
          id: q.id,
          title: t(q.title),
          help: t(q.help),
          answer: formatAnswer(q, data.answers[q.id], locale),
          attachments: data.attachments.filter((a) => a.questionId === q.id).map((a) => `${a.name} (${sizeText(a.size)})`),
          comments: data.comments.filter((c) => c.questionId === q.id).map(comment),
        })),
    }))
    .filter((s) => s.questions.length > 0);

  const meta: Array<[string, string]> = [
    [labels.organisation, data.organisation.name],
    [labels.system, data.system ? data.system.name : labels.subjectOrganisation],
    [labels.template, `${t(doc.title)} (${doc.key}, ${labels.version} ${data.template.version})`],
    [labels.round, String(data.assessment.round)],
    [labels.status, wordFor(data.assessment.status, locale)],
    [labels.started, formatDate(data.assessment.startedAt, locale)],
  ];
  if (data.assessment.submittedAt) meta.push([labels.submitted, formatDate(data.assessment.submittedAt, locale)]);
  if (data.assessment.approvedAt) meta.push([labels.approved, formatDate(data.assessment.approvedAt, locale)]);
  if (data.assessment.dueDate) meta.push([labels.due, formatDate(data.assessment.dueDate, locale)]);
  meta.push([labels.generated, formatDate(data.generatedAt ?? new Date(), locale, true)]);

  return {
    lang,
    labels,
    title: `${labels.report}: ${t(doc.title)}`,
    subject: data.system ? `${data.system.name} — ${data.organisation.name}` : data.organisation.name,
    meta,
    templateSource: doc.source ? [doc.source.name, doc.source.licence, doc.source.url].filter(Boolean).join(' · ') : null,
    level: result.level === null ? null : { id: result.level, label: levelDef ? t(levelDef.label) : result.level },
    hasLevels: (scoring?.levels?.list.length ?? 0) > 0,
    requirements: (levelDef?.requirements ?? []).map((r) => ({ key: r.key, title: t(r.title), description: t(r.description), phase: requirementPhase(r, labels) })),
    scoreColumns: scoreTypes.map((st) => t(st.label)),
    scoreRows: result.sections
      .filter((s) => Object.keys(s.scores).length > 0)
      .map((s) => ({ section: sectionTitles.get(s.sectionId) ?? s.sectionId, cells: scoreTypes.map((st) => cell(s.scores[st.id])) })),
    totalRow: scoreTypes.map((st) => cell(result.scores[st.id] === undefined ? undefined : { score: result.scores[st.id] ?? 0, max: result.maxima[st.id] ?? 0 })),
    current: String(result.current),
    adjustments: result.applied.map((id) => t(scoring?.adjustments?.find((a) => a.id === id)?.label) || id),
    progress: `${result.progress.answered} / ${result.progress.answerable}`,
    missingRequired: result.missingRequired.map((id) => questionTitles.get(id) ?? id),
    sections,
    gaps: result.gaps.map((g) => ({ question: questionTitles.get(g.questionId) ?? g.questionId, recommendation: t(g.recommendation), points: `${g.score} / ${g.max}` })),
    signoffs: data.signoffs.map((s) => ({
      name: s.name,
      role: isRole(s.role) ? ROLE_LABELS[s.role] : s.role,
      decision: wordFor(s.decision, locale),
      at: formatDate(s.at, locale, true),
      note: s.note ?? '',
    })),
    generalComments: data.comments.filter((c) => c.questionId === null).map(comment),
  };
}

/** Assessment statuses, texts in the person's language, answers as text, and who may do what (the server decides; these only choose what to offer). */
import type { AnswerValue, AssessmentStatus, LocalText, PersonRef, Question, Section, TaskStatus, TemplateDocument } from '../../api';
import type { Tone } from '../../components/status-tag';

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'In progress',
  submitted: 'Submitted for review',
  returned: 'Returned for changes',
  approved: 'Approved',
};

export const ASSESSMENT_STATUS_TONES: Record<AssessmentStatus, Tone> = {
  draft: 'info',
  submitted: 'warning',
  returned: 'error',
  approved: 'success',
};

export const statusLabel = (status: string): string => ASSESSMENT_STATUS_LABELS[status as AssessmentStatus] ?? status;
export const statusTone = (status: string): Tone => ASSESSMENT_STATUS_TONES[status as AssessmentStatus] ?? 'neutral';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dismissed: 'Dismissed',
};
export const TASK_STATUS_TONES: Record<TaskStatus, Tone> = { open: 'warning', in_progress: 'info', done: 'success', dismissed: 'neutral' };

export const SIGNOFF_LABELS: Record<string, string> = {
  submit: 'Submitted',
  approve: 'Approved',
  return: 'Returned',
};

/** The staff app is in English; templates may carry other languages (shown on request, see components/assessment-language), English is always there. */
export const LANG = 'en';
export const t = (text: LocalText | undefined, lang = LANG): string => (text ? text[lang] || text.en : '');

export const personName = (person: PersonRef | null | undefined): string => person?.name || 'Someone';

/** Element ids: the input (or first choice) of a question, so error links can focus it. */
export const questionDomId = (questionId: string): string => `q-${questionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
export const choiceDomId = (questionId: string, value: string): string => `${questionDomId(questionId)}-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
/** What an error link should focus: the first choice of a choice question, else the input. */
export function focusTargetId(question: Question | undefined, questionId: string): string {
  if (!question) return questionDomId(questionId);
  if (question.type === 'single_choice' || question.type === 'multiple_choice' || question.type === 'yes_no') {
    const first = choicesOf(question)[0];
    if (first) return choiceDomId(questionId, first.value);
  }
  if (question.type === 'file') return `${questionDomId(questionId)}-file`;
  return questionDomId(questionId);
}

/** A yes/no question without its own choices; in the template's language when it is shown in another. */
export const YES_NO_DEFAULT = [
  { value: 'yes', label: { en: 'Yes', fr: 'Oui', es: 'Sí' } },
  { value: 'no', label: { en: 'No', fr: 'Non', es: 'No' } },
];

export const choicesOf = (question: Question) => (question.type === 'yes_no' && !question.choices?.length ? YES_NO_DEFAULT : (question.choices ?? []));

export function findQuestion(doc: TemplateDocument, questionId: string): { question: Question; sectionIndex: number } | null {
  for (const [sectionIndex, section] of doc.sections.entries()) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return { question, sectionIndex };
  }
  return null;
}

/** An answer as a person reads it: choice labels rather than stored values. */
export function answerText(question: Question | undefined, value: unknown, attachmentNames?: ReadonlyMap<string, string>, lang = LANG): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return 'Not answered';
  if (!question) return Array.isArray(value) ? value.map(String).join(', ') : String(value as AnswerValue);
  const label = (v: unknown) => {
    const choice = choicesOf(question).find((c) => c.value === v);
    return choice ? t(choice.label, lang) : String(v);
  };
  if (question.type === 'file' && Array.isArray(value)) return value.map((id) => attachmentNames?.get(String(id)) ?? 'file').join(', ');
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (question.type === 'single_choice' || question.type === 'yes_no') return label(value);
  return String(value as AnswerValue);
}

export const formatScore = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Governance officers and administrators review; the server has the last word. */
export const REVIEWER_ROLES = ['admin', 'governance_officer'] as const;
export const ASSESSMENT_STARTER_ROLES = ['admin', 'governance_officer', 'system_owner'] as const;

export const levelLabel = (doc: TemplateDocument, level: string | null, lang = LANG): string => {
  if (level === null) return 'No level';
  const found = doc.scoring?.levels?.list.find((l) => l.id === level);
  return found ? t(found.label, lang) : level;
};

export const timeOfDay = (date: Date): string => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Section titles as shown: imported questionnaires may repeat a title (the AIA asks its mitigation
 * sections once per project phase), so repeats get "(part 2)" and so on, keeping headings and
 * landmarks distinct.
 */
export function sectionTitles(doc: TemplateDocument, lang = LANG): Map<string, string> {
  const parts = sectionParts(doc, lang);
  return new Map(doc.sections.map((s) => [s.id, parts.get(s.id) ? `${t(s.title, lang)} (part ${parts.get(s.id)})` : t(s.title, lang)]));
}

/** The part number of each section whose title repeats in this language (null when it does not). */
export function sectionParts(doc: TemplateDocument, lang = LANG): Map<string, number | null> {
  const seen = new Map<string, number>();
  const totals = new Map<string, number>();
  // Compared without case, as assistive technology compares landmark names.
  const norm = (s: Section) => t(s.title, lang).trim().toLowerCase();
  for (const s of doc.sections) totals.set(norm(s), (totals.get(norm(s)) ?? 0) + 1);
  const out = new Map<string, number | null>();
  for (const s of doc.sections) {
    const n = (seen.get(norm(s)) ?? 0) + 1;
    seen.set(norm(s), n);
    out.set(s.id, (totals.get(norm(s)) ?? 1) > 1 ? n : null);
  }
  return out;
}

/**
 * An assessment as a stable JSON object, for machines: which template version it was made with, the
 * answers as stored (keys sorted), the result (with the level's label and requirements in the
 * report's language), sign-offs, comments and attachments. Dates are ISO 8601 strings. The shape is
 * versioned by `format`; fields are only ever added.
 */
import type { Answers, ScoreResult } from '@glassbox/rules';
import type { AssessmentReportData } from './report-data.js';
import { localText } from './report-model.js';

export const ASSESSMENT_REPORT_FORMAT = 'glassbox.assessment-report/1';

export type AssessmentReportJson = {
  format: typeof ASSESSMENT_REPORT_FORMAT;
  generatedAt: string;
  locale: string;
  organisation: { name: string; slug: string };
  system: { name: string; slug: string } | null;
  assessment: {
    id: string;
    round: number;
    status: string;
    startedAt: string;
    submittedAt: string | null;
    approvedAt: string | null;
    dueDate: string | null;
  };
  template: { key: string; versionId: string; version: number; title: string; format: string };
  answers: Answers;
  result: ScoreResult & {
    levelLabel: string | null;
    requirements: Array<{ key: string; title: string; description: string; phase: 'before_deployment' | 'in_operation' }>;
  };
  signoffs: Array<{ name: string; role: string; decision: string; at: string; note: string | null }>;
  comments: Array<{ questionId: string | null; author: string; body: string; at: string }>;
  attachments: Array<{ questionId: string | null; name: string; size: number }>;
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const dueText = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

export function renderAssessmentJson(data: AssessmentReportData): AssessmentReportJson {
  const doc = data.template.document;
  const t = (x: Parameters<typeof localText>[0]) => localText(x, data.locale);
  const level = data.result.level === null ? undefined : doc.scoring?.levels?.list.find((l) => l.id === data.result.level);
  const answers: Answers = {};
  for (const key of Object.keys(data.answers).sort()) {
    const v = data.answers[key];
    if (v !== undefined) answers[key] = v;
  }
  return {
    format: ASSESSMENT_REPORT_FORMAT,
    generatedAt: (data.generatedAt ?? new Date()).toISOString(),
    locale: data.locale,
    organisation: { name: data.organisation.name, slug: data.organisation.slug },
    system: data.system ? { name: data.system.name, slug: data.system.slug } : null,
    assessment: {
      id: data.assessment.id,
      round: data.assessment.round,
      status: data.assessment.status,
      startedAt: data.assessment.startedAt.toISOString(),
      submittedAt: iso(data.assessment.submittedAt),
      approvedAt: iso(data.assessment.approvedAt),
      dueDate: dueText(data.assessment.dueDate),
    },
    template: { key: doc.key, versionId: data.template.versionId, version: data.template.version, title: t(doc.title), format: doc.format },
    answers,
    result: {
      ...data.result,
      levelLabel: data.result.level === null ? null : level ? t(level.label) : data.result.level,
      requirements: (level?.requirements ?? []).map((r) => ({ key: r.key, title: t(r.title), description: t(r.description), phase: r.phase })),
    },
    signoffs: data.signoffs.map((s) => ({ name: s.name, role: s.role, decision: s.decision, at: s.at.toISOString(), note: s.note })),
    comments: data.comments.map((c) => ({ questionId: c.questionId, author: c.author, body: c.body, at: c.at.toISOString() })),
    attachments: data.attachments.map((a) => ({ questionId: a.questionId, name: a.name, size: a.size })),
  };
}

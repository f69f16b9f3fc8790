/** Report data for the renderers' tests: a small levelled template, answers with hostile text, a sign-off. */
import { scoreAssessment, type Answers, type TemplateDocument } from '@glassbox/rules';
import type { AssessmentReportData } from './report-data.js';

export const REPORT_TEMPLATE: TemplateDocument = {
  format: 'glassbox.assessment-template/1',
  key: 'impact-check',
  title: { en: 'Impact check', fr: 'Contrôle d’incidence' },
  languages: ['en', 'fr'],
  subject: 'system',
  sections: [
    {
      id: 'impact',
      title: { en: 'Impact', fr: 'Incidence' },
      questions: [
        { id: 'purpose', type: 'long_text', title: { en: 'What does the system do?', fr: 'Que fait le système ?' }, required: true },
        {
          id: 'reach',
          type: 'single_choice',
          title: { en: 'How many people does it reach?', fr: 'Combien de personnes touche-t-il ?' },
          scoreType: 'impact',
          choices: [
            { value: 'few', label: { en: 'Fewer than 100', fr: 'Moins de 100' }, weight: 0 },
            { value: 'many', label: { en: 'More than 10,000 residents', fr: 'Plus de 10 000 habitants' }, weight: 4 },
          ],
        },
        {
          id: 'data',
          type: 'multiple_choice',
          title: { en: 'Which data does it use?', fr: 'Quelles données utilise-t-il ?' },
          scoreType: 'impact',
          choices: [
            { value: 'health', label: { en: 'Health records', fr: 'Dossiers de santé' }, weight: 2 },
            { value: 'income', label: { en: 'Income data', fr: 'Données de revenu' }, weight: 2 },
          ],
        },
        { id: 'hidden', type: 'short_text', title: { en: 'Only shown for small systems', fr: 'Seulement pour les petits systèmes' }, visibleIf: { question: 'reach', equals: 'few' } },
      ],
    },
    {
      id: 'oversight',
      title: { en: 'Oversight', fr: 'Supervision' },
      questions: [
        {
          id: 'review',
          type: 'yes_no',
          title: { en: 'Does a person review every decision?', fr: 'Une personne revoit-elle chaque décision ?' },
          scoreType: 'mitigation',
          recommendation: { en: 'Put a caseworker in the loop for every refusal.', fr: 'Faites revoir chaque refus par un agent.' },
          choices: [
            { value: 'yes', label: { en: 'Yes', fr: 'Oui' }, weight: 2 },
            { value: 'no', label: { en: 'No', fr: 'Non' }, weight: 0 },
          ],
        },
      ],
    },
  ],
  scoring: {
    scoreTypes: [
      { id: 'impact', label: { en: 'Impact', fr: 'Incidence' } },
      { id: 'mitigation', label: { en: 'Mitigation', fr: 'Atténuation' } },
    ],
    baseScore: 'impact',
    levels: {
      relativeToMaxOf: 'impact',
      list: [
        { id: 'low', label: { en: 'Level low', fr: 'Niveau faible' }, upToFractionOfMax: 0.5 },
        {
          id: 'high',
          label: { en: 'Level high', fr: 'Niveau élevé' },
          requirements: [
            {
              key: 'peer-review',
              title: { en: 'Independent peer review', fr: 'Examen par des pairs indépendants' },
              description: { en: 'Have the system reviewed by an expert outside the team before it goes live.', fr: 'Faites examiner le système par un expert externe avant sa mise en service.' },
              phase: 'before_deployment',
            },
          ],
        },
      ],
    },
  },
};

export const REPORT_ANSWERS: Answers = {
  purpose: 'Sorts <script>alert("x")</script> applications & flags urgent ones',
  reach: 'many',
  data: ['health', 'income'],
  review: 'no',
};

export function reportData(overrides: Partial<AssessmentReportData> = {}): AssessmentReportData {
  const answers = overrides.answers ?? REPORT_ANSWERS;
  return {
    organisation: { name: 'Riverton Council', slug: 'riverton' },
    system: { name: 'Benefit triage', slug: 'benefit-triage' },
    assessment: {
      id: '7d1f0f4e-0000-4000-8000-000000000001',
      round: 1,
      status: 'approved',
      startedAt: new Date('2026-03-01T09:00:00Z'),
      submittedAt: new Date('2026-03-10T09:00:00Z'),
      approvedAt: new Date('2026-03-12T15:30:00Z'),
      dueDate: '2027-03-12',
    },
    template: { versionId: '7d1f0f4e-0000-4000-8000-000000000002', version: 3, document: REPORT_TEMPLATE },
    answers,
    result: scoreAssessment(REPORT_TEMPLATE, answers),
    signoffs: [{ name: 'Ada <b>Officer</b>', role: 'governance_officer', decision: 'approved', at: new Date('2026-03-12T15:30:00Z'), note: 'Fine & dandy' }],
    comments: [
      { questionId: 'purpose', author: 'Sam', body: 'Check the <img src=x onerror=alert(1)> wording', at: new Date('2026-03-05T10:00:00Z') },
      { questionId: null, author: 'Kim', body: 'Overall good.', at: new Date('2026-03-06T10:00:00Z') },
    ],
    attachments: [{ questionId: 'review', name: 'oversight-plan.pdf', size: 20480 }],
    locale: 'en',
    generatedAt: new Date('2026-03-13T08:00:00Z'),
    ...overrides,
  };
}

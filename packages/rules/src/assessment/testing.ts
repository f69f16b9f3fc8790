/** A small valid template for the engine's tests: two sections, every question type, two score types, a deduction and three levels. */
import type { TemplateDocument } from './template.js';

export function sampleTemplate(): TemplateDocument {
  return {
    format: 'glassbox.assessment-template/1',
    key: 'sample',
    title: { en: 'Sample', fr: 'Exemple' },
    languages: ['en', 'fr'],
    subject: 'system',
    sections: [
      {
        id: 'about',
        title: { en: 'About', fr: 'À propos' },
        questions: [
          { id: 'intro', type: 'info', title: { en: 'Read this', fr: 'Lisez ceci' } },
          { id: 'name', type: 'short_text', title: { en: 'Name', fr: 'Nom' }, required: true, maxLength: 20 },
          {
            id: 'phase',
            type: 'single_choice',
            title: { en: 'Phase', fr: 'Phase' },
            required: true,
            choices: [
              { value: 'design', label: { en: 'Design', fr: 'Conception' } },
              { value: 'live', label: { en: 'Live', fr: 'En service' } },
            ],
          },
          {
            id: 'impact1',
            type: 'single_choice',
            title: { en: 'Impact one', fr: 'Incidence un' },
            scoreType: 'impact',
            recommendation: { en: 'Reduce it', fr: 'Réduisez-la' },
            choices: [
              { value: 'low', label: { en: 'Low', fr: 'Faible' }, weight: 0 },
              { value: 'mid', label: { en: 'Mid', fr: 'Moyenne' }, weight: 2 },
              { value: 'high', label: { en: 'High', fr: 'Élevée' }, weight: 4 },
            ],
          },
          {
            id: 'impact2',
            type: 'multiple_choice',
            title: { en: 'Impact two', fr: 'Incidence deux' },
            scoreType: 'impact',
            choices: [
              { value: 'a', label: { en: 'A', fr: 'A' }, weight: 1 },
              { value: 'b', label: { en: 'B', fr: 'B' }, weight: 2 },
              { value: 'c', label: { en: 'C', fr: 'C' }, weight: 3 },
            ],
          },
          { id: 'people', type: 'number', title: { en: 'People', fr: 'Personnes' }, min: 0, max: 1000 },
          { id: 'start', type: 'date', title: { en: 'Start', fr: 'Début' } },
          { id: 'notes', type: 'long_text', title: { en: 'Notes', fr: 'Notes' }, visibleIf: { question: 'phase', equals: 'live' } },
          { id: 'files', type: 'file', title: { en: 'Files', fr: 'Fichiers' } },
        ],
      },
      {
        id: 'live-measures',
        title: { en: 'Measures', fr: 'Mesures' },
        visibleIf: { question: 'phase', equals: 'live' },
        questions: [
          {
            id: 'tested',
            type: 'yes_no',
            title: { en: 'Tested?', fr: 'Testé ?' },
            scoreType: 'mitigation',
            required: true,
            recommendation: { en: 'Test it', fr: 'Testez-le' },
            choices: [
              { value: 'yes', label: { en: 'Yes', fr: 'Oui' }, weight: 3 },
              { value: 'no', label: { en: 'No', fr: 'Non' }, weight: 0 },
            ],
          },
          {
            id: 'reviewed',
            type: 'yes_no',
            title: { en: 'Reviewed?', fr: 'Revu ?' },
            scoreType: 'mitigation',
            choices: [
              { value: 'yes', label: { en: 'Yes', fr: 'Oui' }, weight: 1 },
              { value: 'no', label: { en: 'No', fr: 'Non' }, weight: 0 },
            ],
          },
          { id: 'plain', type: 'yes_no', title: { en: 'Plain yes/no', fr: 'Oui/non simple' } },
        ],
      },
    ],
    scoring: {
      scoreTypes: [
        { id: 'impact', label: { en: 'Impact', fr: 'Incidence' } },
        { id: 'mitigation', label: { en: 'Mitigation', fr: 'Atténuation' } },
      ],
      baseScore: 'impact',
      adjustments: [
        {
          kind: 'deduction',
          id: 'mitigated',
          label: { en: 'Mitigated', fr: 'Atténué' },
          ifScore: 'mitigation',
          atLeastFractionOfMax: 0.75,
          multiplyBy: 0.5,
        },
      ],
      levels: {
        relativeToMaxOf: 'impact',
        list: [
          { id: 'low', label: { en: 'Low', fr: 'Faible' }, upToFractionOfMax: 0.2 },
          { id: 'medium', label: { en: 'Medium', fr: 'Moyen' }, upToFractionOfMax: 0.6 },
          { id: 'high', label: { en: 'High', fr: 'Élevé' } },
        ],
      },
    },
  };
}

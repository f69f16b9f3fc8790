/**
 * The Government of Canada's Algorithmic Impact Assessment (AIA), imported from its official
 * SurveyJS file (github.com/canada-ca/aia-eia-js, v1.0.1) and scored exactly as the official tool
 * scores it (src/store.ts calculateFinalScore):
 *
 * - score types from name suffixes: `-RS` raw impact, `-MS` mitigation, `-NS` not scored; the
 *   question's name first, else its parent panel's; only radiogroup, dropdown and checkbox score;
 * - a choice's weight is the number after the last "-" of its value (`item3-2` → 2);
 * - maxima: the highest weight of a single choice, the sum for a checkbox, over every scored
 *   question (the mitigation questions exist twice, once per project phase);
 * - when mitigation ≥ 80 % of half the mitigation maximum, current = Math.round(0.85 × raw), else raw;
 * - level I to IV: current ≤ 25 %, 50 %, 75 % of the raw impact maximum, else IV;
 * - every answer in the data counts, also answers the current phase hides (countHiddenAnswers).
 *
 * The requirements per level follow the Directive on Automated Decision-Making as summarised in the
 * tool's v1.0.1 results page, written here in our own words (English and French).
 */
import { importSurveyJs, type SurveyJsImport } from './surveyjs-import.js';
import type { Level, LevelRequirement, LocalText, Scoring } from './template.js';

export const CANADA_AIA_KEY = 'canada-aia';
export const CANADA_AIA_SOURCE_URL = 'https://github.com/canada-ca/aia-eia-js';

/** SurveyJS name suffixes → score types, as the official tool reads them. */
export const CANADA_AIA_SCORE_SUFFIXES: Record<string, string | null> = { '-RS': 'impact', '-MS': 'mitigation', '-NS': null };

type RequirementText = { title: LocalText; description: LocalText };
const req = (key: string, phase: LevelRequirement['phase'], text: RequirementText): LevelRequirement => ({ key, phase, ...text });

const NOTICE_TITLE: LocalText = { en: 'Notice', fr: 'Avis' };
const EXPLANATION_TITLE: LocalText = { en: 'Explanation', fr: 'Explication' };
const PEER_REVIEW_TITLE: LocalText = { en: 'Peer review', fr: 'Examen par les pairs' };
const GBA_TITLE: LocalText = { en: 'Gender-based Analysis Plus', fr: 'Analyse comparative entre les sexes plus' };
const TRAINING_TITLE: LocalText = { en: 'Training', fr: 'Formation' };
const HUMAN_TITLE: LocalText = { en: 'Human involvement', fr: 'Intervention humaine' };
const APPROVAL_TITLE: LocalText = { en: 'Approval to operate', fr: 'Autorisation d’exploitation' };

const notice = (directsToExplanation: boolean) =>
  req('notice', 'before_deployment', {
    title: NOTICE_TITLE,
    description: directsToExplanation
      ? {
          en: 'Tell clients in plain language, on every channel through which the service is offered, that an automated system is used in the decision, and point them to the published general explanation of the system.',
          fr: 'Informer les clients en langage clair, sur chaque canal où le service est offert, qu’un système automatisé intervient dans la décision, et les diriger vers l’explication générale publiée du système.',
        }
      : {
          en: 'Tell clients in plain language, on every channel through which the service is offered, that an automated system is used in the decision.',
          fr: 'Informer les clients en langage clair, sur chaque canal où le service est offert, qu’un système automatisé intervient dans la décision.',
        },
  });

const explanation = (individual: boolean) =>
  req('explanation', 'before_deployment', {
    title: EXPLANATION_TITLE,
    description: individual
      ? {
          en: 'Publish the general plain-language explanation required at level I and link to it. In addition, give each client who is refused a benefit or service, or who is subject to a regulatory action, an explanation of the main factors behind the decision (for example the decision rules, scores or weights) and of how officers used the system’s output.',
          fr: 'Publier l’explication générale en langage clair exigée au niveau I et y renvoyer. De plus, fournir à chaque client qui se voit refuser une prestation ou un service, ou qui fait l’objet d’une mesure réglementaire, une explication des principaux facteurs de la décision (par exemple les règles de décision, les scores ou les pondérations) et de la manière dont les agents ont utilisé le résultat du système.',
        }
      : {
          en: 'Publish, on a departmental website that people can find and linked from the published AIA, a general plain-language explanation of the system: its role in the decision, the data it uses and where that data comes from, the criteria it applies, the results of reviews and audits, what it produces and how that output is interpreted, and the main factors behind its decisions. Mention the ways clients can seek recourse.',
          fr: 'Publier, sur un site Web ministériel facile à trouver et lié à l’EIA publiée, une explication générale en langage clair du système : son rôle dans la décision, les données utilisées et leur provenance, les critères appliqués, les résultats des examens et des vérifications, ce qu’il produit et la manière d’interpréter ce résultat, ainsi que les principaux facteurs de ses décisions. Mentionner les recours offerts aux clients.',
        },
  });

const peerReview = (experts: 1 | 2) =>
  req('peer-review', 'before_deployment', {
    title: PEER_REVIEW_TITLE,
    description:
      experts === 1
        ? {
            en: 'Have the system reviewed by at least one qualified expert — for example from a federal, provincial, territorial or municipal government, a university or college faculty, a non-governmental research body, a contracted specialist vendor, or an advisory board named by the Treasury Board Secretariat — and publish the full review or a plain-language summary on a Government of Canada website.',
            fr: 'Faire examiner le système par au moins un expert qualifié — par exemple d’un gouvernement fédéral, provincial, territorial ou municipal, d’un corps professoral universitaire ou collégial, d’un organisme de recherche non gouvernemental, d’un fournisseur spécialisé sous contrat ou d’un comité consultatif désigné par le Secrétariat du Conseil du Trésor — et publier l’examen complet ou un résumé en langage clair sur un site Web du gouvernement du Canada.',
          }
        : {
            en: 'Have the system reviewed by at least two qualified experts — for example from the National Research Council, Statistics Canada, the Communications Security Establishment or Shared Services Canada, a university or college faculty, a non-governmental research body, a contracted specialist vendor, or an advisory board named by the Treasury Board Secretariat — and publish the reviews or plain-language summaries on a Government of Canada website.',
            fr: 'Faire examiner le système par au moins deux experts qualifiés — par exemple du Conseil national de recherches, de Statistique Canada, du Centre de la sécurité des télécommunications ou de Services partagés Canada, d’un corps professoral universitaire ou collégial, d’un organisme de recherche non gouvernemental, d’un fournisseur spécialisé sous contrat ou d’un comité consultatif désigné par le Secrétariat du Conseil du Trésor — et publier les examens ou des résumés en langage clair sur un site Web du gouvernement du Canada.',
          },
  });

const gbaPlus = req('gba-plus', 'before_deployment', {
  title: GBA_TITLE,
  description: {
    en: 'Carry out a Gender-based Analysis Plus with the department’s diversity and inclusion specialists: how the system affects different groups of people (with data broken down by group where possible, and any gaps in the data noted), and the measures taken to reduce negative effects.',
    fr: 'Réaliser une Analyse comparative entre les sexes plus avec les spécialistes de la diversité et de l’inclusion du ministère : les effets du système sur différents groupes de personnes (avec des données ventilées par groupe lorsque c’est possible, en signalant les lacunes des données) et les mesures prises pour atténuer les effets négatifs.',
  },
});

const training = (recurring: boolean) =>
  req('training', 'in_operation', {
    title: TRAINING_TITLE,
    description: recurring
      ? {
          en: 'Give everyone who manages, secures, uses or explains the system recurring training suited to their role: its technical workings, its effects on privacy, fairness and human rights, and how to check its decisions and override them.',
          fr: 'Offrir à toutes les personnes qui gèrent, sécurisent, utilisent ou expliquent le système une formation périodique adaptée à leur rôle : son fonctionnement technique, ses effets sur la vie privée, l’équité et les droits de la personne, et la manière de vérifier ses décisions et de les renverser.',
        }
      : {
          en: 'Give the people who work with the system training suited to their role on using it appropriately and on explaining, at a general level, how it works.',
          fr: 'Offrir aux personnes qui travaillent avec le système une formation adaptée à leur rôle sur son utilisation appropriée et sur la manière d’expliquer, de façon générale, son fonctionnement.',
        },
  });

const humanInvolvement = (humanDecides: boolean) =>
  req('human-involvement', 'in_operation', {
    title: HUMAN_TITLE,
    description: humanDecides
      ? {
          en: 'A person makes the final decision. Define clearly where people take part in the process, have people review the system’s outputs, and keep checking quality with the ability to step in.',
          fr: 'Une personne prend la décision finale. Définir clairement où des personnes interviennent dans le processus, faire examiner les résultats du système par des personnes et maintenir un contrôle de la qualité avec la possibilité d’intervenir.',
        }
      : {
          en: 'The system may make decisions without a person deciding each case, but people take part in quality assurance and can step in when needed.',
          fr: 'Le système peut rendre des décisions sans qu’une personne tranche chaque cas, mais des personnes participent à l’assurance de la qualité et peuvent intervenir au besoin.',
        },
  });

const approval = (by: 'adm' | 'deputy-head' | 'treasury-board') =>
  req('approval', 'before_deployment', {
    title: APPROVAL_TITLE,
    description: {
      adm: {
        en: 'The assistant deputy minister responsible for the program approves the system before it operates.',
        fr: 'Le sous-ministre adjoint responsable du programme approuve le système avant son exploitation.',
      },
      'deputy-head': {
        en: 'The deputy head of the department approves the system before it operates.',
        fr: 'L’administrateur général du ministère approuve le système avant son exploitation.',
      },
      'treasury-board': {
        en: 'The Treasury Board approves the system before it operates.',
        fr: 'Le Conseil du Trésor approuve le système avant son exploitation.',
      },
    }[by],
  });

/** Levels I–IV with their bounds (fractions of the raw impact maximum) and requirements. */
export const CANADA_AIA_LEVELS: Level[] = [
  {
    id: 'I',
    label: { en: 'Level I – little to no impact', fr: 'Niveau I – incidence faible ou nulle' },
    upToFractionOfMax: 0.25,
    requirements: [notice(false), explanation(false), training(false), humanInvolvement(false), approval('adm')],
  },
  {
    id: 'II',
    label: { en: 'Level II – moderate impact', fr: 'Niveau II – incidence modérée' },
    upToFractionOfMax: 0.5,
    requirements: [notice(false), explanation(true), peerReview(1), gbaPlus, training(false), humanInvolvement(false), approval('adm')],
  },
  {
    id: 'III',
    label: { en: 'Level III – high impact', fr: 'Niveau III – incidence élevée' },
    upToFractionOfMax: 0.75,
    requirements: [notice(true), explanation(true), peerReview(1), gbaPlus, training(true), humanInvolvement(true), approval('deputy-head')],
  },
  {
    id: 'IV',
    label: { en: 'Level IV – very high impact', fr: 'Niveau IV – incidence très élevée' },
    requirements: [notice(true), explanation(true), peerReview(2), gbaPlus, training(true), humanInvolvement(true), approval('treasury-board')],
  },
];

export const CANADA_AIA_SCORING: Scoring = {
  scoreTypes: [
    { id: 'impact', label: { en: 'Raw impact score', fr: 'Score d’incidence brut' } },
    { id: 'mitigation', label: { en: 'Mitigation score', fr: 'Score d’atténuation' } },
  ],
  baseScore: 'impact',
  adjustments: [
    {
      kind: 'deduction',
      id: 'mitigation-deduction',
      label: {
        en: '15 % deduction: mitigation reaches 80 % of its maximum for one project phase',
        fr: 'Réduction de 15 % : l’atténuation atteint 80 % de son maximum pour une phase du projet',
      },
      ifScore: 'mitigation',
      atLeastFractionOfMax: 0.8,
      maxScale: 0.5,
      multiplyBy: 0.85,
    },
  ],
  levels: { relativeToMaxOf: 'impact', list: CANADA_AIA_LEVELS },
  countHiddenAnswers: true,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a SurveyJS survey uses the AIA's score-type suffixes (some element named `…-RS` or `…-MS`). */
export function looksLikeCanadianAia(survey: unknown): boolean {
  const walk = (elements: unknown): boolean =>
    Array.isArray(elements) &&
    elements.some((e) => isRecord(e) && ((typeof e.name === 'string' && /-(RS|MS)$/.test(e.name)) || walk(e.elements) || walk(e.questions)));
  return isRecord(survey) && (walk(survey.pages) || walk(survey.elements) || walk(survey.questions));
}

/**
 * Imports the official AIA SurveyJS file (survey-enfr.json) as the `canada-aia` template with the
 * AIA scoring, levels and requirements. Throws SurveyJsImportError when the input is not a survey.
 */
export function importCanadianAia(survey: unknown): SurveyJsImport {
  return importSurveyJs(survey, {
    key: CANADA_AIA_KEY,
    title: { en: 'Algorithmic Impact Assessment (Government of Canada)', fr: 'Évaluation de l’incidence algorithmique (gouvernement du Canada)' },
    description: {
      en: 'The Government of Canada’s questionnaire for automated decision systems under the Directive on Automated Decision-Making. The answers give a raw impact score and a mitigation score; strong mitigation lowers the impact score by 15 %, and the result sets the impact level (I to IV) and what that level requires.',
      fr: 'Le questionnaire du gouvernement du Canada pour les systèmes décisionnels automatisés visés par la Directive sur la prise de décisions automatisée. Les réponses donnent un score d’incidence brut et un score d’atténuation; une atténuation élevée réduit le score d’incidence de 15 %, et le résultat détermine le niveau d’incidence (I à IV) et ce que ce niveau exige.',
    },
    subject: 'system',
    languages: ['en', 'fr'],
    scoreTypeBySuffix: CANADA_AIA_SCORE_SUFFIXES,
    choiceWeights: 'value-suffix',
    scoring: CANADA_AIA_SCORING,
    reassessment: { onMaterialChange: true },
    source: {
      name: 'Algorithmic Impact Assessment tool, Government of Canada (Treasury Board of Canada Secretariat)',
      url: CANADA_AIA_SOURCE_URL,
      licence: 'MIT (Crown Copyright, Government of Canada)',
      notes:
        'Questions, choices and help texts imported unchanged (as plain text) from the official SurveyJS file survey-enfr.json; scoring reproduces src/store.ts calculateFinalScore. Level labels and requirements are summarised in Glassbox’s own words.',
    },
  });
}

/**
 * A published register entry, independent of the database: what the organisation says in public
 * about one AI system at one publication (version). The public pages, the open-data exports and the
 * national formats (UK ATRS, Dutch Algoritmeregister, Eurocities, EU Annex VIII Section C, US OMB
 * 2025) are all made from this one shape. Pure data and functions, no I/O.
 *
 * Conventions: a text nobody wrote is '' (never null); a fact Glassbox does not know, or that is not
 * public, is null; dates are ISO 8601 strings (dates 'YYYY-MM-DD', instants with time and zone), so a
 * record round-trips through JSON unchanged.
 */
import type { Lifecycle } from '../../inventory/lifecycle.js';
import type { DecisionRole, Sourcing } from '../../inventory/system-fields.js';

/** Languages the public register is written in. */
export const REGISTER_LANGUAGES = ['en', 'es', 'fr'] as const;
export type RegisterLanguage = (typeof REGISTER_LANGUAGES)[number];

/**
 * The formats a record can be exported to. 'glassbox' is our own public page and JSON: the minimum
 * a system page needs to make sense to a resident.
 */
export const REGISTER_FORMAT_IDS = ['glassbox', 'uk-atrs-tier1', 'uk-atrs-tier2', 'nl-algoritmeregister', 'eurocities', 'eu-annex-viii-c', 'us-omb-2025'] as const;
export type RegisterFormatId = (typeof REGISTER_FORMAT_IDS)[number];

/**
 * Policy areas, in our own words; each maps to the Dutch register's `category` and the Eurocities
 * `domain` lists (see formats/). Null on a record: not chosen.
 */
export const POLICY_AREAS = [
  'benefits',
  'health',
  'housing',
  'education',
  'employment',
  'transport',
  'public_safety',
  'justice',
  'migration',
  'environment',
  'taxes_finance',
  'culture_leisure',
  'economy',
  'international',
  'internal_operations',
  'other',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];

/** What kind of technique the system uses (Eurocities `algorithm_type`). */
export const TECHNIQUES = ['rule_based', 'self_learning', 'hybrid'] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** What the output is used for (Eurocities `type`). */
export const USE_TYPES = ['descriptive', 'diagnostic', 'predictive', 'prescriptive'] as const;
export type UseType = (typeof USE_TYPES)[number];

export type RegisterEuTier = 'prohibited' | 'high' | 'limited' | 'minimal' | 'undetermined';
export type RegisterOmbHighImpact = 'yes' | 'no' | 'undetermined';

export type RegisterOrganisation = {
  name: string;
  slug: string;
  /** ISO 3166-1 alpha-2 code ('NL', 'GB', 'US', …), or null when not set. */
  country: string | null;
  /** Public contact address for the register (a team address, not a person's). */
  contactEmail: string;
  /** Public contact page, or null. */
  contactUrl: string | null;
  contactPhone: string | null;
  /** Postal address (Annex VIII Section C.1), or null. */
  address: string | null;
  /** The geographical area the organisation serves ('City of Springfield'), or null. */
  area: string | null;
  /**
   * Who submits registrations on the organisation's behalf (Annex VIII Section C.2). Never shown on
   * the public page (a person's details); exported only in the EU database format.
   */
  registrationContact: { name: string; email: string; phone: string | null } | null;
};

export type RegisterSystem = {
  id: string;
  slug: string;
  name: string;
  unitName: string | null;
  /** Null only when withheld (Art. 49(4) restriction). */
  lifecycle: Lifecycle | null;
  sourcing: Sourcing | null;
  supplier: string | null;
  decisionRole: DecisionRole | null;
  personalData: boolean | null;
  dataCategories: string[];
  tags: string[];
  /** Who is affected and how (free text from the inventory). */
  affectedPeople: string;
  policyArea: PolicyArea | null;
  technique: Technique | null;
  useType: UseType | null;
  /** First day in service ('YYYY-MM-DD'), or null when it never was (or not public). */
  inServiceSince: string | null;
  /** Day it was retired ('YYYY-MM-DD'), or null. */
  retiredOn: string | null;
};

export type RegisterBasis = { provision: string; text: string };

export type RegisterClassification = {
  euTier: RegisterEuTier | null;
  /** The provisions the EU tier rests on, each with a plain explanation. */
  euBases: RegisterBasis[];
  /** Annex III points that apply, as written in the Annex: '1(a)', '5(a)'. */
  annexIIIPoints: string[];
  /** Art. 50 transparency duties that apply (provision, plain explanation). */
  art50Duties: RegisterBasis[];
  friaRequired: boolean | null;
  euRegistrationRequired: boolean | null;
  /** Art. 49(4): registered in the EU database's non-public section (Annex III points 1, 6, 7). */
  restrictedSection: boolean | null;
  ombHighImpact: RegisterOmbHighImpact | null;
  /** The organisation's own tier id and its label, or null. */
  orgTier: string | null;
  orgTierLabel: string | null;
};

export type RegisterPublication = {
  /** 1 for the first publication, +1 for each new one. */
  version: number;
  publishedAt: string;
  firstPublishedAt: string;
  language: RegisterLanguage;
  /** The public page of this entry (stable URL), or null when not known to the caller. */
  url: string | null;
  /** When the entry is next due for review ('YYYY-MM-DD'), or null. */
  nextReviewDue: string | null;
  /** True when Art. 49(4) limited the record to its public minimum (see restrictRecord). */
  restricted: boolean;
};

/** Links published with the entry; null when there is none. */
export type RegisterLinks = {
  /** More about the system (a project page, documentation). */
  documentationUrl: string | null;
  /** Source code (repository, publiccode.yml). */
  codeUrl: string | null;
  /** Open data the system uses, where published. */
  sourceDataUrl: string | null;
  /** Published data protection impact assessment. */
  dpiaUrl: string | null;
  /** Published fundamental-rights / algorithmic impact assessment. */
  impactAssessmentUrl: string | null;
  /** The provider's entry in the EU database (Annex VIII Section C.3). */
  providerEuDatabaseUrl: string | null;
  /** The law the use rests on (one link; the text is texts.legalBasis). */
  legalBasisUrl: string | null;
};

/** Who a text is written for: the public page, or specialists (shown lower on the page). */
export type TextAudience = 'public' | 'specialist';

export type PublicTextField = {
  key: string;
  /** Label for staff (English; the web app translates). */
  label: string;
  /** What to write, in plain words. */
  help: string;
  maxLength: number;
  audience: TextAudience;
  /** Formats that need this text filled in before the record can be published to them. */
  requiredFor: readonly RegisterFormatId[];
};

/**
 * The texts staff write for the public, in display order. Limits are ours (storage and editing);
 * a format with a smaller limit cuts the text at a word boundary and says so in its warnings.
 */
export const PUBLIC_TEXT_FIELDS = [
  // --- For residents (the system page, top to bottom) ---
  {
    key: 'summary',
    label: 'Summary',
    help: 'Two or three short sentences: what the system does and in which service. This is shown in search results.',
    maxLength: 400,
    audience: 'public',
    requiredFor: ['glassbox', 'uk-atrs-tier1', 'uk-atrs-tier2', 'nl-algoritmeregister', 'eurocities'],
  },
  {
    key: 'purpose',
    label: 'Why we use it',
    help: 'The problem it helps with and why a computer system is used for it.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['glassbox', 'uk-atrs-tier1', 'uk-atrs-tier2', 'eurocities', 'us-omb-2025'],
  },
  {
    key: 'howItWorks',
    label: 'How decisions are made',
    help: 'The steps from a case arriving to a decision, and where the system comes in. Say what it looks at and what it produces.',
    maxLength: 5000,
    audience: 'public',
    requiredFor: ['glassbox', 'uk-atrs-tier2', 'eurocities'],
  },
  {
    key: 'dataUsed',
    label: 'Information it uses',
    help: 'What information the system uses, where it comes from, and whether it includes information about people.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['glassbox', 'uk-atrs-tier2', 'eurocities', 'us-omb-2025'],
  },
  {
    key: 'whatItDoesNot',
    label: 'What it does not do',
    help: 'Things people might expect or fear that the system does not do (for example: it does not decide on its own, it does not use social media).',
    maxLength: 2500,
    audience: 'public',
    requiredFor: [],
  },
  {
    key: 'humanRole',
    label: 'What a person does',
    help: 'Who looks at the system’s output, what they check, and whether they can change or overrule it.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['glassbox', 'uk-atrs-tier2', 'eurocities'],
  },
  {
    key: 'benefits',
    label: 'Benefits',
    help: 'What is better for residents or the service because of the system: faster answers, fewer errors, fairer treatment.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['uk-atrs-tier2', 'us-omb-2025'],
  },
  {
    key: 'risksAndMitigations',
    label: 'Risks and what we do about them',
    help: 'What could go wrong (errors, unfair results, misuse) and what you do to prevent or fix it.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['uk-atrs-tier2', 'eurocities'],
  },
  {
    key: 'alternativesConsidered',
    label: 'Other options considered',
    help: 'Other ways of doing this you looked at, with or without a computer, and why you chose this one.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: [],
  },
  {
    key: 'proportionality',
    label: 'Why the benefits outweigh the harm',
    help: 'Why using the system is reasonable and necessary, and why its benefits outweigh the possible harm to people.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['eurocities'],
  },
  {
    key: 'rights',
    label: 'Your rights',
    help: 'How a person can get an explanation, ask for a person to review their case, object or appeal, and the time limits.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['glassbox', 'eurocities'],
  },
  {
    key: 'oversight',
    label: 'Who oversees it',
    help: 'Who is responsible for the system (a role, not a name), who checks it, and who people can complain to outside the organisation.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: [],
  },
  {
    key: 'legalBasis',
    label: 'Legal basis',
    help: 'The law or decision that allows you to carry out this task and to use this information.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['eurocities'],
  },
  {
    key: 'impactAssessments',
    label: 'Impact assessments',
    help: 'Which assessments were done (for example data protection, equality, fundamental rights), when, and what they found.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'monitoring',
    label: 'How we check it keeps working',
    help: 'What you measure, how often, who looks at the results, and when the system is reviewed again.',
    maxLength: 2500,
    audience: 'public',
    requiredFor: ['uk-atrs-tier2', 'eurocities'],
  },
  {
    key: 'contact',
    label: 'Contact',
    help: 'How to ask a question about the system: a team, a phone number or a form. Do not give a person’s private details.',
    maxLength: 1000,
    audience: 'public',
    requiredFor: ['glassbox'],
  },
  // --- For specialists (lower on the page; asked for by the national formats) ---
  {
    key: 'outputs',
    label: 'What it produces',
    help: 'What the system gives the person who uses it (a score, a list, a draft letter) and how it is shown to them.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2', 'us-omb-2025'],
  },
  {
    key: 'previousProcess',
    label: 'How it was done before',
    help: 'How the work was done before the system was used.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: [],
  },
  {
    key: 'scaleOfUse',
    label: 'How often it is used',
    help: 'How many cases, decisions or people it deals with, per month or per year.',
    maxLength: 1000,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'staffTraining',
    label: 'Staff training',
    help: 'The training people who use or oversee the system must have.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'responsibleOwner',
    label: 'Senior responsible owner',
    help: 'The role title of the senior person accountable for the system (for example: Director of Benefits).',
    maxLength: 200,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'supplierRole',
    label: 'What the supplier does',
    help: 'What each outside company built or runs, when the system was bought or built with help.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: [],
  },
  {
    key: 'procurement',
    label: 'How it was bought',
    help: 'The procurement procedure (for example open tender, framework call-off).',
    maxLength: 500,
    audience: 'specialist',
    requiredFor: [],
  },
  {
    key: 'supplierDataAccess',
    label: 'Supplier access to data',
    help: 'What data the supplier can see or keep, and on what terms.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: [],
  },
  {
    key: 'technicalDescription',
    label: 'Technical description',
    help: 'How the system works in more detail, for specialists: inputs, steps, rules or model, outputs.',
    maxLength: 10000,
    audience: 'specialist',
    requiredFor: ['eurocities'],
  },
  {
    key: 'systemArchitecture',
    label: 'System architecture',
    help: 'The main technical parts and how they connect, or a link to that documentation.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'methodsAndModels',
    label: 'Methods and models',
    help: 'The rules, statistical methods or models used (for example decision rules, logistic regression, a language model) and their versions.',
    maxLength: 5000,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'performance',
    label: 'Performance',
    help: 'How well it works and how that is measured (accuracy, error rates, differences between groups).',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'trainingData',
    label: 'Data used to build it',
    help: 'The data used to build, train or test the system, and what each set was used for. Write "none" for a rule-based system.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2', 'eurocities'],
  },
  {
    key: 'dataQuality',
    label: 'Data quality and bias',
    help: 'How complete and representative the data is, known biases, and how you correct for them.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'dataSharing',
    label: 'Data links and sharing',
    help: 'Which other registers or databases the system is linked to, and the data-sharing agreements in place.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2', 'eurocities'],
  },
  {
    key: 'dataStorage',
    label: 'Data access and storage',
    help: 'Who can see the data, how long it is kept, where, and how it is protected.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['uk-atrs-tier2'],
  },
  {
    key: 'rollback',
    label: 'Undoing its effects',
    help: 'Whether the effects of the system can be undone if needed, and what that takes.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: [],
  },
  {
    key: 'friaSummary',
    label: 'Fundamental rights impact assessment: findings',
    help: 'A summary of what the fundamental rights impact assessment found and what you changed because of it.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['eu-annex-viii-c'],
  },
  {
    key: 'dpiaSummary',
    label: 'Data protection impact assessment: summary',
    help: 'A summary of the data protection impact assessment, where one was needed.',
    maxLength: 2500,
    audience: 'specialist',
    requiredFor: ['eu-annex-viii-c'],
  },
] as const satisfies readonly PublicTextField[];

export type RegisterTextKey = (typeof PUBLIC_TEXT_FIELDS)[number]['key'];
export const REGISTER_TEXT_KEYS: readonly RegisterTextKey[] = PUBLIC_TEXT_FIELDS.map((f) => f.key);
/** Every text, '' when not written. */
export type RegisterTexts = Record<RegisterTextKey, string>;

export type RegisterRecord = {
  organisation: RegisterOrganisation;
  system: RegisterSystem;
  classification: RegisterClassification;
  publication: RegisterPublication;
  links: RegisterLinks;
  texts: RegisterTexts;
};

/** All texts empty: a start for a record, or for tests. */
export function emptyTexts(): RegisterTexts {
  return Object.fromEntries(REGISTER_TEXT_KEYS.map((k) => [k, ''])) as RegisterTexts;
}

export function emptyLinks(): RegisterLinks {
  return { documentationUrl: null, codeUrl: null, sourceDataUrl: null, dpiaUrl: null, impactAssessmentUrl: null, providerEuDatabaseUrl: null, legalBasisUrl: null };
}

/** The catalogue entry for a text key. */
export function publicTextField(key: RegisterTextKey): (typeof PUBLIC_TEXT_FIELDS)[number] {
  const field = PUBLIC_TEXT_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`Unknown register text: ${key}`);
  return field;
}

// ---------------------------------------------------------------------------------------------
// Art. 49(4): law enforcement, migration/asylum/border control, and biometrics (Annex III points
// 1, 6, 7).
//
// For these systems the deployer's registration goes to a secure, non-public section of the EU
// database, and holds only Annex VIII Section C points 1 to 3: C.1 the deployer's name, address and
// contact details; C.2 the same for the person submitting on its behalf; C.3 the URL of the
// provider's entry. C.4 (FRIA findings) and C.5 (DPIA summary) are not registered at all.
//
// Glassbox still lists such a system in the public register (the organisation says it uses one and
// how to contact it), but never shows more than that public minimum:
//   - C.1: the organisation's name, address and public contact details, and the contact text;
//   - the system's identity (id, slug, name), without which there is no entry to list;
//   - that the record is restricted and why (EU tier and the restricted-section flag), so the page
//     can say "limited information, Art. 49(4)" instead of looking empty;
//   - publication metadata (version, dates, language, URL).
// Left out on purpose: C.2 (a person's details; the organisation contact serves the public) and
// C.3 (the provider's entry sits in the same non-public section, and the link would name the
// provider). Everything else (purpose, data, Annex III point, supplier, unit, lifecycle, …) is
// blanked: any of it can reveal operational detail the Regulation keeps out of public view.
// ---------------------------------------------------------------------------------------------

/** Annex III points whose systems are registered in the non-public section (Art. 49(4)). */
export const ART49_4_ANNEX_III_POINTS = ['1', '6', '7'] as const;

/** The dotted paths of RegisterRecord that stay public under Art. 49(4); all others are blanked. */
export const Art49_4_PUBLIC_FIELDS = [
  'organisation.name',
  'organisation.slug',
  'organisation.country',
  'organisation.contactEmail',
  'organisation.contactUrl',
  'organisation.contactPhone',
  'organisation.address',
  'organisation.area',
  'system.id',
  'system.slug',
  'system.name',
  'classification.euTier',
  'classification.restrictedSection',
  'publication.version',
  'publication.publishedAt',
  'publication.firstPublishedAt',
  'publication.language',
  'publication.url',
  'publication.nextReviewDue',
  'publication.restricted',
  'texts.contact',
] as const;

/** The Annex III point number of '6(a)' → '6' ('1', '6(b)', '7 (a)' also work). */
export const annexIIIPointNumber = (point: string): string => /^\s*(\d+)/.exec(point)?.[1] ?? '';

/** True when Art. 49(4) applies: the restricted-section flag, or an Annex III point 1, 6 or 7. */
export function isArt49_4Restricted(record: Pick<RegisterRecord, 'classification'>): boolean {
  const { restrictedSection, annexIIIPoints } = record.classification;
  return restrictedSection === true || annexIIIPoints.some((p) => (ART49_4_ANNEX_III_POINTS as readonly string[]).includes(annexIIIPointNumber(p)));
}

/**
 * The record with everything outside Art49_4_PUBLIC_FIELDS blanked ('' for texts, null for facts,
 * [] for lists) and `publication.restricted` set. Always restricts; use `publicRecord` to restrict
 * only when Art. 49(4) applies.
 */
export function restrictRecord(record: RegisterRecord): RegisterRecord {
  const { organisation: o, system: s, classification: c, publication: p, texts: t } = record;
  return {
    organisation: {
      name: o.name,
      slug: o.slug,
      country: o.country,
      contactEmail: o.contactEmail,
      contactUrl: o.contactUrl,
      contactPhone: o.contactPhone,
      address: o.address,
      area: o.area,
      registrationContact: null,
    },
    system: {
      id: s.id,
      slug: s.slug,
      name: s.name,
      unitName: null,
      lifecycle: null,
      sourcing: null,
      supplier: null,
      decisionRole: null,
      personalData: null,
      dataCategories: [],
      tags: [],
      affectedPeople: '',
      policyArea: null,
      technique: null,
      useType: null,
      inServiceSince: null,
      retiredOn: null,
    },
    classification: {
      euTier: c.euTier,
      euBases: [],
      annexIIIPoints: [],
      art50Duties: [],
      friaRequired: null,
      euRegistrationRequired: null,
      restrictedSection: true,
      ombHighImpact: null,
      orgTier: null,
      orgTierLabel: null,
    },
    publication: { ...p, restricted: true },
    links: emptyLinks(),
    texts: { ...emptyTexts(), contact: t.contact },
  };
}

/** The record as the public may see it: restricted when Art. 49(4) applies, unchanged otherwise. */
export function publicRecord(record: RegisterRecord): RegisterRecord {
  return isArt49_4Restricted(record) ? restrictRecord(record) : record;
}

/**
 * Register records for tests: a full one (every text and link filled) and a sparse one (only what
 * the database always has). Not exported from the package.
 */
import { emptyLinks, emptyTexts, PUBLIC_TEXT_FIELDS, type RegisterRecord, type RegisterTexts } from './register-record.js';

const TECHNICAL =
  'Each night the system reads the claims received that day from the case system. For every claim it checks ' +
  'nine rules taken from the benefit regulations: whether the household income, rent and number of children ' +
  'are given, whether the documents match the form, and whether the claim repeats an earlier one. Claims that ' +
  'pass every rule are marked "complete"; others are marked "needs a document" with the rule that failed. A ' +
  'gradient-boosted model then estimates how urgent each complete claim is from the household situation, using ' +
  'no nationality, ethnicity or postcode. The output is a sorted work list; caseworkers see the rule results and ' +
  'the urgency band, never a raw score, and decide every claim themselves.';

export const FULL_TEXTS: RegisterTexts = {
  summary: 'Sorts housing benefit claims by urgency so that caseworkers see the most urgent ones first. A caseworker decides every claim.',
  purpose: 'Claims wait too long in busy months. The system helps staff find the most urgent claims first.',
  howItWorks: 'A claim arrives. The system checks that it is complete and gives it an urgency band. A caseworker reads the claim and decides.',
  dataUsed: 'The claim form, household income and rent, from the case system.',
  whatItDoesNot: 'It does not refuse claims. It does not use nationality or postcode.',
  humanRole: 'A trained caseworker reads every claim, checks the urgency band and can change it.',
  benefits: 'Urgent claims are paid about a week sooner.',
  risksAndMitigations: 'Urgency could be misjudged for some groups. We compare bands between groups every month.',
  alternativesConsidered: 'More staff in busy months; not affordable all year.',
  proportionality: 'The system only orders work; every decision stays with a person.',
  rights: 'You can ask why your claim was handled as it was, ask for another caseworker to review it, and appeal within six weeks.',
  oversight: 'The Head of Benefits is responsible. The AI governance board reviews the system each year.',
  legalBasis: 'Housing Benefit Regulations 2006. Council decision 2025/14.',
  impactAssessments: 'Data protection impact assessment, March 2026: no high residual risk.',
  monitoring: 'Each month we check error rates and differences between groups. The board reviews it every year.',
  contact: 'Benefits team, 0100 000 000, benefits@city.example.',
  outputs: 'An urgency band (high, medium, low) and a list of missing documents.',
  previousProcess: 'Claims were handled in the order they arrived.',
  scaleOfUse: 'About 2,000 claims a month.',
  staffTraining: 'Half a day on reading urgency bands and when to override them.',
  responsibleOwner: 'Head of Benefits',
  supplierRole: 'Acme Analytics built the model and hosts it.',
  procurement: 'Call-off from a framework',
  supplierDataAccess: 'Acme sees pseudonymised claims only, under a processing agreement.',
  technicalDescription: TECHNICAL,
  systemArchitecture: 'A nightly batch job next to the case system; results go back into the case system.',
  methodsAndModels: 'Nine decision rules; a gradient-boosted tree model (version 3).',
  performance: 'Urgency band agrees with caseworkers in 91% of claims; no group differs by more than 3 points.',
  trainingData: 'Claims of 2023 to 2025 with their caseworker urgency, for training and testing.',
  dataQuality: 'Claims from before 2023 were left out because urgency was not recorded.',
  dataSharing: 'Linked to the council tax register under the council’s data-sharing agreement.',
  dataStorage: 'Only the benefits team sees the results; kept for two years.',
  rollback: 'Yes: switching it off returns to date order; no decision depends on it.',
  friaSummary: 'Risk of unequal urgency for large families found; fixed by adding household size.',
  dpiaSummary: 'Lawful basis is public task; data minimised; no high residual risk.',
};

export function fullRecord(): RegisterRecord {
  return {
    organisation: {
      name: 'City of Springfield',
      slug: 'springfield',
      country: 'NL',
      contactEmail: 'register@city.example',
      contactUrl: 'https://city.example/contact',
      contactPhone: '0100 000 000',
      address: 'Town Hall, 1 Main Street, Springfield',
      area: 'Springfield',
      registrationContact: { name: 'Ada Registrar', email: 'ada@city.example', phone: null },
    },
    system: {
      id: '6f1c2d3e-0000-4000-8000-000000000001',
      slug: 'benefit-triage',
      name: 'Benefit triage',
      unitName: 'Benefits',
      lifecycle: 'in_service',
      sourcing: 'procured',
      supplier: 'Acme Analytics',
      decisionRole: 'recommends',
      personalData: true,
      dataCategories: ['income', 'household'],
      tags: ['benefits', 'triage'],
      affectedPeople: 'People who claim housing benefit.',
      policyArea: 'benefits',
      technique: 'hybrid',
      useType: 'prescriptive',
      inServiceSince: '2026-02-15',
      retiredOn: null,
    },
    classification: {
      euTier: 'high',
      euBases: [{ provision: 'Art. 6(2), Annex III point 5(a)', text: 'Helps decide on public benefits.' }],
      annexIIIPoints: ['5(a)'],
      art50Duties: [],
      friaRequired: true,
      euRegistrationRequired: true,
      restrictedSection: false,
      ombHighImpact: 'yes',
      orgTier: 'tier-3',
      orgTierLabel: 'High',
    },
    publication: {
      version: 3,
      publishedAt: '2026-05-04T10:00:00.000Z',
      firstPublishedAt: '2026-02-10T09:00:00.000Z',
      language: 'en',
      url: 'https://city.example/register/benefit-triage',
      nextReviewDue: '2027-05-01',
      restricted: false,
    },
    links: {
      documentationUrl: 'https://city.example/benefits/triage',
      codeUrl: 'https://git.city.example/triage',
      sourceDataUrl: 'https://data.city.example/claims',
      dpiaUrl: 'https://city.example/dpia/triage.pdf',
      impactAssessmentUrl: 'https://city.example/fria/triage.pdf',
      providerEuDatabaseUrl: 'https://euaidb.example/entry/123',
      legalBasisUrl: 'https://legislation.example/hbr-2006',
    },
    texts: { ...FULL_TEXTS },
  };
}

/** What a record has when staff wrote nothing: the inventory facts only. */
export function sparseRecord(): RegisterRecord {
  const full = fullRecord();
  return {
    organisation: { ...full.organisation, country: null, contactUrl: null, contactPhone: null, address: null, area: null, registrationContact: null },
    system: { ...full.system, unitName: null, sourcing: 'in_house', supplier: null, tags: [], affectedPeople: '', policyArea: null, technique: null, useType: null },
    classification: { ...full.classification, euTier: 'undetermined', friaRequired: null, ombHighImpact: null },
    publication: { ...full.publication, url: null, nextReviewDue: null },
    links: emptyLinks(),
    texts: emptyTexts(),
  };
}

/** A link of exactly `length` characters. */
export const longLink = (length: number): string => {
  const head = 'https://city.example/';
  return head + 'a'.repeat(Math.max(0, length - head.length));
};

/**
 * The longest record staff can make: every text at our own limit, every link at the 2,000
 * characters the draft accepts, names, supplier and tags at the inventory's limits.
 */
export function longestRecord(): RegisterRecord {
  const r = fullRecord();
  for (const field of PUBLIC_TEXT_FIELDS) r.texts[field.key] = 'word '.repeat(field.maxLength).slice(0, field.maxLength).trim();
  for (const key of Object.keys(r.links) as Array<keyof RegisterRecord['links']>) r.links[key] = longLink(2000);
  r.publication.url = longLink(2000);
  r.system.name = 'n'.repeat(200);
  r.system.supplier = 's'.repeat(200);
  r.system.tags = Array.from({ length: 30 }, (_, i) => `tag-${i}-`.padEnd(50, 't'));
  r.organisation.name = 'o'.repeat(200);
  return r;
}

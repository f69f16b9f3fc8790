/**
 * Builds the RegisterRecord of a system at publish time (and for the preview) from the inventory
 * row, its latest screening, the organisation, the register settings and the staff draft; and
 * compares two records to say what changed. Texts not chosen as public are left out ('').
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { classificationResultSchema } from '../../classification/classification-result.schemas.js';
import type { AiSystem, DB } from '../../db/schema.js';
import {
  emptyTexts,
  publicRecord,
  type RegisterClassification,
  type RegisterLanguage,
  type RegisterRecord,
} from '../record/register-record.js';
import type { DraftRow } from './register-entry.service.js';
import type { RegisterOrganisationDetails } from './register-settings.service.js';

/** A published summary of an approved assessment. */
export type AssessmentSummary = { title: string; level: string | null; approvedOn: string };

export type SystemFacts = {
  unitName: string | null;
  classification: RegisterClassification;
  inServiceSince: string | null;
  retiredOn: string | null;
  assessments: AssessmentSummary[];
};

const NO_CLASSIFICATION: RegisterClassification = {
  euTier: null,
  euBases: [],
  annexIIIPoints: [],
  art50Duties: [],
  friaRequired: null,
  euRegistrationRequired: null,
  restrictedSection: null,
  ombHighImpact: null,
  orgTier: null,
  orgTierLabel: null,
};

const duty = (status: 'required' | 'not_required' | 'undetermined'): boolean | null => (status === 'required' ? true : status === 'not_required' ? false : null);

/** The classification of the latest screening, in the record's words; unscreened → all null. */
export function classificationFrom(result: unknown): RegisterClassification {
  const parsed = classificationResultSchema.safeParse(result);
  if (!parsed.success) return NO_CLASSIFICATION;
  const { eu, omb, orgTier, summary } = parsed.data;
  return {
    euTier: summary.euTier,
    euBases: eu ? eu.bases.map((b) => ({ provision: b.provision, text: b.explanation })) : [],
    annexIIIPoints: eu ? [...eu.highRiskAnnexIII] : [],
    art50Duties: eu ? eu.transparencyDuties.map((d) => ({ provision: d.provision, text: d.explanation })) : [],
    friaRequired: eu ? duty(eu.friaRequired.status) : null,
    euRegistrationRequired: eu ? duty(eu.registrationRequired.status) : null,
    restrictedSection: eu ? duty(eu.restrictedSection.status) : null,
    ombHighImpact: omb ? (omb.determination === 'undetermined' ? 'undetermined' : omb.highImpact ? 'yes' : 'no') : null,
    orgTier: orgTier.id,
    orgTierLabel: orgTier.label,
  };
}

const day = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString().slice(0, 10) : null);

/** What the record needs from other modules' tables: four statements, run side by side. */
export async function loadSystemFacts(db: Kysely<DB>, system: AiSystem): Promise<SystemFacts> {
  const [unit, screening, stages, assessments] = await Promise.all([
    system.unit_id
      ? db.selectFrom('unit').select('name').where('organisation_id', '=', system.organisation_id).where('id', '=', system.unit_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('system_screening')
      .select('result')
      .where('organisation_id', '=', system.organisation_id)
      .where('system_id', '=', system.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('ai_system_version')
      .select([
        sql<Date | null>`min(created_at) filter (where snapshot->>'lifecycle' = 'in_service')`.as('in_service'),
        sql<Date | null>`max(created_at) filter (where snapshot->>'lifecycle' = 'retired')`.as('retired'),
      ])
      .where('organisation_id', '=', system.organisation_id)
      .where('system_id', '=', system.id)
      .executeTakeFirst(),
    db
      .selectFrom('assessment as a')
      .innerJoin('assessment_template_version as v', 'v.id', 'a.template_version_id')
      .innerJoin('assessment_template as t', 't.id', 'v.template_id')
      .select(['a.template_key', 't.title', 'a.level', 'a.approved_at', 'a.round'])
      .where('a.organisation_id', '=', system.organisation_id)
      .where('a.system_id', '=', system.id)
      .where('a.status', '=', 'approved')
      .orderBy('a.approved_at', 'desc')
      .execute(),
  ]);
  // The latest approved round of each template.
  const seen = new Set<string>();
  const latest: AssessmentSummary[] = [];
  for (const a of assessments) {
    if (seen.has(a.template_key) || !a.approved_at) continue;
    seen.add(a.template_key);
    latest.push({ title: a.title, level: a.level, approvedOn: day(a.approved_at) ?? '' });
  }
  return {
    unitName: unit?.name ?? null,
    classification: classificationFrom(screening?.result ?? null),
    inServiceSince: system.lifecycle === 'in_service' || system.lifecycle === 'suspended' || system.lifecycle === 'retired' ? day(stages?.in_service) : null,
    retiredOn: system.lifecycle === 'retired' ? day(stages?.retired) : null,
    assessments: latest,
  };
}

export type BuildInput = {
  organisation: { name: string; slug: string; contactEmail: string | null; contactUrl: string | null; defaultLocale: string };
  details: RegisterOrganisationDetails;
  system: AiSystem;
  facts: SystemFacts;
  draft: DraftRow;
  version: number;
  publishedAt: Date;
  firstPublishedAt: Date;
  url: string | null;
};

const language = (l: string): RegisterLanguage => (l === 'es' || l === 'fr' ? l : 'en');

/** The public record (already restricted where Art. 49(4) applies) and the assessments to publish with it. */
export function buildRegisterRecord(input: BuildInput): { record: RegisterRecord; assessments: AssessmentSummary[] } {
  const { organisation: o, details, system: s, facts, draft } = input;
  const texts = emptyTexts();
  for (const key of draft.publicFields) texts[key] = draft.texts[key].trim();
  const full: RegisterRecord = {
    organisation: {
      name: o.name,
      slug: o.slug,
      country: details.country,
      contactEmail: o.contactEmail ?? '',
      contactUrl: o.contactUrl,
      contactPhone: details.contactPhone,
      address: details.address,
      area: details.area,
      registrationContact: details.registrationContact,
    },
    system: {
      id: s.id,
      slug: s.slug,
      name: s.name,
      unitName: facts.unitName,
      lifecycle: s.lifecycle,
      sourcing: s.sourcing,
      supplier: s.supplier,
      decisionRole: s.decision_role,
      personalData: s.personal_data,
      dataCategories: s.data_categories,
      tags: s.tags,
      affectedPeople: s.affected_people,
      policyArea: draft.details.policyArea,
      technique: draft.details.technique,
      useType: draft.details.useType,
      inServiceSince: facts.inServiceSince,
      retiredOn: facts.retiredOn,
    },
    classification: facts.classification,
    publication: {
      version: input.version,
      publishedAt: input.publishedAt.toISOString(),
      firstPublishedAt: input.firstPublishedAt.toISOString(),
      language: language(o.defaultLocale),
      url: input.url,
      nextReviewDue: draft.details.nextReviewDue,
      restricted: false,
    },
    links: draft.details.links,
    texts,
  };
  const record = publicRecord(full);
  return { record, assessments: record.publication.restricted ? [] : facts.assessments };
}

/**
 * Dotted paths of every leaf; array items by index under the array's path, so a change inside a
 * list names the list (jsonb reorders object keys, so objects are never compared as text).
 */
function flatten(value: unknown, prefix: string, out: Map<string, string>, arrayPath?: string): void {
  if (Array.isArray(value)) {
    out.set(`${arrayPath ?? prefix}#length`, String(value.length));
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out, arrayPath ?? prefix));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out, arrayPath);
  } else if (arrayPath) {
    out.set(`${arrayPath}#${prefix}`, JSON.stringify(value ?? null));
  } else {
    out.set(prefix, JSON.stringify(value ?? null));
  }
}

/**
 * The paths that differ between two publications (publication metadata aside), plus
 * 'assessments' when the published assessment summaries differ. Sorted, for stable output.
 */
export function changedFields(
  before: { record: RegisterRecord; assessments: AssessmentSummary[] } | null,
  after: { record: RegisterRecord; assessments: AssessmentSummary[] },
): string[] {
  if (!before) return [];
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten({ ...before.record, publication: undefined }, '', a);
  flatten({ ...after.record, publication: undefined }, '', b);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const changed = new Set([...keys].filter((k) => k !== 'publication' && a.get(k) !== b.get(k)).map((k) => k.split('#')[0] ?? k));
  const sa = new Map<string, string>();
  const sb = new Map<string, string>();
  flatten(before.assessments, 'assessments', sa);
  flatten(after.assessments, 'assessments', sb);
  if ([...new Set([...sa.keys(), ...sb.keys()])].some((k) => sa.get(k) !== sb.get(k))) changed.add('assessments');
  return [...changed].sort();
}

/** A stored record and assessments, read back. */
export function readStored(record: unknown, assessments: unknown): { record: RegisterRecord; assessments: AssessmentSummary[] } {
  return { record: record as RegisterRecord, assessments: Array.isArray(assessments) ? (assessments as AssessmentSummary[]) : [] };
}

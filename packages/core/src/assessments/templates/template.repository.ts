/**
 * SQL for assessment templates and their versions. A template is visible to an organisation when it
 * is a built-in (organisation_id null) or the organisation's own: every query here says so, so one
 * organisation's templates never reach another.
 */
import { sql, type Kysely } from 'kysely';
import type { AssessmentTemplate, AssessmentTemplateVersion, DB } from '../../db/schema.js';

/** A version without its document (lists). */
export type VersionHead = Omit<AssessmentTemplateVersion, 'document' | 'import_report'> & {
  created_by_name: string | null;
  published_by_name: string | null;
};

export type VersionWithTemplate = AssessmentTemplateVersion & {
  key: string;
  organisation_id: string | null;
  origin: AssessmentTemplate['origin'];
  archived_at: Date | null;
  created_by_name: string | null;
  published_by_name: string | null;
};

const HEAD_COLUMNS = ['v.id', 'v.template_id', 'v.version', 'v.status', 'v.content_hash', 'v.created_by', 'v.created_at', 'v.published_by', 'v.published_at'] as const;

/** Built-ins and the organisation's own templates, by key (built-in first). One statement. */
export async function listTemplateRows(db: Kysely<DB>, organisationId: string): Promise<AssessmentTemplate[]> {
  return db
    .selectFrom('assessment_template')
    .selectAll()
    .where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', organisationId)]))
    .orderBy('key')
    .orderBy(sql`organisation_id is not null`)
    .execute();
}

/**
 * The latest published version and the draft of each visible template: one statement whatever the
 * number of templates or versions.
 */
export async function listCurrentVersionHeads(db: Kysely<DB>, organisationId: string): Promise<VersionHead[]> {
  return db
    .selectFrom('assessment_template_version as v')
    .innerJoin('assessment_template as t', 't.id', 'v.template_id')
    .leftJoin('app_user as cu', 'cu.id', 'v.created_by')
    .leftJoin('app_user as pu', 'pu.id', 'v.published_by')
    .select(HEAD_COLUMNS)
    .select(['cu.display_name as created_by_name', 'pu.display_name as published_by_name'])
    .where((eb) => eb.or([eb('t.organisation_id', 'is', null), eb('t.organisation_id', '=', organisationId)]))
    .where((eb) =>
      eb.or([
        eb('v.status', '=', 'draft'),
        eb(
          'v.version',
          '=',
          eb
            .selectFrom('assessment_template_version as p')
            .select((e) => e.fn.max('p.version').as('m'))
            .whereRef('p.template_id', '=', 'v.template_id')
            .where('p.status', '=', 'published'),
        ),
      ]),
    )
    .execute();
}

export async function findTemplateRow(
  db: Kysely<DB>,
  f: { organisationId: string; templateId: string },
  opts: { forUpdate?: boolean } = {},
): Promise<AssessmentTemplate | undefined> {
  let q = db
    .selectFrom('assessment_template')
    .selectAll()
    .where('id', '=', f.templateId)
    .where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', f.organisationId)]));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findOrgTemplateByKey(db: Kysely<DB>, organisationId: string, key: string, opts: { forUpdate?: boolean } = {}): Promise<AssessmentTemplate | undefined> {
  let q = db.selectFrom('assessment_template').selectAll().where('organisation_id', '=', organisationId).where('key', '=', key);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Every version of a template, newest first, without documents. */
export async function listVersionHeads(db: Kysely<DB>, templateId: string): Promise<VersionHead[]> {
  return db
    .selectFrom('assessment_template_version as v')
    .leftJoin('app_user as cu', 'cu.id', 'v.created_by')
    .leftJoin('app_user as pu', 'pu.id', 'v.published_by')
    .select(HEAD_COLUMNS)
    .select(['cu.display_name as created_by_name', 'pu.display_name as published_by_name'])
    .where('v.template_id', '=', templateId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** One version with its template's key and owner, if the organisation may see it. */
export async function findVersionRow(
  db: Kysely<DB>,
  f: { organisationId: string; versionId: string },
  opts: { forUpdate?: boolean } = {},
): Promise<VersionWithTemplate | undefined> {
  let q = db
    .selectFrom('assessment_template_version as v')
    .innerJoin('assessment_template as t', 't.id', 'v.template_id')
    .leftJoin('app_user as cu', 'cu.id', 'v.created_by')
    .leftJoin('app_user as pu', 'pu.id', 'v.published_by')
    .selectAll('v')
    .select(['t.key', 't.organisation_id', 't.origin', 't.archived_at', 'cu.display_name as created_by_name', 'pu.display_name as published_by_name'])
    .where('v.id', '=', f.versionId)
    .where((eb) => eb.or([eb('t.organisation_id', 'is', null), eb('t.organisation_id', '=', f.organisationId)]));
  if (opts.forUpdate) q = q.forUpdate('v');
  return q.executeTakeFirst();
}

/** The latest published version of a template (the source of a clone). */
export async function findLatestPublished(db: Kysely<DB>, templateId: string): Promise<AssessmentTemplateVersion | undefined> {
  return db
    .selectFrom('assessment_template_version')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findDraft(db: Kysely<DB>, templateId: string): Promise<AssessmentTemplateVersion | undefined> {
  return db.selectFrom('assessment_template_version').selectAll().where('template_id', '=', templateId).where('status', '=', 'draft').executeTakeFirst();
}

export async function nextVersionNumber(db: Kysely<DB>, templateId: string): Promise<number> {
  const row = await db
    .selectFrom('assessment_template_version')
    .select((eb) => eb.fn.max('version').as('m'))
    .where('template_id', '=', templateId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

/**
 * The version a new assessment of `key` starts on: the latest published version of the
 * organisation's own (not archived) template with that key, else the built-in's. One statement.
 */
export async function findVersionForUse(db: Kysely<DB>, organisationId: string, key: string): Promise<VersionWithTemplate | undefined> {
  return db
    .selectFrom('assessment_template_version as v')
    .innerJoin('assessment_template as t', 't.id', 'v.template_id')
    .leftJoin('app_user as cu', 'cu.id', 'v.created_by')
    .leftJoin('app_user as pu', 'pu.id', 'v.published_by')
    .selectAll('v')
    .select(['t.key', 't.organisation_id', 't.origin', 't.archived_at', 'cu.display_name as created_by_name', 'pu.display_name as published_by_name'])
    .where('t.key', '=', key)
    .where('v.status', '=', 'published')
    .where((eb) => eb.or([eb('t.organisation_id', 'is', null), eb.and([eb('t.organisation_id', '=', organisationId), eb('t.archived_at', 'is', null)])]))
    .orderBy(sql`t.organisation_id is null`)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

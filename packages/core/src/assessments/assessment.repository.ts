/**
 * SQL for assessments, their comments, attachments and sign-offs. Every query names the
 * organisation, so one tenant's assessments never reach another. Lists are one statement each
 * (the total comes along as a window count), whatever the number of rows.
 */
import { sql, type Kysely } from 'kysely';
import type { Assessment, AssessmentAttachment, AssessmentComment, AssessmentSignoff, AssessmentStatus, DB } from '../db/schema.js';

/** An assessment with what every view of it needs: its system (if any) and its template version. */
export type AssessmentWithRefs = Assessment & {
  system_slug: string | null;
  system_name: string | null;
  system_owner_id: string | null;
  system_archived_at: Date | null;
  template_version: number;
  document: unknown;
  has_next_round: boolean;
};

const hasNextRound = sql<boolean>`exists (select 1 from assessment n where n.previous_id = a.id and n.organisation_id = a.organisation_id)`;

const withRefs = (db: Kysely<DB>) =>
  db
    .selectFrom('assessment as a')
    .innerJoin('assessment_template_version as v', 'v.id', 'a.template_version_id')
    .leftJoin('ai_system as s', (j) => j.onRef('s.id', '=', 'a.system_id').onRef('s.organisation_id', '=', 'a.organisation_id'))
    .selectAll('a')
    .select(['s.slug as system_slug', 's.name as system_name', 's.owner_id as system_owner_id', 's.archived_at as system_archived_at', 'v.version as template_version', 'v.document'])
    .select(hasNextRound.as('has_next_round'));

export async function findAssessment(db: Kysely<DB>, f: { organisationId: string; assessmentId: string }, opts: { forUpdate?: boolean } = {}): Promise<AssessmentWithRefs | undefined> {
  let q = withRefs(db).where('a.organisation_id', '=', f.organisationId).where('a.id', '=', f.assessmentId);
  if (opts.forUpdate) q = q.forUpdate('a');
  return q.executeTakeFirst();
}

/** The latest round of a template key for a system (or for the organisation when systemId is null). */
export async function findLatestRound(db: Kysely<DB>, f: { organisationId: string; systemId: string | null; templateKey: string }): Promise<Assessment | undefined> {
  let q = db.selectFrom('assessment').selectAll().where('organisation_id', '=', f.organisationId).where('template_key', '=', f.templateKey);
  q = f.systemId ? q.where('system_id', '=', f.systemId) : q.where('system_id', 'is', null);
  return q.orderBy('round', 'desc').limit(1).executeTakeFirst();
}

/** What lists show of an assessment: no answers, no document. */
export type AssessmentSummaryRow = Omit<Assessment, 'answers' | 'answer_meta' | 'contributors' | 'result'> & {
  system_slug: string | null;
  system_name: string | null;
  template_version: number;
  template_title: string | null;
  progress: unknown;
  has_next_round: boolean;
};

export type AssessmentListFilter = {
  organisationId: string;
  status?: AssessmentStatus | undefined;
  templateKey?: string | undefined;
  /** A system's id (already resolved). */
  systemId?: string | undefined;
  subject?: 'system' | 'organisation' | undefined;
  limit: number;
  offset: number;
};

const summaryQuery = (db: Kysely<DB>, organisationId: string) =>
  db
    .selectFrom('assessment as a')
    .innerJoin('assessment_template_version as v', 'v.id', 'a.template_version_id')
    .leftJoin('ai_system as s', (j) => j.onRef('s.id', '=', 'a.system_id').onRef('s.organisation_id', '=', 'a.organisation_id'))
    .select([
      'a.id',
      'a.organisation_id',
      'a.system_id',
      'a.template_version_id',
      'a.template_key',
      'a.round',
      'a.previous_id',
      'a.status',
      'a.level',
      'a.revision',
      'a.due_date',
      'a.reassessment_due_reason',
      'a.created_by',
      'a.created_by_label',
      'a.created_at',
      'a.updated_at',
      'a.submitted_at',
      'a.submitted_by',
      'a.submitted_by_label',
      'a.approved_at',
      'a.approved_by',
      'a.approved_by_label',
      's.slug as system_slug',
      's.name as system_name',
      'v.version as template_version',
    ])
    .select(sql<string | null>`v.document -> 'title' ->> 'en'`.as('template_title'))
    .select(sql<unknown>`a.result -> 'progress'`.as('progress'))
    .select(hasNextRound.as('has_next_round'))
    .where('a.organisation_id', '=', organisationId);

export async function listAssessmentRows(db: Kysely<DB>, f: AssessmentListFilter): Promise<{ rows: AssessmentSummaryRow[]; total: number }> {
  let q = summaryQuery(db, f.organisationId).select(sql<number>`count(*) over ()`.as('total'));
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.templateKey) q = q.where('a.template_key', '=', f.templateKey);
  if (f.systemId) q = q.where('a.system_id', '=', f.systemId);
  if (f.subject === 'system') q = q.where('a.system_id', 'is not', null);
  if (f.subject === 'organisation') q = q.where('a.system_id', 'is', null);
  const rows = await q.orderBy('a.updated_at', 'desc').orderBy('a.id').limit(f.limit).offset(f.offset).execute();
  let total = rows.length > 0 ? Number(rows[0]?.total ?? 0) : 0;
  if (rows.length === 0 && f.offset > 0) {
    // Past the end: the window count has no row to ride on; count separately (only then).
    let c = db.selectFrom('assessment as a').select(sql<number>`count(*)`.as('n')).where('a.organisation_id', '=', f.organisationId);
    if (f.status) c = c.where('a.status', '=', f.status);
    if (f.templateKey) c = c.where('a.template_key', '=', f.templateKey);
    if (f.systemId) c = c.where('a.system_id', '=', f.systemId);
    if (f.subject === 'system') c = c.where('a.system_id', 'is not', null);
    if (f.subject === 'organisation') c = c.where('a.system_id', 'is', null);
    total = Number((await c.executeTakeFirst())?.n ?? 0);
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

/** Every assessment of one system, newest round first per template. */
export async function listSystemAssessmentRows(db: Kysely<DB>, f: { organisationId: string; systemId: string }): Promise<AssessmentSummaryRow[]> {
  return summaryQuery(db, f.organisationId).where('a.system_id', '=', f.systemId).orderBy('a.template_key').orderBy('a.round', 'desc').execute();
}

export async function listComments(db: Kysely<DB>, f: { organisationId: string; assessmentId: string }): Promise<AssessmentComment[]> {
  return db
    .selectFrom('assessment_comment')
    .selectAll()
    .where('organisation_id', '=', f.organisationId)
    .where('assessment_id', '=', f.assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function listAttachments(db: Kysely<DB>, f: { organisationId: string; assessmentId: string }): Promise<AssessmentAttachment[]> {
  const rows = await db
    .selectFrom('assessment_attachment')
    .selectAll()
    .where('organisation_id', '=', f.organisationId)
    .where('assessment_id', '=', f.assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, size_bytes: Number(r.size_bytes) }));
}

export async function listSignoffs(db: Kysely<DB>, f: { organisationId: string; assessmentId: string }): Promise<AssessmentSignoff[]> {
  return db
    .selectFrom('assessment_signoff')
    .selectAll()
    .where('organisation_id', '=', f.organisationId)
    .where('assessment_id', '=', f.assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

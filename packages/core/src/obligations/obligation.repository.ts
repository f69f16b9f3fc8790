/**
 * SQL for obligations and their evidence. Every query names the organisation (and the system where
 * there is one), so one tenant's checklist never reaches another.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, Obligation, ObligationEvidence } from '../db/schema.js';
import type { ObligationRowWithOwner } from './obligation.presenter.js';

/** Evidence rows as json_agg gives them: timestamps as text. */
type EvidenceJson = Omit<ObligationEvidence, 'created_at'> & { created_at: string };

/** The evidence of each obligation, aggregated in the same statement, oldest first. */
const evidenceOf = sql<EvidenceJson[]>`coalesce((
  select json_agg(e order by e.created_at, e.id) from obligation_evidence e
  where e.obligation_id = o.id and e.organisation_id = o.organisation_id), '[]'::json)`;

const withEvidence = (row: ObligationRowWithOwner & { evidence: EvidenceJson[] }): ObligationWithEvidence => ({
  ...row,
  evidence: row.evidence.map((e) => ({ ...e, size_bytes: e.size_bytes === null ? null : Number(e.size_bytes), created_at: new Date(e.created_at) })),
});

export type ObligationWithEvidence = ObligationRowWithOwner & { evidence: ObligationEvidence[] };

/** A system's obligations with their owners' names and their evidence, in checklist order (phase, framework, key): one statement. */
export async function listObligationRows(
  db: Kysely<DB>,
  f: { organisationId: string; systemId: string; retired: boolean | 'any' },
): Promise<ObligationWithEvidence[]> {
  let q = db
    .selectFrom('obligation as o')
    .innerJoin('app_user as u', 'u.id', 'o.owner_id')
    .selectAll('o')
    .select('u.display_name as owner_name')
    .select(evidenceOf.as('evidence'))
    .where('o.organisation_id', '=', f.organisationId)
    .where('o.system_id', '=', f.systemId);
  if (f.retired !== 'any') q = q.where('o.retired_at', f.retired ? 'is not' : 'is', null);
  const rows = await q.orderBy('o.phase').orderBy('o.framework').orderBy('o.key').execute();
  return rows.map(withEvidence);
}

export async function findObligationRow(
  db: Kysely<DB>,
  f: { organisationId: string; systemId: string; obligationId: string },
  opts: { forUpdate?: boolean } = {},
): Promise<Obligation | undefined> {
  let q = db
    .selectFrom('obligation')
    .selectAll()
    .where('organisation_id', '=', f.organisationId)
    .where('system_id', '=', f.systemId)
    .where('id', '=', f.obligationId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** One obligation with its owner's name and its evidence: one statement. */
export async function findObligationWithEvidence(db: Kysely<DB>, f: { organisationId: string; obligationId: string }): Promise<ObligationWithEvidence | undefined> {
  const row = await db
    .selectFrom('obligation as o')
    .innerJoin('app_user as u', 'u.id', 'o.owner_id')
    .selectAll('o')
    .select('u.display_name as owner_name')
    .select(evidenceOf.as('evidence'))
    .where('o.organisation_id', '=', f.organisationId)
    .where('o.id', '=', f.obligationId)
    .executeTakeFirst();
  return row ? withEvidence(row) : undefined;
}

/**
 * SQL for obligations and their evidence. Every query names the organisation (and the system where
 * there is one), so one tenant's checklist never reaches another.
 */
import type { Kysely } from 'kysely';
import type { DB, Obligation, ObligationEvidence } from '../db/schema.js';
import type { ObligationRowWithOwner } from './obligation.presenter.js';

/** A system's obligations with their owners' names, in checklist order (phase, then framework, then key). */
export async function listObligationRows(
  db: Kysely<DB>,
  f: { organisationId: string; systemId: string; retired: boolean | 'any' },
): Promise<ObligationRowWithOwner[]> {
  let q = db
    .selectFrom('obligation as o')
    .innerJoin('app_user as u', 'u.id', 'o.owner_id')
    .selectAll('o')
    .select('u.display_name as owner_name')
    .where('o.organisation_id', '=', f.organisationId)
    .where('o.system_id', '=', f.systemId);
  if (f.retired !== 'any') q = q.where('o.retired_at', f.retired ? 'is not' : 'is', null);
  return q.orderBy('o.phase').orderBy('o.framework').orderBy('o.key').execute();
}

/** The evidence of several obligations, oldest first: one statement. */
export async function listEvidenceRows(db: Kysely<DB>, organisationId: string, obligationIds: readonly string[]): Promise<ObligationEvidence[]> {
  if (obligationIds.length === 0) return [];
  return db
    .selectFrom('obligation_evidence')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('obligation_id', 'in', [...obligationIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
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

export async function findObligationWithOwner(
  db: Kysely<DB>,
  f: { organisationId: string; obligationId: string },
): Promise<ObligationRowWithOwner | undefined> {
  return db
    .selectFrom('obligation as o')
    .innerJoin('app_user as u', 'u.id', 'o.owner_id')
    .selectAll('o')
    .select('u.display_name as owner_name')
    .where('o.organisation_id', '=', f.organisationId)
    .where('o.id', '=', f.obligationId)
    .executeTakeFirst();
}

/**
 * Exact totals for list pages, remembered per organisation data version. Counting every matching
 * row is the expensive part of a page (a search over 10,000 systems counts them all to show "828
 * match"), while the total only changes when the organisation's data does. Every state change
 * writes an audit event in its own transaction, so the organisation's audit chain head is a version
 * of its data: a total stored under one version is exact for as long as that version is current.
 * The version is read before counting, so a stored total is never older than its version.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

const MAX_ENTRIES = 5000;
const totals = new Map<string, number>();

export async function cachedCount(
  db: Kysely<DB>,
  organisationId: string,
  filterKey: string,
  count: () => Promise<number>,
  /** The version already read at the start of this request, if any (see Ctx.dataVersion). */
  knownSeq?: number,
): Promise<number> {
  const seq = knownSeq ?? (await db.selectFrom('audit_chain_head').select('seq').where('chain', '=', organisationId).executeTakeFirst())?.seq ?? 0;
  const key = `${organisationId}|${seq}|${filterKey}`;
  const known = totals.get(key);
  if (known !== undefined) return known;
  const total = await count();
  if (totals.size >= MAX_ENTRIES) {
    const oldest = totals.keys().next().value;
    if (oldest !== undefined) totals.delete(oldest);
  }
  totals.set(key, total);
  return total;
}

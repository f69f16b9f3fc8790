/**
 * Keeps a system's checklist in step with its latest screening (R-GRAD, DESIGN §4 Obligation). The
 * templates come from generateObligations in @glassbox/rules; this module only stores them:
 * - a key the rules ask for for the first time is added (open, owned by the system's owner);
 * - a retired key the rules ask for again comes back as it was: status, owner, due date, evidence;
 * - a key the rules no longer ask for is retired (retired_at), never deleted;
 * - texts of kept keys follow the rules' current wording.
 * Runs inside the caller's transaction; the caller writes the audit event with the counts. Callers go
 * through resyncSystemObligations (assessments/connections/resync.ts), which passes the screening's
 * and the assessments' templates together, so neither source retires the other's keys.
 */
import { randomUUID } from 'node:crypto';
import type { ObligationTemplate } from '@glassbox/rules';
import type { Ctx } from '../context.js';
import type { AiSystem, Obligation } from '../db/schema.js';

export type ObligationChanges = { added: string[]; restored: string[]; retired: string[] };

const textsOf = (t: ObligationTemplate) => ({
  framework: t.framework,
  reference: t.reference,
  title: t.title,
  description: t.description,
  phase: t.phase,
  recurrence_months: t.recurrenceMonths ?? null,
});

const sameTexts = (o: Obligation, t: ObligationTemplate): boolean => {
  const want = textsOf(t);
  return (
    o.framework === want.framework &&
    o.reference === want.reference &&
    o.title === want.title &&
    o.description === want.description &&
    o.phase === want.phase &&
    o.recurrence_months === want.recurrence_months
  );
};

export async function syncObligations(tx: Ctx, system: AiSystem, templates: readonly ObligationTemplate[], now: Date): Promise<ObligationChanges> {
  const existing = await tx.db
    .selectFrom('obligation')
    .selectAll()
    .where('organisation_id', '=', system.organisation_id)
    .where('system_id', '=', system.id)
    .forUpdate()
    .execute();
  const byKey = new Map(existing.map((o) => [o.key, o]));
  const wanted = new Set(templates.map((t) => t.key));
  const changes: ObligationChanges = { added: [], restored: [], retired: [] };

  const fresh = templates.filter((t) => !byKey.has(t.key));
  if (fresh.length > 0) {
    await tx.db
      .insertInto('obligation')
      .values(
        fresh.map((t) => ({
          id: randomUUID(),
          organisation_id: system.organisation_id,
          system_id: system.id,
          key: t.key,
          ...textsOf(t),
          owner_id: system.owner_id,
          due_date: null,
          status: 'open' as const,
          na_reason: null,
          retired_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    changes.added.push(...fresh.map((t) => t.key));
  }

  for (const t of templates) {
    const o = byKey.get(t.key);
    if (!o) continue;
    const restore = o.retired_at !== null;
    if (!restore && sameTexts(o, t)) continue;
    await tx.db
      .updateTable('obligation')
      .set({ ...textsOf(t), retired_at: null, updated_at: now })
      .where('id', '=', o.id)
      .execute();
    if (restore) changes.restored.push(t.key);
  }

  const retire = existing.filter((o) => o.retired_at === null && !wanted.has(o.key));
  if (retire.length > 0) {
    await tx.db
      .updateTable('obligation')
      .set({ retired_at: now, updated_at: now })
      .where('id', 'in', retire.map((o) => o.id))
      .execute();
    changes.retired.push(...retire.map((o) => o.key));
  }
  return changes;
}

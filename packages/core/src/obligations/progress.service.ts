/**
 * How far a system, or the whole organisation, has come with its obligations: counts by status and
 * phase, what is overdue, what still blocks deployment, and which systems were never screened.
 * Current obligations only (retired ones no longer count); archived systems are left out. A fixed
 * number of statements whatever the size of the inventory.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import type { ObligationStatus } from '../db/schema.js';
import { forbidden } from '../errors.js';
import { canListSystems } from '../inventory/policy.js';
import { findReadableSystem } from '../inventory/system-loader.js';
import { isDone, isOverdue, todayUtc, type ObligationPhase } from './obligation.presenter.js';

export type StatusCounts = Record<ObligationStatus, number>;
/** `done` = met + not applicable. */
export type ProgressCounts = { total: number; done: number; byStatus: StatusCounts };
export type ObligationTotals = ProgressCounts & { byPhase: Record<ObligationPhase, ProgressCounts>; overdue: number };

const emptyCounts = (): ProgressCounts => ({ total: 0, done: 0, byStatus: { open: 0, in_progress: 0, met: 0, not_applicable: 0 } });
const emptyTotals = (): ObligationTotals => ({ ...emptyCounts(), byPhase: { before_deployment: emptyCounts(), in_operation: emptyCounts() }, overdue: 0 });

function add(totals: ObligationTotals, phase: ObligationPhase, status: ObligationStatus, n: number, overdue: number): void {
  for (const c of [totals, totals.byPhase[phase]]) {
    c.total += n;
    c.byStatus[status] += n;
    if (isDone(status)) c.done += n;
  }
  totals.overdue += overdue;
}

export type SystemProgressView = ObligationTotals & {
  systemId: string;
  screenedAt: Date | null;
  /** Retired obligations kept with their evidence (not counted above). */
  retired: number;
  /** Before-deployment obligations neither met nor not applicable: they block `in_service`. */
  blocking: Array<{ id: string; key: string; title: string; status: ObligationStatus }>;
};

/** One system's progress: two statements. */
export async function getSystemObligationProgress(ctx: Ctx, input: { organisationId: string; ref: string }): Promise<SystemProgressView> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const rows = await ctx.db
    .selectFrom('obligation')
    .select(['id', 'key', 'title', 'phase', 'status', 'due_date', 'retired_at'])
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', system.id)
    .orderBy('key')
    .execute();
  const today = todayUtc();
  const totals = emptyTotals();
  let retired = 0;
  const blocking: SystemProgressView['blocking'] = [];
  for (const r of rows) {
    if (r.retired_at !== null) {
      retired += 1;
      continue;
    }
    add(totals, r.phase, r.status, 1, isOverdue(r, today) ? 1 : 0);
    if (r.phase === 'before_deployment' && !isDone(r.status)) blocking.push({ id: r.id, key: r.key, title: r.title, status: r.status });
  }
  return { systemId: system.id, screenedAt: system.screened_at, ...totals, retired, blocking };
}

export type OrganisationProgressView = {
  obligations: ObligationTotals;
  systems: {
    /** Systems in the inventory (not archived). */
    total: number;
    screened: number;
    /** Not archived, not retired or rejected, and never screened. */
    missingScreening: number;
    /** Systems with at least one before-deployment obligation still to do. */
    withOpenBeforeDeployment: number;
    /** Not archived, by EU AI Act tier ('unscreened' for never screened): the inventory list's default view. */
    byEuTier: Record<string, number>;
    /** Not archived, by lifecycle stage. */
    byLifecycle: Record<string, number>;
  };
  /** The first 100 systems missing a screening, by name. */
  missingScreening: Array<{ id: string; slug: string; name: string; lifecycle: string }>;
};

const NEEDS_SCREENING = sql<boolean>`s.screened_at is null and s.lifecycle not in ('retired', 'rejected')`;

/** The organisation's progress: four statements whatever the size of the inventory. */
export async function getOrganisationObligationProgress(ctx: Ctx, input: { organisationId: string }): Promise<OrganisationProgressView> {
  if (!canListSystems(ctx.actor, input.organisationId)) throw forbidden();
  const today = todayUtc();
  const counts = await ctx.db
    .selectFrom('obligation as o')
    .innerJoin('ai_system as s', 's.id', 'o.system_id')
    .select(['o.phase', 'o.status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .select(sql<number>`count(*) filter (where o.due_date < ${today}::date and o.status in ('open', 'in_progress'))`.as('overdue'))
    .where('o.organisation_id', '=', input.organisationId)
    .where('s.organisation_id', '=', input.organisationId)
    .where('o.retired_at', 'is', null)
    .where('s.archived_at', 'is', null)
    .groupBy(['o.phase', 'o.status'])
    .execute();
  const obligations = emptyTotals();
  for (const c of counts) add(obligations, c.phase, c.status, Number(c.n), Number(c.overdue));

  const systems = await ctx.db
    .selectFrom('ai_system as s')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('s.screened_at').as('screened'),
      sql<number>`count(*) filter (where ${NEEDS_SCREENING})`.as('missing'),
      sql<number>`count(*) filter (where exists (
        select 1 from obligation o where o.system_id = s.id and o.organisation_id = s.organisation_id and o.retired_at is null
          and o.phase = 'before_deployment' and o.status in ('open', 'in_progress')))`.as('open_before'),
    ])
    .where('s.organisation_id', '=', input.organisationId)
    .where('s.archived_at', 'is', null)
    .executeTakeFirstOrThrow();

  const missing = await ctx.db
    .selectFrom('ai_system as s')
    .select(['s.id', 's.slug', 's.name', 's.lifecycle'])
    .where('s.organisation_id', '=', input.organisationId)
    .where('s.archived_at', 'is', null)
    .where(NEEDS_SCREENING)
    .orderBy(sql`lower(s.name)`)
    .orderBy('s.id')
    .limit(100)
    .execute();

  const groups = await ctx.db
    .selectFrom('ai_system as s')
    .select([sql<string | null>`s.eu_tier`.as('eu_tier'), sql<string | null>`s.lifecycle`.as('lifecycle'), sql<number>`grouping(s.eu_tier)`.as('by_lifecycle')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.organisation_id', '=', input.organisationId)
    .where('s.archived_at', 'is', null)
    .groupBy(sql`grouping sets ((s.eu_tier), (s.lifecycle))`)
    .execute();
  const byEuTier: Record<string, number> = {};
  const byLifecycle: Record<string, number> = {};
  for (const g of groups) {
    if (Number(g.by_lifecycle) === 1) byLifecycle[g.lifecycle ?? 'unknown'] = Number(g.n);
    else byEuTier[g.eu_tier ?? 'unscreened'] = Number(g.n);
  }

  return {
    obligations,
    systems: {
      total: Number(systems.total),
      screened: Number(systems.screened),
      missingScreening: Number(systems.missing),
      withOpenBeforeDeployment: Number(systems.open_before),
      byEuTier,
      byLifecycle,
    },
    missingScreening: missing,
  };
}


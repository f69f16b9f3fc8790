/**
 * The assessments a system needs, with the reasons and what their approval satisfies (issue #4
 * point 6), for the system's assessments page. The caller (the assessment routes) has checked that
 * the actor may read the system; every query here is scoped to the organisation.
 */
import type { AssessmentNeedReason } from '@glassbox/rules';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { latestScreeningResult, neededFor, rulesFromColumn, templateTitle, templateTitles } from './needs.js';

export type NeededAssessment = {
  templateKey: string;
  /** The template's title in this organisation (its key when no such template is available to it). */
  title: string;
  /** Why, each with its source: "… (EU AI Act Art. 27(1))". */
  reasons: string[];
  /** The same reasons, structured. */
  reasonDetails: AssessmentNeedReason[];
  /** Obligation keys an approved assessment of this template sets to met, besides `assessment.<key>`. */
  obligationKeys: string[];
};

/**
 * Three statements whatever the number of assessments: the system with the organisation's
 * assessment rules (null: the defaults), its latest screening, the template titles.
 */
export async function listNeededAssessments(ctx: Ctx, input: { organisationId: string; systemId: string }): Promise<NeededAssessment[]> {
  const row = await ctx.db
    .selectFrom('ai_system as s')
    .selectAll('s')
    .select((eb) => eb.selectFrom('organisation_assessment_rules as r').select('r.rules').whereRef('r.organisation_id', '=', 's.organisation_id').as('assessment_rules'))
    .where('s.organisation_id', '=', input.organisationId)
    .where('s.id', '=', input.systemId)
    .executeTakeFirst();
  if (!row) throw notFound('system');
  const { assessment_rules: stored, ...system } = row;
  const needed = neededFor(system, await latestScreeningResult(ctx.db, system), rulesFromColumn(stored));
  const titles = await templateTitles(ctx.db, system.organisation_id, needed.map((a) => a.templateKey));
  return needed.map((a) => ({
    templateKey: a.templateKey,
    title: templateTitle(titles, a.templateKey),
    reasons: a.reasons.map((r) => `${r.text} (${r.source})`),
    reasonDetails: a.reasons,
    obligationKeys: a.meets,
  }));
}

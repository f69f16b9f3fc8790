/**
 * What an approval changes outside the assessment (issue #4 point 6). Called by the assessment
 * service inside its approve transaction.
 * - About a system: the checklist is rebuilt (the Canadian AIA's level adds its requirements as
 *   `aia.*` obligations, replacing those of an earlier level), then every obligation the approved
 *   assessment satisfies — the keys its rules list in `meets` and `assessment.<template key>` — is
 *   set to met, with a link to the assessment's report as evidence (one audit event each).
 *   Obligations someone marked not applicable stay as they are.
 * - About the organisation (readiness): each gap becomes an organisation task (task-sync.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ScoreResult, TemplateDocument } from '@glassbox/rules';
import { recordAudit } from '../../audit/audit.service.js';
import { loadConfig } from '../../config.js';
import type { Ctx } from '../../context.js';
import { syncTasksFromGaps, type TaskSyncChanges } from '../../tasks/task-sync.js';
import { assessmentRulesFor, latestScreeningResult, neededFor } from './needs.js';
import { resyncAndRecord } from './resync.js';

/** The columns of the approved assessment this module reads. */
export type ApprovedAssessmentRow = { id: string; organisation_id: string; system_id: string | null; template_key: string };

export type ApprovalEffects = {
  /** Obligation keys set to met. */
  met: string[];
  /** Organisation tasks from the gaps (organisation-subject templates). */
  tasks: TaskSyncChanges | null;
};

function defaultBaseUrl(): string {
  try {
    return loadConfig().publicBaseUrl;
  } catch {
    return 'http://localhost:3000';
  }
}

/** The staff app's page of an assessment's report: the evidence link. */
export const assessmentReportUrl = (assessmentId: string, publicBaseUrl = defaultBaseUrl()): string => `${publicBaseUrl.replace(/\/$/, '')}/app/assessments/${assessmentId}`;

export async function onAssessmentApproved(
  tx: Ctx,
  assessment: ApprovedAssessmentRow,
  result: ScoreResult,
  document: TemplateDocument,
  opts: { publicBaseUrl?: string; now?: Date } = {},
): Promise<ApprovalEffects> {
  const now = opts.now ?? new Date();
  if (document.subject === 'organisation' || assessment.system_id === null) {
    const tasks = await syncTasksFromGaps(tx, { organisationId: assessment.organisation_id, assessmentId: assessment.id, document, gaps: result.gaps, now });
    return { met: [], tasks };
  }
  const system = await tx.db.selectFrom('ai_system').selectAll().where('organisation_id', '=', assessment.organisation_id).where('id', '=', assessment.system_id).executeTakeFirst();
  if (!system) return { met: [], tasks: null };

  // The organisation's rules once, for the resync and for what this approval meets.
  const { rules } = await assessmentRulesFor(tx.db, system.organisation_id);
  await resyncAndRecord(tx, system, now, { cause: 'assessment.approved', assessmentId: assessment.id, templateKey: assessment.template_key }, { rules });

  const screening = await latestScreeningResult(tx.db, system);
  const meets = neededFor(system, screening, rules).find((a) => a.templateKey === assessment.template_key)?.meets ?? [];
  const keys = [...new Set([...meets, `assessment.${assessment.template_key}`])];
  const obligations = await tx.db
    .selectFrom('obligation')
    .selectAll()
    .where('organisation_id', '=', system.organisation_id)
    .where('system_id', '=', system.id)
    .where('key', 'in', keys)
    .where('retired_at', 'is', null)
    .forUpdate()
    .execute();
  const url = assessmentReportUrl(assessment.id, opts.publicBaseUrl);
  const title = `Approved assessment: ${document.title.en}`.slice(0, 200);
  const met: string[] = [];
  for (const o of obligations) {
    if (o.status === 'not_applicable') continue;
    if (o.status !== 'met') {
      await tx.db.updateTable('obligation').set({ status: 'met', updated_at: now }).where('id', '=', o.id).execute();
      await recordAudit(tx, {
        organisationId: system.organisation_id,
        action: 'obligation.updated',
        entityType: 'obligation',
        entityId: o.id,
        before: { status: o.status },
        after: { status: 'met', systemId: system.id, key: o.key, assessmentId: assessment.id },
      });
      met.push(o.key);
    }
    const evidence = {
      id: randomUUID(),
      obligation_id: o.id,
      organisation_id: system.organisation_id,
      kind: 'link' as const,
      title,
      url,
      file_name: null,
      content_type: null,
      size_bytes: null,
      storage_path: null,
      sha256: null,
      created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
      created_by_label: 'Glassbox (assessment approval)',
      created_at: now,
    };
    await tx.db.insertInto('obligation_evidence').values(evidence).execute();
    await recordAudit(tx, {
      organisationId: system.organisation_id,
      action: 'evidence.added',
      entityType: 'obligation_evidence',
      entityId: evidence.id,
      after: { systemId: system.id, obligationId: o.id, key: o.key, kind: 'link', title, url, assessmentId: assessment.id },
    });
  }
  return { met, tasks: null };
}

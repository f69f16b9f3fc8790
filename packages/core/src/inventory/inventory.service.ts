/**
 * The inventory of AI systems: register, edit, read, list. Lifecycle moves and archiving are in
 * lifecycle.service.ts, the version history in versions.service.ts. Every change writes, in one
 * transaction, the new state, a version row with the full snapshot (so the register can show
 * history) and an audit event with the changed fields. Permissions come from policy.ts and are
 * checked here, so the CLI gets the same answers as the API.
 */
import { randomUUID } from 'node:crypto';
import { onSystemFieldsChanged } from '../assessments/connections/system-changes.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { handOverObligations } from '../obligations/owner-handover.js';
import type { Ctx } from '../context.js';
import { jsonPage } from '../db/json-text.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden } from '../errors.js';
import { presentSystem, presentSystemSummary, type SystemSummaryView, type SystemView } from './inventory.presenter.js';
import { findSystemWithNames, insertVersion, isMember, listSystemJson, listSystemRows, snapshotOf, takenSlugs, unitExists, type SystemListFilter } from './inventory.repository.js';
import { canAssignOwner, canCreateSystem, canListSystems } from './policy.js';
import { checkReadable, loadEditable, viewOf } from './system-loader.js';
import {
  changedFields,
  checkReason,
  checkSystem,
  nextFreeSlug,
  normaliseFields,
  slugify,
  throwIfInvalid,
  type FieldErrors,
  type SystemFields,
} from './system-fields.js';

/** Unit and owner must belong to the organisation; named in the field errors when they do not. */
async function checkReferences(tx: Ctx, organisationId: string, fields: Partial<SystemFields>, errors: FieldErrors): Promise<void> {
  if (fields.unitId && !(await unitExists(tx.db, organisationId, fields.unitId))) errors.unitId = 'No such unit in this organisation.';
  if (fields.ownerId && !(await isMember(tx.db, organisationId, fields.ownerId))) errors.ownerId = 'The owner must be a member of this organisation.';
}

export type CreateSystemInput = {
  organisationId: string;
  name: string;
  purpose: string;
  description?: string | undefined;
  unitId?: string | null | undefined;
  /** Defaults to the person creating the system; a token or the CLI must name one. */
  ownerId?: string | undefined;
  sourcing: SystemFields['sourcing'];
  supplier?: string | null | undefined;
  decisionRole: SystemFields['decisionRole'];
  affectedPeople?: string | undefined;
  dataCategories?: string[] | undefined;
  personalData: boolean;
  humanOversight?: string | undefined;
  /** Defaults to internal: publishing is a decision, never an accident. */
  publicVisibility?: SystemFields['publicVisibility'] | undefined;
  tags?: string[] | undefined;
};

export async function createSystem(ctx: Ctx, input: CreateSystemInput): Promise<SystemView> {
  const { organisationId } = input;
  if (!canCreateSystem(ctx.actor, organisationId)) {
    throw new AppError('forbidden', 'system.forbidden', 'Only system owners, governance officers and administrators can register AI systems.');
  }
  const errors: FieldErrors = {};
  for (const field of ['name', 'purpose', 'sourcing', 'decisionRole', 'personalData'] as const) {
    if (input[field] === undefined || input[field] === null) errors[field] = 'Required.';
  }
  const ownerId = input.ownerId ?? (ctx.actor.kind === 'user' ? ctx.actor.userId : undefined);
  if (ownerId === undefined) errors.ownerId = 'Name the owner: a member of this organisation accountable for the system.';
  const given = normaliseFields(
    {
      description: '',
      unitId: null,
      supplier: null,
      affectedPeople: '',
      dataCategories: [],
      humanOversight: '',
      publicVisibility: 'internal',
      tags: [],
      // Fields given as undefined keep the defaults above (normaliseFields skips undefined).
      ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'organisationId' && v !== undefined)),
      ...(ownerId !== undefined && { ownerId }),
    },
    errors,
  );
  const fields = given as SystemFields;
  if (!errors.ownerId && !canAssignOwner(ctx.actor, organisationId, fields.ownerId, true)) {
    throw new AppError('forbidden', 'system.owner_forbidden', 'As a system owner you register systems that you own yourself; leave the owner out.');
  }
  checkSystem(fields, errors);
  throwIfInvalid(errors);

  return inTransaction(ctx, async (tx) => {
    await checkReferences(tx, organisationId, fields, errors);
    throwIfInvalid(errors);
    const base = slugify(fields.name);
    const now = new Date();
    // Two people registering "Chatbot" at once: the loser of the race takes the next free slug.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const slug = nextFreeSlug(base, await takenSlugs(tx.db, organisationId, base));
      const row = await tx.db
        .insertInto('ai_system')
        .values({
          id: randomUUID(),
          organisation_id: organisationId,
          slug,
          name: fields.name,
          purpose: fields.purpose,
          description: fields.description,
          unit_id: fields.unitId,
          owner_id: fields.ownerId,
          sourcing: fields.sourcing,
          supplier: fields.supplier,
          decision_role: fields.decisionRole,
          affected_people: fields.affectedPeople,
          data_categories: fields.dataCategories,
          personal_data: fields.personalData,
          human_oversight: fields.humanOversight,
          public_visibility: fields.publicVisibility,
          tags: fields.tags,
          lifecycle: 'idea',
          version: 1,
          archived_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'slug']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) continue;
      const snapshot = snapshotOf(row);
      await insertVersion(tx.db, tx.actor, { row, kind: 'created', changedFields: changedFields(null, snapshot), reason: null });
      await recordAudit(tx, { organisationId, action: 'system.created', entityType: 'ai_system', entityId: row.id, after: { ...snapshot, version: 1 } });
      return viewOf(tx, row);
    }
    throw new AppError('conflict', 'system.slug_taken', 'Another system with this name was registered at the same moment; try again.');
  });
}

export type UpdateSystemInput = {
  organisationId: string;
  /** The system's id or slug. */
  ref: string;
  changes: Partial<SystemFields>;
  /** Why, kept with the version (optional for edits). */
  reason?: string | null | undefined;
};

/** Applies the changes; a change that alters nothing writes no version and no audit event. */
export async function updateSystem(ctx: Ctx, input: UpdateSystemInput): Promise<SystemView> {
  const reason = checkReason(input.reason, false);
  const errors: FieldErrors = {};
  const changes = normaliseFields(input.changes, errors);
  throwIfInvalid(errors);
  return inTransaction(ctx, async (tx) => {
    const row = await loadEditable(tx, input.organisationId, input.ref);
    const before = snapshotOf(row);
    if (changes.ownerId !== undefined && changes.ownerId !== row.owner_id && !canAssignOwner(tx.actor, row.organisation_id, changes.ownerId, false)) {
      throw new AppError('forbidden', 'system.owner_forbidden', 'Only a governance officer or an administrator can hand a system to another owner.');
    }
    checkSystem({ ...before, ...changes }, errors);
    await checkReferences(tx, row.organisation_id, { ...(changes.unitId !== row.unit_id && { unitId: changes.unitId }), ...(changes.ownerId !== row.owner_id && { ownerId: changes.ownerId }) }, errors);
    throwIfInvalid(errors);
    const changed = changedFields(before, { ...before, ...changes });
    if (changed.length === 0) return viewOf(tx, row);

    const updated = await tx.db
      .updateTable('ai_system')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.purpose !== undefined && { purpose: changes.purpose }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.unitId !== undefined && { unit_id: changes.unitId }),
        ...(changes.ownerId !== undefined && { owner_id: changes.ownerId }),
        ...(changes.sourcing !== undefined && { sourcing: changes.sourcing }),
        ...(changes.supplier !== undefined && { supplier: changes.supplier }),
        ...(changes.decisionRole !== undefined && { decision_role: changes.decisionRole }),
        ...(changes.affectedPeople !== undefined && { affected_people: changes.affectedPeople }),
        ...(changes.dataCategories !== undefined && { data_categories: changes.dataCategories }),
        ...(changes.personalData !== undefined && { personal_data: changes.personalData }),
        ...(changes.humanOversight !== undefined && { human_oversight: changes.humanOversight }),
        ...(changes.publicVisibility !== undefined && { public_visibility: changes.publicVisibility }),
        ...(changes.tags !== undefined && { tags: changes.tags }),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = snapshotOf(updated);
    await insertVersion(tx.db, tx.actor, { row: updated, kind: 'updated', changedFields: changed, reason });
    const diff = diffFields(before, after);
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      action: 'system.updated',
      entityType: 'ai_system',
      entityId: row.id,
      before: diff.before,
      after: { ...diff.after, version: updated.version, ...(reason !== null && { reason }) },
    });
    // Open obligations waiting on the previous owner follow the system to its new owner.
    if (updated.owner_id !== row.owner_id) await handOverObligations(tx, updated, row.owner_id);
    // Decision role, personal data and sourcing decide which assessments the system needs.
    await onSystemFieldsChanged(tx, updated, changed);
    return viewOf(tx, updated);
  });
}

/** One system by id or slug, in one statement. */
export async function getSystem(ctx: Ctx, input: { organisationId: string; ref: string }): Promise<SystemView> {
  return presentSystem(checkReadable(ctx, await findSystemWithNames(ctx.db, input.organisationId, input.ref)));
}

export type ListSystemsInput = Omit<SystemListFilter, 'onlySystemId'>;

/** The list filter for this caller, or 403: a token limited to one system sees only that one. */
function listFilterFor(ctx: Ctx, input: ListSystemsInput): SystemListFilter {
  const actor = ctx.actor;
  if (!canListSystems(actor, input.organisationId)) throw forbidden();
  const onlySystemId = actor.kind === 'token' && actor.systemId ? actor.systemId : undefined;
  const knownDataVersion = ctx.dataVersion?.organisationId === input.organisationId ? ctx.dataVersion.seq : undefined;
  return { ...input, onlySystemId, knownDataVersion };
}

/** One page of the inventory: one statement whatever the page size (two when past the end). */
export async function listSystems(ctx: Ctx, input: ListSystemsInput): Promise<{ items: SystemSummaryView[]; total: number }> {
  const { rows, total } = await listSystemRows(ctx.db, listFilterFor(ctx, input));
  return { items: rows.map(presentSystemSummary), total };
}

/**
 * The same page as listSystems, as the JSON text the API sends (`{"items":[…],"total":n}`), written
 * by the database: what the HTTP list returns without parsing and re-serialising every row.
 */
export async function listSystemsJson(ctx: Ctx, input: ListSystemsInput): Promise<string> {
  const { items, total } = await listSystemJson(ctx.db, listFilterFor(ctx, input));
  return jsonPage(items, total);
}

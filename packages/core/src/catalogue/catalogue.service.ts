/**
 * The tool catalogue (seed 001, R-APPROVE, R-FREE): the general-purpose AI tools staff may use,
 * what for, with what data, under which terms; and the "can I use X for Y?" check. Every change
 * writes the entry and its audit event in one transaction. Each tool also appears in the AI-system
 * inventory: a new entry is linked to an existing inventory record, or registers one (sourcing
 * "general-purpose tool") in the same transaction. Permissions come from policy.ts.
 */
import { randomUUID } from 'node:crypto';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden } from '../errors.js';
import { createSystem } from '../inventory/inventory.service.js';
import { canIUse, type CanIUseAnswer } from './can-i-use.js';
import { presentCatalogueEntry, type CatalogueEntryView } from './catalogue.presenter.js';
import {
  entryLinkedTo,
  findEntryRow,
  findEntryWithSystem,
  listEntryRows,
  nameTaken,
  snapshotOf,
  systemInOrganisation,
  type CatalogueListFilter,
} from './catalogue.repository.js';
import {
  CATALOGUE_LIMITS,
  checkEntry,
  normaliseCatalogueFields,
  throwIfInvalid,
  type CatalogueFields,
  type DataKind,
  type FieldErrors,
} from './catalogue-fields.js';
import { canManageCatalogue, canReadCatalogue } from './policy.js';

const entryNotFound = (): AppError => new AppError('not_found', 'catalogue_entry.not_found', 'There is no such tool in the catalogue.');

function requireCurator(ctx: Ctx, organisationId: string): void {
  if (!canManageCatalogue(ctx.actor, organisationId)) {
    throw new AppError('forbidden', 'catalogue_entry.forbidden', 'Only governance officers and administrators can change the tool catalogue.');
  }
}

/** The entry as stored after a change, with its inventory record. */
async function viewOf(tx: Ctx, organisationId: string, id: string): Promise<CatalogueEntryView> {
  const row = await findEntryWithSystem(tx.db, organisationId, id);
  if (!row) throw entryNotFound();
  return presentCatalogueEntry(row);
}

/** Name free among current entries; inventory record in this organisation and not taken by another entry. */
async function checkUniqueAndLinked(tx: Ctx, organisationId: string, fields: Partial<CatalogueFields>, exceptId: string | null): Promise<void> {
  const errors: FieldErrors = {};
  if (fields.systemId && !(await systemInOrganisation(tx.db, organisationId, fields.systemId))) {
    errors.systemId = 'No such AI system in this organisation’s inventory.';
  }
  throwIfInvalid(errors);
  if (fields.name !== undefined && (await nameTaken(tx.db, organisationId, fields.name, exceptId))) {
    throw new AppError('conflict', 'catalogue_entry.name_taken', `The catalogue already has a tool called "${fields.name}".`, { fields: { name: 'Already in the catalogue.' } });
  }
  if (fields.systemId) {
    const other = await entryLinkedTo(tx.db, fields.systemId, exceptId);
    if (other) {
      throw new AppError('conflict', 'catalogue_entry.system_taken', `That inventory record already belongs to "${other.name}" in the catalogue.`, {
        fields: { systemId: 'Already linked to another tool.' },
      });
    }
  }
}

export type CreateCatalogueEntryInput = {
  organisationId: string;
  name: string;
  vendor: string;
  description?: string | undefined;
  status: CatalogueFields['status'];
  permittedUses?: string[] | undefined;
  prohibitedUses?: string[] | undefined;
  conditions?: string | undefined;
  dataAllowed: CatalogueFields['dataAllowed'];
  pricing: CatalogueFields['pricing'];
  dataProtectionTerms?: string | undefined;
  dpaInPlace?: boolean | undefined;
  reviewDate?: string | null | undefined;
  contact?: string | undefined;
  /**
   * The tool's inventory record. Left out: a record is registered for the tool in the same
   * transaction. null: no inventory record (say why elsewhere; every tool should have one).
   */
  systemId?: string | null | undefined;
  /** Owner of an inventory record registered here; defaults to the person adding the tool (the CLI must name one). */
  inventoryOwnerId?: string | undefined;
};

export async function createCatalogueEntry(ctx: Ctx, input: CreateCatalogueEntryInput): Promise<CatalogueEntryView> {
  const { organisationId } = input;
  requireCurator(ctx, organisationId);
  const errors: FieldErrors = {};
  for (const field of ['name', 'vendor', 'status', 'dataAllowed', 'pricing'] as const) {
    if (input[field] === undefined || input[field] === null) errors[field] = 'Required.';
  }
  const given = normaliseCatalogueFields(
    {
      description: '',
      permittedUses: [],
      prohibitedUses: [],
      conditions: '',
      dataProtectionTerms: '',
      dpaInPlace: false,
      reviewDate: null,
      contact: '',
      systemId: null,
      ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'organisationId' && k !== 'inventoryOwnerId' && v !== undefined)),
    },
    errors,
  );
  const fields = given as CatalogueFields;
  if (Object.keys(errors).length === 0) checkEntry(fields, errors);
  throwIfInvalid(errors);

  return inTransaction(ctx, async (tx) => {
    await checkUniqueAndLinked(tx, organisationId, fields, null);
    let systemId = fields.systemId;
    if (input.systemId === undefined) {
      const system = await createSystem(tx, {
        organisationId,
        name: fields.name,
        purpose: (fields.description || `${fields.name}, a general-purpose AI tool listed in the staff tool catalogue.`).slice(0, 2000),
        sourcing: 'general_purpose_tool',
        supplier: fields.vendor,
        decisionRole: 'informs',
        personalData: fields.dataAllowed === 'personal_with_dpa',
        tags: ['tool-catalogue'],
        ownerId: input.inventoryOwnerId,
      });
      systemId = system.id;
    }
    const now = new Date();
    const row = await tx.db
      .insertInto('tool_catalogue_entry')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        name: fields.name,
        vendor: fields.vendor,
        description: fields.description,
        status: fields.status,
        permitted_uses: fields.permittedUses,
        prohibited_uses: fields.prohibitedUses,
        conditions: fields.conditions,
        data_allowed: fields.dataAllowed,
        pricing: fields.pricing,
        data_protection_terms: fields.dataProtectionTerms,
        dpa_in_place: fields.dpaInPlace,
        review_date: fields.reviewDate,
        contact: fields.contact,
        system_id: systemId,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { organisationId, action: 'catalogue_entry.created', entityType: 'tool_catalogue_entry', entityId: row.id, after: snapshotOf(row) });
    return viewOf(tx, organisationId, row.id);
  });
}

export type UpdateCatalogueEntryInput = {
  organisationId: string;
  id: string;
  changes: Partial<CatalogueFields>;
};

/** Applies the changes; a change that alters nothing writes no audit event. */
export async function updateCatalogueEntry(ctx: Ctx, input: UpdateCatalogueEntryInput): Promise<CatalogueEntryView> {
  requireCurator(ctx, input.organisationId);
  const errors: FieldErrors = {};
  const changes = normaliseCatalogueFields(input.changes, errors);
  throwIfInvalid(errors);
  return inTransaction(ctx, async (tx) => {
    const row = await findEntryRow(tx.db, input.organisationId, input.id, { forUpdate: true });
    if (!row) throw entryNotFound();
    if (row.archived_at) throw new AppError('conflict', 'catalogue_entry.archived', `"${row.name}" has been archived and can no longer be changed.`);
    const before = snapshotOf(row);
    const after = { ...before, ...changes };
    checkEntry(after, errors);
    throwIfInvalid(errors);
    const diff = diffFields(before, after);
    if (!diff.after || Object.keys(diff.after).length === 0) return viewOf(tx, input.organisationId, row.id);
    await checkUniqueAndLinked(
      tx,
      input.organisationId,
      {
        ...(changes.name !== undefined && changes.name.toLowerCase() !== row.name.toLowerCase() && { name: changes.name }),
        ...(changes.systemId !== undefined && changes.systemId !== row.system_id && { systemId: changes.systemId }),
      },
      row.id,
    );
    await tx.db
      .updateTable('tool_catalogue_entry')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.vendor !== undefined && { vendor: changes.vendor }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.status !== undefined && { status: changes.status }),
        ...(changes.permittedUses !== undefined && { permitted_uses: changes.permittedUses }),
        ...(changes.prohibitedUses !== undefined && { prohibited_uses: changes.prohibitedUses }),
        ...(changes.conditions !== undefined && { conditions: changes.conditions }),
        ...(changes.dataAllowed !== undefined && { data_allowed: changes.dataAllowed }),
        ...(changes.pricing !== undefined && { pricing: changes.pricing }),
        ...(changes.dataProtectionTerms !== undefined && { data_protection_terms: changes.dataProtectionTerms }),
        ...(changes.dpaInPlace !== undefined && { dpa_in_place: changes.dpaInPlace }),
        ...(changes.reviewDate !== undefined && { review_date: changes.reviewDate }),
        ...(changes.contact !== undefined && { contact: changes.contact }),
        ...(changes.systemId !== undefined && { system_id: changes.systemId }),
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(tx, { organisationId: input.organisationId, action: 'catalogue_entry.updated', entityType: 'tool_catalogue_entry', entityId: row.id, ...diff });
    return viewOf(tx, input.organisationId, row.id);
  });
}

/** Withdraws a tool from the catalogue: hidden from the default list, "no" to every check, history kept. */
export async function archiveCatalogueEntry(ctx: Ctx, input: { organisationId: string; id: string; reason?: string | null | undefined }): Promise<CatalogueEntryView> {
  requireCurator(ctx, input.organisationId);
  const reason = input.reason?.trim() || null;
  if (reason !== null && (reason.length > CATALOGUE_LIMITS.reason || reason.includes('\u0000'))) {
    throw new AppError('bad_request', 'catalogue_entry.bad_reason', `Give a reason of at most ${CATALOGUE_LIMITS.reason} characters.`, { fields: { reason: 'Too long.' } });
  }
  return inTransaction(ctx, async (tx) => {
    const row = await findEntryRow(tx.db, input.organisationId, input.id, { forUpdate: true });
    if (!row) throw entryNotFound();
    if (row.archived_at) throw new AppError('conflict', 'catalogue_entry.archived', `"${row.name}" has already been archived.`);
    const archived = await tx.db.updateTable('tool_catalogue_entry').set({ archived_at: new Date(), updated_at: new Date() }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'catalogue_entry.archived',
      entityType: 'tool_catalogue_entry',
      entityId: row.id,
      before: { archivedAt: null },
      after: { archivedAt: snapshotOf(archived).archivedAt, ...(reason !== null && { reason }) },
    });
    return viewOf(tx, input.organisationId, row.id);
  });
}

export async function getCatalogueEntry(ctx: Ctx, input: { organisationId: string; id: string }): Promise<CatalogueEntryView> {
  if (!canReadCatalogue(ctx.actor, input.organisationId)) throw forbidden();
  const row = await findEntryWithSystem(ctx.db, input.organisationId, input.id);
  if (!row) throw entryNotFound();
  return presentCatalogueEntry(row);
}

/** One page of the catalogue: one statement whatever the page size (two when past the end). */
export async function listCatalogueEntries(ctx: Ctx, input: CatalogueListFilter): Promise<{ items: CatalogueEntryView[]; total: number }> {
  if (!canReadCatalogue(ctx.actor, input.organisationId)) throw forbidden();
  const { rows, total } = await listEntryRows(ctx.db, input);
  return { items: rows.map(presentCatalogueEntry), total };
}

export type CheckToolUseInput = {
  organisationId: string;
  toolId: string;
  use: string;
  data: DataKind;
  /** YYYY-MM-DD; defaults to today (UTC). */
  today?: string | undefined;
};

export type ToolUseAnswer = { tool: { id: string; name: string }; answer: CanIUseAnswer; reasons: string[] };

/**
 * "Can I use this tool for this?" (can-i-use.ts). A read: nothing is stored, so what a person
 * types about their work (which may mention people) is not kept anywhere.
 */
export async function checkToolUse(ctx: Ctx, input: CheckToolUseInput): Promise<ToolUseAnswer> {
  if (!canReadCatalogue(ctx.actor, input.organisationId)) throw forbidden();
  const use = input.use.trim();
  if (use.length < CATALOGUE_LIMITS.questionMin || use.length > CATALOGUE_LIMITS.question) {
    throw new AppError('bad_request', 'catalogue_check.bad_use', `Describe the use in ${CATALOGUE_LIMITS.questionMin} to ${CATALOGUE_LIMITS.question} characters.`, {
      fields: { use: `Enter ${CATALOGUE_LIMITS.questionMin} to ${CATALOGUE_LIMITS.question} characters.` },
    });
  }
  const row = await findEntryRow(ctx.db, input.organisationId, input.toolId.toLowerCase());
  if (!row) throw new AppError('not_found', 'catalogue_entry.not_found', 'There is no such tool in the catalogue.', { fields: { toolId: 'Choose a tool from the catalogue.' } });
  const entry = snapshotOf(row);
  const result = canIUse({ ...entry, archived: row.archived_at !== null }, { use, data: input.data }, input.today ?? new Date().toISOString().slice(0, 10));
  return { tool: { id: row.id, name: row.name }, ...result };
}

/**
 * Template management (issue #4 point 8): list and read templates (the built-ins plus the
 * organisation's own), import a file as a draft, export a version, clone, edit a draft, publish it,
 * archive. A published version never changes (the database refuses it too); an assessment keeps the
 * version it started on, and `resolveTemplateForUse` says which version a new assessment starts on.
 * Every change writes its audit event in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { scoreAssessment } from '@glassbox/rules';
import type { Answers, ScoreResult, TemplateDocument } from '@glassbox/rules';
import { recordAudit } from '../../audit/audit.service.js';
import type { Actor, Ctx } from '../../context.js';
import type { AssessmentTemplate } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { canManageTemplates, canReadTemplates } from './policy.js';
import {
  checkTemplateDocument,
  EXPORT_CONTENT_TYPES,
  invalidTemplate,
  parseTemplateFile,
  serialiseTemplate,
  templateHash,
  type ExportFormat,
  type ImportFormat,
  type ImportReport,
} from './template-format.js';
import { presentTemplates, presentVersion, presentVersionSummary, type TemplateDetailView, type TemplateVersionView, type TemplateView } from './template.presenter.js';
import {
  findDraft,
  findLatestPublished,
  findOrgTemplateByKey,
  findTemplateRow,
  findVersionForUse,
  findVersionRow,
  listCurrentVersionHeads,
  listTemplateRows,
  listVersionHeads,
  nextVersionNumber,
  type VersionWithTemplate,
} from './template.repository.js';

const templateNotFound = (): AppError => new AppError('not_found', 'template.not_found', 'No such assessment template.');
const versionNotFound = (): AppError => new AppError('not_found', 'template.version_not_found', 'No such assessment template version.');

function mustRead(actor: Actor, organisationId: string): void {
  if (!canReadTemplates(actor, organisationId)) throw new AppError('forbidden', 'template.forbidden', 'Only members of this organisation can read its assessment templates.');
}
function mustManage(actor: Actor, organisationId: string): void {
  if (!canManageTemplates(actor, organisationId)) {
    throw new AppError('forbidden', 'template.forbidden', 'Only an administrator or a governance officer can change assessment templates.');
  }
}

const userId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);
const titleText = (doc: TemplateDocument): string => doc.title.en.trim().slice(0, 300) || doc.key;

/** The built-in templates and the organisation's own, each with its latest published version and its draft: two statements. */
export async function listTemplates(ctx: Ctx, input: { organisationId: string }): Promise<{ items: TemplateView[]; total: number }> {
  mustRead(ctx.actor, input.organisationId);
  const [templates, heads] = await Promise.all([listTemplateRows(ctx.db, input.organisationId), listCurrentVersionHeads(ctx.db, input.organisationId)]);
  const items = presentTemplates(templates, heads);
  return { items, total: items.length };
}

/** One template with every version (without documents). */
export async function getTemplate(ctx: Ctx, input: { organisationId: string; templateId: string }): Promise<TemplateDetailView> {
  mustRead(ctx.actor, input.organisationId);
  const template = await findTemplateRow(ctx.db, input);
  if (!template) throw templateNotFound();
  const versions = await listVersionHeads(ctx.db, template.id);
  const [view] = presentTemplates([template], versions.filter((v) => v.status === 'draft' || v === versions.find((p) => p.status === 'published')));
  if (!view) throw templateNotFound();
  // Whether an organisation's own template overrides this built-in needs the other rows; ask for the one that matters.
  if (view.builtin && view.inUse) {
    const own = await findVersionForUse(ctx.db, input.organisationId, template.key);
    view.inUse = own?.template_id === template.id;
  }
  return { ...view, versions: versions.map(presentVersionSummary) };
}

/** One version with its document and import report. Built-ins are visible to every organisation, an organisation's templates only to it. */
export async function getTemplateVersion(ctx: Ctx, input: { organisationId: string; versionId: string }): Promise<TemplateVersionView> {
  mustRead(ctx.actor, input.organisationId);
  const row = await findVersionRow(ctx.db, input);
  if (!row) throw versionNotFound();
  return presentVersion(row);
}

export type TemplateForUse = { versionId: string; templateId: string; key: string; version: number; document: TemplateDocument };

/**
 * The version a new assessment of `key` starts on: the latest published version of the
 * organisation's own template with that key (not archived), else the built-in's. 404 when neither
 * has a published version.
 */
export async function resolveTemplateForUse(ctx: Ctx, input: { organisationId: string; key: string }): Promise<TemplateForUse> {
  mustRead(ctx.actor, input.organisationId);
  const row = await findVersionForUse(ctx.db, input.organisationId, input.key);
  if (!row) throw new AppError('not_found', 'template.not_found', `No published assessment template with the key “${input.key}”.`);
  return { versionId: row.id, templateId: row.template_id, key: row.key, version: row.version, document: row.document as TemplateDocument };
}

export type ImportTemplateInput = {
  organisationId: string;
  format: ImportFormat;
  content: string;
  /** SurveyJS files other than the official AIA need a key; for JSON and YAML it must match the file's if given. */
  key?: string | undefined;
};

/**
 * Imports a template file as a draft of the organisation's template with the document's key: a new
 * template (origin `imported`) when there is none, else a new draft version; an existing draft is
 * replaced by the file. Returns the draft with its import report.
 */
export async function importTemplate(ctx: Ctx, input: ImportTemplateInput): Promise<TemplateVersionView> {
  mustManage(ctx.actor, input.organisationId);
  const { document, report } = parseTemplateFile(input);
  return inTransaction(ctx, async (tx) => {
    const template = (await findOrgTemplateByKey(tx.db, input.organisationId, document.key, { forUpdate: true })) ?? (await insertTemplate(tx, { organisationId: input.organisationId, document, origin: 'imported' }));
    if (template.archived_at) throw new AppError('conflict', 'template.archived', `“${template.title}” is archived; restore it before importing a new version.`);
    const draft = await findDraft(tx.db, template.id);
    let versionId: string;
    if (draft) {
      versionId = draft.id;
      await tx.db
        .updateTable('assessment_template_version')
        .set({ document: JSON.stringify(document), content_hash: templateHash(document), import_report: JSON.stringify(report) })
        .where('id', '=', draft.id)
        .execute();
    } else {
      versionId = await insertDraft(tx, { templateId: template.id, document, importReport: report });
    }
    // A template nobody has published yet takes its title from the file.
    await touchTemplate(tx, template.id, (await findLatestPublished(tx.db, template.id)) ? undefined : document);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'assessment_template.imported',
      entityType: 'assessment_template_version',
      entityId: versionId,
      after: {
        templateId: template.id,
        key: document.key,
        format: input.format,
        importer: report.importer,
        unsupported: report.unsupported.length,
        replacedDraft: draft !== undefined,
        contentHash: templateHash(document),
      },
    });
    return loadVersionView(tx, input.organisationId, versionId);
  });
}

/** A version as a file to download. */
export async function exportTemplateVersion(
  ctx: Ctx,
  input: { organisationId: string; versionId: string; format: ExportFormat },
): Promise<{ filename: string; contentType: string; text: string }> {
  const view = await getTemplateVersion(ctx, input);
  const suffix = view.status === 'draft' ? '-draft' : '';
  return {
    filename: `${view.key}-v${view.version}${suffix}.${input.format === 'json' ? 'json' : 'yaml'}`,
    contentType: EXPORT_CONTENT_TYPES[input.format],
    text: serialiseTemplate(view.document, input.format),
  };
}

/**
 * Clone a built-in: the organisation gets its own copy (same key when the organisation has no
 * template with it, so it then takes precedence over the built-in once published; else `<key>-copy`,
 * `-copy-2`, …) with a draft version 1. Clone an organisation's template: a new draft version from
 * its latest published version (409 when a draft exists already).
 */
export async function cloneTemplate(ctx: Ctx, input: { organisationId: string; templateId: string }): Promise<TemplateVersionView> {
  mustManage(ctx.actor, input.organisationId);
  return inTransaction(ctx, async (tx) => {
    const source = await findTemplateRow(tx.db, input, { forUpdate: true });
    if (!source) throw templateNotFound();
    const published = await findLatestPublished(tx.db, source.id);
    if (!published) throw new AppError('conflict', 'template.nothing_published', `“${source.title}” has no published version to start from.`);
    const base = published.document as TemplateDocument;

    if (source.organisation_id === null) {
      const key = await freeKey(tx, input.organisationId, source.key);
      const document: TemplateDocument = { ...base, key };
      const template = await insertTemplate(tx, { organisationId: input.organisationId, document, origin: 'custom' });
      const versionId = await insertDraft(tx, { templateId: template.id, document, importReport: null });
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'assessment_template.cloned',
        entityType: 'assessment_template',
        entityId: template.id,
        after: { key, fromTemplateId: source.id, fromVersion: published.version, draftVersionId: versionId },
      });
      return loadVersionView(tx, input.organisationId, versionId);
    }

    if (source.archived_at) throw new AppError('conflict', 'template.archived', `“${source.title}” is archived; restore it before changing it.`);
    const draft = await findDraft(tx.db, source.id);
    if (draft) {
      throw new AppError('conflict', 'template.draft_exists', `Version ${draft.version} of “${source.title}” is already a draft: edit or publish it first.`, {
        draftVersionId: draft.id,
        draftVersion: draft.version,
      });
    }
    const versionId = await insertDraft(tx, { templateId: source.id, document: base, importReport: null });
    await touchTemplate(tx, source.id);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'assessment_template.draft_started',
      entityType: 'assessment_template_version',
      entityId: versionId,
      after: { templateId: source.id, key: source.key, fromVersion: published.version },
    });
    return loadVersionView(tx, input.organisationId, versionId);
  });
}

/** Replaces a draft's document. The key cannot change; a published version cannot be changed (409). */
export async function updateDraft(ctx: Ctx, input: { organisationId: string; versionId: string; document: unknown }): Promise<TemplateVersionView> {
  mustManage(ctx.actor, input.organisationId);
  const document = checkTemplateDocument(input.document);
  return inTransaction(ctx, async (tx) => {
    const version = await loadOwnVersionForChange(tx, input);
    if (document.key !== version.key) throw invalidTemplate({ key: `The key of this template is “${version.key}” and cannot change; clone or import to make another template.` });
    const hash = templateHash(document);
    if (hash !== version.content_hash) {
      await tx.db.updateTable('assessment_template_version').set({ document: JSON.stringify(document), content_hash: hash }).where('id', '=', version.id).execute();
      await touchTemplate(tx, version.template_id);
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'assessment_template.draft_updated',
        entityType: 'assessment_template_version',
        entityId: version.id,
        before: { contentHash: version.content_hash },
        after: { contentHash: hash, templateId: version.template_id, key: version.key, version: version.version },
      });
    }
    return loadVersionView(tx, input.organisationId, version.id);
  });
}

/** Publishes a draft: from now on its document never changes, and new assessments of its key start on it. */
export async function publishDraft(ctx: Ctx, input: { organisationId: string; versionId: string }): Promise<TemplateVersionView> {
  mustManage(ctx.actor, input.organisationId);
  return inTransaction(ctx, async (tx) => {
    const version = await loadOwnVersionForChange(tx, input);
    // Checked again: the format may have grown stricter since the draft was saved.
    const document = checkTemplateDocument(version.document);
    const now = new Date();
    await tx.db
      .updateTable('assessment_template_version')
      .set({ status: 'published', published_at: now, published_by: userId(tx.actor) })
      .where('id', '=', version.id)
      .execute();
    await touchTemplate(tx, version.template_id, document);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'assessment_template.published',
      entityType: 'assessment_template_version',
      entityId: version.id,
      after: { templateId: version.template_id, key: version.key, version: version.version, contentHash: version.content_hash },
    });
    return loadVersionView(tx, input.organisationId, version.id);
  });
}

/**
 * Throws a draft away. A template that was never published goes with its only draft (nothing can
 * have started on it); the audit trail keeps what the draft was (its content hash).
 */
export async function discardDraft(ctx: Ctx, input: { organisationId: string; versionId: string }): Promise<void> {
  mustManage(ctx.actor, input.organisationId);
  await inTransaction(ctx, async (tx) => {
    const version = await loadOwnVersionForChange(tx, input);
    await tx.db.deleteFrom('assessment_template_version').where('id', '=', version.id).execute();
    const remaining = await tx.db.selectFrom('assessment_template_version').select('id').where('template_id', '=', version.template_id).limit(1).executeTakeFirst();
    if (!remaining) await tx.db.deleteFrom('assessment_template').where('id', '=', version.template_id).execute();
    else await touchTemplate(tx, version.template_id);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'assessment_template.draft_discarded',
      entityType: 'assessment_template_version',
      entityId: version.id,
      before: { templateId: version.template_id, key: version.key, version: version.version, contentHash: version.content_hash },
      after: { templateRemoved: !remaining },
    });
  });
}

/** Archives (or restores) an organisation's template: new assessments of its key fall back to the built-in, if any. */
export async function setTemplateArchived(ctx: Ctx, input: { organisationId: string; templateId: string; archived: boolean }): Promise<TemplateDetailView> {
  mustManage(ctx.actor, input.organisationId);
  return inTransaction(ctx, async (tx) => {
    const template = await findTemplateRow(tx.db, input, { forUpdate: true });
    if (!template) throw templateNotFound();
    if (template.organisation_id === null) throw new AppError('conflict', 'template.builtin', 'Built-in templates cannot be archived.');
    if ((template.archived_at !== null) !== input.archived) {
      const archivedAt = input.archived ? new Date() : null;
      await tx.db.updateTable('assessment_template').set({ archived_at: archivedAt, updated_at: new Date() }).where('id', '=', template.id).execute();
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: input.archived ? 'assessment_template.archived' : 'assessment_template.unarchived',
        entityType: 'assessment_template',
        entityId: template.id,
        after: { key: template.key },
      });
    }
    return getTemplate(tx, input);
  });
}

/** Scores answers against a version without storing anything: the live score of the preview. */
export async function previewTemplateScore(ctx: Ctx, input: { organisationId: string; versionId: string; answers: Answers }): Promise<ScoreResult> {
  const view = await getTemplateVersion(ctx, input);
  return scoreAssessment(view.document, input.answers);
}

// ── helpers ────────────────────────────────────────────────────────────────────────────────────

async function loadVersionView(tx: Ctx, organisationId: string, versionId: string): Promise<TemplateVersionView> {
  const row = await findVersionRow(tx.db, { organisationId, versionId });
  if (!row) throw versionNotFound();
  return presentVersion(row);
}

/** A version of the organisation's own template, locked, that is still a draft. */
async function loadOwnVersionForChange(tx: Ctx, input: { organisationId: string; versionId: string }): Promise<VersionWithTemplate> {
  const version = await findVersionRow(tx.db, input, { forUpdate: true });
  if (!version) throw versionNotFound();
  if (version.organisation_id === null) throw new AppError('conflict', 'template.builtin', 'Built-in templates cannot be changed; clone one to adapt it.');
  if (version.status === 'published') {
    throw new AppError('conflict', 'template.version_published', `Version ${version.version} of “${version.key}” is published and can no longer change; clone the template to start a new draft.`);
  }
  if (version.archived_at) throw new AppError('conflict', 'template.archived', `“${version.key}” is archived; restore it before changing it.`);
  return version;
}

async function insertTemplate(
  tx: Ctx,
  input: { organisationId: string; document: TemplateDocument; origin: 'imported' | 'custom' },
): Promise<AssessmentTemplate> {
  const now = new Date();
  const row: AssessmentTemplate = {
    id: randomUUID(),
    organisation_id: input.organisationId,
    key: input.document.key,
    title: titleText(input.document),
    subject: input.document.subject,
    origin: input.origin,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await tx.db.insertInto('assessment_template').values(row).execute();
  await recordAudit(tx, {
    organisationId: input.organisationId,
    action: 'assessment_template.created',
    entityType: 'assessment_template',
    entityId: row.id,
    after: { key: row.key, title: row.title, subject: row.subject, origin: row.origin },
  });
  return row;
}

async function insertDraft(tx: Ctx, input: { templateId: string; document: TemplateDocument; importReport: ImportReport | null }): Promise<string> {
  const id = randomUUID();
  await tx.db
    .insertInto('assessment_template_version')
    .values({
      id,
      template_id: input.templateId,
      version: await nextVersionNumber(tx.db, input.templateId),
      status: 'draft',
      document: JSON.stringify(input.document),
      content_hash: templateHash(input.document),
      import_report: input.importReport ? JSON.stringify(input.importReport) : null,
      created_by: userId(tx.actor),
    })
    .execute();
  return id;
}

/** Marks the template changed; with a document (publishing, or the first draft of a new import) its title and subject follow it. */
async function touchTemplate(tx: Ctx, templateId: string, document?: TemplateDocument): Promise<void> {
  const set = document ? { updated_at: new Date(), title: titleText(document), subject: document.subject } : { updated_at: new Date() };
  await tx.db.updateTable('assessment_template').set(set).where('id', '=', templateId).execute();
}

/** The built-in's key if the organisation has no template with it, else the first free `<key>-copy[-n]`. */
async function freeKey(tx: Ctx, organisationId: string, key: string): Promise<string> {
  const taken = new Set(
    (
      await tx.db
        .selectFrom('assessment_template')
        .select('key')
        .where('organisation_id', '=', organisationId)
        .where('key', 'like', `${key}%`)
        .execute()
    ).map((r) => r.key),
  );
  if (!taken.has(key)) return key;
  for (let n = 1; ; n++) {
    const candidate = `${key.slice(0, 70)}-copy${n === 1 ? '' : `-${n}`}`;
    if (!taken.has(candidate)) return candidate;
  }
}

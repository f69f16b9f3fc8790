/**
 * Files attached to an assessment as evidence, for one question or the whole of it (issue #4
 * point 5). Same types, checks, size limit and storage as obligation evidence
 * (obligations/evidence-files.ts): stored under <storageDir>/<organisation>/<uuid>, written before
 * the row and removed again when the transaction fails. Attaching and removing are for whoever may
 * fill the assessment in, while it is open; downloading for everyone who may read it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scoreAssessment } from '@glassbox/rules';
import type { Answers } from '@glassbox/rules';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { cleanFileName, EVIDENCE_FILE_TYPES, MAX_EVIDENCE_BYTES, normaliseContentType, resolveStoragePath } from '../obligations/evidence-files.js';
import { actorKey, actorName, loadAssessment, mustBeOpen, mustEdit, personId, questionsOf } from './assessment-loader.js';
import { presentAttachment, type AssessmentAttachmentView } from './assessment.presenter.js';

type Ref = { organisationId: string; assessmentId: string };

export type AddAssessmentAttachmentInput = Ref & {
  questionId?: string | null | undefined;
  fileName: string;
  /** The file's media type as the client declares it; checked against the allow-list and the first bytes. */
  contentType: string;
  data: Buffer;
  /** DATA_DIR/evidence on the server. */
  storageDir: string;
};

export async function addAssessmentAttachment(ctx: Ctx, input: AddAssessmentAttachmentInput): Promise<AssessmentAttachmentView> {
  const contentType = normaliseContentType(input.contentType);
  const type = EVIDENCE_FILE_TYPES[contentType];
  if (!type) {
    throw new AppError('unprocessable', 'evidence.type_not_allowed', `Files of type "${contentType || 'unknown'}" cannot be attached. Allowed: PDF, PNG, JPEG, plain text, CSV, .docx, .xlsx, .odt.`, {
      fields: { 'x-file-type': 'Not an allowed type.' },
    });
  }
  if (input.data.length === 0) throw new AppError('bad_request', 'evidence.empty_file', 'The file is empty.');
  if (input.data.length > MAX_EVIDENCE_BYTES) throw new AppError('bad_request', 'evidence.too_large', 'Attachments can be at most 20 MB.');
  if (!type.check(input.data)) {
    throw new AppError('unprocessable', 'evidence.type_mismatch', `The file does not look like a ${type.label}; check the file and the type you gave.`, {
      fields: { 'x-file-type': `The contents are not a ${type.label}.` },
    });
  }
  const fileName = cleanFileName(input.fileName);
  const sha256 = createHash('sha256').update(input.data).digest('hex');

  return inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    mustEdit(tx, loaded);
    mustBeOpen(loaded);
    const questionId = input.questionId ?? null;
    if (questionId !== null && !questionsOf(loaded.document).has(questionId)) {
      throw new AppError('bad_request', 'assessment.invalid', 'There is no such question in this assessment.', { fields: { questionId: 'No such question in this template.' } });
    }
    const id = randomUUID();
    const storagePath = `${loaded.row.organisation_id}/${id}`;
    const full = resolveStoragePath(input.storageDir, storagePath);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, input.data, { flag: 'wx', mode: 0o600 });
    try {
      const row = await tx.db
        .insertInto('assessment_attachment')
        .values({
          id,
          organisation_id: loaded.row.organisation_id,
          assessment_id: loaded.row.id,
          question_id: questionId,
          file_name: fileName,
          content_type: contentType,
          size_bytes: input.data.length,
          sha256,
          storage_path: storagePath,
          created_by: personId(tx.actor),
          created_by_label: actorName(tx.actor),
          created_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = presentAttachment(row);
      await recordAudit(tx, {
        organisationId: loaded.row.organisation_id,
        action: 'assessment.attachment_added',
        entityType: 'assessment_attachment',
        entityId: id,
        after: { assessmentId: loaded.row.id, questionId, fileName, contentType, sizeBytes: view.sizeBytes, sha256 },
      });
      return view;
    } catch (err) {
      await unlink(full).catch(() => undefined);
      throw err;
    }
  });
}

async function findAttachment(ctx: Ctx, input: Ref & { attachmentId: string }, forUpdate: boolean) {
  const loaded = await loadAssessment(ctx, input, { forUpdate });
  const attachment = await ctx.db
    .selectFrom('assessment_attachment')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('assessment_id', '=', loaded.row.id)
    .where('id', '=', input.attachmentId)
    .executeTakeFirst();
  if (!attachment) throw notFound('attachment');
  return { loaded, attachment };
}

export type AssessmentAttachmentFile = { fileName: string; contentType: string; sizeBytes: number; stream: ReadStream };

export async function openAssessmentAttachment(ctx: Ctx, input: Ref & { attachmentId: string; storageDir: string }): Promise<AssessmentAttachmentFile> {
  const { attachment } = await findAttachment(ctx, input, false);
  const full = resolveStoragePath(input.storageDir, attachment.storage_path);
  const found = await stat(full).catch(() => null);
  if (!found?.isFile()) throw new AppError('not_found', 'evidence.file_missing', 'This file is missing from the storage folder; ask an administrator to restore it from a backup.');
  return { fileName: attachment.file_name, contentType: attachment.content_type, sizeBytes: found.size, stream: createReadStream(full) };
}

/** Removes an attachment while the assessment is open, and takes it out of any file answer that named it. */
export async function deleteAssessmentAttachment(ctx: Ctx, input: Ref & { attachmentId: string; storageDir: string }): Promise<void> {
  const storagePath = await inTransaction(ctx, async (tx) => {
    const { loaded, attachment } = await findAttachment(tx, input, true);
    mustEdit(tx, loaded);
    mustBeOpen(loaded);
    await tx.db.deleteFrom('assessment_attachment').where('id', '=', attachment.id).where('organisation_id', '=', input.organisationId).execute();
    const answers: Answers = { ...loaded.answers };
    const touched: string[] = [];
    for (const [q, value] of Object.entries(answers)) {
      if (!Array.isArray(value) || !value.includes(attachment.id)) continue;
      const rest = value.filter((v) => v !== attachment.id);
      if (rest.length > 0) answers[q] = rest;
      else delete answers[q];
      touched.push(q);
    }
    if (touched.length > 0) {
      const revision = loaded.row.revision + 1;
      const meta = { ...loaded.meta };
      for (const q of touched) meta[q] = { by: actorKey(tx.actor), byName: actorName(tx.actor), at: new Date().toISOString(), revision };
      const result = scoreAssessment(loaded.document, answers);
      await tx.db
        .updateTable('assessment')
        .set({ answers: JSON.stringify(answers), answer_meta: JSON.stringify(meta), result: JSON.stringify(result), level: result.level, revision, updated_at: new Date() })
        .where('id', '=', loaded.row.id)
        .where('organisation_id', '=', input.organisationId)
        .execute();
    }
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'assessment.attachment_deleted',
      entityType: 'assessment_attachment',
      entityId: attachment.id,
      before: { assessmentId: loaded.row.id, questionId: attachment.question_id, fileName: attachment.file_name, sha256: attachment.sha256 },
      after: touched.length > 0 ? { answersChanged: touched } : null,
    });
    return attachment.storage_path;
  });
  await unlink(resolveStoragePath(input.storageDir, storagePath)).catch(() => undefined);
}

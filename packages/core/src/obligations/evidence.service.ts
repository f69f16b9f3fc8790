/**
 * Evidence that an obligation is met: links (http and https only) and files (evidence-files.ts for
 * the types and the storage). Adding or removing evidence is open to whoever may change the system
 * and to the obligation's owner; reading to every member. Files are written before the row and
 * removed again if the transaction fails; a deleted row's file is removed after the commit.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, Ctx } from '../context.js';
import type { ObligationEvidence } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { findSystemRow } from '../inventory/inventory.repository.js';
import { checkReadable, subject } from '../inventory/system-loader.js';
import { cleanFileName, EVIDENCE_FILE_TYPES, MAX_EVIDENCE_BYTES, normaliseContentType, resolveStoragePath } from './evidence-files.js';
import { presentEvidence, type EvidenceView } from './obligation.presenter.js';
import { findObligationRow } from './obligation.repository.js';
import { loadObligationForChange, OBLIGATION_LIMITS } from './obligation.service.js';
import { canManageEvidence } from './policy.js';

type ObligationRef = { organisationId: string; ref: string; obligationId: string };

const actorLabel = (actor: Actor): string =>
  (actor.kind === 'user' ? actor.displayName : actor.kind === 'token' ? `API token "${actor.tokenName}"` : `Glassbox (${actor.name})`).slice(0, 300);

function cleanTitle(title: string | undefined, fallback: string): string {
  const t = (title ?? '').trim() || fallback;
  if (t.length > OBLIGATION_LIMITS.title) {
    throw new AppError('bad_request', 'evidence.invalid', 'The title is too long.', { fields: { title: `At most ${OBLIGATION_LIMITS.title} characters.` } });
  }
  return t;
}

async function loadForEvidence(tx: Ctx, input: ObligationRef) {
  const loaded = await loadObligationForChange(tx, input);
  if (!canManageEvidence(tx.actor, subject(loaded.system), loaded.obligation.owner_id)) {
    throw new AppError('forbidden', 'evidence.forbidden', 'Only the owner of this obligation or of the system, a governance officer or an administrator can add or remove its evidence.');
  }
  return loaded;
}

async function insertEvidence(tx: Ctx, row: Omit<ObligationEvidence, 'created_by' | 'created_by_label' | 'created_at'>, systemId: string, key: string): Promise<EvidenceView> {
  const inserted = await tx.db
    .insertInto('obligation_evidence')
    .values({ ...row, created_by: tx.actor.kind === 'user' ? tx.actor.userId : null, created_by_label: actorLabel(tx.actor), created_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = presentEvidence(inserted);
  await recordAudit(tx, {
    organisationId: row.organisation_id,
    action: 'evidence.added',
    entityType: 'obligation_evidence',
    entityId: inserted.id,
    after: { systemId, obligationId: row.obligation_id, key, kind: row.kind, title: row.title, url: row.url, file: view.file },
  });
  return view;
}

/** Adds a link (http or https) as evidence. */
export async function addEvidenceLink(ctx: Ctx, input: ObligationRef & { title: string; url: string }): Promise<EvidenceView> {
  let url: URL | null = null;
  try {
    url = new URL(input.url.trim());
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || input.url.trim().length > OBLIGATION_LIMITS.url) {
    throw new AppError('bad_request', 'evidence.bad_url', 'Give a web address starting with http:// or https://.', { fields: { url: 'Use an http:// or https:// address.' } });
  }
  const title = cleanTitle(input.title, url.hostname);
  return inTransaction(ctx, async (tx) => {
    const { system, obligation } = await loadForEvidence(tx, input);
    return insertEvidence(
      tx,
      { id: randomUUID(), obligation_id: obligation.id, organisation_id: system.organisation_id, kind: 'link', title, url: input.url.trim(), file_name: null, content_type: null, size_bytes: null, storage_path: null, sha256: null },
      system.id,
      obligation.key,
    );
  });
}

export type AddEvidenceFileInput = ObligationRef & {
  fileName: string;
  title?: string | undefined;
  /** The file's media type, as the client declares it; checked against the allow-list and the file's first bytes. */
  contentType: string;
  data: Buffer;
  /** DATA_DIR/evidence on the server. */
  storageDir: string;
};

/** Checks and stores an uploaded file as evidence (at most 20 MB, allowed types only). */
export async function addEvidenceFile(ctx: Ctx, input: AddEvidenceFileInput): Promise<EvidenceView> {
  const contentType = normaliseContentType(input.contentType);
  const type = EVIDENCE_FILE_TYPES[contentType];
  if (!type) {
    throw new AppError('unprocessable', 'evidence.type_not_allowed', `Files of type "${contentType || 'unknown'}" cannot be kept as evidence. Allowed: PDF, PNG, JPEG, plain text, CSV, .docx, .xlsx, .odt.`, {
      fields: { 'x-file-type': 'Not an allowed type.' },
    });
  }
  if (input.data.length === 0) throw new AppError('bad_request', 'evidence.empty_file', 'The file is empty.');
  if (input.data.length > MAX_EVIDENCE_BYTES) throw new AppError('bad_request', 'evidence.too_large', 'Evidence files can be at most 20 MB.');
  if (!type.check(input.data)) {
    throw new AppError('unprocessable', 'evidence.type_mismatch', `The file does not look like a ${type.label}; check the file and the type you gave.`, {
      fields: { 'x-file-type': `The contents are not a ${type.label}.` },
    });
  }
  const fileName = cleanFileName(input.fileName);
  const title = cleanTitle(input.title, fileName);
  const sha256 = createHash('sha256').update(input.data).digest('hex');

  return inTransaction(ctx, async (tx) => {
    const { system, obligation } = await loadForEvidence(tx, input);
    const id = randomUUID();
    const storagePath = `${system.organisation_id}/${id}`;
    const full = resolveStoragePath(input.storageDir, storagePath);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, input.data, { flag: 'wx', mode: 0o600 });
    try {
      return await insertEvidence(
        tx,
        {
          id,
          obligation_id: obligation.id,
          organisation_id: system.organisation_id,
          kind: 'file',
          title,
          url: null,
          file_name: fileName,
          content_type: contentType,
          size_bytes: input.data.length,
          storage_path: storagePath,
          sha256,
        },
        system.id,
        obligation.key,
      );
    } catch (err) {
      await unlink(full).catch(() => undefined);
      throw err;
    }
  });
}

type EvidenceRef = ObligationRef & { evidenceId: string };

async function findEvidence(ctx: Ctx, input: EvidenceRef, forUpdate: boolean) {
  const system = checkReadable(ctx, await findSystemRow(ctx.db, input.organisationId, input.ref));
  const obligation = await findObligationRow(ctx.db, { organisationId: input.organisationId, systemId: system.id, obligationId: input.obligationId });
  if (!obligation) throw notFound('obligation');
  let q = ctx.db
    .selectFrom('obligation_evidence')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('obligation_id', '=', obligation.id)
    .where('id', '=', input.evidenceId);
  if (forUpdate) q = q.forUpdate();
  const evidence = await q.executeTakeFirst();
  if (!evidence) throw notFound('evidence');
  return { system, obligation, evidence };
}

export type EvidenceFile = { fileName: string; contentType: string; sizeBytes: number; stream: ReadStream };

/** Opens a stored evidence file for download (any member of the organisation). */
export async function openEvidenceFile(ctx: Ctx, input: EvidenceRef & { storageDir: string }): Promise<EvidenceFile> {
  const { evidence } = await findEvidence(ctx, input, false);
  if (evidence.kind !== 'file' || !evidence.storage_path || !evidence.file_name || !evidence.content_type) {
    throw new AppError('not_found', 'evidence.not_a_file', 'This evidence is a link, not a file.');
  }
  const full = resolveStoragePath(input.storageDir, evidence.storage_path);
  const found = await stat(full).catch(() => null);
  if (!found?.isFile()) throw new AppError('not_found', 'evidence.file_missing', 'The file of this evidence is missing from the storage folder; ask an administrator to restore it from a backup.');
  return { fileName: evidence.file_name, contentType: evidence.content_type, sizeBytes: found.size, stream: createReadStream(full) };
}

/** Removes a piece of evidence (a mistaken upload, a dead link); the audit trail keeps what it was. */
export async function deleteEvidence(ctx: Ctx, input: EvidenceRef & { storageDir: string }): Promise<void> {
  const storagePath = await inTransaction(ctx, async (tx) => {
    await loadForEvidence(tx, input);
    const { system, obligation, evidence } = await findEvidence(tx, input, true);
    await tx.db.deleteFrom('obligation_evidence').where('id', '=', evidence.id).execute();
    await recordAudit(tx, {
      organisationId: system.organisation_id,
      action: 'evidence.deleted',
      entityType: 'obligation_evidence',
      entityId: evidence.id,
      before: { ...presentEvidence(evidence), systemId: system.id, key: obligation.key },
    });
    return evidence.storage_path;
  });
  if (storagePath) await unlink(resolveStoragePath(input.storageDir, storagePath)).catch(() => undefined);
}

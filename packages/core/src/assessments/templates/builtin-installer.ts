/**
 * Installs the built-in assessment templates at start-up (after migrations): Glassbox's own
 * templates (assessments/builtin) and the official Canadian AIA, imported from its SurveyJS file in
 * reference/. Each becomes a template with no organisation (origin `builtin`); a new version is
 * published only when the document's canonical-JSON sha-256 differs from the latest published one,
 * so restarting changes nothing and editing a built-in file publishes exactly one new version.
 *
 * Safe to run from two processes at once: the work runs in one transaction under an advisory lock,
 * and the first process's versions are seen by the second. Changes go to the platform audit chain.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { importCanadianAia, type TemplateDocument } from '@glassbox/rules';
import { recordAudit } from '../../audit/audit.service.js';
import { systemCtx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { loadBuiltinTemplates } from '../builtin/index.js';
import { checkTemplateDocument, templateHash } from './template-format.js';

/** reference/ at the root of the repository (this file is packages/core/src/assessments/templates/). */
export const CANADA_AIA_SURVEY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../reference/canada_aia_survey-enfr_v1.0.1.json');

/** Arbitrary, fixed: the advisory lock that serialises installers (migrations use 727274). */
const INSTALL_LOCK = 727275;

export type BuiltinInstallResult = { published: Array<{ key: string; version: number }>; unchanged: string[] };

let cached: TemplateDocument[] | undefined;

/** Every built-in document, checked against the format: a broken built-in is a bug, so start-up fails loudly. */
export function builtinTemplateDocuments(): TemplateDocument[] {
  if (cached) return cached;
  const aia = importCanadianAia(JSON.parse(readFileSync(CANADA_AIA_SURVEY_FILE, 'utf8')) as unknown).template;
  const docs = [...loadBuiltinTemplates(), aia].map((doc) => {
    try {
      return checkTemplateDocument(doc);
    } catch (err) {
      const fields = (err as { details?: { fields?: Record<string, string> } }).details?.fields;
      throw new Error(`The built-in assessment template "${doc.key}" is not valid: ${JSON.stringify(fields ?? (err as Error).message)}`);
    }
  });
  const keys = new Set<string>();
  for (const d of docs) {
    if (keys.has(d.key)) throw new Error(`Two built-in assessment templates have the key "${d.key}".`);
    keys.add(d.key);
  }
  cached = docs;
  return docs;
}

async function latestBuiltinHashes(db: Kysely<DB>, keys: string[]): Promise<Map<string, { templateId: string; hash: string | null; version: number }>> {
  const rows = await db
    .selectFrom('assessment_template as t')
    .leftJoin('assessment_template_version as v', (j) =>
      j.onRef('v.template_id', '=', 't.id').on('v.version', '=', (eb) => eb.selectFrom('assessment_template_version as m').select((e) => e.fn.max('m.version').as('mv')).whereRef('m.template_id', '=', 't.id')),
    )
    .select(['t.id', 't.key', 'v.content_hash', 'v.version'])
    .where('t.organisation_id', 'is', null)
    .where('t.key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.key, { templateId: r.id, hash: r.content_hash, version: r.version ?? 0 }]));
}

/** Ensures every built-in template is installed at its current content. Idempotent. */
export async function installBuiltinTemplates(
  database: { db: Kysely<DB> },
  /** Tests install documents of their own, so they never disturb the real built-ins other tests share. */
  options: { documents?: TemplateDocument[] } = {},
): Promise<BuiltinInstallResult> {
  const docs = (options.documents?.map(checkTemplateDocument) ?? builtinTemplateDocuments()).map((document) => ({ document, hash: templateHash(document) }));
  // Fast path: nothing changed since the last start (one statement, no lock).
  const keys = docs.map((d) => d.document.key);
  const seen = await latestBuiltinHashes(database.db, keys);
  if (docs.every((d) => seen.get(d.document.key)?.hash === d.hash)) return { published: [], unchanged: docs.map((d) => d.document.key) };

  const ctx = systemCtx(database.db, 'builtin-templates');
  return inTransaction(ctx, async (tx) => {
    await sql`select pg_advisory_xact_lock(${INSTALL_LOCK})`.execute(tx.db);
    const current = await latestBuiltinHashes(tx.db, keys);
    const result: BuiltinInstallResult = { published: [], unchanged: [] };
    for (const { document, hash } of docs) {
      const existing = current.get(document.key);
      if (existing?.hash === hash) {
        result.unchanged.push(document.key);
        continue;
      }
      const now = new Date();
      let templateId = existing?.templateId;
      if (!templateId) {
        templateId = randomUUID();
        await tx.db
          .insertInto('assessment_template')
          .values({ id: templateId, organisation_id: null, key: document.key, title: document.title.en.slice(0, 300), subject: document.subject, origin: 'builtin' })
          .execute();
      } else {
        await tx.db.updateTable('assessment_template').set({ title: document.title.en.slice(0, 300), subject: document.subject, updated_at: now }).where('id', '=', templateId).execute();
      }
      const version = (existing?.version ?? 0) + 1;
      const versionId = randomUUID();
      await tx.db
        .insertInto('assessment_template_version')
        .values({ id: versionId, template_id: templateId, version, status: 'published', document: JSON.stringify(document), content_hash: hash, published_at: now })
        .execute();
      await recordAudit(tx, {
        organisationId: null,
        action: 'assessment_template.builtin_published',
        entityType: 'assessment_template_version',
        entityId: versionId,
        before: existing?.hash ? { contentHash: existing.hash } : null,
        after: { templateId, key: document.key, version, contentHash: hash },
      });
      result.published.push({ key: document.key, version });
    }
    return result;
  });
}

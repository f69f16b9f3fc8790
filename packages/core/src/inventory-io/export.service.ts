/**
 * Exporting the inventory as CSV or JSON, in the 'glassbox' profile (every inventory field) or the
 * 'omb-2025' profile (the US federal use case inventory). The file is produced page by page (keyset
 * pages of 1000 systems, one statement each), so memory stays bounded whatever the inventory's size
 * and the HTTP route and the CLI can stream it. The export of people's emails is recorded in the
 * audit trail before the first byte is produced (DESIGN §7: every export of personal data).
 */
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden } from '../errors.js';
import { csvRecord, CSV_BOM } from './csv.js';
import { readInventoryPage, type PageCursor } from './export.repository.js';
import { GLASSBOX_COLUMNS, glassboxCell, type GlassboxValue } from './glassbox-profile.js';
import type { InventoryRecord } from './inventory-record.js';
import { OMB_2025_COLUMNS, toOmb2025Row } from './omb-2025.js';
import { canExportInventory } from './policy.js';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export const EXPORT_PROFILES = ['glassbox', 'omb-2025'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

export const EXPORT_PAGE_SIZE = 1000;

export type ExportInventoryInput = {
  organisationId: string;
  format: ExportFormat;
  profile: ExportProfile;
  /** false (default): systems in the inventory; true: archived ones; 'any': both. */
  archived?: boolean | 'any' | undefined;
  /** CSV record ending: CRLF (RFC 4180, the default) or LF (for a terminal or a pipe). */
  lineEnding?: '\r\n' | '\n' | undefined;
  /** Start a CSV file with a byte-order mark so spreadsheets read it as UTF-8 (default true). */
  byteOrderMark?: boolean | undefined;
  /** Systems per statement (tests make it small to cross page boundaries). */
  pageSize?: number | undefined;
  /** Called after each page with the number of systems written so far. */
  onProgress?: ((exported: number) => void) | undefined;
};

export type InventoryExport = {
  filename: string;
  contentType: string;
  /** The file, in pieces that each end with a line break; reading them runs the queries. */
  chunks: AsyncIterable<string>;
};

/** A row of the chosen profile: column name → value (CSV writes each as text). */
type Shaper = { columns: string[]; row: (r: InventoryRecord) => Record<string, GlassboxValue> };

export async function exportInventory(ctx: Ctx, input: ExportInventoryInput): Promise<InventoryExport> {
  const { organisationId, format, profile } = input;
  if (!canExportInventory(ctx.actor, organisationId)) throw forbidden();
  const org = await ctx.db.selectFrom('organisation').select(['slug']).where('id', '=', organisationId).executeTakeFirst();
  if (!org) throw new AppError('not_found', 'organisation.not_found', 'No such organisation.');
  const archived = input.archived ?? false;
  const onlySystemId = ctx.actor.kind === 'token' && ctx.actor.systemId ? ctx.actor.systemId : undefined;

  await inTransaction(ctx, (tx) =>
    recordAudit(tx, { organisationId, action: 'inventory.exported', entityType: 'organisation', entityId: organisationId, after: { format, profile, archived } }),
  );

  let shaper: Shaper;
  if (profile === 'omb-2025') {
    shaper = { columns: OMB_2025_COLUMNS.map((c) => c.id), row: (r) => toOmb2025Row(r, { organisationSlug: org.slug }) };
  } else {
    shaper = { columns: GLASSBOX_COLUMNS.map((c) => c.name), row: (r) => Object.fromEntries(GLASSBOX_COLUMNS.map((c) => [c.name, c.value(r)])) };
  }

  const exportedAt = new Date();
  const pageSize = input.pageSize ?? EXPORT_PAGE_SIZE;
  async function* pages(): AsyncGenerator<InventoryRecord[]> {
    let after: PageCursor | null = null;
    let exported = 0;
    do {
      const page = await readInventoryPage(ctx.db, {
        organisationId,
        after,
        limit: pageSize,
        archived,
        onlySystemId,
        withInServiceSince: profile === 'omb-2025',
      });
      exported += page.records.length;
      if (page.records.length > 0) yield page.records;
      input.onProgress?.(exported);
      after = page.next;
    } while (after);
  }

  const date = exportedAt.toISOString().slice(0, 10);
  const filename = `${org.slug}-ai-inventory-${profile}-${date}.${format}`;
  if (format === 'csv') {
    const lineEnding = input.lineEnding ?? '\r\n';
    const bom = input.byteOrderMark ?? true;
    const record = (values: string[]) => csvRecord(values, { lineEnding, neutraliseFormulas: true });
    return {
      filename,
      contentType: 'text/csv; charset=utf-8; header=present',
      chunks: (async function* () {
        yield (bom ? CSV_BOM : '') + record(shaper.columns);
        for await (const page of pages()) {
          yield page.map((r) => {
            const row = shaper.row(r);
            return record(shaper.columns.map((c) => glassboxCell(row[c] ?? null)));
          }).join('');
        }
      })(),
    };
  }
  return {
    filename,
    contentType: 'application/json; charset=utf-8',
    chunks: (async function* () {
      const head = { profile, organisation: org.slug, exportedAt: exportedAt.toISOString(), columns: shaper.columns };
      yield `${JSON.stringify(head).slice(0, -1)},"items":[\n`;
      // One system per line; the comma goes after a line once the next one is known, so every
      // piece ends with a line break.
      let pending: string | null = null;
      for await (const page of pages()) {
        let out = '';
        for (const r of page) {
          if (pending !== null) out += `${pending},\n`;
          pending = JSON.stringify(shaper.row(r));
        }
        if (out !== '') yield out;
      }
      yield `${pending === null ? '' : `${pending}\n`}]}\n`;
    })(),
  };
}

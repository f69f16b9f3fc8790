/**
 * What an evidence file may be, and where it is kept. Files are checked against an allow-list of
 * types and their first bytes (a PDF must start like a PDF), so a file served back later with its
 * stored type is what it claims to be; they are stored under <storageDir>/<organisation>/<uuid>
 * (storageDir is DATA_DIR/evidence on the server) and never under a name the user chose.
 */
import path from 'node:path';

/** 20 MB: enough for a scanned assessment or a spreadsheet of test results. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const startsWith = (data: Buffer, bytes: readonly number[]): boolean => data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx, xlsx and odt are zip containers

/** Text evidence must be UTF-8 without NUL bytes (no binary behind a text label). */
function isText(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

type FileType = { label: string; check: (data: Buffer) => boolean };

/** The allowed types, by media type: what each file must look like. */
export const EVIDENCE_FILE_TYPES: Readonly<Record<string, FileType>> = {
  'application/pdf': { label: 'PDF', check: (d) => startsWith(d, PDF) },
  'image/png': { label: 'PNG image', check: (d) => startsWith(d, PNG) },
  'image/jpeg': { label: 'JPEG image', check: (d) => startsWith(d, JPEG) },
  'text/plain': { label: 'plain text', check: isText },
  'text/csv': { label: 'CSV', check: isText },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word document (.docx)', check: (d) => startsWith(d, ZIP) },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel workbook (.xlsx)', check: (d) => startsWith(d, ZIP) },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument text (.odt)', check: (d) => startsWith(d, ZIP) },
};

export const EVIDENCE_CONTENT_TYPES = Object.keys(EVIDENCE_FILE_TYPES);

/** `Text/CSV; charset=utf-8` → `text/csv`. */
export const normaliseContentType = (value: string): string => (value.split(';')[0] ?? '').trim().toLowerCase();

/** The last path segment, without control characters, at most 255 characters; never empty. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const cut = base.length > 255 ? base.slice(base.length - 255) : base;
  return cut === '' || cut === '.' || cut === '..' ? 'evidence' : cut;
}

/** Where a stored file lives; refuses any stored path that would leave the storage folder. */
export function resolveStoragePath(storageDir: string, storagePath: string): string {
  const root = path.resolve(storageDir);
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Error(`evidence path outside the storage folder: ${storagePath}`);
  return full;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

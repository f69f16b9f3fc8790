import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, EVIDENCE_FILE_TYPES, normaliseContentType, resolveStoragePath } from './evidence-files.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('evidence file types: the contents must match the declared type', () => {
  it.each([
    ['application/pdf', Buffer.from('%PDF-1.4 …'), true],
    ['application/pdf', Buffer.from('<html>'), false],
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1), true],
    ['image/png', bytes(0xff, 0xd8, 0xff), false],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), true],
    ['text/plain', Buffer.from('Résumé of the assessment\n'), true],
    ['text/plain', bytes(0x41, 0x00, 0x42), false],
    ['text/csv', bytes(0xc3, 0x28), false],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), true],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('%PDF-'), false],
    ['application/vnd.oasis.opendocument.text', bytes(0x50, 0x4b, 0x03, 0x04), true],
  ] as const)('%s %#', (type, data, ok) => {
    expect(EVIDENCE_FILE_TYPES[type]?.check(data)).toBe(ok);
  });

  it('allows nothing that a browser would run', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'application/xhtml+xml']) expect(EVIDENCE_FILE_TYPES[type]).toBeUndefined();
    expect(normaliseContentType(' Text/CSV; charset=utf-8')).toBe('text/csv');
  });
});

describe('file names and storage paths', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['C:\\Users\\me\\FRIA final.docx', 'FRIA final.docx'],
    ['../../etc/passwd', 'passwd'],
    ['..', 'evidence'],
    ['   ', 'evidence'],
    ['bad\u0000name\u0007.txt', 'badname.txt'],
  ])('%s → %s', (given, cleaned) => {
    expect(cleanFileName(given)).toBe(cleaned);
  });

  it('keeps the end of an over-long name, extension included', () => {
    const name = `${'a'.repeat(300)}.pdf`;
    expect(cleanFileName(name)).toHaveLength(255);
    expect(cleanFileName(name).endsWith('.pdf')).toBe(true);
  });

  it('sends an ASCII fallback and the exact name', () => {
    expect(contentDisposition('Évaluation "v2".pdf')).toBe(`attachment; filename="_valuation _v2_.pdf"; filename*=UTF-8''%C3%89valuation%20%22v2%22.pdf`);
  });

  it('never resolves a stored path outside the storage folder', () => {
    expect(resolveStoragePath('/data/evidence', 'org/id')).toBe('/data/evidence/org/id');
    expect(() => resolveStoragePath('/data/evidence', '../session-secret')).toThrow(/outside/);
    expect(() => resolveStoragePath('/data/evidence', '/etc/passwd')).toThrow(/outside/);
  });
});

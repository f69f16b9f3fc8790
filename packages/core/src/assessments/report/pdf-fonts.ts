/**
 * The typeface of every PDF Glassbox writes (assessment reports, notices, answer letters): Liberation
 * Sans (SIL OFL 1.1, the same metrics as Helvetica), vendored in src/assets/fonts/ and embedded as a
 * subset, so a letter to "Łukasz Dvořák", "Αθηνά" or "Пётр" prints their names as written. pdfText
 * keeps what the font can draw and turns the rest (CJK, emoji) into `?`.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export const FONT = 'Sans';
export const BOLD = 'Sans-Bold';
export const ITALIC = 'Sans-Italic';

const FILES = { [FONT]: 'LiberationSans-Regular.ttf', [BOLD]: 'LiberationSans-Bold.ttf', [ITALIC]: 'LiberationSans-Italic.ttf' };

type Face = { name: string; data: Buffer; font: fontkit.Font };

// Read once per process, on first use: most processes (the CLI, most requests) never draw a PDF.
// tsx runs the sources and no build step copies assets, so the files are found beside this module.
let faces: Face[] | undefined;
function loadFaces(): Face[] {
  faces ??= Object.entries(FILES).map(([name, file]) => {
    const data = readFileSync(new URL(`../../assets/fonts/${file}`, import.meta.url));
    const font = fontkit.create(data);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
    return { name, data, font };
  });
  return faces;
}

/** Registers the faces with a new document and makes the regular one current. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const f of loadFaces()) doc.registerFont(f.name, f.data);
  doc.font(FONT);
}

// Per code point: 0 not yet asked, 1 every face draws it, 2 one lacks it. A fixed 1.1 MB, however
// many different characters the texts bring.
let drawable: Uint8Array | undefined;
function canDraw(code: number): boolean {
  drawable ??= new Uint8Array(0x110000);
  if (drawable[code] === 0) drawable[code] = loadFaces().every((f) => f.font.hasGlyphForCodePoint(code)) ? 1 : 2;
  return drawable[code] === 1;
}

/** Text the PDF font can draw: what it lacks becomes `?`; control characters other than line breaks go. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += code === 0x09 ? ' ' : '';
    else if (code >= 0xfe00 && code <= 0xfe0f) continue; // variation selectors: no glyph of their own
    else if (canDraw(code)) out += ch;
    else if (ch === '≥') out += '>=';
    else if (ch === '≤') out += '<=';
    else out += '?';
  }
  return out;
}

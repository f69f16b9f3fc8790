/**
 * For tests: the text a PDF that pdfkit wrote draws on its pages, in the order drawn. Embedded fonts
 * show glyph ids as hex (`<0012> Tj`, `[<0012> 30 <0034>] TJ`); each font's ToUnicode CMap turns
 * them back into text. Reads compressed (FlateDecode) and uncompressed files alike.
 */
import { inflateSync } from 'node:zlib';

type PdfObject = { dict: string; stream: string | null };

/** Every `n 0 obj`, with its stream inflated; stream bytes are sliced by `/Length`, not searched. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s/g;
  for (let m = head.exec(source); m; m = head.exec(source)) {
    const start = m.index + m[0].length;
    const end = source.indexOf('endobj', start);
    const streamAt = source.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(m[1]), { dict: source.slice(start, end), stream: null });
      continue;
    }
    const dict = source.slice(start, streamAt);
    const dataStart = streamAt + (source.startsWith('stream\r\n', streamAt) ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(dataStart, dataStart + length);
    const stream = (dict.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
    objects.set(Number(m[1]), { dict, stream });
    head.lastIndex = source.indexOf('endobj', dataStart + length);
  }
  return objects;
}

const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A ToUnicode CMap as code (hex, upper case) → text. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', text = ''] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(code.toUpperCase(), utf16(text));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo = '', hi = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const first = parseInt(lo, 16);
      const targets = dst.startsWith('[') ? [...dst.matchAll(/<([0-9a-fA-F]*)>/g)].map((t) => utf16(t[1] ?? '')) : null;
      const base = targets ? '' : utf16(dst.slice(1, -1));
      for (let code = first; code <= parseInt(hi, 16); code++) {
        const i = code - first;
        // A single target counts up from its last UTF-16 unit.
        const text = targets ? targets[i] : base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + i);
        if (text !== undefined) map.set(code.toString(16).toUpperCase().padStart(lo.length, '0'), text);
      }
    }
  }
  return map;
}

/** Decodes one hex string shown with a font; fonts without a CMap (PDF's standard ones) are 1 byte a character. */
function decode(hex: string, cmap: Map<string, string> | null): string {
  if (!cmap) return Buffer.from(hex, 'hex').toString('latin1');
  const width = [...cmap.keys()][0]?.length ?? 4;
  let out = '';
  for (let i = 0; i < hex.length; i += width) out += cmap.get(hex.slice(i, i + width).toUpperCase()) ?? '\uFFFD';
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The text drawn on the pages, page by page, each shown string appended as it comes. */
export function pdfTextContent(pdf: Buffer): string {
  const objects = readObjects(pdf);
  // Font resource names (F1, F2…) are unique within a pdfkit document: one map for all pages.
  const fonts = new Map<string, Map<string, string> | null>();
  for (const { dict } of objects.values()) {
    for (const block of dict.matchAll(/\/Font\s*<<([^<>]*)>>/g)) {
      for (const [, name = '', id = ''] of (block[1] ?? '').matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
        const toUnicode = ref(objects.get(Number(id))?.dict ?? '', 'ToUnicode');
        const cmap = toUnicode === null ? null : objects.get(toUnicode)?.stream;
        fonts.set(name, cmap ? readCMap(cmap) : null);
      }
    }
  }
  const pages = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const pageIds = [...(/\/Kids \[([^\]]*)\]/.exec(pages?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  let text = '';
  for (const pageId of pageIds) {
    const contents = ref(objects.get(pageId)?.dict ?? '', 'Contents');
    const content = contents === null ? '' : (objects.get(contents)?.stream ?? '');
    let cmap: Map<string, string> | null = null;
    for (const [, font, shown, array] of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf\b|<([0-9a-fA-F]*)>\s*Tj\b|\[([^\]]*)\]\s*TJ\b/g)) {
      if (font !== undefined) cmap = fonts.get(font) ?? null;
      else if (shown !== undefined) text += decode(shown, cmap);
      else for (const [, hex = ''] of (array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) text += decode(hex, cmap);
    }
  }
  return text;
}

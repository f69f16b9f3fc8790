/**
 * A small RFC 4180 CSV reader and writer for the inventory import and export. Reading: fields
 * separated by commas, records by CRLF or LF (a lone CR too, as old spreadsheet exports do); a field
 * in double quotes may hold commas, line breaks and doubled quotes (`""`); a byte-order mark at the
 * start is dropped; a final line break does not make an empty record. Writing: quotes only the
 * fields that need it, ends every record with CRLF. Pure: no I/O, no dependencies.
 */

export class CsvSyntaxError extends Error {
  /** 1-based record number (the spreadsheet row) where the problem is. */
  readonly row: number;
  constructor(row: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.row = row;
  }
}

const BOM = '\uFEFF';

/**
 * Parses a whole CSV text into records (arrays of fields). A field written without quotes is taken
 * as it is, spaces included. Throws CsvSyntaxError naming the record for a quote left open, text
 * after a closing quote, or a quote inside a field written without quotes.
 */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const n = text.length;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let i = 0;

  while (i < n) {
    const c = text[i];
    if (c === '"' && atFieldStart) {
      const row = records.length + 1;
      let close = -1;
      let j = i + 1;
      const parts: string[] = [];
      while (close === -1) {
        const q = text.indexOf('"', j);
        if (q === -1) throw new CsvSyntaxError(row, 'A quoted cell is not closed: a double quote (") is missing.');
        parts.push(text.slice(j, q));
        if (text[q + 1] === '"') {
          parts.push('"');
          j = q + 2;
        } else {
          close = q;
        }
      }
      field = parts.join('');
      i = close + 1;
      atFieldStart = false;
      // After the closing quote only a separator or the end of the record may follow.
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new CsvSyntaxError(row, 'Text follows a closing double quote: inside a quoted cell, write a double quote as two ("").');
      }
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '"') {
      throw new CsvSyntaxError(
        records.length + 1,
        'A double quote (") appears inside a cell that does not start with one: put the whole cell in double quotes and write the quote as two ("").',
      );
    }
    // Plain text up to the next special character, in one slice.
    let j = i + 1;
    while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '"') j += 1;
    field += text.slice(i, j);
    atFieldStart = false;
    i = j;
  }
  // The last record, unless the text ended with its line break (or was empty).
  if (!atFieldStart || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Characters that make a spreadsheet treat a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCellOptions = {
  /**
   * Prefix a cell that a spreadsheet would run as a formula with an apostrophe, so opening an
   * export never executes text someone typed into a system's record. readCsvCell undoes it.
   */
  neutraliseFormulas?: boolean;
};

/** One field, quoted when it holds a comma, a quote, a line break, or leading/trailing spaces. */
export function csvCell(value: string, options: CsvCellOptions = {}): string {
  const v = options.neutraliseFormulas && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One record, ending with the line break (CRLF by default, as RFC 4180 says). */
export function csvRecord(values: readonly string[], options: CsvCellOptions & { lineEnding?: '\r\n' | '\n' } = {}): string {
  return values.map((v) => csvCell(v, options)).join(',') + (options.lineEnding ?? '\r\n');
}

/** Undoes csvCell's formula neutralisation: `'=SUM(A1)` reads back as `=SUM(A1)`. */
export function readCsvCell(value: string): string {
  return value.length > 1 && value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export const CSV_BOM = BOM;

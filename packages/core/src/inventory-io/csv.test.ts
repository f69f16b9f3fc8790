import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord, CsvSyntaxError, parseCsv, readCsvCell } from './csv.js';

describe('parseCsv', () => {
  it.each([
    ['empty text', '', []],
    ['one record, no final line break', 'a,b,c', [['a', 'b', 'c']]],
    ['CRLF records with a final CRLF', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['LF records', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['lone CR records (old spreadsheets)', 'a,b\rc,d', [['a', 'b'], ['c', 'd']]],
    ['an empty trailing line makes one empty record after the last', 'a,b\r\n\r\n', [['a', 'b'], ['']]],
    ['an empty line in the middle', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['empty fields, also at the ends', ',a,,\r\n', [['', 'a', '', '']]],
    ['a byte-order mark is dropped', '\uFEFFname,purpose\r\nx,y\r\n', [['name', 'purpose'], ['x', 'y']]],
    ['a BOM alone', '\uFEFF', []],
    ['quoted commas', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes inside quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['embedded CRLF and LF inside quotes', '"line 1\r\nline 2\nline 3",x\r\ny,z', [['line 1\r\nline 2\nline 3', 'x'], ['y', 'z']]],
    ['an empty quoted field', '"",""\n', [['', '']]],
    ['a quoted field at the very end, no line break', 'a,"b"', [['a', 'b']]],
    ['spaces kept as they are', ' a , b ', [[' a ', ' b ']]],
    ['unicode text', 'Évaluation,机器人 ✓', [['Évaluation', '机器人 ✓']]],
    ['a quoted BOM-looking character that is not at the start is kept', 'a,\uFEFFb', [['a', '\uFEFFb']]],
  ])('%s', (_name, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it.each([
    ['a quote left open', 'name\r\n"never closed,x\r\n', 2, /not closed/],
    ['text after a closing quote', 'name\r\n"a"b\r\n', 2, /follows a closing/],
    ['a quote inside an unquoted cell', 'name,purpose\r\nok,fine\r\nab"c,x\r\n', 3, /inside a cell/],
  ])('refuses %s, naming the row', (_name, text, row, message) => {
    let caught: unknown;
    try {
      parseCsv(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CsvSyntaxError);
    expect((caught as CsvSyntaxError).row).toBe(row);
    expect((caught as CsvSyntaxError).message).toMatch(message);
  });

  it('reads a large file in linear time (no quadratic string building)', () => {
    const line = 'Benefit triage,"Sorts claims, by urgency",in_house,recommends,true\r\n';
    const records = parseCsv(line.repeat(50_000));
    expect(records).toHaveLength(50_000);
    expect(records[49_999]).toEqual(['Benefit triage', 'Sorts claims, by urgency', 'in_house', 'recommends', 'true']);
  });
});

describe('csvCell and csvRecord', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded ', '" padded "'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('ends each record with CRLF, or LF when asked', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
    expect(csvRecord(['a'], { lineEnding: '\n' })).toBe('a\n');
  });

  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', "=HYPERLINK(\"http://x\",\"click\")"])('neutralises the formula-like cell %j and reads it back', (value) => {
    const cell = csvCell(value, { neutraliseFormulas: true });
    const [[read]] = parseCsv(cell) as [[string]];
    expect(read.startsWith("'")).toBe(true);
    expect(readCsvCell(read)).toBe(value);
  });

  it('leaves other apostrophes alone', () => {
    expect(csvCell("'quoted'", { neutraliseFormulas: true })).toBe("'quoted'");
    expect(readCsvCell("'quoted'")).toBe("'quoted'");
    expect(readCsvCell("'")).toBe("'");
  });

  it('round-trips every awkward value through write then read', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'line 1\r\nline 2', '\nleading newline', 'trailing,', '', ' ', 'Ünïcödé ✓', '""', '\uFEFF'];
    const text = `\uFEFF${csvRecord(['h1', 'h2'])}${values.map((v) => csvRecord([v, v])).join('')}`;
    const records = parseCsv(text);
    expect(records[0]).toEqual(['h1', 'h2']);
    expect(records.slice(1)).toEqual(values.map((v) => [v, v]));
  });
});

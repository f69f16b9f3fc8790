import { describe, expect, it } from 'vitest';
import { GLASSBOX_COLUMNS, glassboxCell, IGNORED_IMPORT_COLUMNS, IMPORT_COLUMNS, parseChoice, parseList, parseYesNo } from './glassbox-profile.js';

describe('glassbox profile cells', () => {
  it.each([
    [null, ''],
    ['text', 'text'],
    [true, 'true'],
    [false, 'false'],
    [3, '3'],
    [[], ''],
    [['a', 'b c'], 'a; b c'],
  ] as const)('%j is written as %j', (value, cell) => {
    expect(glassboxCell(value as Parameters<typeof glassboxCell>[0])).toBe(cell);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    [' yes ', true],
    ['false', false],
    ['No', false],
    ['', null],
    ['1', null],
    ['maybe', null],
  ] as const)('yes/no cell %j → %j', (cell, value) => {
    expect(parseYesNo(cell)).toBe(value);
  });

  it.each([
    ['', []],
    ['one', ['one']],
    ['a; b;c ;', ['a', 'b', 'c']],
    [' ; ;', []],
  ] as const)('list cell %j → %j', (cell, list) => {
    expect(parseList(cell)).toEqual(list);
  });

  it.each([
    ['in_house', 'in_house'],
    ['In house', 'in_house'],
    ['general-purpose tool', 'general_purpose_tool'],
    [' Recommends ', 'recommends'],
  ])('choice cell %j → %j', (cell, value) => {
    expect(parseChoice(cell)).toBe(value);
  });

  it('exports every importable column, and the import ignores exactly the rest', () => {
    const exported = GLASSBOX_COLUMNS.map((c) => c.name);
    for (const name of Object.keys(IMPORT_COLUMNS)) expect(exported).toContain(name);
    expect([...IGNORED_IMPORT_COLUMNS].sort()).toEqual(exported.filter((n) => !(n in IMPORT_COLUMNS)).sort());
    expect(IGNORED_IMPORT_COLUMNS).toEqual(expect.arrayContaining(['id', 'slug', 'lifecycle', 'ombHighImpact', 'screenedAt']));
  });
});

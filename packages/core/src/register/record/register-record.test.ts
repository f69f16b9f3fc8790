import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullRecord } from './register-record.fixture.js';
import {
  Art49_4_PUBLIC_FIELDS,
  PUBLIC_TEXT_FIELDS,
  REGISTER_FORMAT_IDS,
  REGISTER_TEXT_KEYS,
  annexIIIPointNumber,
  emptyTexts,
  isArt49_4Restricted,
  publicRecord,
  restrictRecord,
  type RegisterRecord,
} from './register-record.js';

/** Every leaf of an object as [dotted path, value] (arrays are leaves). */
function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('PUBLIC_TEXT_FIELDS', () => {
  it('has unique keys, labels, plain help and positive limits', () => {
    expect(new Set(REGISTER_TEXT_KEYS).size).toBe(PUBLIC_TEXT_FIELDS.length);
    for (const f of PUBLIC_TEXT_FIELDS) {
      expect(f.label.length, f.key).toBeGreaterThan(0);
      expect(f.help.length, f.key).toBeGreaterThan(20);
      expect(f.maxLength, f.key).toBeGreaterThan(0);
      for (const id of f.requiredFor) expect(REGISTER_FORMAT_IDS, f.key).toContain(id);
    }
  });

  it('matches the RegisterTexts keys', () => {
    expect(Object.keys(emptyTexts()).sort()).toEqual([...REGISTER_TEXT_KEYS].sort());
  });

  it('asks every format except the EU database for a summary or purpose', () => {
    for (const id of REGISTER_FORMAT_IDS.filter((f) => f !== 'eu-annex-viii-c')) {
      const required = PUBLIC_TEXT_FIELDS.filter((f) => (f.requiredFor as readonly string[]).includes(id)).map((f) => f.key);
      expect(required.some((k) => k === 'summary' || k === 'purpose'), id).toBe(true);
    }
  });
});

describe('Art. 49(4)', () => {
  it('reads the restricted points (1, 6, 7) from the EU AI Act reference', () => {
    const reference = JSON.parse(readFileSync(new URL('../../../../../reference/eu_ai_act_2024_1689_public_sector_reference.json', import.meta.url), 'utf8')) as {
      article_49_registration: Record<string, string>;
    };
    expect(reference.article_49_registration['49(4)']).toMatch(/Annex III points 1, 6, 7/);
    expect(reference.article_49_registration['49(4)']).toMatch(/Section C points 1-3/);
  });

  it.each([
    [['5(a)'], false, false],
    [['1(a)'], false, true],
    [['6(d)'], false, true],
    [['7(b)'], false, true],
    [['2'], false, false],
    [['3(a)', '7'], false, true],
    [[], true, true],
    [[], null, false],
  ] as const)('points %j with restrictedSection %s → restricted %s', (points, flag, expected) => {
    const r = fullRecord();
    r.classification.annexIIIPoints = [...points];
    r.classification.restrictedSection = flag;
    expect(isArt49_4Restricted(r)).toBe(expected);
  });

  it.each([
    ['1(a)', '1'],
    ['6', '6'],
    ['7 (b)', '7'],
    ['10', '10'],
    ['x', ''],
  ])('annexIIIPointNumber(%s) = %s', (point, n) => expect(annexIIIPointNumber(point)).toBe(n));

  it('restrictRecord keeps exactly the public set and blanks everything else', () => {
    const full = fullRecord();
    const restricted = restrictRecord(full);
    const before = new Map(leaves(full));
    const publicPaths = new Set<string>(Art49_4_PUBLIC_FIELDS);
    for (const [path, value] of leaves(restricted)) {
      if (path === 'publication.restricted') expect(value).toBe(true);
      else if (path === 'classification.restrictedSection') expect(value).toBe(true);
      else if (publicPaths.has(path)) expect(value, path).toEqual(before.get(path));
      else expect([null, '', []], path).toContainEqual(value);
    }
    // Same shape: nothing added or dropped (the submitter object becomes null).
    const shape = (paths: string[]): string[] => [...new Set(paths.map((p) => p.replace(/^organisation\.registrationContact\..*$/, 'organisation.registrationContact')))].sort();
    expect(shape(leaves(restricted).map(([p]) => p))).toEqual(shape([...before.keys()]));
  });

  it('every public path exists on the record', () => {
    const paths = new Set(leaves(fullRecord()).map(([p]) => p));
    for (const p of Art49_4_PUBLIC_FIELDS) expect(paths, p).toContain(p);
  });

  it('never keeps the purpose, data, supplier, Annex III point or the submitter', () => {
    const r: RegisterRecord = restrictRecord(fullRecord());
    expect(r.texts.purpose).toBe('');
    expect(r.texts.dataUsed).toBe('');
    expect(r.system.supplier).toBeNull();
    expect(r.classification.annexIIIPoints).toEqual([]);
    expect(r.organisation.registrationContact).toBeNull();
    expect(r.links.providerEuDatabaseUrl).toBeNull();
    expect(r.texts.contact).toBe(fullRecord().texts.contact);
  });

  it('publicRecord restricts only when Art. 49(4) applies', () => {
    const open = fullRecord();
    expect(publicRecord(open)).toEqual(open);
    const police = fullRecord();
    police.classification.annexIIIPoints = ['6(a)'];
    expect(publicRecord(police).publication.restricted).toBe(true);
    expect(publicRecord(police).texts.summary).toBe('');
  });
});

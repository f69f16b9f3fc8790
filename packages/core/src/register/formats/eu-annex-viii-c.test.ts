import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FULL_TEXTS, fullRecord, sparseRecord } from '../record/register-record.fixture.js';
import { toEuAnnexViiiC, validateEuAnnexViiiC } from './eu-annex-viii-c.js';

const reference = JSON.parse(readFileSync(new URL('../../../../../reference/eu_ai_act_2024_1689_public_sector_reference.json', import.meta.url), 'utf8')) as {
  annex_viii_section_c_deployer_registration_fields: Record<string, string>;
};

describe('toEuAnnexViiiC', () => {
  it('has one entry per point of Annex VIII Section C in the reference', () => {
    const points = Object.keys(reference.annex_viii_section_c_deployer_registration_fields).filter((k) => !k.startsWith('_'));
    expect(points).toEqual(['C.1', 'C.2', 'C.3', 'C.4', 'C.5']);
    const { data } = toEuAnnexViiiC(fullRecord());
    for (const p of points) expect(data, p).toHaveProperty([p]);
  });

  const { data, missing, warnings } = toEuAnnexViiiC(fullRecord());
  it.each<[string, unknown]>([
    ['systemName', 'Benefit triage'],
    ['annexIIIPoints', ['5(a)']],
    ['nonPublicSection', false],
    ['C.1', { name: 'City of Springfield', address: 'Town Hall, 1 Main Street, Springfield', email: 'register@city.example', phone: '0100 000 000', url: 'https://city.example/contact' }],
    ['C.2', { name: 'Ada Registrar', address: 'Town Hall, 1 Main Street, Springfield', email: 'ada@city.example', phone: '', url: '' }],
    ['C.3', 'https://euaidb.example/entry/123'],
    ['C.4', FULL_TEXTS.friaSummary],
    ['C.5', FULL_TEXTS.dpiaSummary],
  ])('%s', (field, expected) => expect(data[field as keyof typeof data]).toEqual(expected));

  it('misses nothing on the full record', () => {
    expect(missing).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('lists what a sparse record lacks', () => {
    const r = sparseRecord();
    r.classification.friaRequired = true;
    expect(toEuAnnexViiiC(r).missing).toEqual(['C.1.address', 'C.2.name', 'C.2.address', 'C.2.email', 'C.3', 'C.4', 'C.5']);
  });

  it('does not ask for C.4 without a FRIA duty, nor C.5 without personal data', () => {
    const r = sparseRecord();
    r.classification.friaRequired = false;
    r.system.personalData = false;
    const out = toEuAnnexViiiC(r);
    expect(out.missing).not.toContain('C.4');
    expect(out.missing).not.toContain('C.5');
    expect(out.data['C.4']).toBe('');
  });

  it.each(['1(a)', '6(b)', '7(c)'])('Annex III point %s: non-public section, C.1 to C.3 only', (point) => {
    const r = fullRecord();
    r.classification.annexIIIPoints = [point];
    const out = toEuAnnexViiiC(r);
    expect(out.data.nonPublicSection).toBe(true);
    expect(out.data).not.toHaveProperty(['C.4']);
    expect(out.data).not.toHaveProperty(['C.5']);
    expect(out.data['C.3']).toBe('https://euaidb.example/entry/123');
  });

  it('warns when no registration is required, and for Annex III point 2 (national registration)', () => {
    const r = fullRecord();
    r.classification.euRegistrationRequired = false;
    r.classification.annexIIIPoints = ['2(a)'];
    expect(toEuAnnexViiiC(r).warnings.map((w) => w.code)).toEqual(['not_required', 'not_required']);
  });
});

describe('validateEuAnnexViiiC', () => {
  it('accepts the full record and names what the sparse one lacks', () => {
    expect(validateEuAnnexViiiC(toEuAnnexViiiC(fullRecord()).data)).toEqual([]);
    expect(validateEuAnnexViiiC(toEuAnnexViiiC(sparseRecord()).data).map((e) => e.field)).toEqual(['C.1.address', 'C.2.name', 'C.2.address', 'C.2.email', 'C.3']);
  });

  it.each<[string, (d: Record<string, unknown>) => void, string, string]>([
    ['a bad e-mail', (d) => (d['C.1'] = { ...(d['C.1'] as object), email: 'nobody' }), 'C.1.email', 'format'],
    ['a bad provider URL', (d) => (d['C.3'] = 'euaidb.example/1'), 'C.3', 'format'],
    ['C.4 in the non-public section', (d) => (d.nonPublicSection = true), 'C.4', 'not_allowed'],
  ])('rejects %s', (_label, change, field, rule) => {
    const d = { ...toEuAnnexViiiC(fullRecord()).data } as Record<string, unknown>;
    change(d);
    expect(validateEuAnnexViiiC(d)).toContainEqual(expect.objectContaining({ field, rule }));
  });
});

it('validateEuAnnexViiiC: a public export needs no submitting person (left out of public exports)', () => {
  const r = fullRecord();
  r.organisation.registrationContact = null;
  const { data } = toEuAnnexViiiC(r);
  expect(validateEuAnnexViiiC(data).map((e) => e.field)).toEqual(['C.2.name', 'C.2.email']);
  expect(validateEuAnnexViiiC(data, { publicExport: true })).toEqual([]);
});

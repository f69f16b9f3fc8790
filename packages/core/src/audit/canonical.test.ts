import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { diffFields, GENESIS_HASH, hashEvent } from './audit.service.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: 1, c: [3, { f: 1, e: 2 }] } }, '{"a":{"c":[3,{"e":2,"f":1}],"d":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [new Date('2026-01-02T03:04:05.678Z'), '"2026-01-02T03:04:05.678Z"'],
    [[undefined, 1], '[null,1]'],
    ['é', '"é"'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('hashEvent', () => {
  const event = {
    id: 'e1', chain: 'c', seq: 1, organisation_id: null, actor_type: 'system', actor_id: null, actor_label: 'system:x',
    action: 'a', entity_type: 't', entity_id: null, before: null, after: { x: 1 }, request_id: null, ip: null,
    occurred_at: new Date('2026-01-01T00:00:00Z'),
  };
  it('depends on the previous hash and on every field', () => {
    const h = hashEvent(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(GENESIS_HASH, { ...event })).toBe(h);
    expect(hashEvent('1'.repeat(64), event)).not.toBe(h);
    expect(hashEvent(GENESIS_HASH, { ...event, after: { x: 2 } })).not.toBe(h);
    expect(hashEvent(GENESIS_HASH, { ...event, occurred_at: '2026-01-01T00:00:00.001Z' })).not.toBe(h);
  });
  it('ignores key order in before/after and extra columns', () => {
    const h = hashEvent(GENESIS_HASH, { ...event, after: { y: 1, x: 2 } });
    expect(hashEvent(GENESIS_HASH, { ...event, after: { x: 2, y: 1 }, hash: 'ignored' } as typeof event)).toBe(h);
  });
});

describe('diffFields', () => {
  it('keeps only changed fields and redacts secrets', () => {
    expect(diffFields({ a: 1, b: 2, password_hash: 'x' }, { a: 1, b: 3, password_hash: 'y' })).toEqual({
      before: { b: 2, password_hash: '[redacted]' },
      after: { b: 3, password_hash: '[redacted]' },
    });
    expect(diffFields(null, { token_hash: 'h', name: 'n' })).toEqual({ before: null, after: { token_hash: '[redacted]', name: 'n' } });
  });
});

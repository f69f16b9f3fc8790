import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { BUILTIN_TEMPLATE_KEYS } from '../builtin/index.js';
import type { Database } from '../../db/database.js';
import { openTestDatabase } from '../../testing/factories.js';
import { verifyAuditChain } from '../../audit/audit.service.js';
import { builtinTemplateDocuments, installBuiltinTemplates } from './builtin-installer.js';
import { templateHash } from './template-format.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(); // installs the built-ins once
}, 120_000);
afterAll(async () => database?.close());

const builtinRows = () =>
  database.db
    .selectFrom('assessment_template as t')
    .innerJoin('assessment_template_version as v', 'v.template_id', 't.id')
    .select(['t.key', 't.origin', 't.organisation_id', 'v.version', 'v.status', 'v.content_hash'])
    .where('t.organisation_id', 'is', null)
    .orderBy('t.key')
    .orderBy('v.version')
    .execute();

describe('installBuiltinTemplates', () => {
  it('installs every built-in file and the official Canadian AIA, published, with no organisation', async () => {
    const rows = await builtinRows();
    const keys = new Set(rows.map((r) => r.key));
    for (const key of [...BUILTIN_TEMPLATE_KEYS, 'canada-aia']) expect(keys, key).toContain(key);
    for (const r of rows) expect(r).toMatchObject({ origin: 'builtin', organisation_id: null, status: 'published' });
    const byKey = new Map(builtinTemplateDocuments().map((d) => [d.key, templateHash(d)]));
    for (const [key, hash] of byKey) expect(rows.filter((r) => r.key === key).at(-1)?.content_hash, key).toBe(hash);
  });

  it('changes nothing when run again, also from two callers at once', async () => {
    const before = await builtinRows();
    const results = await Promise.all([installBuiltinTemplates(database), installBuiltinTemplates(database)]);
    for (const r of results) expect(r.published).toEqual([]);
    expect(await builtinRows()).toEqual(before);
  });

  it('publishes exactly one new version when the content changes, also from two callers at once, and audits it on the platform chain', async () => {
    // A built-in of this test's own, so the real ones (which other test files share on PostgreSQL) stay as they are.
    const key = `zz-test-builtin-${randomUUID().slice(0, 8)}`;
    const v1 = { ...sampleTemplate(), key };
    expect((await installBuiltinTemplates(database, { documents: [v1] })).published).toEqual([{ key, version: 1 }]);
    expect((await installBuiltinTemplates(database, { documents: [v1] })).published).toEqual([]);
    const v2 = { ...v1, title: { ...v1.title, en: 'Sample, second edition' } };
    const both = await Promise.all([installBuiltinTemplates(database, { documents: [v2] }), installBuiltinTemplates(database, { documents: [v2] })]);
    expect(both.flatMap((r) => r.published)).toEqual([{ key, version: 2 }]);
    const versions = await database.db
      .selectFrom('assessment_template as t')
      .innerJoin('assessment_template_version as v', 'v.template_id', 't.id')
      .select(['t.title', 'v.version', 'v.content_hash'])
      .where('t.key', '=', key)
      .where('t.organisation_id', 'is', null)
      .orderBy('v.version')
      .execute();
    expect(versions.map((v) => [v.version, v.content_hash])).toEqual([
      [1, templateHash(v1)],
      [2, templateHash(v2)],
    ]);
    expect(versions[0]?.title).toBe('Sample, second edition');
    const events = await database.db
      .selectFrom('audit_event')
      .select(['chain', 'organisation_id', 'after'])
      .where('action', '=', 'assessment_template.builtin_published')
      .where(sql<boolean>`"after"->>'key' = ${key}`)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.chain, e.organisation_id, (e.after as { version: number }).version])).toEqual([
      ['platform', null, 1],
      ['platform', null, 2],
    ]);
    expect((await verifyAuditChain(database.db, null)).ok).toBe(true);
  });
});

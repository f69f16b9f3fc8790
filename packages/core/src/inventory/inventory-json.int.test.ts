/**
 * The inventory list as JSON written by the database (listSystemsJson, what GET /systems sends)
 * must say exactly what the presenter says (listSystems, serialised as the API's schema does:
 * dates as toISOString), for every kind of row: no unit, archived, never screened, partly
 * classified, texts with quotes, backslashes, control characters and emoji, timestamps with
 * microseconds. And the search it shares with listSystems finds a term in any of the three texts,
 * whatever its case or accents, taking % and _ literally.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { createUnit } from '../orgs/org.service.js';
import { makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, openTestDatabase, screenTestSystem } from '../testing/factories.js';
import { listSystems, listSystemsJson, type ListSystemsInput } from './inventory.service.js';
import { archiveSystem } from './lifecycle.service.js';

let database: Database;
let ctx: Ctx;
let organisationId: string;

const AWKWARD = 'Zoë "Z" O\'Brien \\ back\\slash\ttab\nline \u0001 control 🚦 €';

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = systemCtx(database.db, 'test');
  const org = await makeOrganisation(database.db);
  organisationId = org.id;
  const owner = await makeUser(database.db, { organisationId, roles: ['system_owner'], name: AWKWARD });
  const plain = await makeUser(database.db, { organisationId, roles: ['system_owner'], name: 'Ada' });
  const unit = await createUnit(ctx, { organisationId, name: `Benefits "and" ${AWKWARD}` });

  const a = await makeSystem(database.db, { organisationId, ownerId: owner.id, name: 'Alpha école triage', purpose: 'Sorts post: 100% of letters_in', unitId: unit.id, supplier: 'Acme "Vision" Ltd', tags: ['benefits', 'vision'] });
  const b = await makeSystem(database.db, { organisationId, ownerId: plain.id, name: `Beta ${AWKWARD}`, purpose: 'Answers questions.', description: 'Hidden word: FRAUDULENT claims are flagged.' });
  const c = await makeSystem(database.db, { organisationId, ownerId: plain.id, name: 'Gamma', purpose: 'Plans routes.', unitId: unit.id, tags: [] });
  const d = await makeSystem(database.db, { organisationId, ownerId: owner.id, name: 'Delta ÉCOLE', purpose: 'Reads forms.', sourcing: 'procured', supplier: 'Formreader' });
  await screenTestSystem(database.db, { organisationId, systemId: a.id, answers: makeScreeningAnswers({ affectsPeople: false }) });
  await screenTestSystem(database.db, { organisationId, systemId: d.id, answers: makeScreeningAnswers() });
  await archiveSystem(ctx, { organisationId, ref: c.slug, reason: 'Replaced.' });
  // Microseconds the API truncates to milliseconds, and classification columns partly unknown.
  await sql`update ai_system set created_at = '2026-03-04 05:06:07.891999+00', updated_at = '2026-03-04 23:59:59.999999+00' where id = ${b.id}`.execute(database.db);
  await sql`update ai_system set org_tier = 'Tier 2 "amber"', fria_required = null, eu_registration_required = null, screened_at = '2026-01-02 03:04:05.000001+00' where id = ${d.id}`.execute(database.db);
}, 120_000);
afterAll(async () => database?.close());

const both = async (input: Partial<ListSystemsInput>) => {
  const full: ListSystemsInput = { organisationId, limit: 50, offset: 0, ...input };
  const fromJson = JSON.parse(await listSystemsJson(ctx, full)) as unknown;
  const fromPresenter = JSON.parse(JSON.stringify(await listSystems(ctx, full))) as unknown;
  return { fromJson, fromPresenter };
};

describe('the inventory list written as JSON by the database', () => {
  it.each<[string, Partial<ListSystemsInput>]>([
    ['the default list', {}],
    ['archived ones too, by name descending', { archived: 'any', order: 'desc' }],
    ['archived only', { archived: true }],
    ['sorted by last change', { sort: 'updated', archived: 'any' }],
    ['sorted by creation, descending', { sort: 'created', order: 'desc', archived: 'any' }],
    ['sorted by lifecycle', { sort: 'lifecycle', archived: 'any' }],
    ['a search', { q: 'école' }],
    ['a filter on the classification', { screened: true }],
    ['a page of one, with the total counted', { limit: 1, offset: 1, archived: 'any' }],
    ['a page past the end', { offset: 10 }],
  ])('equals the presenter for %s', async (_what, input) => {
    const { fromJson, fromPresenter } = await both(input);
    expect(fromJson).toEqual(fromPresenter);
  });

  it('covers every kind of row the test set holds', async () => {
    const { fromJson } = await both({ archived: 'any' });
    const items = (fromJson as { items: Array<Record<string, unknown>> }).items;
    expect(items).toHaveLength(4);
    expect(items.some((i) => i.unit === null) && items.some((i) => i.unit !== null)).toBe(true);
    expect(items.some((i) => i.classification === null) && items.some((i) => i.classification !== null)).toBe(true);
    expect(items.some((i) => i.archivedAt !== null)).toBe(true);
    const beta = items.find((i) => String(i.name).startsWith('Beta'));
    expect(beta).toMatchObject({ name: `Beta ${AWKWARD}`, createdAt: '2026-03-04T05:06:07.891Z', updatedAt: '2026-03-04T23:59:59.999Z' });
    const delta = items.find((i) => i.name === 'Delta ÉCOLE');
    expect(delta?.classification).toMatchObject({ orgTier: 'Tier 2 "amber"', friaRequired: null, euRegistrationRequired: null, screenedAt: '2026-01-02T03:04:05.000Z' });
  });
});

describe('inventory search', () => {
  const names = async (q: string) => (await listSystems(ctx, { organisationId, limit: 50, offset: 0, q, archived: 'any' })).items.map((i) => i.name.split(' ')[0]);

  it.each<[string, string, string[]]>([
    ['a word in the name, whatever its case and accents', 'ÉCOLE', ['Alpha', 'Delta']],
    ['a word in the purpose', 'answers QUESTIONS', ['Beta']],
    ['a word only in the description', 'fraudulent', ['Beta']],
    ['a percent sign taken literally', '100%', ['Alpha']],
    ['an underscore taken literally', 'letters_in', ['Alpha']],
    ['a wildcard that is not one', '%', ['Alpha']],
    ['nothing', 'no such words here', []],
  ])('finds %s', async (_what, q, expected) => {
    expect(await names(q)).toEqual(expected);
  });
});

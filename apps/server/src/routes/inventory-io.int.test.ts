/**
 * Inventory import and export over HTTP: both formats and profiles (the CSV parses back, the JSON
 * has its shape), import all-or-nothing with a report naming row, column and problem, dry runs,
 * who may do what, and tenant isolation. Each test makes its own organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, createUnit, listAuditEvents, OMB_2025_COLUMNS, systemCtx, transitionSystem, updateObligation, type Lifecycle } from '@glassbox/core';
import { parseCsv, readCsvCell } from '@glassbox/core/inventory-io/csv';
import { makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type Problem = { row: number; column: string; problem: string };
type Headers = Record<string, string>;

const ctx = () => systemCtx(t.database.db, 'test');

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const base = `/api/v1/orgs/${org.slug}/systems`;
  const exportAs = (headers: Headers, query: string) => t.app.inject({ method: 'GET', url: `${base}/export?${query}`, headers });
  const importAs = (headers: Headers, csv: string, query = '', contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url: `${base}/import${query}`, headers: { ...headers, 'content-type': contentType }, payload: csv });
  const systemCount = async () =>
    Number((await t.database.db.selectFrom('ai_system').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.id).executeTakeFirstOrThrow()).n);
  return { org, sessions, base, exportAs, importAs, systemCount };
}

const csvTable = (res: LightMyRequestResponse): Array<Record<string, string>> => {
  const [header, ...rows] = parseCsv(res.body);
  if (!header) throw new Error('no header');
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
};

async function moveTo(organisationId: string, ref: string, path: Lifecycle[]) {
  for (const to of path) await transitionSystem(ctx(), { organisationId, ref, to, reason: `Moving to ${to}.` });
}

describe('export', () => {
  it('exports every inventory field as CSV that parses back, awkward values intact, archived systems only when asked', async () => {
    const { org, sessions, exportAs } = await setup();
    const unit = await createUnit(ctx(), { organisationId: org.id, name: 'Benefits, Revenues & "Help"' });
    const owner = sessions.system_owner.user;
    const awkward = await makeSystem(t.database.db, {
      organisationId: org.id,
      ownerId: owner.id,
      name: 'Claims "triage", phase 2',
      purpose: 'Line one\r\nline two, with a comma\nline three',
      description: '=HYPERLINK("http://evil.example","click")',
      unitId: unit.id,
      sourcing: 'procured',
      supplier: 'Acme; Partners',
      dataCategories: ['income', 'household'],
      tags: ['benefits', 'triage'],
      personalData: true,
      publicVisibility: 'public',
    });
    await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id, name: 'Another system', personalData: false });
    const archived = await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id, name: 'Old idea' });
    await t.database.db.updateTable('ai_system').set({ archived_at: new Date() }).where('id', '=', archived.id).execute();

    const res = await exportAs(sessions.staff.headers, 'format=csv&profile=glassbox');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${org.slug}-ai-inventory-glassbox-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body).toContain('\r\n');

    const [header] = parseCsv(res.body);
    expect(header).toEqual([
      'id', 'slug', 'name', 'purpose', 'description', 'unit', 'ownerEmail', 'ownerName', 'sourcing', 'supplier', 'decisionRole',
      'affectedPeople', 'dataCategories', 'personalData', 'humanOversight', 'publicVisibility', 'tags', 'lifecycle', 'version',
      'archivedAt', 'createdAt', 'updatedAt', 'euTier', 'ombHighImpact', 'orgTier', 'friaRequired', 'euRegistrationRequired', 'screenedAt',
    ]);
    const rows = csvTable(res);
    expect(rows.map((r) => r.name)).toEqual(['Another system', 'Claims "triage", phase 2']);
    const row = rows[1];
    expect(row).toMatchObject({
      id: awkward.id,
      slug: awkward.slug,
      purpose: 'Line one\r\nline two, with a comma\nline three',
      unit: 'Benefits, Revenues & "Help"',
      ownerEmail: owner.email,
      ownerName: 'Test system_owner',
      sourcing: 'procured',
      supplier: 'Acme; Partners',
      dataCategories: 'income; household',
      tags: 'benefits; triage',
      personalData: 'true',
      publicVisibility: 'public',
      lifecycle: 'idea',
      version: '1',
      archivedAt: '',
      euTier: '',
      ombHighImpact: '',
      friaRequired: '',
      screenedAt: '',
    });
    // A formula typed into a record is neutralised for spreadsheets, and reads back unchanged.
    expect(row?.description).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(readCsvCell(row?.description ?? '')).toBe('=HYPERLINK("http://evil.example","click")');
    expect(rows[0]?.personalData).toBe('false');

    const onlyArchived = csvTable(await exportAs(sessions.staff.headers, 'archived=true'));
    expect(onlyArchived.map((r) => r.name)).toEqual(['Old idea']);
    const everything = csvTable(await exportAs(sessions.staff.headers, 'archived=any'));
    expect(everything).toHaveLength(3);
  });

  it('exports JSON with typed values, the column list, and one object per system', async () => {
    const { org, sessions, exportAs } = await setup();
    const s = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin.user.id, name: 'Chatbot', tags: ['residents'], dataCategories: ['contact details'] });
    const screenedAt = new Date('2026-03-01T12:00:00Z');
    await t.database.db
      .updateTable('ai_system')
      .set({ eu_tier: 'high', omb_high_impact: 'undetermined', org_tier: 'Tier 2', fria_required: true, eu_registration_required: false, screened_at: screenedAt })
      .where('id', '=', s.id)
      .execute();
    const res = await exportAs(sessions.auditor.headers, 'format=json');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.json"');
    const body = res.json<{ profile: string; organisation: string; exportedAt: string; columns: string[]; items: Array<Record<string, unknown>> }>();
    expect(body).toMatchObject({ profile: 'glassbox', organisation: org.slug });
    expect(new Date(body.exportedAt).getTime()).not.toBeNaN();
    expect(body.items).toHaveLength(1);
    expect(Object.keys(body.items[0] ?? {})).toEqual(body.columns);
    expect(body.items[0]).toMatchObject({
      id: s.id,
      name: 'Chatbot',
      unit: null,
      supplier: null,
      personalData: true,
      tags: ['residents'],
      dataCategories: ['contact details'],
      version: 1,
      archivedAt: null,
      euTier: 'high',
      ombHighImpact: 'undetermined',
      orgTier: 'Tier 2',
      friaRequired: true,
      euRegistrationRequired: false,
      screenedAt: screenedAt.toISOString(),
    });
    const csv = csvTable(await exportAs(sessions.auditor.headers, 'format=csv'));
    expect(csv[0]).toMatchObject({ euTier: 'high', friaRequired: 'true', euRegistrationRequired: 'false', screenedAt: screenedAt.toISOString() });

    const empty = await exportAs(sessions.auditor.headers, 'format=json&archived=true');
    expect(empty.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('exports the OMB 2025 inventory columns with the dictionary’s permitted values, in CSV and JSON', async () => {
    const { org, sessions, exportAs } = await setup();
    const unit = await createUnit(ctx(), { organisationId: org.id, name: 'Revenue Bureau' });
    const live = await makeSystem(t.database.db, {
      organisationId: org.id,
      ownerId: sessions.system_owner.user.id,
      name: 'Benefit triage',
      purpose: 'Sorts claims by urgency.',
      unitId: unit.id,
      sourcing: 'procured',
      supplier: 'Acme Analytics',
      decisionRole: 'recommends',
      dataCategories: ['income', 'household'],
      personalData: true,
      publicVisibility: 'public',
    });
    // Screened before approval (gates.ts); the OMB flag is then set by hand, as this test is about the export's columns.
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: live.id, answers: makeScreeningAnswers() });
    const toDo = await t.database.db.selectFrom('obligation').select('id').where('system_id', '=', live.id).where('phase', '=', 'before_deployment').execute();
    for (const o of toDo) await updateObligation(ctx(), { organisationId: org.id, ref: live.id, obligationId: o.id, status: 'met' });
    await moveTo(org.id, live.id, ['proposed', 'in_review', 'approved', 'in_service']);
    await t.database.db.updateTable('ai_system').set({ omb_high_impact: 'yes' }).where('id', '=', live.id).execute();
    await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin.user.id, name: 'Translation helper', sourcing: 'in_house', personalData: false });

    const csv = await exportAs(sessions.staff.headers, 'format=csv&profile=omb-2025');
    expect(csv.statusCode, csv.body).toBe(200);
    const [header] = parseCsv(csv.body);
    expect(header).toEqual(OMB_2025_COLUMNS.map((c) => c.id));
    expect(header).toHaveLength(34);
    const rows = csvTable(csv);
    expect(rows).toHaveLength(2);
    const triage = rows.find((r) => r.use_case_name === 'Benefit triage');
    expect(triage).toMatchObject({
      id: `${org.slug}-${live.slug}`,
      agency_bureau: 'Revenue Bureau',
      contact_email: sessions.system_owner.user.email,
      is_withheld: 'a) No',
      development_stage: 'c) Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.',
      is_high_impact: 'a) High-impact',
      problem_solved: 'Sorts claims by urgency.',
      contracting_usage: 'a) Purchased from a vendor',
      vendor_name: 'Acme Analytics',
      has_pii: 'Yes',
      data_description: 'income; household',
      topic_area: '',
      hi_testing_conducted: '',
    });
    expect(triage?.operational_date).toBe(new Date().toISOString().slice(0, 10));
    const helper = rows.find((r) => r.use_case_name === 'Translation helper');
    expect(helper).toMatchObject({
      development_stage: 'a) Pre-deployment – The use case is in a development or acquisition status.',
      is_high_impact: '',
      is_withheld: '',
      contracting_usage: 'b) Developed in-house',
      vendor_name: '',
      has_pii: 'No',
      operational_date: '',
    });

    const json = (await exportAs(sessions.staff.headers, 'format=json&profile=omb-2025')).json<{ profile: string; columns: string[]; items: Array<Record<string, string | null>> }>();
    expect(json.profile).toBe('omb-2025');
    expect(json.columns).toEqual(header);
    expect(json.items.find((i) => i.use_case_name === 'Translation helper')).toMatchObject({ is_high_impact: null, has_pii: 'No', agency_bureau: null });
  });

  it('lets read tokens export, records each export in the audit trail, and never shows another organisation’s systems', async () => {
    const { org, sessions, exportAs } = await setup();
    await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin.user.id, name: 'Ours' });
    const other = await makeOrganisation(t.database.db, 'Other Council');
    const stranger = await makeUser(t.database.db, { organisationId: other.id, roles: ['admin'] });
    await makeSystem(t.database.db, { organisationId: other.id, ownerId: stranger.id, name: 'Theirs' });

    const read = await createApiToken(ctx(), { organisationId: org.id, name: 'reporting', scope: 'read' });
    const res = await exportAs({ authorization: `Bearer ${read.token}`, ...NO_RATE_LIMIT }, 'format=json&archived=any');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: Array<{ name: string }> }>().items.map((i) => i.name)).toEqual(['Ours']);
    expect(res.body).not.toContain(stranger.email);

    const events = await listAuditEvents(t.database.db, { organisationId: org.id, action: 'inventory.exported', limit: 5 });
    expect(events[0]).toMatchObject({ actor_type: 'token', entity_id: org.id, after: { format: 'json', profile: 'glassbox', archived: 'any' } });

    const foreign = await createApiToken(ctx(), { organisationId: other.id, name: 'theirs', scope: 'read' });
    expect((await exportAs({ authorization: `Bearer ${foreign.token}`, ...NO_RATE_LIMIT }, '')).statusCode).toBe(403);
  });

  it('refuses unknown formats, profiles and parameters', async () => {
    const { sessions, exportAs } = await setup();
    for (const query of ['format=xlsx', 'profile=uk-atrs', 'limit=5', 'archived=maybe']) {
      const res = await exportAs(sessions.staff.headers, query);
      expect(res.statusCode, query).toBe(400);
    }
  });
});

const HEADER = 'name,purpose,description,unit,ownerEmail,sourcing,supplier,decisionRole,affectedPeople,dataCategories,personalData,humanOversight,publicVisibility,tags';

describe('import', () => {
  it('registers every row in one go, each with its first version and audit event', async () => {
    const { org, sessions, base, importAs, systemCount } = await setup();
    await createUnit(ctx(), { organisationId: org.id, name: 'Housing' });
    const owner = sessions.system_owner.user;
    const csv = [
      HEADER,
      `Rent arrears predictor,Flags tenancies at risk.,"Scores each tenancy,\nweekly.",housing,${owner.email.toUpperCase()},procured,Acme,recommends,Tenants,"rent; arrears",yes,A housing officer decides.,public,"Housing; Risk"`,
      'Letter summariser,Summarises letters.,,,,general_purpose_tool,Big Model Inc,informs,,,false,,,',
      '"Chatbot ""Ask Riverton""",Answers questions.,,,,in house,,Informs,,,no,,internal,',
      '',
    ].join('\r\n');
    const before = await systemCount();
    const res = await importAs(sessions.governance_officer.headers, `\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 3, rows: 3, ignoredColumns: [] });
    expect(await systemCount()).toBe(before + 3);

    const list = await t.app.inject({ method: 'GET', url: `${base}?sort=name`, headers: sessions.staff.headers });
    const items = list.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.map((i) => i.name)).toEqual(['Chatbot "Ask Riverton"', 'Letter summariser', 'Rent arrears predictor']);
    const rent = await t.app.inject({ method: 'GET', url: `${base}/rent-arrears-predictor`, headers: sessions.staff.headers });
    expect(rent.json()).toMatchObject({
      description: 'Scores each tenancy,\nweekly.',
      unit: { name: 'Housing' },
      owner: { id: owner.id },
      sourcing: 'procured',
      supplier: 'Acme',
      decisionRole: 'recommends',
      dataCategories: ['rent', 'arrears'],
      tags: ['housing', 'risk'],
      personalData: true,
      publicVisibility: 'public',
      lifecycle: 'idea',
      version: 1,
    });
    // Without an owner in the row, the person importing owns the system.
    expect(items.find((i) => i.name === 'Letter summariser')).toMatchObject({ owner: { id: sessions.governance_officer.user.id }, sourcing: 'general_purpose_tool' });
    expect(items.find((i) => i.name === 'Chatbot "Ask Riverton"')).toMatchObject({ sourcing: 'in_house', decisionRole: 'informs', personalData: false });

    for (const item of items) {
      const versions = await t.app.inject({ method: 'GET', url: `${base}/${String(item.id)}/versions`, headers: sessions.staff.headers });
      expect(versions.json()).toMatchObject({ total: 1, items: [{ version: 1, kind: 'created', actor: { type: 'user' } }] });
    }
    const events = await listAuditEvents(t.database.db, { organisationId: org.id, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['inventory.imported', 'system.created', 'system.created', 'system.created', ...events.slice(4).map((e) => e.action)]);
    expect(events[0]?.after).toEqual({ created: 3 });
  });

  it('imports nothing when 3 rows have problems, and names the row, column and problem of each', async () => {
    const { org, sessions, importAs, systemCount } = await setup();
    const owner = sessions.system_owner.user;
    const csv = [
      HEADER,
      `Good one,Fine.,,,${owner.email},in_house,,informs,,,true,,,`,
      `Bad sourcing,Fine.,,,${owner.email},bought,,informs,,,true,,,`,
      `Good two,Fine.,,,${owner.email},in_house,,decides,,,false,,,`,
      `Unknown owner,Fine.,,Nowhere,nobody@elsewhere.example,in_house,,informs,,,maybe,,,`,
      `Procured without supplier,Fine.,,,${owner.email},procured,,recommends,,,true,,,`,
    ].join('\n');
    const before = await systemCount();
    const res = await importAs(sessions.admin.headers, csv);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ code: string; message: string; problems: Problem[] }>();
    expect(body.code).toBe('inventory.import_invalid');
    expect(body.message).toBe('The file has 5 problems in 3 rows; nothing was imported.');
    expect(body.problems).toEqual([
      { row: 3, column: 'sourcing', problem: 'Choose one of: in_house, procured, general_purpose_tool.' },
      { row: 5, column: 'unit', problem: 'No unit called "Nowhere" in this organisation.' },
      { row: 5, column: 'ownerEmail', problem: 'No member of this organisation has the email nobody@elsewhere.example.' },
      { row: 5, column: 'personalData', problem: 'Answer true or false (yes or no).' },
      { row: 6, column: 'supplier', problem: expect.stringContaining('Name the supplier') },
    ]);
    expect(await systemCount()).toBe(before);
    const names = await t.database.db.selectFrom('ai_system').select('name').where('organisation_id', '=', org.id).where('name', 'in', ['Good one', 'Good two']).execute();
    expect(names).toEqual([]);
  });

  it('reports header problems (unknown and missing columns), ragged rows and broken quoting on row 1 and the row at fault', async () => {
    const { sessions, importAs } = await setup();
    const header = await importAs(sessions.admin.headers, 'name,purpose,colour,decisionRole\nA,B,red,informs\n');
    expect(header.statusCode).toBe(400);
    expect(header.json<{ problems: Problem[] }>().problems).toEqual([
      { row: 1, column: 'colour', problem: expect.stringContaining('Unknown column') },
      { row: 1, column: 'sourcing', problem: 'Required column missing from the header row.' },
      { row: 1, column: 'personalData', problem: 'Required column missing from the header row.' },
    ]);

    const ragged = await importAs(sessions.admin.headers, 'name,purpose,sourcing,decisionRole,personalData\nA,B,in_house,informs\n');
    expect(ragged.json<{ problems: Problem[] }>().problems).toEqual([{ row: 2, column: '', problem: 'This row has 4 cells; the header row has 5.' }]);

    const broken = await importAs(sessions.admin.headers, 'name,purpose,sourcing,decisionRole,personalData\nA,B,in_house,informs,true\n"C,D,in_house,informs,true\n');
    expect(broken.json<{ problems: Problem[] }>().problems).toEqual([{ row: 3, column: '', problem: expect.stringContaining('not closed') }]);

    const empty = await importAs(sessions.admin.headers, '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ problems: Problem[] }>().problems[0]).toMatchObject({ row: 1, problem: expect.stringContaining('empty') });
    const headerOnly = await importAs(sessions.admin.headers, 'name,purpose,sourcing,decisionRole,personalData\r\n\r\n');
    expect(headerOnly.json<{ problems: Problem[] }>().problems).toEqual([{ row: 2, column: '', problem: 'The file has no rows to import.' }]);
  });

  it('dry run checks and reports, and writes nothing either way', async () => {
    const { sessions, importAs, systemCount } = await setup();
    const before = await systemCount();
    const good = await importAs(sessions.governance_officer.headers, 'name,purpose,sourcing,decisionRole,personalData\nA,B,in_house,informs,true\n', '?dryRun=true');
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ dryRun: true, valid: true, rows: 1, problems: [], ignoredColumns: [] });
    const bad = await importAs(sessions.governance_officer.headers, 'name,purpose,sourcing,decisionRole,personalData\n,B,in_house,informs,true\n', '?dryRun=true');
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ dryRun: true, valid: false, rows: 1, problems: [{ row: 2, column: 'name', problem: 'Required.' }] });
    expect(await systemCount()).toBe(before);
    expect((await importAs(sessions.admin.headers, 'x', '?dryRun=maybe')).statusCode).toBe(400);
  });

  it('round-trips: an export imports as it is, Glassbox-set columns accepted and ignored', async () => {
    const { org, sessions, exportAs, importAs, systemCount } = await setup();
    await createUnit(ctx(), { organisationId: org.id, name: 'Parks' });
    const unitId = (await t.database.db.selectFrom('unit').select('id').where('organisation_id', '=', org.id).executeTakeFirstOrThrow()).id;
    await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id, name: 'Tree survey', unitId, tags: ['parks'], description: '=1+1' });
    const exported = await exportAs(sessions.admin.headers, '');
    const before = await systemCount();
    const res = await importAs(sessions.admin.headers, exported.body);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ created: number; ignoredColumns: string[] }>();
    expect(body.created).toBe(1);
    expect(body.ignoredColumns).toEqual(expect.arrayContaining(['id', 'slug', 'ownerName', 'lifecycle', 'version', 'createdAt']));
    expect(await systemCount()).toBe(before + 1);
    const copy = await t.database.db.selectFrom('ai_system').selectAll().where('organisation_id', '=', org.id).where('slug', '=', 'tree-survey-2').executeTakeFirstOrThrow();
    expect(copy).toMatchObject({ name: 'Tree survey', unit_id: unitId, owner_id: sessions.system_owner.user.id, tags: ['parks'], description: '=1+1', lifecycle: 'idea' });
  });

  it('is for administrators, governance officers and write tokens; a token must name the owners', async () => {
    const { org, sessions, importAs, systemCount } = await setup();
    const csv = (email: string) => `name,purpose,sourcing,decisionRole,personalData,ownerEmail\nA,B,in_house,informs,true,${email}\n`;
    for (const role of ['system_owner', 'reviewer', 'caseworker', 'auditor', 'staff'] as const) {
      expect((await importAs(sessions[role].headers, csv(sessions.admin.user.email))).statusCode, role).toBe(403);
    }
    const read = await createApiToken(ctx(), { organisationId: org.id, name: 'read', scope: 'read' });
    expect((await importAs({ authorization: `Bearer ${read.token}`, ...NO_RATE_LIMIT }, csv(sessions.admin.user.email))).statusCode).toBe(403);

    const write = await createApiToken(ctx(), { organisationId: org.id, name: 'write', scope: 'write' });
    const bearer = { authorization: `Bearer ${write.token}`, ...NO_RATE_LIMIT };
    const noOwner = await importAs(bearer, 'name,purpose,sourcing,decisionRole,personalData\nA,B,in_house,informs,true\n');
    expect(noOwner.json<{ problems: Problem[] }>().problems).toEqual([{ row: 2, column: 'ownerEmail', problem: expect.stringContaining('Give the email of the owner') }]);
    const before = await systemCount();
    const ok = await importAs(bearer, csv(sessions.auditor.user.email));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await systemCount()).toBe(before + 1);
  });

  it('keeps organisations apart: owners and units of another organisation are unknown here', async () => {
    const { sessions, importAs } = await setup();
    const other = await makeOrganisation(t.database.db, 'Other Council');
    const stranger = await makeUser(t.database.db, { organisationId: other.id, roles: ['admin'] });
    await createUnit(ctx(), { organisationId: other.id, name: 'Their unit' });
    const res = await importAs(sessions.admin.headers, `name,purpose,sourcing,decisionRole,personalData,ownerEmail,unit\nA,B,in_house,informs,true,${stranger.email},Their unit\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ problems: Problem[] }>().problems.map((p) => p.column).sort()).toEqual(['ownerEmail', 'unit']);
  });

  it('accepts only text/csv bodies, up to 10 MB', async () => {
    const { sessions, importAs } = await setup();
    const text = await importAs(sessions.admin.headers, 'name\nx\n', '', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json<{ message: string }>().message).toContain('text/csv');
    const json = await importAs(sessions.admin.headers, JSON.stringify({ name: 'x' }), '', 'application/json');
    expect(json.statusCode).toBe(415);
    expect(json.json<{ message: string }>().message).toContain('text/csv');
    const form = await importAs(sessions.admin.headers, 'name=x', '', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    const charset = await importAs(sessions.admin.headers, 'name,purpose,sourcing,decisionRole,personalData\nA,B,in_house,informs,true\n', '?dryRun=true', 'text/csv; charset=utf-8');
    expect(charset.statusCode, charset.body).toBe(200);
    const huge = await importAs(sessions.admin.headers, `name\n${'x'.repeat(11 * 1024 * 1024)}\n`);
    expect(huge.statusCode).toBe(413);
  });
});

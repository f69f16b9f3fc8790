/**
 * Organisations (tenants), their units, people and memberships. Every read takes the organisation id
 * so one tenant's rows never reach another; every write records its audit event.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { hashPassword, checkPasswordRules } from '../auth/password.js';
import type { Ctx } from '../context.js';
import type { DB, Organisation } from '../db/schema.js';
import { isoText, jsonPage } from '../db/json-text.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { isRole, ROLES, type Role } from '../roles.js';

/** Paths the public site and the server use themselves; an organisation cannot take them. */
export const RESERVED_SLUGS = new Set([
  'api', 'app', 'assets', 'static', 'public', 'admin', 'healthz', 'readyz', 'docs', 'o', 'org', 'orgs',
  'login', 'sign-in', 'favicon.ico', 'robots.txt', 'sitemap.xml', 'well-known', 'lang', 'about',
]);

export type OrganisationView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  contactEmail: string | null;
  contactUrl: string | null;
  defaultLocale: string;
};

export const presentOrganisation = (o: Organisation): OrganisationView => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  description: o.description,
  contactEmail: o.contact_email,
  contactUrl: o.contact_url,
  defaultLocale: o.default_locale,
});

export type CreateOrganisationInput = {
  slug: string;
  name: string;
  description?: string | undefined;
  contactEmail?: string | null | undefined;
  contactUrl?: string | null | undefined;
  defaultLocale?: 'en' | 'es' | 'fr' | undefined;
};

export async function createOrganisation(ctx: Ctx, input: CreateOrganisationInput): Promise<OrganisationView> {
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 63 || RESERVED_SLUGS.has(slug)) {
    throw new AppError('bad_request', 'organisation.bad_slug', `"${input.slug}" cannot be used as an organisation's address.`, {
      fields: { slug: 'Use lower-case letters, digits and single hyphens; some words are reserved.' },
    });
  }
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) {
    throw new AppError('bad_request', 'organisation.bad_name', 'Give the organisation a name of 1 to 200 characters.', { fields: { name: 'Enter 1 to 200 characters.' } });
  }
  if (input.contactEmail && !/^[^\s@]+@[^\s@]+$/.test(input.contactEmail)) {
    throw new AppError('bad_request', 'organisation.bad_email', `"${input.contactEmail}" is not an email address.`, { fields: { contactEmail: 'Not an email address.' } });
  }
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirst();
    if (taken) {
      throw new AppError('conflict', 'organisation.slug_taken', `An organisation already uses "${slug}".`, {
        fields: { slug: 'Already in use.' },
      });
    }
    const now = new Date();
    const row = await tx.db
      .insertInto('organisation')
      .values({
        id: randomUUID(),
        slug,
        name: input.name.trim(),
        description: input.description ?? '',
        contact_email: input.contactEmail ?? null,
        contact_url: input.contactUrl ?? null,
        default_locale: input.defaultLocale ?? 'en',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentOrganisation(row);
    await recordAudit(tx, { organisationId: row.id, action: 'organisation.created', entityType: 'organisation', entityId: row.id, after: view });
    return view;
  });
}

export type UpdateOrganisationInput = Partial<Omit<CreateOrganisationInput, 'slug'>>;

export async function updateOrganisation(ctx: Ctx, organisationId: string, input: UpdateOrganisationInput): Promise<OrganisationView> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('organisation').selectAll().where('id', '=', organisationId).forUpdate().executeTakeFirst();
    if (!before) throw notFound('organisation');
    const row = await tx.db
      .updateTable('organisation')
      .set({
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.contactEmail !== undefined && { contact_email: input.contactEmail }),
        ...(input.contactUrl !== undefined && { contact_url: input.contactUrl }),
        ...(input.defaultLocale !== undefined && { default_locale: input.defaultLocale }),
        updated_at: new Date(),
      })
      .where('id', '=', organisationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentOrganisation(row);
    const diff = diffFields(presentOrganisation(before), view);
    await recordAudit(tx, { organisationId, action: 'organisation.updated', entityType: 'organisation', entityId: organisationId, ...diff });
    return view;
  });
}

export async function getOrganisationBySlug(db: Kysely<DB>, slug: string): Promise<OrganisationView | null> {
  const row = await db.selectFrom('organisation').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? presentOrganisation(row) : null;
}

export async function listOrganisations(db: Kysely<DB>): Promise<OrganisationView[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('name').execute();
  return rows.map(presentOrganisation);
}

// ---- units

export async function listUnits(db: Kysely<DB>, organisationId: string) {
  return db.selectFrom('unit').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function createUnit(ctx: Ctx, input: { organisationId: string; name: string }) {
  return inTransaction(ctx, async (tx) => {
    const name = input.name.trim();
    const exists = await tx.db.selectFrom('unit').select('id').where('organisation_id', '=', input.organisationId).where('name', '=', name).executeTakeFirst();
    if (exists) throw new AppError('conflict', 'unit.name_taken', `There is already a unit called "${name}".`, { fields: { name: 'Already in use.' } });
    const row = await tx.db
      .insertInto('unit')
      .values({ id: randomUUID(), organisation_id: input.organisationId, name, created_at: new Date() })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { organisationId: input.organisationId, action: 'unit.created', entityType: 'unit', entityId: row.id, after: row });
    return row;
  });
}

// ---- people

export type CreateUserInput = { email: string; displayName: string; password: string | null };

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<{ id: string; email: string; displayName: string }> {
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new AppError('bad_request', 'user.bad_email', `"${input.email}" is not an email address.`, { fields: { email: 'Not an email address.' } });
  }
  const displayName = input.displayName.trim();
  if (displayName.length < 1 || displayName.length > 200) {
    throw new AppError('bad_request', 'user.bad_name', 'Give a name of 1 to 200 characters.', { fields: { displayName: 'Enter 1 to 200 characters.' } });
  }
  if (input.password !== null) checkPasswordRules(input.password);
  const hash = input.password === null ? null : await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.db
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', 'user.email_taken', `There is already an account for ${email}.`, { fields: { email: 'Already has an account.' } });
    const now = new Date();
    const id = randomUUID();
    await tx.db
      .insertInto('app_user')
      .values({ id, email, display_name: input.displayName.trim(), password_hash: hash, created_at: now, updated_at: now })
      .execute();
    const view = { id, email, displayName: input.displayName.trim() };
    await recordAudit(tx, { organisationId: null, action: 'user.created', entityType: 'user', entityId: id, after: view });
    return view;
  });
}

export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

const checkRoles = (roles: string[]): Role[] => {
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new AppError('bad_request', 'membership.bad_roles', unknown.length ? `Unknown role: ${unknown.join(', ')}.` : 'Choose at least one role.', {
      fields: { roles: 'Choose one or more of the listed roles.' },
    });
  }
  return [...new Set(roles)] as Role[];
};

export async function addMembership(ctx: Ctx, input: { organisationId: string; userId: string; roles: string[] }): Promise<void> {
  const roles = checkRoles(input.roles);
  await inTransaction(ctx, async (tx) => {
    const now = new Date();
    const existing = await tx.db
      .selectFrom('membership')
      .select('roles')
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst();
    if (existing) {
      const merged = [...new Set([...existing.roles, ...roles])];
      await tx.db.updateTable('membership').set({ roles: merged, updated_at: now }).where('organisation_id', '=', input.organisationId).where('user_id', '=', input.userId).execute();
      await recordAudit(tx, { organisationId: input.organisationId, action: 'membership.updated', entityType: 'membership', entityId: input.userId, before: { roles: existing.roles }, after: { roles: merged } });
      return;
    }
    await tx.db
      .insertInto('membership')
      .values({ organisation_id: input.organisationId, user_id: input.userId, roles, unit_id: null, created_at: now, updated_at: now })
      .execute();
    await recordAudit(tx, { organisationId: input.organisationId, action: 'membership.created', entityType: 'membership', entityId: input.userId, after: { roles } });
  });
}

export type MemberView = {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  lastSignInAt: Date | null;
  lockedUntil: Date | null;
};

type MemberListInput = { organisationId: string; limit: number; offset: number; q?: string | undefined };

/** The organisation's members, narrowed by the search: what the page and its total share. */
function memberBase(db: Kysely<DB>, input: MemberListInput) {
  let base = db.selectFrom('membership as m').innerJoin('app_user as u', 'u.id', 'm.user_id').where('m.organisation_id', '=', input.organisationId);
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
    base = base.where((eb) => eb.or([eb('u.email', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  return base;
}

/** One page of members in name order with the total (one statement; two when past the end). */
async function memberPage<R extends { total: number }>(db: Kysely<DB>, input: MemberListInput, select: (q: ReturnType<typeof memberBase>) => Promise<R[]>): Promise<{ rows: R[]; total: number }> {
  const rows = await select(memberBase(db, input));
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && input.offset > 0) {
    const counted = await memberBase(db, input).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  return { rows, total };
}

/** One page of members: one statement (two when the page is past the end) whatever the size. */
export async function listMembers(db: Kysely<DB>, input: MemberListInput) {
  const { rows, total } = await memberPage(db, input, (base) =>
    base
      .select(['u.id', 'u.email', 'u.display_name', 'm.roles', 'u.last_sign_in_at', 'u.locked_until'])
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
  );
  const items: MemberView[] = rows.map((r) => ({
    userId: r.id,
    email: r.email,
    displayName: r.display_name,
    roles: r.roles.filter(isRole),
    lastSignInAt: r.last_sign_in_at,
    lockedUntil: r.locked_until,
  }));
  return { items, total };
}

/**
 * The same page as listMembers, as the JSON text the API sends, written by the database (a
 * 1,000-member page costs the server no row parsing or serialisation). Roles the code no longer
 * knows are left out, as listMembers does; org-members-json.int.test.ts keeps the two equal.
 */
export async function listMembersJson(db: Kysely<DB>, input: MemberListInput): Promise<string> {
  const { rows, total } = await memberPage(db, input, (base) =>
    base
      .select(
        sql<string>`json_build_object(
          'userId', u.id, 'email', u.email, 'displayName', u.display_name,
          'roles', array(select r from unnest(m.roles) with ordinality as x(r, i) where r = any(${sql.val([...ROLES])}::text[]) order by i),
          'lastSignInAt', ${isoText('u.last_sign_in_at')}, 'lockedUntil', ${isoText('u.locked_until')}
        )::text`.as('j'),
      )
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
  );
  return jsonPage(rows.map((r) => r.j), total);
}

export type PersonView = { userId: string; email: string; displayName: string; roles: Role[] };

/**
 * The people of an organisation for choosing an owner or an assignee: names, work addresses and
 * roles, nothing about their accounts. Open to those who hand work out (admins, governance officers,
 * system owners), where the full member list stays with administrators. One statement; at most 500.
 */
export async function listPeople(db: Kysely<DB>, input: { organisationId: string; q?: string | undefined; roles?: readonly Role[] | undefined; limit: number }): Promise<{ items: PersonView[] }> {
  let q = db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'm.roles'])
    .where('m.organisation_id', '=', input.organisationId)
    .where('u.disabled_at', 'is', null);
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('u.email', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (input.roles?.length) q = q.where(sql<boolean>`m.roles && ${sql.val([...input.roles])}::text[]`);
  const rows = await q.orderBy('u.display_name').orderBy('u.id').limit(Math.min(input.limit, 500)).execute();
  return { items: rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name, roles: r.roles.filter(isRole) })) };
}

async function countAdmins(ctx: Ctx, organisationId: string): Promise<number> {
  const r = await ctx.db
    .selectFrom('membership')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateMemberRoles(ctx: Ctx, input: { organisationId: string; userId: string; roles: string[] }): Promise<MemberView> {
  const roles = checkRoles(input.roles);
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('membership')
      .select('roles')
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw notFound('member');
    if (existing.roles.includes('admin') && !roles.includes('admin') && (await countAdmins(tx, input.organisationId)) <= 1) {
      throw new AppError('conflict', 'membership.last_admin', 'An organisation needs at least one administrator; give the role to someone else first.');
    }
    await tx.db.updateTable('membership').set({ roles, updated_at: new Date() }).where('organisation_id', '=', input.organisationId).where('user_id', '=', input.userId).execute();
    await recordAudit(tx, { organisationId: input.organisationId, action: 'membership.updated', entityType: 'membership', entityId: input.userId, before: { roles: existing.roles }, after: { roles } });
    const page = await listMembersByIds(tx.db, input.organisationId, [input.userId]);
    const member = page[0];
    if (!member) throw notFound('member');
    return member;
  });
}

async function listMembersByIds(db: Kysely<DB>, organisationId: string, userIds: string[]): Promise<MemberView[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'm.roles', 'u.last_sign_in_at', 'u.locked_until'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.id', 'in', userIds)
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    displayName: r.display_name,
    roles: r.roles.filter(isRole),
    lastSignInAt: r.last_sign_in_at,
    lockedUntil: r.locked_until,
  }));
}

export async function removeMember(ctx: Ctx, input: { organisationId: string; userId: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('membership')
      .select('roles')
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw notFound('member');
    if (existing.roles.includes('admin') && (await countAdmins(tx, input.organisationId)) <= 1) {
      throw new AppError('conflict', 'membership.last_admin', 'An organisation needs at least one administrator; give the role to someone else first.');
    }
    const owned = await tx.db
      .selectFrom('ai_system')
      .select('name')
      .where('organisation_id', '=', input.organisationId)
      .where('owner_id', '=', input.userId)
      .where('lifecycle', '!=', 'retired')
      .orderBy('name')
      .limit(5)
      .execute();
    if (owned.length > 0) {
      throw new AppError('conflict', 'membership.owns_systems', `This person owns AI systems (${owned.map((o) => o.name).join(', ')}); give them a new owner first.`);
    }
    await tx.db.deleteFrom('membership').where('organisation_id', '=', input.organisationId).where('user_id', '=', input.userId).execute();
    // Sessions pointing at this organisation fall back to another one on next load.
    await recordAudit(tx, { organisationId: input.organisationId, action: 'membership.removed', entityType: 'membership', entityId: input.userId, before: { roles: existing.roles } });
  });
}

/**
 * An organisation's register settings: the open-data formats it publishes in (their required texts
 * are checked at publish time) and the organisation facts some formats need that the organisation
 * record does not hold. Also the register's version (publications + withdrawals) and the time of
 * the latest one, which the public pages and open data use for ETag and Last-Modified.
 */
import type { Kysely } from 'kysely';
import { diffFields, recordAudit } from '../../audit/audit.service.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { canListSystems } from '../../inventory/policy.js';
import { REGISTER_FORMAT_IDS, type RegisterFormatId } from '../record/register-record.js';
import { canManageRegisterSettings } from './policy.js';

/** Formats an organisation can choose; 'glassbox' (our own page) is always required. */
export const REGISTER_PUBLISH_FORMATS = REGISTER_FORMAT_IDS.filter((f): f is Exclude<RegisterFormatId, 'glassbox'> => f !== 'glassbox');
export type RegisterPublishFormat = (typeof REGISTER_PUBLISH_FORMATS)[number];
export const isPublishFormat = (v: string): v is RegisterPublishFormat => (REGISTER_PUBLISH_FORMATS as readonly string[]).includes(v);

export type RegisterOrganisationDetails = {
  country: string | null;
  address: string | null;
  contactPhone: string | null;
  area: string | null;
  registrationContact: { name: string; email: string; phone: string | null } | null;
};

export const EMPTY_ORGANISATION_DETAILS: RegisterOrganisationDetails = { country: null, address: null, contactPhone: null, area: null, registrationContact: null };

export type RegisterSettingsView = {
  formats: RegisterPublishFormat[];
  organisation: RegisterOrganisationDetails;
  /** Publications and withdrawals so far. */
  version: number;
  publishedAt: Date | null;
  updatedAt: Date | null;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function parseOrganisationDetails(raw: unknown): RegisterOrganisationDetails {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rc = (o.registrationContact && typeof o.registrationContact === 'object' ? o.registrationContact : null) as Record<string, unknown> | null;
  const rcName = str(rc?.name);
  const rcEmail = str(rc?.email);
  return {
    country: str(o.country),
    address: str(o.address),
    contactPhone: str(o.contactPhone),
    area: str(o.area),
    registrationContact: rcName && rcEmail ? { name: rcName, email: rcEmail, phone: str(rc?.phone) } : null,
  };
}

/** The settings row as the services use it (defaults when the organisation has none yet). */
export async function readRegisterSettings(db: Kysely<DB>, organisationId: string): Promise<RegisterSettingsView> {
  const row = await db.selectFrom('register_settings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { formats: [], organisation: { ...EMPTY_ORGANISATION_DETAILS }, version: 0, publishedAt: null, updatedAt: null };
  return {
    formats: row.formats.filter(isPublishFormat),
    organisation: parseOrganisationDetails(row.details),
    version: Number(row.version),
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

export async function getRegisterSettings(ctx: Ctx, input: { organisationId: string }): Promise<RegisterSettingsView> {
  if (!canListSystems(ctx.actor, input.organisationId)) throw new AppError('forbidden', 'auth.forbidden', 'You are not a member of this organisation.');
  return readRegisterSettings(ctx.db, input.organisationId);
}

export type UpdateRegisterSettingsInput = {
  organisationId: string;
  formats?: readonly string[] | undefined;
  organisation?: Partial<RegisterOrganisationDetails> | undefined;
};

const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Chooses the formats (admins and governance officers); unknown formats are a 400 naming them. */
export async function updateRegisterSettings(ctx: Ctx, input: UpdateRegisterSettingsInput): Promise<RegisterSettingsView> {
  if (!canManageRegisterSettings(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'register.forbidden', 'Only an administrator or a governance officer can change the register settings.');
  }
  const fields: Record<string, string> = {};
  const formats = input.formats ? [...new Set(input.formats)] : undefined;
  const unknown = formats?.filter((f) => !isPublishFormat(f)) ?? [];
  if (unknown.length > 0) fields.formats = `Unknown format(s): ${unknown.join(', ')}. Choose from ${REGISTER_PUBLISH_FORMATS.join(', ')}.`;
  const details = input.organisation;
  if (details?.country && !COUNTRY.test(details.country)) fields['organisation.country'] = 'Give a two-letter country code (ISO 3166-1), such as GB, NL or US.';
  if (details?.registrationContact && !EMAIL.test(details.registrationContact.email)) fields['organisation.registrationContact.email'] = 'Give a valid email address.';
  if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'register.invalid_settings', 'Some settings are not valid.', { fields });

  return inTransaction(ctx, async (tx) => {
    const before = await readRegisterSettings(tx.db, input.organisationId);
    const nextFormats = formats ? REGISTER_PUBLISH_FORMATS.filter((f) => formats.includes(f)) : before.formats;
    const nextDetails = details ? parseOrganisationDetails({ ...before.organisation, ...details }) : before.organisation;
    const diff = diffFields({ formats: before.formats, organisation: before.organisation }, { formats: nextFormats, organisation: nextDetails });
    if (diff.after && Object.keys(diff.after).length > 0) {
      const now = new Date();
      await tx.db
        .insertInto('register_settings')
        .values({ organisation_id: input.organisationId, formats: nextFormats, details: JSON.stringify(nextDetails), updated_at: now })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ formats: nextFormats, details: JSON.stringify(nextDetails), updated_at: now }))
        .execute();
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'register.settings_updated',
        entityType: 'organisation',
        entityId: input.organisationId,
        before: diff.before,
        after: diff.after,
      });
    }
    return readRegisterSettings(tx.db, input.organisationId);
  });
}

/**
 * The EU database registration of a deployer that is a public authority (AI Act Art. 49(3), Annex
 * VIII Section C): the five items the deployer submits for each high-risk system it uses.
 *
 *   C.1 name, address and contact details of the deployer;
 *   C.2 name, address and contact details of the person submitting on the deployer's behalf;
 *   C.3 URL of the provider's entry of the AI system in the EU database;
 *   C.4 summary of the findings of the fundamental rights impact assessment (Art. 27);
 *   C.5 summary of the data protection impact assessment (GDPR Art. 35 / LED Art. 27, as referred
 *       to in Art. 26(8) — in substance 26(9)), where applicable.
 *
 * For Annex III points 1, 6 and 7 (Art. 49(4)) the registration goes to the non-public section and
 * holds only C.1 to C.3, so C.4 and C.5 are left out. C.4 applies when a FRIA is required, C.5 when
 * the system processes personal data; otherwise they are empty and not reported missing.
 * Annex III point 2 systems (critical infrastructure) are registered nationally (Art. 49(5)); a
 * warning says so.
 */
import { annexIIIPointNumber, isArt49_4Restricted, type RegisterRecord } from '../record/register-record.js';
import { fieldCollector, type FormatResult } from './format-utils.js';

export type EuContactDetails = { name: string; address: string; email: string; phone: string; url: string };

export type EuAnnexViiiCRecord = {
  systemName: string;
  annexIIIPoints: string[];
  /** True when the entry goes to the non-public section (Art. 49(4)). */
  nonPublicSection: boolean;
  'C.1': EuContactDetails;
  'C.2': EuContactDetails;
  'C.3': string;
  /** Absent in the non-public section. */
  'C.4'?: string;
  'C.5'?: string;
};

/** The record as Annex VIII Section C registration data. */
export function toEuAnnexViiiC(record: RegisterRecord): FormatResult<EuAnnexViiiCRecord> {
  const c = fieldCollector();
  const { organisation: o, classification: k, texts: t, system: s } = record;
  const nonPublic = isArt49_4Restricted(record);
  const submitter = o.registrationContact;

  const data: EuAnnexViiiCRecord = {
    systemName: s.name,
    annexIIIPoints: [...k.annexIIIPoints],
    nonPublicSection: nonPublic,
    'C.1': {
      name: c.text('C.1.name', o.name),
      address: c.text('C.1.address', o.address),
      email: c.text('C.1.email', o.contactEmail),
      // Phone and web page are optional contact details: one e-mail address is enough.
      phone: o.contactPhone ?? '',
      url: o.contactUrl ?? '',
    },
    'C.2': {
      name: c.text('C.2.name', submitter?.name),
      // The submitter acts for the deployer, at the deployer's address.
      address: c.text('C.2.address', o.address),
      email: c.text('C.2.email', submitter?.email),
      phone: submitter?.phone ?? '',
      url: '',
    },
    'C.3': c.url('C.3', record.links.providerEuDatabaseUrl),
  };
  if (!nonPublic) {
    data['C.4'] = k.friaRequired === false ? t.friaSummary.trim() : c.text('C.4', t.friaSummary);
    data['C.5'] = s.personalData === false ? t.dpiaSummary.trim() : c.text('C.5', t.dpiaSummary);
  }
  if (k.euRegistrationRequired === false) {
    c.warn({ field: 'registration', code: 'not_required', message: 'The classification says this use need not be registered in the EU database (Art. 49(3) covers Annex III high-risk systems).' });
  }
  if (k.annexIIIPoints.some((p) => annexIIIPointNumber(p) === '2')) {
    c.warn({ field: 'registration', code: 'not_required', message: 'Annex III point 2 systems are registered at national level (Art. 49(5)), not in the EU database.' });
  }
  return { data, missing: c.missing, warnings: c.warnings };
}

export type EuAnnexViiiCValidationError = { field: string; rule: 'required' | 'format' | 'not_allowed' | 'type'; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isHttpUrl = (v: string): boolean => {
  try {
    return ['https:', 'http:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/**
 * Checks registration data against Annex VIII Section C: the deployer's (C.1) and the submitter's
 * (C.2) name, address and e-mail, and the provider's entry URL (C.3), are required; C.4 and C.5 are
 * not sent to the non-public section (Art. 49(4)). Whether C.4/C.5 apply depends on facts the data
 * does not carry (FRIA required, personal data), so their emptiness is checked before publishing,
 * not here. With `publicExport`, the submitting person's name and e-mail (C.2, a person's details,
 * left out of every public export) are not asked for. An empty list means the data passes.
 */
export function validateEuAnnexViiiC(obj: unknown, opts: { publicExport?: boolean } = {}): EuAnnexViiiCValidationError[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [{ field: '', rule: 'type', message: 'A record must be an object.' }];
  const r = obj as Record<string, unknown>;
  const errors: EuAnnexViiiCValidationError[] = [];
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  for (const point of ['C.1', 'C.2'] as const) {
    const contact = (typeof r[point] === 'object' && r[point] !== null ? r[point] : {}) as Record<string, unknown>;
    for (const key of ['name', 'address', 'email'] as const) {
      if (point === 'C.2' && key !== 'address' && opts.publicExport) continue;
      if (text(contact[key]) === '') errors.push({ field: `${point}.${key}`, rule: 'required', message: 'Required.' });
    }
    const email = text(contact.email);
    if (email !== '' && !EMAIL.test(email)) errors.push({ field: `${point}.email`, rule: 'format', message: 'Not a valid e-mail address.' });
  }
  const c3 = text(r['C.3']);
  if (c3 === '') errors.push({ field: 'C.3', rule: 'required', message: 'Required.' });
  else if (!isHttpUrl(c3)) errors.push({ field: 'C.3', rule: 'format', message: 'Not a valid URL.' });
  if (r.nonPublicSection === true) {
    for (const point of ['C.4', 'C.5'] as const) {
      if (point in r) errors.push({ field: point, rule: 'not_allowed', message: 'Not registered in the non-public section (Art. 49(4)).' });
    }
  }
  return errors;
}

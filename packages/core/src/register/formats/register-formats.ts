/**
 * The register's export formats in one place: their names and versions, the texts (and, in
 * required-facts.ts, the other facts) each needs before a record can be published to it, and one
 * entry point that exports a record to any of them.
 */
import {
  PUBLIC_TEXT_FIELDS,
  REGISTER_FORMAT_IDS,
  type RegisterFormatId,
  type RegisterRecord,
  type RegisterTextKey,
} from '../record/register-record.js';
import { toEuAnnexViiiC } from './eu-annex-viii-c.js';
import { toEurocities } from './eurocities.js';
import type { FormatResult } from './format-utils.js';
import { toNlAlgoritmeregister } from './nl-algoritmeregister.js';
import { toOmb2025Row } from './omb-2025.js';
import { toUkAtrsTier1, toUkAtrsTier2 } from './uk-atrs.js';

export { missingRequiredFacts, type RequiredFact } from './required-facts.js';

export type RegisterFormatInfo = { id: RegisterFormatId; label: string; standard: string; version: string };

export const REGISTER_FORMATS: readonly RegisterFormatInfo[] = [
  { id: 'glassbox', label: 'Glassbox register page', standard: 'Glassbox', version: '1' },
  { id: 'uk-atrs-tier1', label: 'UK ATRS, tier 1', standard: 'UK Algorithmic Transparency Recording Standard', version: '3.0' },
  { id: 'uk-atrs-tier2', label: 'UK ATRS, tier 2', standard: 'UK Algorithmic Transparency Recording Standard', version: '3.0' },
  { id: 'nl-algoritmeregister', label: 'Dutch Algoritmeregister', standard: 'Algoritmeregister publicatiestandaard', version: '1.0' },
  { id: 'eurocities', label: 'Eurocities transparency standard', standard: 'Eurocities algorithmic transparency standard', version: '0.3.1' },
  { id: 'eu-annex-viii-c', label: 'EU database, deployer (Annex VIII C)', standard: 'Regulation (EU) 2024/1689, Annex VIII Section C', version: '2024/1689' },
  { id: 'us-omb-2025', label: 'US OMB 2025 inventory row', standard: 'OMB M-25-21 AI use case inventory', version: '2025' },
];

export const isRegisterFormatId = (value: string): value is RegisterFormatId => (REGISTER_FORMAT_IDS as readonly string[]).includes(value);

/**
 * The texts (keys of RegisterRecord.texts) a publisher must fill in for the format. With a record,
 * conditions are applied: the FRIA summary only when a FRIA is required and the DPIA summary only
 * when the system processes personal data (Annex VIII C.4, C.5), and neither for an Art. 49(4)
 * restricted system.
 */
export function formatsRequiredFields(formatId: RegisterFormatId, record?: RegisterRecord): RegisterTextKey[] {
  const keys = PUBLIC_TEXT_FIELDS.filter((f) => (f.requiredFor as readonly RegisterFormatId[]).includes(formatId)).map((f) => f.key);
  if (!record || formatId !== 'eu-annex-viii-c') return keys;
  const restricted = record.publication.restricted || record.classification.restrictedSection === true;
  return keys.filter((k) => {
    if (restricted) return false;
    if (k === 'friaSummary') return record.classification.friaRequired !== false;
    if (k === 'dpiaSummary') return record.system.personalData !== false;
    return true;
  });
}

/** Keys of the required texts that are empty in the record ([] when ready to publish). */
export const missingRequiredTexts = (formatId: RegisterFormatId, record: RegisterRecord): RegisterTextKey[] =>
  formatsRequiredFields(formatId, record).filter((k) => record.texts[k].trim() === '');

/**
 * The record exported to a format. 'glassbox' is the record itself, without the registration
 * contact (a person's details, Annex VIII C.2). A record restricted under
 * Art. 49(4) exports only what is public, with a warning saying so.
 */
export function exportRegisterRecord(formatId: RegisterFormatId, record: RegisterRecord): FormatResult<unknown> {
  const result = ((): FormatResult<unknown> => {
    switch (formatId) {
      case 'glassbox': {
        const missing = formatsRequiredFields('glassbox').filter((k) => record.texts[k].trim() === '').map((k) => `texts.${k}`);
        // The submitting person's details (Annex VIII C.2) belong to the EU database export only.
        return { data: { ...record, organisation: { ...record.organisation, registrationContact: null } }, missing, warnings: [] };
      }
      case 'uk-atrs-tier1':
        return toUkAtrsTier1(record);
      case 'uk-atrs-tier2':
        return toUkAtrsTier2(record);
      case 'nl-algoritmeregister':
        return toNlAlgoritmeregister(record);
      case 'eurocities':
        return toEurocities(record);
      case 'eu-annex-viii-c':
        return toEuAnnexViiiC(record);
      case 'us-omb-2025':
        return toOmb2025Row(record);
    }
  })();
  if (record.publication.restricted) {
    result.warnings.unshift({ field: '', code: 'withheld', message: 'Art. 49(4): only the limited public set of this record is exported.' });
  }
  return result;
}

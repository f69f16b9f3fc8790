/** How a catalogue entry is shown: every field, and its inventory record when it has one. */
import { dateText, type CatalogueRowWithSystem } from './catalogue.repository.js';
import type { CatalogueStatus, DataAllowed, Pricing } from './catalogue-fields.js';

export type CatalogueEntryView = {
  id: string;
  name: string;
  vendor: string;
  description: string;
  status: CatalogueStatus;
  permittedUses: string[];
  prohibitedUses: string[];
  conditions: string;
  dataAllowed: DataAllowed;
  pricing: Pricing;
  dataProtectionTerms: string;
  dpaInPlace: boolean;
  /** YYYY-MM-DD. */
  reviewDate: string | null;
  contact: string;
  /** The tool's record in the AI-system inventory. */
  system: { id: string; slug: string; name: string; lifecycle: string } | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const presentCatalogueEntry = (r: CatalogueRowWithSystem): CatalogueEntryView => ({
  id: r.id,
  name: r.name,
  vendor: r.vendor,
  description: r.description,
  status: r.status,
  permittedUses: r.permitted_uses,
  prohibitedUses: r.prohibited_uses,
  conditions: r.conditions,
  dataAllowed: r.data_allowed,
  pricing: r.pricing,
  dataProtectionTerms: r.data_protection_terms,
  dpaInPlace: r.dpa_in_place,
  reviewDate: dateText(r.review_date),
  contact: r.contact,
  system:
    r.system_id && r.system_slug !== null && r.system_name !== null && r.system_lifecycle !== null
      ? { id: r.system_id, slug: r.system_slug, name: r.system_name, lifecycle: r.system_lifecycle }
      : null,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * One AI system as the export reads it: the inventory fields, the unit and owner by name, the date
 * it first went into service (from its version history), and its classification. The export
 * profiles (glassbox-profile.ts, omb-2025.ts) map this to columns.
 */
import type { EuTierColumn, OmbHighImpactColumn } from '../db/schema.js';
import type { Lifecycle } from '../inventory/lifecycle.js';
import type { DecisionRole, Sourcing, Visibility } from '../inventory/system-fields.js';

/** The system's current classification, copied from its latest screening (all null: never screened). */
export type Classification = {
  euTier: EuTierColumn | null;
  ombHighImpact: OmbHighImpactColumn | null;
  orgTier: string | null;
  friaRequired: boolean | null;
  euRegistrationRequired: boolean | null;
  screenedAt: Date | null;
};

export type InventoryRecord = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  description: string;
  unitName: string | null;
  ownerEmail: string;
  ownerName: string;
  sourcing: Sourcing;
  supplier: string | null;
  decisionRole: DecisionRole;
  affectedPeople: string;
  dataCategories: string[];
  personalData: boolean;
  humanOversight: string;
  publicVisibility: Visibility;
  tags: string[];
  lifecycle: Lifecycle;
  version: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** When the system first entered in_service (null when it never has, or when not asked for). */
  inServiceSince: Date | null;
  classification: Classification;
};

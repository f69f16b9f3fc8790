/** How a system is shown: the list summary and the full record, with unit and owner names. */
import { presentClassification, type SystemClassificationView } from '../classification/classification.presenter.js';
import type { SystemRowWithNames, SystemSummaryRow } from './inventory.repository.js';
import { lifecycleTargets, type Lifecycle } from './lifecycle.js';
import type { SystemFields } from './system-fields.js';

export type SystemSummaryView = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  lifecycle: Lifecycle;
  unit: { id: string; name: string } | null;
  owner: { id: string; displayName: string };
  sourcing: SystemFields['sourcing'];
  supplier: string | null;
  decisionRole: SystemFields['decisionRole'];
  personalData: boolean;
  publicVisibility: SystemFields['publicVisibility'];
  tags: string[];
  version: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** From the latest screening (classification module); null when never screened. */
  classification: SystemClassificationView | null;
};

export type SystemView = SystemSummaryView & {
  description: string;
  affectedPeople: string;
  dataCategories: string[];
  humanOversight: string;
  /** Where the lifecycle table lets the system go next (the caller's role may narrow this). */
  allowedTransitions: Lifecycle[];
};

export const presentSystemSummary = (r: SystemSummaryRow): SystemSummaryView => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  purpose: r.purpose,
  lifecycle: r.lifecycle,
  unit: r.unit_id && r.unit_name !== null ? { id: r.unit_id, name: r.unit_name } : null,
  owner: { id: r.owner_id, displayName: r.owner_name },
  sourcing: r.sourcing,
  supplier: r.supplier,
  decisionRole: r.decision_role,
  personalData: r.personal_data,
  publicVisibility: r.public_visibility,
  tags: r.tags,
  version: r.version,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  classification: presentClassification(r),
});

export const presentSystem = (r: SystemRowWithNames): SystemView => ({
  ...presentSystemSummary(r),
  description: r.description,
  affectedPeople: r.affected_people,
  dataCategories: r.data_categories,
  humanOversight: r.human_oversight,
  allowedTransitions: [...lifecycleTargets(r.lifecycle)],
});

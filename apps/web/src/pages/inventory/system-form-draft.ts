/**
 * The new-or-edit form's working copy of a system: made from a system (or empty), checked before
 * sending, and turned into the API's fields. The checks repeat the server's (system-fields.ts) so
 * most mistakes are caught without a round trip; the server still decides.
 */
import { DECISION_ROLES, SOURCING, VISIBILITIES, type AiSystem, type DecisionRole, type Sourcing, type SystemFields, type Visibility } from '../../api';
import type { FormErrors } from '../../components/error-summary';
import { withDraft } from '../../components/list-input';
import { radioId } from '../../components/radio-fieldset';

/** Limits from packages/core/src/inventory/system-fields.ts, checked here to save a round trip. */
export const LIMITS = { name: 200, purpose: 2000, description: 10_000, supplier: 200, affectedPeople: 5000, humanOversight: 5000, item: 50, reason: 2000 };

export type Draft = {
  name: string;
  purpose: string;
  description: string;
  unitId: string;
  ownerId: string;
  sourcing: Sourcing | '';
  supplier: string;
  decisionRole: DecisionRole | '';
  affectedPeople: string;
  dataCategories: string[];
  categoryDraft: string;
  personalData: 'yes' | 'no' | '';
  humanOversight: string;
  publicVisibility: Visibility;
  tags: string[];
  tagDraft: string;
  reason: string;
};

export const draftOf = (system: AiSystem | null, userId: string): Draft => ({
  name: system?.name ?? '',
  purpose: system?.purpose ?? '',
  description: system?.description ?? '',
  unitId: system?.unit?.id ?? '',
  ownerId: system?.owner.id ?? userId,
  sourcing: system?.sourcing ?? '',
  supplier: system?.supplier ?? '',
  decisionRole: system?.decisionRole ?? '',
  affectedPeople: system?.affectedPeople ?? '',
  dataCategories: system?.dataCategories ?? [],
  categoryDraft: '',
  personalData: system ? (system.personalData ? 'yes' : 'no') : '',
  humanOversight: system?.humanOversight ?? '',
  publicVisibility: system?.publicVisibility ?? 'internal',
  tags: system?.tags ?? [],
  tagDraft: '',
  reason: '',
});

/** Radio groups and list inputs: where the error summary sends the person. */
export const FIELD_IDS: Record<string, string> = {
  sourcing: radioId('sourcing', SOURCING[0]),
  decisionRole: radioId('decisionRole', DECISION_ROLES[0]),
  personalData: radioId('personalData', 'yes'),
  publicVisibility: radioId('publicVisibility', VISIBILITIES[0]),
  ownerId: 'ownerId',
};

export function check(d: Draft): Record<string, string> {
  const fields: Record<string, string> = {};
  const tooLong = (field: keyof typeof LIMITS, value: string) => {
    if (value.trim().length > LIMITS[field]) fields[field] = `Use at most ${LIMITS[field]} characters.`;
  };
  if (!d.name.trim()) fields['name'] = 'Enter the name of the system.';
  tooLong('name', d.name);
  if (!d.purpose.trim()) fields['purpose'] = 'Say what the system is for.';
  tooLong('purpose', d.purpose);
  tooLong('description', d.description);
  if (!d.sourcing) fields['sourcing'] = 'Choose how the system was obtained.';
  if (d.sourcing === 'procured' && !d.supplier.trim()) fields['supplier'] = 'Name the supplier of a procured system (write “to be tendered” if it is not chosen yet).';
  tooLong('supplier', d.supplier);
  if (!d.decisionRole) fields['decisionRole'] = 'Choose the part the system plays in decisions.';
  tooLong('affectedPeople', d.affectedPeople);
  if (withDraft(d.dataCategories, d.categoryDraft).some((c) => c.length > 200)) fields['dataCategories'] = 'Keep each data category to 200 characters.';
  if (!d.personalData) fields['personalData'] = 'Say whether the system uses personal data.';
  tooLong('humanOversight', d.humanOversight);
  if (withDraft(d.tags, d.tagDraft).some((t) => t.length > LIMITS.item)) fields['tags'] = `Keep each tag to ${LIMITS.item} characters.`;
  tooLong('reason', d.reason);
  return fields;
}

/** The payload; call only after `check` passed. Supplier is kept for general-purpose tools, dropped for in-house ones. */
export function fieldsOf(d: Draft): SystemFields {
  return {
    name: d.name.trim(),
    purpose: d.purpose.trim(),
    description: d.description.trim(),
    unitId: d.unitId || null,
    ownerId: d.ownerId,
    sourcing: d.sourcing || 'in_house',
    supplier: d.sourcing === 'in_house' ? null : d.supplier.trim() || null,
    decisionRole: d.decisionRole || 'informs',
    affectedPeople: d.affectedPeople.trim(),
    dataCategories: withDraft(d.dataCategories, d.categoryDraft),
    personalData: d.personalData === 'yes',
    humanOversight: d.humanOversight.trim(),
    publicVisibility: d.publicVisibility,
    tags: withDraft(d.tags, d.tagDraft).map((t) => t.toLowerCase()),
  };
}

/** Server keys such as `dataCategories.2` belong to the field itself. */
export function byField(errors: FormErrors): FormErrors {
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors.fields)) fields[key.split('.')[0] ?? key] ??= message;
  return { message: errors.message, fields };
}

/**
 * The 'omb-2025' export profile: the US federal AI use case inventory of 2025 (OMB M-25-21; data
 * dictionary in standards/us_omb_2025_ai_use_case_inventory_data_dictionary.json). One column per
 * dictionary column, in the dictionary's order, named by its column id; multiple-choice answers use
 * the dictionary's permitted values word for word (its `valid_selections`). Glassbox fills what it
 * records and leaves the rest empty (null): an empty cell is a question for the agency to answer,
 * never a guess. The unit test checks ids, order and every value written against the dictionary.
 */
import type { InventoryRecord } from './inventory-record.js';

/** Permitted values used below, copied from the dictionary's `valid_selections`. */
export const OMB_VALUES = {
  isWithheld: { no: 'a) No' },
  developmentStage: {
    preDeployment: 'a) Pre-deployment – The use case is in a development or acquisition status.',
    deployed: 'c) Deployed – The use case is being actively authorized or utilized to support the functions or mission of an agency.',
    retired: 'd) Retired – The use case was reported in the agency’s prior year’s inventory, but its development and/or use has since been discontinued.',
  },
  isHighImpact: { highImpact: 'a) High-impact', notHighImpact: 'c) Not high-impact' },
  contractingUsage: { vendor: 'a) Purchased from a vendor', inHouse: 'b) Developed in-house' },
  yesNo: { yes: 'Yes', no: 'No' },
} as const;

export type OmbContext = { organisationSlug: string };

export type OmbColumn = {
  /** The dictionary's column id (its key), used as the CSV header and the JSON key. */
  id: string;
  /** What Glassbox fills the column from, or null when it has nothing to say. */
  value: ((r: InventoryRecord, c: OmbContext) => string | null) | null;
};

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** The mapping table, in the dictionary's column order. */
export const OMB_2025_COLUMNS: readonly OmbColumn[] = [
  // "Use Case ID": organisation slug + system slug. The slug is made once from the name and never
  // changes, so the ID stays the same from one year's inventory to the next, as the dictionary asks.
  { id: 'id', value: (r, c) => `${c.organisationSlug}-${r.slug}` },
  // "Use Case Name": the system's name.
  { id: 'use_case_name', value: (r) => r.name },
  // "Bureau/Component": the unit the system belongs to, when it has one.
  { id: 'agency_bureau', value: (r) => r.unitName },
  // "Email Address": the owner, the person accountable for the system. An agency publishing the
  // inventory may replace it with its public inquiries address, as the dictionary allows.
  { id: 'contact_email', value: (r) => r.ownerEmail },
  // "Withheld from public reporting?": a system the organisation publishes is not withheld. An
  // internal one is left empty: Glassbox does not record why (FOIA risk, prohibited by law, other).
  { id: 'is_withheld', value: (r) => (r.publicVisibility === 'public' ? OMB_VALUES.isWithheld.no : null) },
  // "Stage of Development", from the lifecycle: idea to approved are pre-deployment; in service and
  // suspended (a pause, the use remains authorised) are deployed; retired is retired. Rejected
  // proposals never became a use case: left empty. Glassbox has no pilot stage, so never "b) Pilot".
  { id: 'development_stage', value: (r) => developmentStage(r.lifecycle) },
  // "Is the AI use case high-impact?", from the latest screening's omb_high_impact: yes → a),
  // no → c), undetermined, not applicable or never screened → empty. "b) Presumed high-impact, but
  // determined not" needs a recorded determination Glassbox does not keep yet.
  { id: 'is_high_impact', value: (r) => highImpact(r.classification.ombHighImpact) },
  // "Justification" (for b) above): not recorded.
  { id: 'HI_justification', value: null },
  // "Use Case Topic Area": not recorded (tags are free text, not this closed list).
  { id: 'topic_area', value: null },
  // "AI Classification" (agentic, generative, …): not recorded.
  { id: 'classification', value: null },
  // "What problem is the AI intended to solve?": the system's purpose.
  { id: 'problem_solved', value: (r) => r.purpose },
  // "Expected benefits": not recorded separately from the purpose.
  { id: 'benefits', value: null },
  // "Describe the AI system's outputs": from the decision role (informs / recommends / decides).
  { id: 'system_outputs', value: (r) => OUTPUTS[r.decisionRole] },
  // "Date operational": the day the system first entered service, from its version history.
  { id: 'operational_date', value: (r) => (r.inServiceSince ? isoDate(r.inServiceSince) : null) },
  // "Purchased, in-house or both?", from sourcing: procured and general-purpose tools are bought
  // from a vendor; in-house is developed in-house. Glassbox has no "both" answer.
  { id: 'contracting_usage', value: (r) => (r.sourcing === 'in_house' ? OMB_VALUES.contractingUsage.inHouse : OMB_VALUES.contractingUsage.vendor) },
  // "Vendor(s) Name": the supplier, for bought systems.
  { id: 'vendor_name', value: (r) => (r.sourcing === 'in_house' ? null : r.supplier) },
  // "Authorization to Operate?" and its system name: not recorded.
  { id: 'have_ato', value: null },
  { id: 'system_name_ato', value: null },
  // "Describe the data used": the categories of data the system uses (the dictionary's description
  // includes data used in operation), separated by semicolons.
  { id: 'data_description', value: (r) => (r.dataCategories.length > 0 ? r.dataCategories.join('; ') : null) },
  // "Link to the Federal Data Catalog": not recorded.
  { id: 'link_to_data', value: null },
  // "Involves PII?": the personal-data answer.
  { id: 'has_pii', value: (r) => (r.personalData ? OMB_VALUES.yesNo.yes : OMB_VALUES.yesNo.no) },
  // "Privacy Impact Assessment link": not recorded.
  { id: 'pia_url', value: null },
  // "Demographic features used": not recorded.
  { id: 'demographic_features', value: null },
  // "Custom-developed code?" and its link: not recorded (in-house does not imply custom code).
  { id: 'has_custom_code', value: null },
  { id: 'code_url', value: null },
  // The high-impact minimum practices (M-25-21 App. §4(b)(i)-(vii)): Glassbox does not record their
  // status yet (assessments and monitoring arrive with their modules), so all are left empty.
  { id: 'hi_testing_conducted', value: null },
  { id: 'hi_assessment_completed', value: null },
  { id: 'hi_potential_impacts', value: null },
  { id: 'hi_independent_review', value: null },
  { id: 'hi_ongoing_monitoring', value: null },
  { id: 'hi_training_established', value: null },
  { id: 'hi_failsafe_presence', value: null },
  { id: 'hi_appeal_process', value: null },
  { id: 'hi_public_consultation', value: null },
];

/** Free-text answers for `system_outputs`, one per decision role. */
const OUTPUTS: Record<InventoryRecord['decisionRole'], string> = {
  informs: 'Information that a person takes into account when deciding.',
  recommends: 'Recommendations; a person makes the decision.',
  decides: 'Decisions, made by the system.',
};

function developmentStage(lifecycle: InventoryRecord['lifecycle']): string | null {
  switch (lifecycle) {
    case 'idea':
    case 'proposed':
    case 'in_review':
    case 'approved':
      return OMB_VALUES.developmentStage.preDeployment;
    case 'in_service':
    case 'suspended':
      return OMB_VALUES.developmentStage.deployed;
    case 'retired':
      return OMB_VALUES.developmentStage.retired;
    case 'rejected':
      return null;
  }
}

function highImpact(value: InventoryRecord['classification']['ombHighImpact']): string | null {
  if (value === 'yes') return OMB_VALUES.isHighImpact.highImpact;
  if (value === 'no') return OMB_VALUES.isHighImpact.notHighImpact;
  return null;
}

/** One system as an OMB 2025 inventory row: column id → value (null: empty). */
export function toOmb2025Row(record: InventoryRecord, context: OmbContext): Record<string, string | null> {
  return Object.fromEntries(OMB_2025_COLUMNS.map((col) => [col.id, col.value ? col.value(record, context) : null]));
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '../inventory/lifecycle.js';
import { LIFECYCLE_STAGES } from '../inventory/lifecycle.js';
import type { InventoryRecord } from './inventory-record.js';
import { OMB_2025_COLUMNS, OMB_VALUES, toOmb2025Row } from './omb-2025.js';

type DictionaryColumn = { column_order_in_original_excel: number; data_type: string; valid_selections?: string[] };

// The data dictionary is kept in the repository's reference folder.
const dictionary = JSON.parse(
  readFileSync(new URL('../../../../reference/us_omb_2025_ai_use_case_inventory_data_dictionary.json', import.meta.url), 'utf8'),
) as Record<string, DictionaryColumn>;

const unscreened: InventoryRecord['classification'] = { euTier: null, ombHighImpact: null, orgTier: null, friaRequired: null, euRegistrationRequired: null, screenedAt: null };

const record = (over: Partial<InventoryRecord> = {}): InventoryRecord => ({
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  slug: 'benefit-triage',
  name: 'Benefit triage',
  purpose: 'Sorts claims by urgency.',
  description: 'Longer text.',
  unitName: 'Revenue Bureau',
  ownerEmail: 'owner@city.example',
  ownerName: 'Olive Owner',
  sourcing: 'procured',
  supplier: 'Acme Analytics',
  decisionRole: 'recommends',
  affectedPeople: 'Claimants',
  dataCategories: ['income', 'household'],
  personalData: true,
  humanOversight: 'A caseworker decides.',
  publicVisibility: 'public',
  tags: [],
  lifecycle: 'in_service',
  version: 5,
  archivedAt: null,
  createdAt: new Date('2026-01-02T10:00:00Z'),
  updatedAt: new Date('2026-03-04T10:00:00Z'),
  inServiceSince: new Date('2026-02-15T23:30:00Z'),
  classification: { euTier: 'high', ombHighImpact: 'yes', orgTier: null, friaRequired: true, euRegistrationRequired: false, screenedAt: new Date('2026-02-01T09:00:00Z') },
  ...over,
});

const context = { organisationSlug: 'riverton' };

describe('the OMB 2025 mapping table', () => {
  it('has every dictionary column, once, in the dictionary’s order, named by its id', () => {
    const ids = Object.entries(dictionary)
      .sort(([, a], [, b]) => a.column_order_in_original_excel - b.column_order_in_original_excel)
      .map(([id]) => id);
    expect(OMB_2025_COLUMNS.map((c) => c.id)).toEqual(ids);
  });

  it('writes only the dictionary’s permitted values in its multiple-choice columns', () => {
    const variants: InventoryRecord[] = [];
    for (const lifecycle of LIFECYCLE_STAGES) {
      for (const sourcing of ['in_house', 'procured', 'general_purpose_tool'] as const) {
        for (const ombHighImpact of ['yes', 'no', 'undetermined', null] as const) {
          for (const personalData of [true, false]) {
            for (const publicVisibility of ['public', 'internal'] as const) {
              variants.push(record({ lifecycle, sourcing, personalData, publicVisibility, classification: { ...unscreened, ombHighImpact } }));
            }
          }
        }
      }
    }
    for (const v of variants) {
      const row = toOmb2025Row(v, context);
      for (const [id, value] of Object.entries(row)) {
        const allowed = dictionary[id]?.valid_selections;
        if (value !== null && allowed && dictionary[id]?.data_type === 'multiple_choice') expect(allowed, `${id}: ${value}`).toContain(value);
      }
    }
    // The constants themselves come from the dictionary word for word.
    for (const [id, values] of [
      ['is_withheld', OMB_VALUES.isWithheld],
      ['development_stage', OMB_VALUES.developmentStage],
      ['is_high_impact', OMB_VALUES.isHighImpact],
      ['contracting_usage', OMB_VALUES.contractingUsage],
      ['has_pii', OMB_VALUES.yesNo],
    ] as const) {
      for (const value of Object.values(values)) expect(dictionary[id]?.valid_selections).toContain(value);
    }
  });

  it('maps what Glassbox records and leaves the rest empty', () => {
    const row = toOmb2025Row(record(), context);
    expect(row).toMatchObject({
      id: 'riverton-benefit-triage',
      use_case_name: 'Benefit triage',
      agency_bureau: 'Revenue Bureau',
      contact_email: 'owner@city.example',
      is_withheld: 'a) No',
      development_stage: OMB_VALUES.developmentStage.deployed,
      is_high_impact: 'a) High-impact',
      HI_justification: null,
      topic_area: null,
      problem_solved: 'Sorts claims by urgency.',
      system_outputs: 'Recommendations; a person makes the decision.',
      operational_date: '2026-02-15',
      contracting_usage: 'a) Purchased from a vendor',
      vendor_name: 'Acme Analytics',
      data_description: 'income; household',
      has_pii: 'Yes',
      hi_testing_conducted: null,
      hi_public_consultation: null,
    });
  });

  it.each<[Lifecycle, string | null]>([
    ['idea', OMB_VALUES.developmentStage.preDeployment],
    ['proposed', OMB_VALUES.developmentStage.preDeployment],
    ['in_review', OMB_VALUES.developmentStage.preDeployment],
    ['approved', OMB_VALUES.developmentStage.preDeployment],
    ['in_service', OMB_VALUES.developmentStage.deployed],
    ['suspended', OMB_VALUES.developmentStage.deployed],
    ['retired', OMB_VALUES.developmentStage.retired],
    ['rejected', null],
  ])('lifecycle %s → development_stage %j', (lifecycle, stage) => {
    expect(toOmb2025Row(record({ lifecycle }), context).development_stage).toBe(stage);
  });

  it.each([
    ['yes', 'a) High-impact'],
    ['no', 'c) Not high-impact'],
    ['undetermined', null],
    [null, null],
  ] as const)('omb_high_impact %j → is_high_impact %j', (value, expected) => {
    expect(toOmb2025Row(record({ classification: { ...unscreened, ombHighImpact: value } }), context).is_high_impact).toBe(expected);
  });

  it.each([
    [{ sourcing: 'in_house', supplier: null }, 'b) Developed in-house', null],
    [{ sourcing: 'in_house', supplier: 'Ignored Ltd' }, 'b) Developed in-house', null],
    [{ sourcing: 'procured', supplier: 'Acme' }, 'a) Purchased from a vendor', 'Acme'],
    [{ sourcing: 'general_purpose_tool', supplier: 'Big Model Inc' }, 'a) Purchased from a vendor', 'Big Model Inc'],
  ] as const)('sourcing %j → contracting_usage %j, vendor_name %j', (over, usage, vendor) => {
    const row = toOmb2025Row(record(over), context);
    expect(row.contracting_usage).toBe(usage);
    expect(row.vendor_name).toBe(vendor);
  });

  it('leaves an internal system’s withholding, an empty unit, no data categories and no service date empty', () => {
    const row = toOmb2025Row(record({ publicVisibility: 'internal', unitName: null, dataCategories: [], inServiceSince: null, personalData: false, classification: unscreened }), context);
    expect(row).toMatchObject({ is_withheld: null, agency_bureau: null, data_description: null, operational_date: null, has_pii: 'No', is_high_impact: null });
  });
});

/** The filter and sort form above the inventory list: it edits a copy of the address's filters and hands it over on "Apply filters". */
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Form, Grid } from '@trussworks/react-uswds';
import { DECISION_ROLES, EU_TIERS, LIFECYCLE_STAGES, OMB_HIGH_IMPACT, SOURCING, SYSTEM_SORTS, VISIBILITIES, type EuTier, type Lifecycle, type Unit } from '../../api';
import { SelectField, type SelectOption } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { DECISION_ROLE_LABELS, EU_TIER_LABELS, LIFECYCLE_LABELS, OMB_HIGH_IMPACT_LABELS, oneOf, SOURCING_LABELS, VISIBILITY_LABELS } from './inventory-labels';
import { ARCHIVED, ORDER_LABELS, ORDERS, SORT_LABELS, TRUE_FALSE, YES_NO, type ListParams } from './systems-list-params';
import type { OrgTiers } from './use-org-tiers';

type FilterProps = {
  params: ListParams;
  units: readonly Unit[];
  orgTiers: OrgTiers;
  userId: string;
  onApply: (next: ListParams) => void;
  onClear: () => void;
};

export function FilterForm({ params, units, orgTiers, userId, onApply, onClear }: FilterProps) {
  const [draft, setDraft] = useState<ListParams>(params);
  const set =
    <K extends keyof ListParams>(name: K) =>
    (value: ListParams[K]) =>
      setDraft((d) => ({ ...d, [name]: value }));

  const toggleStage = (stage: Lifecycle, checked: boolean) =>
    setDraft((d) => ({ ...d, lifecycle: LIFECYCLE_STAGES.filter((s) => (s === stage ? checked : d.lifecycle.includes(s))) }));
  const toggleTier = (tier: EuTier, checked: boolean) =>
    setDraft((d) => ({ ...d, euTier: EU_TIERS.filter((t) => (t === tier ? checked : d.euTier.includes(t))) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };

  const any: SelectOption = { value: '', label: 'Any' };
  const ownerOptions: SelectOption[] = [{ value: '', label: 'Anyone' }, { value: userId, label: 'Me' }];
  if (draft.ownerId && draft.ownerId !== userId) ownerOptions.push({ value: draft.ownerId, label: 'The person in the link' });
  const sortedUnits = [...units].sort((a, b) => a.name.localeCompare(b.name));
  const tierOptions: SelectOption[] = [any, ...orgTiers.tiers.map((t) => ({ value: t.id, label: t.label }))];
  // A tier named in the link but not (or not yet) in the policy stays choosable.
  if (draft.orgTier && !tierOptions.some((o) => o.value === draft.orgTier)) tierOptions.push({ value: draft.orgTier, label: draft.orgTier });

  return (
    <Form onSubmit={onSubmit} noValidate className="gb-filters">
      <Grid row gap>
        <Grid desktop={{ col: 4 }} tablet={{ col: 6 }} col={12}>
          <Fieldset legend="Stage" className="margin-top-0">
            {LIFECYCLE_STAGES.map((stage) => (
              <Checkbox
                key={stage}
                id={`filter-stage-${stage}`}
                name="lifecycle"
                value={stage}
                label={LIFECYCLE_LABELS[stage]}
                checked={draft.lifecycle.includes(stage)}
                onChange={(event) => toggleStage(stage, event.target.checked)}
              />
            ))}
          </Fieldset>
          <SelectField
            id="filter-archived"
            label="Archived systems"
            value={draft.archived}
            onChange={(v) => set('archived')(oneOf(ARCHIVED, v) ? v : 'false')}
            options={[
              { value: 'false', label: 'Leave them out' },
              { value: 'any', label: 'Include them' },
              { value: 'true', label: 'Only archived' },
            ]}
          />
        </Grid>
        <Grid desktop={{ col: 4 }} tablet={{ col: 6 }} col={12}>
          <SelectField
            id="filter-sourcing"
            label="Sourcing"
            value={draft.sourcing}
            onChange={(v) => set('sourcing')(oneOf(SOURCING, v) ? v : '')}
            options={[any, ...SOURCING.map((s) => ({ value: s, label: SOURCING_LABELS[s] }))]}
          />
          <SelectField
            id="filter-decision-role"
            label="Role in decisions"
            value={draft.decisionRole}
            onChange={(v) => set('decisionRole')(oneOf(DECISION_ROLES, v) ? v : '')}
            options={[any, ...DECISION_ROLES.map((r) => ({ value: r, label: DECISION_ROLE_LABELS[r] }))]}
          />
          <SelectField
            id="filter-unit"
            label="Unit"
            value={draft.unitId}
            onChange={set('unitId')}
            options={[{ value: '', label: 'Any unit' }, ...sortedUnits.map((u) => ({ value: u.id, label: u.name }))]}
          />
          <SelectField id="filter-owner" label="Owner" value={draft.ownerId} onChange={set('ownerId')} options={ownerOptions} />
          <SelectField
            id="filter-visibility"
            label="Public register"
            value={draft.publicVisibility}
            onChange={(v) => set('publicVisibility')(oneOf(VISIBILITIES, v) ? v : '')}
            options={[any, ...VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))]}
          />
          <TextField id="filter-tag" label="Tag" value={draft.tag} onChange={set('tag')} autoComplete="off" />
        </Grid>
        <Grid desktop={{ col: 4 }} tablet={{ col: 6 }} col={12}>
          <Fieldset legend="EU AI Act tier" className="margin-top-0">
            {EU_TIERS.map((tier) => (
              <Checkbox
                key={tier}
                id={`filter-eu-tier-${tier}`}
                name="euTier"
                value={tier}
                label={EU_TIER_LABELS[tier]}
                checked={draft.euTier.includes(tier)}
                onChange={(event) => toggleTier(tier, event.target.checked)}
              />
            ))}
          </Fieldset>
          <SelectField
            id="filter-screened"
            label="Screening"
            value={draft.screened}
            onChange={(v) => set('screened')(oneOf(YES_NO, v) ? v : '')}
            options={[any, { value: 'yes', label: 'Screened' }, { value: 'no', label: 'Not screened yet' }]}
          />
          {tierOptions.length > 1 && <SelectField id="filter-org-tier" label="Organisation tier" value={draft.orgTier} onChange={set('orgTier')} options={tierOptions} />}
          <SelectField
            id="filter-omb"
            label="US OMB high-impact use"
            value={draft.ombHighImpact}
            onChange={(v) => set('ombHighImpact')(oneOf(OMB_HIGH_IMPACT, v) ? v : '')}
            options={[any, ...OMB_HIGH_IMPACT.map((o) => ({ value: o, label: OMB_HIGH_IMPACT_LABELS[o] }))]}
          />
          <SelectField
            id="filter-fria"
            label="Impact assessment (FRIA) required"
            value={draft.friaRequired}
            onChange={(v) => set('friaRequired')(oneOf(TRUE_FALSE, v) ? v : '')}
            options={[any, { value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]}
          />
        </Grid>
        <Grid desktop={{ col: 4 }} tablet={{ col: 6 }} col={12}>
          <SelectField
            id="sort"
            label="Sort by"
            value={draft.sort}
            onChange={(v) => set('sort')(oneOf(SYSTEM_SORTS, v) ? v : 'name')}
            options={SYSTEM_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          />
        </Grid>
        <Grid desktop={{ col: 4 }} tablet={{ col: 6 }} col={12}>
          <SelectField
            id="order"
            label="Order"
            value={draft.order}
            onChange={(v) => set('order')(oneOf(ORDERS, v) ? v : 'asc')}
            options={ORDERS.map((o) => ({ value: o, label: ORDER_LABELS[draft.sort][o] }))}
          />
        </Grid>
      </Grid>
      <Button type="submit">Apply filters</Button>
      <Button type="button" outline onClick={onClear}>
        Clear filters
      </Button>
    </Form>
  );
}

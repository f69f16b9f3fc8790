/**
 * Quick screen of a product under consideration: a short description and the questionnaire.
 * "Check the result" classifies without saving; "Save as a proposal" keeps the screening and
 * registers the product in the inventory as a proposed system.
 */
import { useNavigate } from 'react-router';
import { quickScreen, SOURCING, type DecisionRole, type Sourcing } from '../../api';
import { Page } from '../../components/page';
import { RadioFieldset, radioId } from '../../components/radio-fieldset';
import { TextField } from '../../components/text-field';
import { TextareaField } from '../../components/textarea-field';
import { useOrganisation } from '../../session';
import { SOURCING_DESCRIPTIONS, SOURCING_LABELS } from '../inventory/inventory-labels';
import { ProductFacts } from './questionnaire';
import { emptyDraft, type Draft } from './screening-draft';
import { ScreeningForm } from './screening-form';

const NAME = 'proposal.name';
const PURPOSE = 'proposal.purpose';
const SOURCING_KEY = 'proposal.sourcing';
const SUPPLIER = 'proposal.supplier';

function checkProduct(draft: Draft): Record<string, string> {
  const v = draft.values;
  const missing: Record<string, string> = {};
  if (!v[NAME]?.trim()) missing[NAME] = 'Enter the name of the product.';
  if (!v[PURPOSE]?.trim()) missing[PURPOSE] = 'Say what the product would be used for.';
  if (!v[SOURCING_KEY]) missing[SOURCING_KEY] = 'Choose how the product would be obtained.';
  return missing;
}

const isSourcing = (value: string | undefined): value is Sourcing => (SOURCING as readonly string[]).includes(value ?? '');

export function QuickScreenPage() {
  const org = useOrganisation();
  const navigate = useNavigate();
  return (
    <Page title="Screen a product">
      <p className="usa-intro">
        Before {org.name} buys or builds an AI product, find out which risk tier it would fall in and what it would take. Check the result without saving, or save it as a proposal in the inventory.
      </p>
      <ScreeningForm
        initial={emptyDraft({})}
        systemFacts="elsewhere"
        submitLabel="Save as a proposal"
        cancelTo="/"
        checkBefore={checkProduct}
        beforeFieldIds={{ [SOURCING_KEY]: radioId(SOURCING_KEY, 'in_house') }}
        before={(draft, setDraft, errors) => {
          const v = draft.values;
          const set = (key: string) => (value: string) => setDraft({ ...draft, values: { ...draft.values, [key]: value } });
          return (
            <section aria-labelledby="section-product">
              <h2 id="section-product">The product</h2>
              <TextField id={NAME} label="Name" hint="For example “Benefits eligibility checker from Acme”." value={v[NAME] ?? ''} onChange={set(NAME)} error={errors[NAME]} autoComplete="off" />
              <TextareaField id={PURPOSE} label="Purpose" hint="What it would be used for, and by whom, in one or two sentences." value={v[PURPOSE] ?? ''} onChange={set(PURPOSE)} error={errors[PURPOSE]} rows={3} />
              <RadioFieldset
                name={SOURCING_KEY}
                legend="How would it be obtained?"
                choices={SOURCING.map((s) => ({ value: s, label: SOURCING_LABELS[s], description: SOURCING_DESCRIPTIONS[s] }))}
                value={isSourcing(v[SOURCING_KEY]) ? v[SOURCING_KEY] : ''}
                onChange={set(SOURCING_KEY)}
                error={errors[SOURCING_KEY]}
              />
              {v[SOURCING_KEY] && v[SOURCING_KEY] !== 'in_house' && (
                <TextField id={SUPPLIER} label="Supplier (optional)" hint="The company that would supply it, if known." value={v[SUPPLIER] ?? ''} onChange={set(SUPPLIER)} error={errors[SUPPLIER]} autoComplete="organization" />
              )}
              <ProductFacts draft={draft} onChange={setDraft} errors={errors} />
            </section>
          );
        }}
        onSubmit={async (answers, draft) => {
          const v = draft.values;
          const sourcing = v[SOURCING_KEY];
          if (!isSourcing(sourcing)) return;
          const supplier = v[SUPPLIER]?.trim();
          const outcome = await quickScreen(org.slug, {
            answers,
            proposal: {
              name: (v[NAME] ?? '').trim(),
              purpose: (v[PURPOSE] ?? '').trim(),
              sourcing,
              supplier: sourcing !== 'in_house' && supplier ? supplier : null,
              decisionRole: (answers.facts.decisionRole ?? 'informs') satisfies DecisionRole,
              personalData: answers.facts.personalData ?? false,
            },
          });
          if (outcome.system) void navigate(`/systems/${outcome.system.id}`, { state: { notice: `${outcome.system.name} has been screened and added to the inventory as a proposal.` } });
        }}
      />
    </Page>
  );
}

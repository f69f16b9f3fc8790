/**
 * The organisation's tier policy (/admin/tier-policy): its own risk tiers, what each requires, and
 * the rules that place a system in one, in plain words. Administrators edit it as JSON (a first
 * version; the server checks it and lists every problem) or reset it to the built-in default.
 * Governance officers read it.
 */
import { Fragment, useState } from 'react';
import { getFullTierPolicy, putTierPolicy, type FullTierPolicy, type TierPolicyDocument, type TierRule } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { JsonSettingsEditor } from '../../components/json-settings-editor';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { DECISION_ROLE_LABELS, EU_TIER_LABELS } from '../inventory/inventory-labels';
import { PHASE_LABELS, recurrenceText } from '../obligations/obligation-labels';

/** The built-in default is only ever shown by the server while it is in use, so a copy is kept to reset to later. */
const defaultKey = (org: string) => `glassbox:default-tier-policy:${org}`;

function rememberDefault(org: string, data: FullTierPolicy): void {
  if (!data.isDefault) return;
  try {
    localStorage.setItem(defaultKey(org), JSON.stringify(data.policy));
  } catch {
    // Storage may be full or blocked; resetting is then not offered.
  }
}

function knownDefault(org: string): unknown {
  try {
    const saved = localStorage.getItem(defaultKey(org));
    return saved ? (JSON.parse(saved) as unknown) : null;
  } catch {
    return null;
  }
}

export function TierPolicyPage() {
  const org = useOrganisation();
  const admin = org.roles.includes('admin');
  const policy = useApiData(async (signal) => {
    const data = await getFullTierPolicy(org.slug, signal);
    rememberDefault(org.slug, data);
    return data;
  }, [org.slug]);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <Page title="Tier policy">
      <p className="usa-intro">
        {org.name}’s own risk tiers, what each one requires of a system, and the rules that place a system in a tier when it is screened.
      </p>
      <StatusMessage message={status} />
      {policy.error && <ApiErrorAlert error={policy.error} onRetry={policy.reload} />}
      {!policy.data && !policy.error && <p role="status">Loading the tier policy…</p>}
      {policy.data && (
        <>
          <p>
            {policy.data.isDefault ? (
              'This is the built-in default policy: nobody in the organisation has changed it.'
            ) : (
              <>
                The organisation set its own policy, last changed <DateTime value={policy.data.updatedAt} />.
              </>
            )}{' '}
            Changes apply from each system’s next screening.
          </p>
          <PolicyView policy={policy.data.policy} />
          {admin ? (
            <PolicyEditor
              key={policy.data.updatedAt ?? 'default'}
              current={policy.data}
              onSaved={(saved, message) => {
                rememberDefault(org.slug, saved);
                policy.setData(saved);
                setStatus(message);
              }}
            />
          ) : (
            <p>Only administrators can change the tier policy.</p>
          )}
        </>
      )}
    </Page>
  );
}

function PolicyView({ policy }: { policy: TierPolicyDocument }) {
  const labels = new Map(policy.tiers.map((t) => [t.id, t.label]));
  const tierName = (id: string) => labels.get(id) ?? id;
  return (
    <>
      <section aria-labelledby="tiers-heading">
        <h2 id="tiers-heading">Tiers and what they require</h2>
        {policy.tiers.map((tier) => (
          <Fragment key={tier.id}>
            <h3>
              {tier.label} <span className="gb-muted">({tier.id})</span>
            </h3>
            {tier.requirements.length === 0 ? (
              <p>No requirements of its own.</p>
            ) : (
              <table className="usa-table usa-table--borderless usa-table--compact width-full">
                <caption className="usa-sr-only">Requirements of the {tier.label} tier</caption>
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Requirement</th>
                    <th scope="col">When</th>
                    <th scope="col">Recurs</th>
                  </tr>
                </thead>
                <tbody>
                  {tier.requirements.map((r) => (
                    <tr key={r.key}>
                      <td>
                        <code>{r.key}</code>
                      </td>
                      <td>
                        {r.title}
                        {r.description && <div className="gb-muted">{r.description}</div>}
                      </td>
                      <td>{PHASE_LABELS[r.phase]}</td>
                      <td>{recurrenceText(r.recurrenceMonths ?? null) ?? 'Once'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Fragment>
        ))}
      </section>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">How a system gets its tier</h2>
        <p>The rules are read in order; the first one that fits the system’s latest screening decides its tier.</p>
        <ol className="usa-list">
          {policy.rules.map((rule) => (
            <li key={rule.id}>
              {ruleText(rule)}, the tier is <strong>{tierName(rule.tier)}</strong>. <span className="gb-muted">(Rule {rule.id})</span>
            </li>
          ))}
          <li>
            Otherwise, the tier is <strong>{tierName(policy.defaultTier)}</strong>.
          </li>
        </ol>
      </section>
    </>
  );
}

const orList = (words: string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`);

/** "If the EU AI Act tier is High-risk or Prohibited and it uses personal data". */
function ruleText(rule: TierRule): string {
  const w = rule.when;
  const parts: string[] = [];
  if (w.euTier && w.euTier.length > 0) parts.push(`the EU AI Act tier is ${orList(w.euTier.map((t) => EU_TIER_LABELS[t]))}`);
  if (w.ombHighImpact !== undefined) parts.push(w.ombHighImpact ? 'it is a US OMB high-impact use' : 'it is not a US OMB high-impact use');
  if (w.decisionRole && w.decisionRole.length > 0) parts.push(`its role in decisions is ${orList(w.decisionRole.map((r) => DECISION_ROLE_LABELS[r].toLowerCase()))}`);
  if (w.personalData !== undefined) parts.push(w.personalData ? 'it uses personal data' : 'it uses no personal data');
  if (w.affectsPeople !== undefined) parts.push(w.affectsPeople ? 'it affects people' : 'it does not affect people');
  return parts.length === 0 ? 'For every system' : `If ${parts.join(' and ')}`;
}

type EditorProps = { current: FullTierPolicy; onSaved: (saved: FullTierPolicy, message: string) => void };

function PolicyEditor({ current, onSaved }: EditorProps) {
  const org = useOrganisation();
  const defaultPolicy = current.isDefault ? null : knownDefault(org.slug);
  return (
    <JsonSettingsEditor
      id="policy"
      heading="Change the policy"
      label="Tier policy (JSON)"
      hint={
        <>
          For now the policy is edited as JSON; a form will follow. It holds <code>tiers</code> (each with an <code>id</code>, a <code>label</code> and{' '}
          <code>requirements</code>: <code>key</code>, <code>title</code>, <code>phase</code> “before_deployment” or “in_operation”, optional{' '}
          <code>recurrenceMonths</code>), <code>rules</code> (an <code>id</code>, a <code>when</code> and the <code>tier</code> it gives) and the{' '}
          <code>defaultTier</code>. Glassbox checks it when you save and lists any problems above.
        </>
      }
      initial={current.policy}
      subject={{ name: 'The policy', plural: false }}
      saveLabel="Save policy"
      save={async (parsed) => {
        const saved = await putTierPolicy(org.slug, parsed);
        onSaved(saved, 'The tier policy has been saved. It applies from each system’s next screening.');
      }}
      reset={
        defaultPolicy === null
          ? null
          : {
              label: 'Reset to the default policy',
              title: 'Reset to the default policy?',
              confirmLabel: 'Reset policy',
              consequences: (
                <p>The organisation’s own tiers, requirements and rules will be replaced by the built-in default. Systems keep their tier until their next screening.</p>
              ),
              run: async () => {
                const saved = await putTierPolicy(org.slug, defaultPolicy);
                onSaved(saved, 'The tier policy has been reset to the default.');
              },
            }
      }
      footer={
        !current.isDefault &&
        defaultPolicy === null && (
          <p className="usa-hint">Resetting to the default is offered once this browser has seen the default policy (it is only shown while it is in use).</p>
        )
      }
    />
  );
}

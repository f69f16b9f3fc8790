/**
 * The organisation's assessment rules (/admin/assessment-rules): which assessments a system needs,
 * when, why and on what authority, as a table. Administrators and governance officers replace them
 * as JSON (the server checks every rule and names each problem by its path, e.g. `[2].templateKey`)
 * or reset them to Glassbox's defaults; a change rebuilds the systems' checklists at once.
 */
import { useState } from 'react';
import { getAssessmentRules, putAssessmentRules, resetAssessmentRules, type AssessmentNeedCondition, type AssessmentRules } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { JsonSettingsEditor } from '../../components/json-settings-editor';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { DECISION_ROLE_LABELS, EU_TIER_LABELS, LIFECYCLE_LABELS, SOURCING_LABELS } from '../inventory/inventory-labels';

const MANAGERS = ['admin', 'governance_officer'];

export function AssessmentRulesPage() {
  const org = useOrganisation();
  const canChange = org.roles.some((r) => MANAGERS.includes(r));
  const rules = useApiData((signal) => getAssessmentRules(org.slug, signal), [org.slug]);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <Page title="Assessment rules">
      <p className="usa-intro">Which assessments {org.name}’s AI systems need, when, and why. Each system’s assessments page lists what these rules ask of it.</p>
      <StatusMessage message={status} />
      {rules.error && <ApiErrorAlert error={rules.error} onRetry={rules.reload} />}
      {!rules.data && !rules.error && <p role="status">Loading the assessment rules…</p>}
      {rules.data && (
        <>
          <p>
            {rules.data.isDefault ? (
              'These are Glassbox’s default rules: nobody in the organisation has changed them.'
            ) : (
              <>
                The organisation set its own rules, last changed <DateTime value={rules.data.updatedAt} />.
              </>
            )}{' '}
            A change applies at once: each screened system’s checklist is rebuilt.
          </p>
          <RulesTable data={rules.data} />
          {canChange ? (
            <RulesEditor
              key={rules.data.updatedAt ?? 'default'}
              current={rules.data}
              onSaved={(saved, message) => {
                rules.setData(saved);
                setStatus(message);
              }}
            />
          ) : (
            <p>Only administrators and governance officers can change the assessment rules.</p>
          )}
        </>
      )}
    </Page>
  );
}

function RulesTable({ data }: { data: AssessmentRules }) {
  const source = data.isDefault ? 'Glassbox default' : 'Organisation';
  if (data.rules.length === 0) return <p>No rules: no system is asked for an assessment.</p>;
  return (
    <table className="usa-table usa-table--borderless usa-table--compact width-full">
      <caption>Rules in force ({source.toLowerCase()}), in order</caption>
      <thead>
        <tr>
          <th scope="col">Template</th>
          <th scope="col">When</th>
          <th scope="col">Reason</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {data.rules.map((rule) => (
          <tr key={rule.id}>
            <td>
              {data.templateTitles[rule.templateKey] ?? rule.templateKey}
              <div className="gb-muted">
                <code>{rule.templateKey}</code> · rule <code>{rule.id}</code>
              </div>
            </td>
            <td>{conditionText(rule.when)}</td>
            <td>{rule.reason}</td>
            <td>
              {rule.source}
              <div className="gb-muted">{source}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const orList = (words: string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`);
const label = (labels: Record<string, string>, value: string) => labels[value] ?? value;

/** "The EU AI Act tier is High-risk and it affects people". */
function conditionText(w: AssessmentNeedCondition): string {
  const parts: string[] = [];
  if (w.euTier) parts.push(`the EU AI Act tier is ${orList(w.euTier.map((t) => label(EU_TIER_LABELS, t)))}`);
  if (w.friaRequired !== undefined) parts.push(w.friaRequired ? 'the screening calls for a fundamental rights impact assessment' : 'the screening does not call for a fundamental rights impact assessment');
  if (w.ombHighImpact !== undefined) parts.push(w.ombHighImpact ? 'it is a US OMB high-impact use' : 'it is not a US OMB high-impact use');
  if (w.orgTier) parts.push(`the organisation’s tier is ${orList(w.orgTier)}`);
  if (w.orgTierRequires) parts.push(`the organisation’s tier requires ${orList(w.orgTierRequires)}`);
  if (w.decisionRole) parts.push(`its role in decisions is ${orList(w.decisionRole.map((r) => label(DECISION_ROLE_LABELS, r).toLowerCase()))}`);
  if (w.affectsPeople !== undefined) parts.push(w.affectsPeople ? 'it affects people' : 'it does not affect people');
  if (w.personalData !== undefined) parts.push(w.personalData ? 'it uses personal data' : 'it uses no personal data');
  if (w.sourcing) parts.push(`it is ${orList(w.sourcing.map((s) => label(SOURCING_LABELS, s).toLowerCase()))}`);
  if (w.lifecycle) parts.push(`it is at the stage ${orList(w.lifecycle.map((s) => label(LIFECYCLE_LABELS, s)))}`);
  if (parts.length === 0) return 'Every system';
  const text = parts.join(' and ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

type EditorProps = { current: AssessmentRules; onSaved: (saved: AssessmentRules, message: string) => void };

const savedMessage = (saved: AssessmentRules, what: string) =>
  `${what} ${saved.systemsResynced === 1 ? 'One system’s checklist changed.' : `${saved.systemsResynced ?? 0} systems’ checklists changed.`}`;

function RulesEditor({ current, onSaved }: EditorProps) {
  const org = useOrganisation();
  return (
    <JsonSettingsEditor
      id="rules"
      heading="Change the rules"
      label="Assessment rules (JSON)"
      hint={
        <>
          A list of rules, read in order. Each has an <code>id</code> (kebab-case), the <code>templateKey</code> of a built-in template or one of the
          organisation’s own, a <code>when</code> (any of <code>euTier</code>, <code>friaRequired</code>, <code>ombHighImpact</code>, <code>orgTier</code>,{' '}
          <code>orgTierRequires</code>, <code>decisionRole</code>, <code>affectsPeople</code>, <code>personalData</code>, <code>sourcing</code>,{' '}
          <code>lifecycle</code>; all must hold; <code>{'{}'}</code> matches every system), a <code>reason</code>, a <code>source</code> and optionally the
          obligations an approval <code>meets</code>. Problems are listed above by their place in the list, e.g. <code>[2].templateKey</code> is the third
          rule’s template key.
        </>
      }
      initial={current.rules}
      subject={{ name: 'The rules', plural: true }}
      saveLabel="Save rules"
      check={(parsed) => (Array.isArray(parsed) ? null : 'The rules are a list: start with [ and end with ].')}
      save={async (parsed) => {
        const saved = await putAssessmentRules(org.slug, parsed);
        onSaved(saved, savedMessage(saved, 'The assessment rules have been saved.'));
      }}
      // Each problem names its place in the list, e.g. "[2].templateKey", so it can be found in the text.
      showProblems={(fields) => Object.fromEntries(Object.entries(fields).map(([path, message]) => [path, path === 'rules' ? message : `${path}: ${message}`]))}
      reset={
        current.isDefault
          ? null
          : {
              label: 'Reset to Glassbox defaults',
              title: 'Reset to Glassbox’s default rules?',
              confirmLabel: 'Reset rules',
              consequences: <p>The organisation’s own rules will be replaced by Glassbox’s defaults, and every screened system’s checklist rebuilt.</p>,
              run: async () => {
                const saved = await resetAssessmentRules(org.slug);
                onSaved(saved, savedMessage(saved, 'The assessment rules are Glassbox’s defaults again.'));
              },
            }
      }
    />
  );
}

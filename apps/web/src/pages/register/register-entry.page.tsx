/**
 * "Public register entry" of a system (/systems/:id/register): the plain-language texts with their
 * help and a reading-grade indicator that follows the typing, which texts are public, a preview of
 * the public page exactly as the server will render it (new tab, in English, Spanish or French),
 * what publishing still needs before anyone clicks Publish (texts, and the other facts the chosen
 * formats need, with where to set them), publishing with the required-text errors shown next to
 * each text, withdrawal with a reason, and the history of publications.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, ButtonGroup, Checkbox, ErrorMessage, FormGroup, Label, Select, Table, Textarea, TextInput } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { PUBLIC_TEXT_FIELDS } from '@glassbox/core/register/record/register-record';
import type { ReadabilityLanguage } from '@glassbox/core/register/readability/reading-grade';
import {
  getOrganisation,
  getRegisterChecks,
  getSystem,
  getRegisterEntry,
  getRegisterSettings,
  listRegisterPublications,
  publishRegisterEntry,
  registerPreviewUrl,
  saveRegisterEntry,
  toApiError,
  withdrawRegisterEntry,
  type ApiError,
  type RegisterEntry,
} from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { describedBy } from '../../components/text-field';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { canEditSystem } from '../inventory/inventory-rules';
import { ReadingGradeIndicator } from './reading-grade';
import { canPublishRegister, formatName } from './register-labels';
import './register.css';

type Details = RegisterEntry['details'];
type Draft = { texts: Record<string, string>; publicFields: string[]; details: Details };

const LINK_LABELS: Record<string, string> = {
  documentationUrl: 'More about the system (documentation)',
  codeUrl: 'Source code',
  sourceDataUrl: 'Open data the system uses',
  dpiaUrl: 'Published data protection impact assessment',
  impactAssessmentUrl: 'Published impact assessment',
  providerEuDatabaseUrl: 'The provider’s entry in the EU database',
  legalBasisUrl: 'The law the use rests on',
};
const POLICY_AREA_LABELS: Record<string, string> = {
  benefits: 'Benefits',
  health: 'Health',
  housing: 'Housing',
  education: 'Education',
  employment: 'Employment',
  transport: 'Transport and roads',
  public_safety: 'Public safety',
  justice: 'Justice',
  migration: 'Migration',
  environment: 'Environment',
  taxes_finance: 'Taxes and finance',
  culture_leisure: 'Culture and leisure',
  economy: 'Economy',
  international: 'International',
  internal_operations: 'Internal operations',
  other: 'Other',
};
const TECHNIQUE_LABELS: Record<string, string> = { rule_based: 'Rule-based', self_learning: 'Self-learning (machine learning)', hybrid: 'Both' };
const USE_TYPE_LABELS: Record<string, string> = { descriptive: 'Describes', diagnostic: 'Explains causes', predictive: 'Predicts', prescriptive: 'Suggests what to do' };

const toLang = (locale: string | undefined): ReadabilityLanguage => (locale === 'es' || locale === 'fr' ? locale : 'en');

export function RegisterEntryPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const entry = useApiData((signal) => getRegisterEntry(org.slug, systemId, signal), [org.slug, systemId]);
  const history = useApiData((signal) => listRegisterPublications(org.slug, systemId, signal), [org.slug, systemId]);
  const settings = useApiData((signal) => getRegisterSettings(org.slug, signal), [org.slug]);
  const organisation = useApiData((signal) => getOrganisation(org.slug, signal), [org.slug]);
  const checks = useApiData((signal) => getRegisterChecks(org.slug, systemId, signal), [org.slug, systemId]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    if (entry.data && !draft) setDraft({ texts: { ...entry.data.texts }, publicFields: [...entry.data.publicFields], details: entry.data.details });
  }, [entry.data, draft]);

  const name = system.data?.name;
  const canEdit = system.data ? canEditSystem(org.roles, session.user.id, system.data) && !system.data.archivedAt : false;
  const canPublish = canPublishRegister(org.roles);
  const lang = toLang(organisation.data?.defaultLocale);
  const formats = ['glassbox', ...(settings.data?.formats ?? [])];
  const requiredBy = (key: string): string[] => formats.filter((f) => settings.data?.available.find((a) => a.id === f)?.requiredTexts.includes(key));
  const loadError = system.error ?? entry.error ?? history.error ?? settings.error;

  const applyEntry = (saved: RegisterEntry) => {
    entry.setData(saved);
    checks.reload();
    setDraft({ texts: { ...saved.texts }, publicFields: [...saved.publicFields], details: saved.details });
  };

  const save = async (): Promise<boolean> => {
    if (!draft) return false;
    setFieldErrors({});
    setActionError(null);
    try {
      applyEntry(await saveRegisterEntry(org.slug, systemId, { texts: draft.texts, publicFields: draft.publicFields, details: draft.details }));
      return true;
    } catch (error) {
      const e = toApiError(error);
      setFieldErrors(e.fields);
      setActionError(e);
      return false;
    }
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (await save()) setStatus('Draft saved. It is not public until you publish it.');
    setBusy(false);
  };

  const onPublish = async () => {
    setBusy(true);
    setStatus(null);
    if (canEdit && !(await save())) {
      setBusy(false);
      return;
    }
    try {
      const published = await publishRegisterEntry(org.slug, systemId);
      setStatus(`Version ${published.version} is now on the public register.`);
      entry.reload();
      checks.reload();
      history.reload();
    } catch (error) {
      const e = toApiError(error);
      setFieldErrors(e.fields);
      setActionError(e);
    }
    setBusy(false);
  };

  const onWithdraw = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setActionError(null);
    try {
      await withdrawRegisterEntry(org.slug, systemId, reason);
      setStatus('The entry is no longer on the public register. Its history is kept.');
      setReason('');
      entry.reload();
      history.reload();
    } catch (error) {
      const e = toApiError(error);
      setFieldErrors(e.fields);
      setActionError(e);
    }
    setBusy(false);
  };

  const setDetail = (patch: Partial<Details>) => setDraft((d) => d && { ...d, details: { ...d.details, ...patch } });
  const setLink = (key: string, value: string) => setDraft((d) => d && { ...d, details: { ...d.details, links: { ...d.details.links, [key]: value.trim() === '' ? null : value } } });
  const setText = (key: string, value: string) => setDraft((d) => d && { ...d, texts: { ...d.texts, [key]: value } });
  const setPublic = (key: string, on: boolean) =>
    setDraft((d) => d && { ...d, publicFields: on ? [...new Set([...d.publicFields, key])] : d.publicFields.filter((k) => k !== key) });

  const latest = entry.data?.latest;
  return (
    <Page title={name ? `Public register entry: ${name}` : 'Public register entry'} heading={name ? <>Public register entry <span className="gb-muted gb-h1-sub">for {name}</span></> : 'Public register entry'}>
      <p>
        <Link to={`/systems/${systemId}`} className="usa-link">
          Back to {name ?? 'the system'}
        </Link>
      </p>
      <StatusMessage message={status} />
      {loadError && <ApiErrorAlert error={loadError} />}
      {!loadError && (!draft || !system.data) && <p role="status">Loading the register entry…</p>}
      {!loadError && draft && system.data && entry.data && (
        <>
          <p>
            Write for residents: short sentences and everyday words. Aim for a reading grade of 9 or below. Only the texts you mark as public appear on the public
            page, and only once you publish.
          </p>
          <p>
            {latest
              ? latest.state === 'published'
                ? <>Version {latest.version} is on the public register since <DateTime value={latest.publishedAt} />. <a className="usa-link" href={`/${org.slug}/register/${entry.data.system.slug}`}>See the public page</a>.</>
                : <>Taken off the public register on <DateTime value={latest.publishedAt} />.</>
              : 'This system has not been published on the register yet.'}
          </p>
          {entry.data.system.publicVisibility !== 'public' && (
            <Alert type="warning" headingLevel="h2" heading="This system is internal" className="margin-bottom-3">
              <p className="usa-alert__text">Only systems marked public in the inventory can be published. Change its public visibility first.</p>
            </Alert>
          )}
          {checks.data && (checks.data.missing.length > 0 || checks.data.missingFacts.length > 0) && (
            <Alert type="info" headingLevel="h2" heading="Before this entry can be published" className="margin-bottom-3">
              <p className="usa-alert__text">The formats your organisation publishes in need these. The list is checked again each time you save.</p>
              <ul className="usa-list">
                {checks.data.missing.map((m) => (
                  <li key={`text-${m.field}`}>
                    <a className="usa-link" href={`#text-${m.field}`}>
                      {PUBLIC_TEXT_FIELDS.find((f) => f.key === m.field)?.label ?? m.field}
                    </a>
                    : write it and mark it public (needed for {m.formats.map(formatName).join(', ')}).
                  </li>
                ))}
                {checks.data.missingFacts.map((m) => (
                  <li key={`${m.source}-${m.label}`}>
                    <strong>{m.label}</strong>: needed for {m.needs.map((n) => `${formatName(n.format)} (${n.field})`).join(', ')}. Set it in {m.where}.
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {actionError && Object.keys(actionError.fields).length === 0 && <ApiErrorAlert error={actionError} heading="That did not work" />}
          {actionError && Object.keys(actionError.fields).length > 0 && (
            <Alert type="error" headingLevel="h2" heading="Some things need attention" role="alert" className="margin-bottom-3">
              <ul className="usa-list">
                {Object.entries(actionError.fields).map(([k, message]) => {
                  const text = PUBLIC_TEXT_FIELDS.find((f) => `texts.${f.key}` === k);
                  return (
                    <li key={k}>
                      {text ? (
                        <>
                          <a className="usa-link" href={`#text-${text.key}`}>
                            {text.label}
                          </a>
                          : {message}
                        </>
                      ) : k.startsWith('details.') ? (
                        `${k.replace(/^details\.(links\.)?/, '')}: ${message}`
                      ) : (
                        message
                      )}
                    </li>
                  );
                })}
              </ul>
            </Alert>
          )}
          <form onSubmit={(e) => void onSave(e)} noValidate>
            {PUBLIC_TEXT_FIELDS.map((field) => {
              const id = `text-${field.key}`;
              const error = fieldErrors[`texts.${field.key}`];
              const needs = requiredBy(field.key);
              const value = draft.texts[field.key] ?? '';
              return (
                <FormGroup key={field.key} error={Boolean(error)} className="gb-register-field">
                  <Label htmlFor={id} error={Boolean(error)}>
                    {field.label}
                    {field.audience === 'specialist' && <span className="gb-muted"> (for specialists)</span>}
                  </Label>
                  <div className="usa-hint" id={`${id}-hint`}>
                    {field.help} At most {field.maxLength.toLocaleString('en-GB')} characters.
                    {needs.length > 0 && <> Required for: {needs.map(formatName).join(', ')}.</>}
                  </div>
                  {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
                  <Textarea
                    id={id}
                    name={id}
                    value={value}
                    readOnly={!canEdit}
                    onChange={(e) => setText(field.key, e.target.value)}
                    aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`, value.trim() && field.audience === 'public' && `${id}-grade`)}
                    aria-invalid={error ? true : undefined}
                    error={Boolean(error)}
                    maxLength={field.maxLength}
                    rows={field.maxLength > 1000 ? 5 : 3}
                  />
                  {field.audience === 'public' && <ReadingGradeIndicator id={`${id}-grade`} text={value} lang={lang} />}
                  <Checkbox
                    id={`${id}-public`}
                    name={`${id}-public`}
                    label="Show on the public page"
                    checked={draft.publicFields.includes(field.key)}
                    disabled={!canEdit}
                    onChange={(e) => setPublic(field.key, e.target.checked)}
                  />
                </FormGroup>
              );
            })}
            <h2 className="margin-top-5">Links and facts</h2>
            <p>Some formats ask for these. Links must start with https:// or http://.</p>
            {(
              [
                ['policyArea', 'Policy area', POLICY_AREA_LABELS],
                ['technique', 'Kind of technique', TECHNIQUE_LABELS],
                ['useType', 'What the output is used for', USE_TYPE_LABELS],
              ] as const
            ).map(([key, labelText, options]) => (
              <FormGroup key={key} error={Boolean(fieldErrors[`details.${key}`])}>
                <Label htmlFor={`detail-${key}`}>{labelText}</Label>
                {fieldErrors[`details.${key}`] && <ErrorMessage id={`detail-${key}-error`}>{fieldErrors[`details.${key}`]}</ErrorMessage>}
                <Select id={`detail-${key}`} name={key} value={draft.details[key] ?? ''} disabled={!canEdit} onChange={(e) => setDetail({ [key]: e.target.value || null })}>
                  <option value="">Not chosen</option>
                  {Object.entries(options).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </Select>
              </FormGroup>
            ))}
            <FormGroup error={Boolean(fieldErrors['details.nextReviewDue'])}>
              <Label htmlFor="detail-nextReviewDue">Next review due</Label>
              {fieldErrors['details.nextReviewDue'] && <ErrorMessage id="detail-nextReviewDue-error">{fieldErrors['details.nextReviewDue']}</ErrorMessage>}
              <input
                className="usa-input"
                id="detail-nextReviewDue"
                name="nextReviewDue"
                type="date"
                value={draft.details.nextReviewDue ?? ''}
                readOnly={!canEdit}
                aria-describedby={fieldErrors['details.nextReviewDue'] ? 'detail-nextReviewDue-error' : undefined}
                onChange={(e) => setDetail({ nextReviewDue: e.target.value || null })}
              />
            </FormGroup>
            {Object.entries(LINK_LABELS).map(([key, labelText]) => {
              const error = fieldErrors[`details.links.${key}`];
              return (
                <FormGroup key={key} error={Boolean(error)}>
                  <Label htmlFor={`link-${key}`}>{labelText}</Label>
                  {error && <ErrorMessage id={`link-${key}-error`}>{error}</ErrorMessage>}
                  <TextInput
                    id={`link-${key}`}
                    name={key}
                    type="url"
                    value={draft.details.links[key] ?? ''}
                    readOnly={!canEdit}
                    aria-describedby={error ? `link-${key}-error` : undefined}
                    onChange={(e) => setLink(key, e.target.value)}
                  />
                </FormGroup>
              );
            })}
            <ButtonGroup className="margin-top-3">
              {canEdit && (
                <Button type="submit" disabled={busy}>
                  Save draft
                </Button>
              )}
              <a className="usa-button usa-button--outline" href={registerPreviewUrl(org.slug, systemId, lang)} target="_blank" rel="noopener">
                Preview the public page (opens in a new tab)
              </a>
              {(['en', 'es', 'fr'] as const)
                .filter((l) => l !== lang)
                .map((l) => (
                  <a key={l} className="usa-button usa-button--unstyled" href={registerPreviewUrl(org.slug, systemId, l)} target="_blank" rel="noopener">
                    Preview in {l === 'en' ? 'English' : l === 'es' ? 'Spanish' : 'French'} (new tab)
                  </a>
                ))}
              {canPublish && (
                <Button type="button" secondary disabled={busy} onClick={() => void onPublish()}>
                  {canEdit ? 'Save and publish' : 'Publish'}
                </Button>
              )}
            </ButtonGroup>
            {!canPublish && <p className="gb-muted">An administrator or a governance officer publishes the entry.</p>}
          </form>

          {canPublish && latest?.state === 'published' && (
            <form onSubmit={(e) => void onWithdraw(e)} className="margin-top-4" noValidate>
              <h2>Take it off the register</h2>
              <FormGroup error={Boolean(fieldErrors['reason'])}>
                <Label htmlFor="withdraw-reason">Why (kept in the history)</Label>
                {fieldErrors['reason'] && <ErrorMessage id="withdraw-reason-error">{fieldErrors['reason']}</ErrorMessage>}
                <TextInput id="withdraw-reason" name="reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} aria-describedby={fieldErrors['reason'] ? 'withdraw-reason-error' : undefined} />
              </FormGroup>
              <Button type="submit" secondary disabled={busy || !reason.trim()}>
                Withdraw from the register
              </Button>
            </form>
          )}

          <h2 className="margin-top-5">Publication history</h2>
          {history.data && history.data.items.length === 0 && <p>Nothing published yet.</p>}
          {history.data && history.data.items.length > 0 && (
            <Table bordered fullWidth>
              <caption className="usa-sr-only">Publications of this entry, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">What happened</th>
                  <th scope="col">When</th>
                  <th scope="col">By</th>
                  <th scope="col">What changed</th>
                </tr>
              </thead>
              <tbody>
                {history.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.version}</td>
                    <td>{p.state === 'published' ? (p.restricted ? 'Published (limited, Art. 49(4))' : 'Published') : `Withdrawn: ${p.reason ?? ''}`}</td>
                    <td>
                      <DateTime value={p.publishedAt} />
                    </td>
                    <td>{p.publishedBy}</td>
                    <td>{p.changedFields.length === 0 ? '—' : p.changedFields.map((f) => PUBLIC_TEXT_FIELDS.find((x) => `texts.${x.key}` === f)?.label ?? f).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </Page>
  );
}

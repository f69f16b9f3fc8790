/**
 * A system's notices (R-NOTICE): the "AI assisted in your case" notice people receive when this
 * system helped with their case. Staff choose the language and the variant and see the notice as
 * it will look; they download it as a PDF or a printable HTML file, with the case reference and the
 * person's name when they want them on it (kept only for the system's retention period: its own,
 * which admins and governance officers set here, or the organisation's); the list shows every
 * notice produced for the system.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, ButtonGroup, Fieldset, Form, Radio, Table } from '@trussworks/react-uswds';
import { generateNotice, getNoticeSettings, getSystem, listNotices, noticePreviewUrl, toApiError, updateNoticeSettings, type NoticeFormat, type NoticeLanguage, type NoticeSettings, type NoticeVariant } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { LANGUAGE_LABELS, VARIANT_LABELS } from './notice-labels';

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SystemNoticesPage() {
  const org = useOrganisation();
  const { systemId = '' } = useParams();
  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const notices = useApiData((signal) => listNotices(org.slug, { systemId: system.data?.id, limit: 50, offset: 0 }, signal), [org.slug, system.data?.id]);
  const retention = useApiData((signal) => getNoticeSettings(org.slug, systemId, signal), [org.slug, systemId]);
  const [language, setLanguage] = useState<NoticeLanguage>('en');
  const [variant, setVariant] = useState<NoticeVariant>('standard');
  const [caseReference, setCaseReference] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState<NoticeFormat | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  const produce = async (format: NoticeFormat, event?: FormEvent) => {
    event?.preventDefault();
    if (!system.data) return;
    setBusy(format);
    try {
      const file = await generateNotice(org.slug, system.data.id, {
        language,
        variant,
        format,
        ...(caseReference.trim() && { caseReference: caseReference.trim() }),
        ...(recipientName.trim() && { recipientName: recipientName.trim() }),
        ...(decisionDate && { decisionDate }),
      });
      save(file.blob, format === 'html' ? `notice-${system.data.slug}-${language}${variant === 'easy_read' ? '-easy-read' : ''}.html` : file.filename);
      setErrors(noErrors);
      setDone(`Notice produced as ${format === 'pdf' ? 'a PDF' : 'an HTML file'} and recorded.`);
      notices.reload();
    } catch (err) {
      const e = toApiError(err);
      setErrors({ message: e.message, fields: e.fields });
      setDone(null);
    } finally {
      setBusy(null);
    }
  };

  const previewUrl = system.data ? noticePreviewUrl(org.slug, system.data.id, language, variant) : '';

  return (
    <Page title={system.data ? `Notices: ${system.data.name}` : 'Notices'}>
      <p>
        <Link to={`/systems/${systemId}`} className="usa-link">
          Back to the system
        </Link>
      </p>
      <p className="usa-intro">
        The notice tells a person that this AI system helped with their case, that a trained person reviewed it before any decision, their rights, and how to ask for an
        explanation, a human review or an appeal.
      </p>
      {system.error && <ApiErrorAlert error={system.error} onRetry={system.reload} />}
      {system.data && system.data.publicVisibility !== 'public' && (
        <Alert type="info" headingLevel="h2" heading="This system is not shown to the public">
          The notice sends people to the system’s public request form, which lists public systems only. Show the system to the public in its details first.
        </Alert>
      )}
      {system.data && system.data.publicVisibility === 'public' && (
        <>
          <div className="grid-row grid-gap">
            <SelectField
              className="grid-col-12 tablet:grid-col-4"
              id="notice-language"
              label="Language"
              value={language}
              onChange={(v) => setLanguage(v as NoticeLanguage)}
              options={(Object.keys(LANGUAGE_LABELS) as NoticeLanguage[]).map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))}
            />
            <Fieldset legend="Version" className="grid-col-12 tablet:grid-col-8">
              {(Object.keys(VARIANT_LABELS) as NoticeVariant[]).map((v) => (
                <Radio key={v} id={`notice-variant-${v}`} name="notice-variant" label={VARIANT_LABELS[v]} value={v} checked={variant === v} onChange={() => setVariant(v)} />
              ))}
            </Fieldset>
          </div>

          <h2>Preview</h2>
          <p className="gb-muted">The notice as the person will read it, without case details. Nothing is recorded.</p>
          <iframe ref={frame} title={`Preview of the notice (${LANGUAGE_LABELS[language]}, ${VARIANT_LABELS[variant]})`} src={previewUrl} className="gb-notice-frame" style={{ width: '100%', height: '32rem', border: '1px solid #a9aeb1' }} />
          <ButtonGroup className="margin-top-1">
            <a href={previewUrl} target="_blank" rel="noreferrer" className="usa-button usa-button--outline">
              Open the preview in a new tab
            </a>
            <Button type="button" outline onClick={() => frame.current?.contentWindow?.print()}>
              Print the preview
            </Button>
          </ButtonGroup>

          <h2>Produce a notice for a person</h2>
          <p>
            Case details are optional. When given, they are printed on the notice and kept with its record only for{' '}
            {retention.data ? `${retention.data.effectiveDays} days` : 'the retention period'}, then erased.
          </p>
          <StatusMessage message={done} />
          <ErrorSummary errors={errors} />
          <Form onSubmit={(e) => void produce('pdf', e)} large>
            <TextField id="caseReference" label="Case reference (optional)" value={caseReference} onChange={setCaseReference} error={errors.fields.caseReference} />
            <TextField id="recipientName" label="Name of the person (optional)" value={recipientName} onChange={setRecipientName} error={errors.fields.recipientName} autoComplete="off" />
            <TextField id="decisionDate" type="date" label="Date of the decision (optional)" value={decisionDate} onChange={setDecisionDate} error={errors.fields.decisionDate} />
            <ButtonGroup>
              <Button type="submit" disabled={busy !== null}>
                {busy === 'pdf' ? 'Producing…' : 'Download PDF'}
              </Button>
              <Button type="button" outline disabled={busy !== null} onClick={() => void produce('html')}>
                {busy === 'html' ? 'Producing…' : 'Download printable HTML'}
              </Button>
            </ButtonGroup>
          </Form>

          {retention.error && <ApiErrorAlert error={retention.error} onRetry={retention.reload} />}
          {retention.data && <RetentionSettings orgSlug={org.slug} systemId={system.data.id} settings={retention.data} canChange={hasAnyRole(org.roles, ['admin', 'governance_officer'])} onSaved={retention.reload} />}

          <h2>Notices produced</h2>
          {notices.error && <ApiErrorAlert error={notices.error} onRetry={notices.reload} />}
          {notices.data && notices.data.items.length === 0 && <p>No notice has been produced for this system yet.</p>}
          {notices.data && notices.data.items.length > 0 && (
            <Table caption={`Notices for this system, newest first (${notices.data.total} in all)`} fullWidth scrollable>
              <thead>
                <tr>
                  <th scope="col">Produced</th>
                  <th scope="col">Language</th>
                  <th scope="col">Version</th>
                  <th scope="col">Format</th>
                  <th scope="col">By</th>
                  <th scope="col">Case details</th>
                </tr>
              </thead>
              <tbody>
                {notices.data.items.map((n) => (
                  <tr key={n.id}>
                    <th scope="row">
                      <DateTime value={n.generatedAt} />
                    </th>
                    <td>{LANGUAGE_LABELS[n.language]}</td>
                    <td>{VARIANT_LABELS[n.variant]}</td>
                    <td>{n.format.toUpperCase()}</td>
                    <td>{n.generatedBy}</td>
                    <td>
                      {n.purgedAt ? (
                        <>
                          Erased on <DateTime value={n.purgedAt} />
                        </>
                      ) : n.caseDetailsKept ? (
                        <>
                          {[n.caseReference, n.recipientName].filter(Boolean).join(', ') || 'Kept'}
                          {n.purgeAfter && (
                            <>
                              {' '}
                              (until <DateTime value={n.purgeAfter} />)
                            </>
                          )}
                        </>
                      ) : (
                        'None'
                      )}
                    </td>
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

/** The system's own retention of case details, or the organisation's; admins and governance officers change it. */
function RetentionSettings({ orgSlug, systemId, settings, canChange, onSaved }: { orgSlug: string; systemId: string; settings: NoticeSettings; canChange: boolean; onSaved: () => void }) {
  const [days, setDays] = useState(settings.systemDays === null ? '' : String(settings.systemDays));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = days.trim();
    if (value && !/^\d+$/.test(value)) {
      setErrors({ message: 'Some settings need changing.', fields: { noticeRetentionDays: 'Enter a whole number of days, or leave it empty.' } });
      return;
    }
    setBusy(true);
    try {
      const after = await updateNoticeSettings(orgSlug, systemId, value ? Number(value) : null);
      setErrors(noErrors);
      setDone(after.systemDays === null ? `Saved: this system uses the organisation’s ${after.organisationDays} days.` : `Saved: case details of this system’s notices are kept for ${after.systemDays} days.`);
      onSaved();
    } catch (err) {
      const e = toApiError(err);
      const field = e.fields.noticeRetentionDays ?? e.fields.days;
      setErrors({ message: e.message, fields: field ? { noticeRetentionDays: field } : {} });
      setDone(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>How long case details are kept</h2>
      <p>
        {settings.systemDays === null
          ? `This system uses the organisation’s retention: ${settings.organisationDays} days.`
          : `This system keeps case details for ${settings.systemDays} days (the organisation’s default is ${settings.organisationDays} days).`}{' '}
        A change applies to notices produced afterwards.
      </p>
      {canChange && (
        <>
          <StatusMessage message={done} />
          <ErrorSummary errors={errors} />
          <Form onSubmit={(e) => void save(e)}>
            <TextField
              id="noticeRetentionDays"
              label="Days to keep case details for this system"
              hint={`From 1 to 3650. Leave empty to use the organisation’s ${settings.organisationDays} days.`}
              value={days}
              onChange={setDays}
              error={errors.fields.noticeRetentionDays}
            />
            <Button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save retention'}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

/**
 * One assessment template (/admin/assessment-templates/:id): its versions (published ones never
 * change), export of each as JSON or YAML, cloning into a draft to change it, discarding that draft,
 * and archiving or restoring the organisation's own template (built-ins cannot be archived), each
 * after a confirmation.
 */
import { useState } from 'react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import { cloneAssessmentTemplate, discardTemplateVersion, getAssessmentTemplate, setAssessmentTemplateArchived, templateExportUrl, toApiError, type AssessmentTemplateDetail } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ORIGIN_LABELS } from './template-labels';

const MANAGERS = ['admin', 'governance_officer'] as const;

export function TemplateDetailPage() {
  const { templateId = '' } = useParams();
  const org = useOrganisation();
  const tpl = useApiData((signal) => getAssessmentTemplate(org.slug, templateId, signal), [org.slug, templateId]);
  const [status, setStatus] = useState<string | null>(null);

  useHandedOverNotice(setStatus);

  const d = tpl.data;
  return (
    <Page title={d ? `Template: ${d.title}` : 'Assessment template'}>
      <p>
        <Link to="/admin/assessment-templates" className="usa-link">
          Back to assessment templates
        </Link>
      </p>
      <StatusMessage message={status} />
      {tpl.error && <ApiErrorAlert error={tpl.error} onRetry={tpl.error.status === 404 ? undefined : tpl.reload} />}
      {!d && !tpl.error && <p role="status">Loading the template…</p>}
      {d && (
        <TemplateView
          tpl={d}
          onChanged={(updated, message) => {
            tpl.setData(updated);
            setStatus(message);
          }}
          onDraftDiscarded={(message) => {
            setStatus(message);
            tpl.reload();
          }}
        />
      )}
    </Page>
  );
}

type ViewProps = { tpl: AssessmentTemplateDetail; onChanged: (tpl: AssessmentTemplateDetail, message: string) => void; onDraftDiscarded: (message: string) => void };

function TemplateView({ tpl, onChanged, onDraftDiscarded }: ViewProps) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canManage = hasAnyRole(org.roles, MANAGERS);

  const clone = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await cloneAssessmentTemplate(org.slug, tpl.id);
      void navigate(`/admin/assessment-template-versions/${draft.id}`, {
        state: { notice: tpl.builtin ? `Your own copy of “${tpl.title}” was made as draft version ${draft.version}.` : `Draft version ${draft.version} was made from the latest published version.` },
      });
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };

  return (
    <>
      <dl className="gb-summary">
        <div>
          <dt>Key</dt>
          <dd>
            <code>{tpl.key}</code>
          </dd>
        </div>
        <div>
          <dt>Origin</dt>
          <dd>{ORIGIN_LABELS[tpl.origin]}</dd>
        </div>
        <div>
          <dt>About</dt>
          <dd>{tpl.subject === 'system' ? 'An AI system' : 'The organisation'}</dd>
        </div>
        <div>
          <dt>Used for new assessments</dt>
          <dd>{tpl.inUse ? 'Yes' : tpl.archivedAt ? 'No: archived' : 'No: another template with this key takes precedence, or nothing is published yet'}</dd>
        </div>
      </dl>
      <ButtonGroup className="margin-y-3">
        {tpl.draft ? (
          <Link to={`/admin/assessment-template-versions/${tpl.draft.id}`} className="usa-button">
            Edit draft version {tpl.draft.version}
          </Link>
        ) : (
          <Button type="button" disabled={busy} onClick={() => void clone()}>
            {busy ? 'Cloning…' : tpl.builtin ? 'Clone into your own template' : 'Make a new draft version'}
          </Button>
        )}
        {canManage && tpl.draft && <DiscardDraft tpl={tpl} draft={tpl.draft} onDiscarded={onDraftDiscarded} />}
        {canManage && !tpl.builtin && <ArchiveControl tpl={tpl} onChanged={onChanged} />}
      </ButtonGroup>
      {error && (
        <Alert type="error" headingLevel="h2" slim role="alert" className="margin-bottom-3">
          {error}
        </Alert>
      )}
      <h2>Versions</h2>
      <table className="usa-table usa-table--borderless width-full">
        <caption className="usa-sr-only">Versions of the template, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Made</th>
            <th scope="col">Published</th>
            <th scope="col">Export</th>
          </tr>
        </thead>
        <tbody>
          {[...tpl.versions]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <Link to={`/admin/assessment-template-versions/${v.id}`} className="usa-link">
                    Version {v.version}
                  </Link>
                </th>
                <td>
                  <StatusTag tone={v.status === 'published' ? 'success' : 'info'}>{v.status === 'published' ? 'Published' : 'Draft'}</StatusTag>
                </td>
                <td>
                  <DateTime value={v.createdAt} dateOnly />
                  {v.createdBy && ` by ${v.createdBy.displayName}`}
                </td>
                <td>
                  {v.publishedAt ? <DateTime value={v.publishedAt} dateOnly /> : '—'}
                  {v.publishedBy && ` by ${v.publishedBy.displayName}`}
                </td>
                <td>
                  <a href={templateExportUrl(org.slug, v.id, 'json')} className="usa-link" download>
                    JSON<span className="usa-sr-only"> of version {v.version}</span>
                  </a>{' '}
                  ·{' '}
                  <a href={templateExportUrl(org.slug, v.id, 'yaml')} className="usa-link" download>
                    YAML<span className="usa-sr-only"> of version {v.version}</span>
                  </a>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

function ArchiveControl({ tpl, onChanged }: { tpl: AssessmentTemplateDetail; onChanged: ViewProps['onChanged'] }) {
  const org = useOrganisation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archive = !tpl.archivedAt;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = await setAssessmentTemplateArchived(org.slug, tpl.id, archive);
      setOpen(false);
      onChanged(
        updated,
        archive ? `“${tpl.title}” is archived. New assessments of “${tpl.key}” no longer start on it.` : `“${tpl.title}” is restored. New assessments of “${tpl.key}” can start on it again.`,
      );
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="button" outline onClick={() => setOpen(true)}>
        {archive ? 'Archive the template' : 'Restore the template'}
      </Button>
      {open && (
        <ConfirmDialog
          title={archive ? `Archive “${tpl.title}”?` : `Restore “${tpl.title}”?`}
          confirmLabel={archive ? 'Archive' : 'Restore'}
          onConfirm={() => void run()}
          onCancel={() => setOpen(false)}
          busy={busy}
          error={error}
        >
          {archive ? (
            <p>
              New assessments of “{tpl.key}” will no longer start on it (they fall back to the built-in template with that key, if there is one). Assessments already started keep their
              version. You can restore it later.
            </p>
          ) : (
            <p>New assessments of “{tpl.key}” will start on its latest published version again.</p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

function DiscardDraft({ tpl, draft, onDiscarded }: { tpl: AssessmentTemplateDetail; draft: NonNullable<AssessmentTemplateDetail['draft']>; onDiscarded: (message: string) => void }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A template never published goes with its only draft.
  const lastVersion = tpl.versions.every((v) => v.id === draft.id);
  const discard = async () => {
    setBusy(true);
    setError(null);
    try {
      await discardTemplateVersion(org.slug, draft.id);
      if (lastVersion) {
        void navigate('/admin/assessment-templates', { state: { notice: `The draft of “${tpl.title}” was discarded, and the template with it: it was never published.` } });
        return;
      }
      setOpen(false);
      onDiscarded(`Draft version ${draft.version} was discarded.`);
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="button" secondary onClick={() => setOpen(true)}>
        Discard draft version {draft.version}
      </Button>
      {open && (
        <ConfirmDialog title={`Discard draft version ${draft.version}?`} confirmLabel="Discard the draft" onConfirm={() => void discard()} onCancel={() => setOpen(false)} busy={busy} error={error}>
          <p>
            {lastVersion
              ? `The template was never published, so “${tpl.title}” goes with its draft. This cannot be undone.`
              : 'Its changes are lost; the published versions stay as they are. This cannot be undone.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

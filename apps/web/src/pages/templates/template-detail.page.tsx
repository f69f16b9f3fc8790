/**
 * One assessment template (/admin/assessment-templates/:id): its versions (published ones never
 * change), export of each as JSON or YAML, cloning into a draft to change it, and archiving the
 * organisation's own template.
 */
import { useState } from 'react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { Link, useNavigate, useParams } from 'react-router';
import { cloneAssessmentTemplate, getAssessmentTemplate, templateExportUrl, toApiError, type AssessmentTemplateDetail } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusTag } from '../../components/status-tag';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ORIGIN_LABELS } from './template-labels';

export function TemplateDetailPage() {
  const { templateId = '' } = useParams();
  const org = useOrganisation();
  const tpl = useApiData((signal) => getAssessmentTemplate(org.slug, templateId, signal), [org.slug, templateId]);
  const d = tpl.data;
  return (
    <Page title={d ? `Template: ${d.title}` : 'Assessment template'}>
      <p>
        <Link to="/admin/assessment-templates" className="usa-link">
          Back to assessment templates
        </Link>
      </p>
      {tpl.error && <ApiErrorAlert error={tpl.error} onRetry={tpl.error.status === 404 ? undefined : tpl.reload} />}
      {!d && !tpl.error && <p role="status">Loading the template…</p>}
      {d && <TemplateView tpl={d} />}
    </Page>
  );
}

function TemplateView({ tpl }: { tpl: AssessmentTemplateDetail }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

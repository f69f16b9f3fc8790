/**
 * Admin → Assessment templates (/admin/assessment-templates): the built-in templates and the
 * organisation's own, each with its latest published version and its draft, and importing a
 * template file (Glassbox JSON or YAML, or a SurveyJS survey such as the official Canadian AIA) read
 * in the browser as text. Invalid files come back with every problem named by its element path;
 * SurveyJS features that could not be carried over are listed after the import.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Button, ErrorMessage, FileInput, Form, FormGroup, Label, type FileInputRef } from '@trussworks/react-uswds';
import { Link, useNavigate } from 'react-router';
import { importAssessmentTemplate, listAssessmentTemplates, toApiError, type AssessmentTemplateSummary, type TemplateImportFormat } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { describedBy, TextField } from '../../components/text-field';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { ORIGIN_LABELS, TemplateProblems, type TemplateProblem } from './template-labels';

export function TemplatesPage() {
  const org = useOrganisation();
  const list = useApiData((signal) => listAssessmentTemplates(org.slug, signal), [org.slug]);
  const [status, setStatus] = useState<string | null>(null);

  useHandedOverNotice(setStatus);

  return (
    <Page title="Assessment templates">
      <StatusMessage message={status} />
      <p className="usa-intro">
        The questionnaires assessments are filled in on. Glassbox’s built-in templates can be cloned and changed; your own can be imported from a file, edited as a draft,
        previewed and published. Assessments keep the version they were started on.
      </p>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <p role="status">Loading the templates…</p>}
      {list.data && <TemplateTable items={list.data.items} />}
      <ImportForm />
    </Page>
  );
}

function TemplateTable({ items }: { items: readonly AssessmentTemplateSummary[] }) {
  if (items.length === 0) return <p>No templates yet.</p>;
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Assessment templates">
      <table className="usa-table usa-table--borderless width-full">
        <caption className="usa-sr-only">Assessment templates, with their latest published version and draft</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Key</th>
            <th scope="col">About</th>
            <th scope="col">Origin</th>
            <th scope="col">Published</th>
            <th scope="col">Draft</th>
          </tr>
        </thead>
        <tbody>
          {items.map((tpl) => (
            <tr key={tpl.id}>
              <th scope="row">
                <Link to={`/admin/assessment-templates/${tpl.id}`} className="usa-link">
                  {tpl.title}
                </Link>
                {tpl.archivedAt && (
                  <>
                    {' '}
                    <StatusTag tone="neutral">Archived</StatusTag>
                  </>
                )}
                {!tpl.inUse && !tpl.archivedAt && <span className="gb-muted"> (not used for new assessments)</span>}
              </th>
              <td>
                <code>{tpl.key}</code>
              </td>
              <td>{tpl.subject === 'system' ? 'An AI system' : 'The organisation'}</td>
              <td>{ORIGIN_LABELS[tpl.origin]}</td>
              <td>
                {tpl.latestPublished ? (
                  <>
                    Version {tpl.latestPublished.version}
                    {tpl.latestPublished.publishedAt && (
                      <span className="gb-muted">
                        , <DateTime value={tpl.latestPublished.publishedAt} dateOnly />
                      </span>
                    )}
                  </>
                ) : (
                  'None'
                )}
              </td>
              <td>
                {tpl.draft ? (
                  <Link to={`/admin/assessment-template-versions/${tpl.draft.id}`} className="usa-link">
                    Edit draft version {tpl.draft.version}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const FORMATS: Array<{ value: TemplateImportFormat; label: string }> = [
  { value: 'json', label: 'Glassbox template, JSON' },
  { value: 'yaml', label: 'Glassbox template, YAML' },
  { value: 'surveyjs', label: 'SurveyJS survey (e.g. the official Canadian AIA file)' },
];

function guessFormat(name: string): TemplateImportFormat | null {
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.json$/i.test(name)) return 'json';
  return null;
}

function ImportForm() {
  const org = useOrganisation();
  const navigate = useNavigate();
  const fileRef = useRef<FileInputRef>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<TemplateImportFormat>('json');
  const [key, setKey] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<TemplateProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    setProblems([]);
    if (!file) {
      setFieldErrors({ file: 'Choose a template file.' });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const content = await file.text();
      const version = await importAssessmentTemplate(org.slug, { format, content, ...(key.trim() ? { key: key.trim() } : {}) });
      fileRef.current?.clearFiles();
      const unsupported = version.importReport?.unsupported.length ?? 0;
      void navigate(`/admin/assessment-template-versions/${version.id}`, {
        state: {
          notice: `“${file.name}” was imported as draft version ${version.version} of “${version.key}”.${unsupported > 0 ? ` ${unsupported} feature${unsupported === 1 ? '' : 's'} could not be carried over: see the import report.` : ''}`,
        },
      });
    } catch (error) {
      const apiError = toApiError(error);
      const paths = Object.entries(apiError.fields);
      if (paths.some(([p]) => p === 'key')) setFieldErrors({ key: apiError.fields['key'] ?? '' });
      setMessage(apiError.message);
      setProblems(paths.filter(([p]) => p !== 'key').map(([path, text]) => ({ path, message: text })));
      setBusy(false);
      setTimeout(() => document.getElementById('import-problems')?.focus(), 0);
    }
  };

  const fileError = fieldErrors['file'];
  return (
    <section aria-labelledby="import-heading" className="margin-top-5">
      <h2 id="import-heading">Import a template file</h2>
      <p>
        The file becomes a draft of the template with the key it names (replacing an earlier draft), which you can preview and publish. Export any version to see the format.
      </p>
      <div id="import-problems" tabIndex={-1}>
        {(message || problems.length > 0) && <TemplateProblems message={message} problems={problems} />}
      </div>
      <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-tablet">
        <FormGroup error={Boolean(fileError)}>
          <Label htmlFor="template-file" error={Boolean(fileError)}>
            Template file
          </Label>
          <div className="usa-hint" id="template-file-hint">
            JSON or YAML in the Glassbox template format, or a SurveyJS survey (JSON); at most 1 MB.
          </div>
          {fileError && <ErrorMessage id="template-file-error">{fileError}</ErrorMessage>}
          <FileInput
            id="template-file"
            name="template-file"
            ref={fileRef}
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            aria-describedby={describedBy('template-file-hint', fileError && 'template-file-error')}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              const guessed = chosen ? guessFormat(chosen.name) : null;
              if (guessed && !(guessed === 'json' && format === 'surveyjs')) setFormat(guessed);
            }}
          />
        </FormGroup>
        <SelectField id="template-format" label="Format" value={format} onChange={(v) => setFormat(v as TemplateImportFormat)} options={FORMATS} />
        {format === 'surveyjs' && (
          <TextField
            id="template-key"
            label="Template key (optional)"
            hint="Lower-case letters, digits and hyphens, e.g. vendor-survey. Needed for SurveyJS files other than the official Canadian AIA."
            value={key}
            onChange={setKey}
            error={fieldErrors['key']}
          />
        )}
        <Button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </Button>
      </Form>
    </section>
  );
}

/**
 * One template version (/admin/assessment-template-versions/:id). A published version is shown as
 * it is, with export and preview. A draft can be edited: its question texts in a short form, or the
 * whole document as JSON, checked by the server, whose problems are listed with the path of each
 * offending element; then previewed and published after a confirmation.
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Form } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { getTemplateVersion, publishTemplateVersion, putTemplateVersion, templateExportUrl, toApiError, type TemplateDocument, type TemplateVersion } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextareaField } from '../../components/textarea-field';
import { TextField } from '../../components/text-field';
import { useHandedOverNotice } from '../../use-handed-over-notice';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { t } from '../assessments/assessment-labels';
import { ImportReportBox, TemplateProblems, type TemplateProblem } from './template-labels';
import '../assessments/assessments.css';

const MANAGERS = ['admin', 'governance_officer'] as const;

export function TemplateVersionPage() {
  const { versionId = '' } = useParams();
  const org = useOrganisation();
  const version = useApiData((signal) => getTemplateVersion(org.slug, versionId, signal), [org.slug, versionId]);
  const [status, setStatus] = useState<string | null>(null);

  useHandedOverNotice(setStatus);

  const v = version.data;
  const title = v ? `${t(v.document.title)}, version ${v.version}` : 'Template version';
  return (
    <Page title={title}>
      <p>
        <Link to={v ? `/admin/assessment-templates/${v.templateId}` : '/admin/assessment-templates'} className="usa-link">
          Back to the template
        </Link>
      </p>
      <StatusMessage message={status} />
      {version.error && <ApiErrorAlert error={version.error} onRetry={version.error.status === 404 ? undefined : version.reload} />}
      {!v && !version.error && <p role="status">Loading the version…</p>}
      {v && (
        <VersionView
          key={`${v.id}-${v.status}-${v.contentHash}`}
          version={v}
          canManage={hasAnyRole(org.roles, MANAGERS) && !v.builtin}
          onChanged={(updated, message) => {
            version.setData(updated);
            setStatus(message);
          }}
        />
      )}
    </Page>
  );
}

type ViewProps = { version: TemplateVersion; canManage: boolean; onChanged: (v: TemplateVersion, message: string) => void };

function VersionView({ version: v, canManage, onChanged }: ViewProps) {
  const org = useOrganisation();
  const doc = v.document;
  const questions = doc.sections.reduce((n, s) => n + s.questions.length, 0);
  const draft = v.status === 'draft';
  return (
    <>
      <div className="gb-stage-line margin-bottom-2">
        <StatusTag tone={draft ? 'info' : 'success'}>{draft ? 'Draft' : 'Published'}</StatusTag>
        <span>
          Key <code>{v.key}</code>
        </span>
        <span className="gb-muted">
          {doc.sections.length} sections, {questions} questions, languages {doc.languages.join(', ')}
        </span>
        {v.publishedAt && (
          <span className="gb-muted">
            Published <DateTime value={v.publishedAt} />
            {v.publishedBy && ` by ${v.publishedBy.displayName}`}
          </span>
        )}
      </div>
      {doc.description && <p>{t(doc.description)}</p>}
      {doc.source && (
        <p className="gb-muted">
          Source: {doc.source.name}
          {doc.source.licence ? `, ${doc.source.licence}` : ''}
          {doc.source.notes ? `. ${doc.source.notes}` : ''}
        </p>
      )}
      <ButtonGroup className="margin-bottom-3">
        <Link to={`/admin/assessment-template-versions/${v.id}/preview`} className="usa-button usa-button--outline">
          Preview as the person filling it in
        </Link>
        <a href={templateExportUrl(org.slug, v.id, 'json')} className="usa-button usa-button--outline" download>
          Export as JSON
        </a>
        <a href={templateExportUrl(org.slug, v.id, 'yaml')} className="usa-button usa-button--outline" download>
          Export as YAML
        </a>
      </ButtonGroup>
      <ImportReportBox report={v.importReport} />
      {draft && canManage && (
        <>
          <PublishControl version={v} onChanged={onChanged} />
          <QuestionTexts version={v} onChanged={onChanged} />
          <DocumentEditor version={v} onChanged={onChanged} />
        </>
      )}
      {draft && !canManage && <p>This draft can be changed by administrators and governance officers.</p>}
      {!draft && <p>A published version never changes. To change the template, make a new draft version from the template’s page.</p>}
    </>
  );
}

function PublishControl({ version, onChanged }: Pick<ViewProps, 'version' | 'onChanged'>) {
  const org = useOrganisation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const published = await publishTemplateVersion(org.slug, version.id);
      setOpen(false);
      onChanged(published, `Version ${published.version} is published. New assessments of “${published.key}” start on it.`);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="publish-heading" className="gb-panel">
      <h2 id="publish-heading" className="margin-top-0">
        Publish
      </h2>
      <p>Preview the draft first. Once published, this version never changes; assessments already started keep the version they began on.</p>
      <Button type="button" onClick={() => setOpen(true)}>
        Publish version {version.version}
      </Button>
      {open && (
        <ConfirmDialog title={`Publish version ${version.version}?`} confirmLabel="Publish" onConfirm={() => void publish()} onCancel={() => setOpen(false)} busy={busy} error={error}>
          <p>New assessments of “{version.key}” will start on this version, and it can no longer be changed.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function problemsFrom(error: unknown): { message: string; problems: TemplateProblem[] } {
  const apiError = toApiError(error);
  return {
    message: apiError.message,
    problems: Object.entries(apiError.fields).map(([path, message]) => ({ path: path.replace(/^document\.?/, '') || '(document)', message })),
  };
}

/** The texts people read most often, without touching the JSON: the template's title and each question's title and help (English). */
function QuestionTexts({ version, onChanged }: Pick<ViewProps, 'version' | 'onChanged'>) {
  const org = useOrganisation();
  const [doc, setDoc] = useState<TemplateDocument>(version.document);
  const [result, setResult] = useState<{ message: string; problems: TemplateProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const setQuestion = (si: number, qi: number, field: 'title' | 'help', value: string) => {
    setDoc((current) => ({
      ...current,
      sections: current.sections.map((s, i) =>
        i !== si
          ? s
          : {
              ...s,
              questions: s.questions.map((q, j) => {
                if (j !== qi) return q;
                if (field === 'help' && value === '' && !q.help) return q;
                return { ...q, [field]: { ...(q[field] ?? {}), en: value } };
              }),
            },
      ),
    }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const saved = await putTemplateVersion(org.slug, version.id, doc);
      onChanged(saved, 'The draft’s texts were saved.');
    } catch (e) {
      setResult(problemsFrom(e));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="texts-heading" className="margin-top-4">
      <h2 id="texts-heading">Question texts (English)</h2>
      {result && <TemplateProblems message={result.message} problems={result.problems} />}
      <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full">
        <TextField id="doc-title" label="Template title" value={doc.title.en} onChange={(value) => setDoc((c) => ({ ...c, title: { ...c.title, en: value } }))} />
        {doc.sections.map((s, si) => (
          <fieldset key={s.id} className="usa-fieldset margin-top-3">
            <legend className="usa-legend text-bold">Section: {t(s.title)}</legend>
            {s.questions.map((q, qi) => (
              <div key={q.id} className="gb-question">
                <TextField id={`q-${si}-${qi}-title`} label={`Question ${q.id}: title`} value={q.title.en} onChange={(value) => setQuestion(si, qi, 'title', value)} />
                <TextareaField id={`q-${si}-${qi}-help`} label={`Question ${q.id}: help text`} value={q.help?.en ?? ''} onChange={(value) => setQuestion(si, qi, 'help', value)} rows={2} />
              </div>
            ))}
          </fieldset>
        ))}
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save texts'}
        </Button>
      </Form>
    </section>
  );
}

function DocumentEditor({ version, onChanged }: Pick<ViewProps, 'version' | 'onChanged'>) {
  const org = useOrganisation();
  const [text, setText] = useState(() => JSON.stringify(version.document, null, 2));
  const [result, setResult] = useState<{ message: string; problems: TemplateProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setResult({ message: `This is not valid JSON: ${e instanceof Error ? e.message : 'it could not be read'}.`, problems: [] });
      return;
    }
    setBusy(true);
    try {
      const saved = await putTemplateVersion(org.slug, version.id, parsed);
      onChanged(saved, 'The draft was checked and saved.');
    } catch (e) {
      setResult(problemsFrom(e));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="editor-heading" className="margin-top-4">
      <h2 id="editor-heading">The whole document (JSON)</h2>
      <p>Every part of the template: sections, questions, choices and their weights, conditions, scoring and levels. The server checks it when you save.</p>
      {result && <TemplateProblems message={result.message} problems={result.problems} />}
      <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full gb-template-editor">
        <TextareaField id="template-document" label="Template document" hint="Format glassbox.assessment-template/1. The key cannot change." value={text} onChange={setText} rows={30} />
        <Button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check and save the draft'}
        </Button>
      </Form>
    </section>
  );
}

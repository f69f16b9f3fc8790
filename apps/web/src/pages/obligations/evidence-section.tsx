/**
 * An obligation's evidence: the list (links open in a new tab, files download) and, for those who
 * may add it, a link form, a file upload (type and size checked before sending) and removal after
 * a confirmation.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Button, ErrorMessage, FileInput, Form, FormGroup, Label, type FileInputRef } from '@trussworks/react-uswds';
import {
  addEvidenceLink,
  deleteEvidence,
  EVIDENCE_FILE_TYPES,
  evidenceFileUrl,
  MAX_EVIDENCE_BYTES,
  toApiError,
  uploadEvidenceFile,
  type Evidence,
  type Obligation,
} from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { ErrorSummary, noErrors, type FormErrors } from '../../components/error-summary';
import { describedBy, TextField } from '../../components/text-field';
import { formErrorsFrom } from '../../forms';
import { useOrganisation } from '../../session';
import { formatBytes } from './obligation-labels';

type Props = {
  systemId: string;
  obligation: Obligation;
  canManage: boolean;
  onChanged: (evidence: Evidence[], message: string) => void;
};

export function EvidenceSection({ systemId, obligation, canManage, onChanged }: Props) {
  const org = useOrganisation();
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const headingId = `evidence-${obligation.id}-heading`;

  const remove = async (evidence: Evidence) => {
    setBusy(true);
    setRemoveError(null);
    try {
      await deleteEvidence(org.slug, systemId, obligation.id, evidence.id);
      setRemoving(null);
      onChanged(
        obligation.evidence.filter((e) => e.id !== evidence.id),
        `“${evidence.title}” was removed from the evidence for “${obligation.title}”.`,
      );
    } catch (error) {
      setRemoveError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gb-evidence">
      <h4 id={headingId} className="margin-bottom-1">
        Evidence
      </h4>
      {obligation.evidence.length === 0 ? (
        <p className="margin-top-0">No evidence yet.</p>
      ) : (
        <ul className="usa-list usa-list--unstyled gb-evidence__list" aria-labelledby={headingId}>
          {obligation.evidence.map((evidence) => (
            <li key={evidence.id}>
              <EvidenceLink systemId={systemId} obligationId={obligation.id} evidence={evidence} />
              <span className="gb-muted">
                {' '}
                — added by {evidence.createdBy.label}, <DateTime value={evidence.createdAt} dateOnly />
              </span>
              {canManage && (
                <Button
                  type="button"
                  unstyled
                  className="margin-left-2"
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(evidence);
                  }}
                >
                  Remove<span className="usa-sr-only"> “{evidence.title}”</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove “${removing.title}”?`}
          confirmLabel="Remove evidence"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          busy={busy}
          error={removeError}
        >
          <p>It will no longer count as evidence for “{obligation.title}”. The audit log keeps a record of what it was.</p>
        </ConfirmDialog>
      )}
      {canManage && (
        <div className="grid-row grid-gap-4">
          <div className="tablet:grid-col-6">
            <AddLink systemId={systemId} obligation={obligation} onAdded={(e) => onChanged([...obligation.evidence, e], `The link “${e.title}” was added.`)} />
          </div>
          <div className="tablet:grid-col-6">
            <AddFile systemId={systemId} obligation={obligation} onAdded={(e) => onChanged([...obligation.evidence, e], `The file “${e.title}” was added.`)} />
          </div>
        </div>
      )}
    </div>
  );
}

function EvidenceLink({ systemId, obligationId, evidence }: { systemId: string; obligationId: string; evidence: Evidence }) {
  const org = useOrganisation();
  if (evidence.kind === 'link' && evidence.url) {
    return (
      <a href={evidence.url} target="_blank" rel="noopener noreferrer" className="usa-link usa-link--external">
        {evidence.title}
        <span className="usa-sr-only"> (link, opens in a new tab)</span>
      </a>
    );
  }
  const size = evidence.file ? `, ${EVIDENCE_FILE_TYPES[evidence.file.contentType] ?? evidence.file.contentType}, ${formatBytes(evidence.file.sizeBytes)}` : '';
  return (
    <a href={evidenceFileUrl(org.slug, systemId, obligationId, evidence.id)} download={evidence.file?.name ?? true} className="usa-link">
      {evidence.title}
      <span className="usa-sr-only"> (download file{size})</span>
      <span aria-hidden="true" className="gb-muted">
        {' '}
        ({evidence.file?.name ?? 'file'}
        {size})
      </span>
    </a>
  );
}

type AddProps = { systemId: string; obligation: Obligation; onAdded: (evidence: Evidence) => void };

function AddLink({ systemId, obligation, onAdded }: AddProps) {
  const org = useOrganisation();
  const prefix = `link-${obligation.id}`;
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!title.trim()) fields['title'] = 'Give the link a title.';
    if (!/^https?:\/\/\S+$/i.test(url.trim())) fields['url'] = 'Enter a web address starting with https:// or http://.';
    if (Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const created = await addEvidenceLink(org.slug, systemId, obligation.id, { title: title.trim(), url: url.trim() });
      setTitle('');
      setUrl('');
      onAdded(created);
    } catch (error) {
      setErrors(formErrorsFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full">
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Add a link</legend>
        <ErrorSummary errors={errors} fieldIds={{ title: `${prefix}-title`, url: `${prefix}-url` }} />
        <TextField id={`${prefix}-title`} label="Link title" value={title} onChange={setTitle} error={errors.fields['title']} required />
        <TextField
          id={`${prefix}-url`}
          label="Web address"
          hint="For example https://intranet.example/dpia.pdf"
          type="url"
          value={url}
          onChange={setUrl}
          error={errors.fields['url']}
          required
        />
        <Button type="submit" outline disabled={busy}>
          {busy ? 'Adding…' : 'Add link'}
        </Button>
      </fieldset>
    </Form>
  );
}

const typeNames = Object.values(EVIDENCE_FILE_TYPES).join(', ');

function AddFile({ systemId, obligation, onAdded }: AddProps) {
  const org = useOrganisation();
  const prefix = `file-${obligation.id}`;
  const fileRef = useRef<FileInputRef>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!file) fields['file'] = 'Choose a file to upload.';
    else if (file.size === 0) fields['file'] = 'The file is empty.';
    else if (file.size > MAX_EVIDENCE_BYTES) fields['file'] = `The file is ${formatBytes(file.size)}; the limit is 20 MB.`;
    else if (!EVIDENCE_FILE_TYPES[file.type]) fields['file'] = `Glassbox cannot keep this type of file. Choose one of: ${typeNames}.`;
    if (!file || Object.keys(fields).length > 0) {
      setErrors({ message: null, fields });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const created = await uploadEvidenceFile(org.slug, systemId, obligation.id, { file, title: title.trim() || file.name });
      setTitle('');
      setFile(null);
      fileRef.current?.clearFiles();
      onAdded(created);
    } catch (error) {
      const apiError = toApiError(error);
      // Type, size and content problems belong to the file itself.
      if (apiError.status === 413 || apiError.status === 415 || apiError.status === 422) setErrors({ message: null, fields: { file: apiError.message } });
      else setErrors(formErrorsFrom(apiError));
    } finally {
      setBusy(false);
    }
  };

  const fileId = `${prefix}-input`;
  const fileError = errors.fields['file'];
  return (
    <Form onSubmit={(e) => void onSubmit(e)} noValidate className="maxw-full">
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Upload a file</legend>
        <ErrorSummary errors={errors} fieldIds={{ file: fileId, title: `${prefix}-title` }} />
        <FormGroup error={Boolean(fileError)}>
          <Label htmlFor={fileId} error={Boolean(fileError)}>
            File
          </Label>
          <div className="usa-hint" id={`${fileId}-hint`}>
            PDF, image, plain text, CSV, Word, Excel or OpenDocument text; at most 20 MB.
          </div>
          {fileError && <ErrorMessage id={`${fileId}-error`}>{fileError}</ErrorMessage>}
          <FileInput
            id={fileId}
            name={fileId}
            ref={fileRef}
            aria-describedby={describedBy(`${fileId}-hint`, fileError && `${fileId}-error`)}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </FormGroup>
        <TextField id={`${prefix}-title`} label="File title (optional)" hint="Left empty, the file's name is used." value={title} onChange={setTitle} error={errors.fields['title']} />
        <Button type="submit" outline disabled={busy}>
          {busy ? 'Uploading…' : 'Upload file'}
        </Button>
      </fieldset>
    </Form>
  );
}


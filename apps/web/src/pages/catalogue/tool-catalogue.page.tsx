/**
 * The tool catalogue (seed 001, R-APPROVE, R-FREE), for every member: "Can I use…?" at the top,
 * then the approved and refused tools with what each may be used for and what its terms say.
 * Administrators and governance officers also add, edit and archive tools here.
 */
import { useState, type FormEvent } from 'react';
import { Button, Form, Table } from '@trussworks/react-uswds';
import { archiveToolCatalogueEntry, listToolCatalogue, toApiError, type CatalogueEntry, type CatalogueStatus } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { StatusTag } from '../../components/status-tag';
import { TextField } from '../../components/text-field';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { CATALOGUE_CURATOR_ROLES, DATA_ALLOWED_LABELS, formatDay, PRICING_LABELS, STATUS_LABELS, STATUS_TONES, todayText } from './catalogue-labels';
import { CheckForm } from './check-form';
import { EntryDetails } from './entry-details';
import { EntryForm } from './entry-form';

const STATUS_FILTERS: ReadonlyArray<{ value: CatalogueStatus | ''; label: string }> = [
  { value: '', label: 'Any status' },
  { value: 'approved', label: STATUS_LABELS.approved },
  { value: 'approved_with_conditions', label: STATUS_LABELS.approved_with_conditions },
  { value: 'under_review', label: STATUS_LABELS.under_review },
  { value: 'not_approved', label: STATUS_LABELS.not_approved },
];

/** After a panel closes, focus goes back to the button that opened it (or the page heading). */
const focusLater = (elementId: string) =>
  requestAnimationFrame(() => (document.getElementById(elementId) ?? document.querySelector<HTMLElement>('main h1'))?.focus());

type Editing = { entry: CatalogueEntry | null } | null;

export function ToolCataloguePage() {
  const org = useOrganisation();
  const canManage = hasAnyRole(org.roles, CATALOGUE_CURATOR_ROLES);
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<CatalogueStatus | ''>('');
  const [query, setQuery] = useState<{ q: string; status: CatalogueStatus | '' }>({ q: '', status: '' });
  const [selected, setSelected] = useState<CatalogueEntry | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<CatalogueEntry | null>(null);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [preselect, setPreselect] = useState<{ toolId: string; at: number } | null>(null);

  // Every current tool for the "Can I use…?" choice; the table below follows the search.
  const allTools = useApiData((signal) => listToolCatalogue(org.slug, { limit: 1000, offset: 0 }, signal), [org.slug]);
  const tools = useApiData(
    (signal) => listToolCatalogue(org.slug, { limit: 1000, offset: 0, ...(query.q && { q: query.q }), ...(query.status && { status: query.status }) }, signal),
    [org.slug, query.q, query.status],
  );

  const reloadBoth = () => {
    allTools.reload();
    tools.reload();
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery({ q: search.trim(), status: statusFilter });
  };

  const onSaved = (entry: CatalogueEntry) => {
    const added = editing?.entry === null;
    setEditing(null);
    setSelected(entry);
    setStatus(added ? `${entry.name} has been added to the catalogue.` : `Changes to ${entry.name} have been saved.`);
    reloadBoth();
  };

  const onArchive = async () => {
    if (!archiving) return;
    setBusy(true);
    setArchiveError(null);
    try {
      await archiveToolCatalogueEntry(org.slug, archiving.id);
      setStatus(`${archiving.name} has been withdrawn from the catalogue. Every check about it now answers no.`);
      setArchiving(null);
      setSelected(null);
      reloadBoth();
    } catch (error) {
      setArchiveError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const today = todayText();
  const filtered = Boolean(query.q || query.status);

  return (
    <Page title="Tool catalogue">
      <p className="usa-intro">
        The AI tools {org.name} has reviewed: what each may be used for, what information may go into it, and what its supplier does with that
        information. Use only approved tools for work, and only as the catalogue says.
      </p>
      <StatusMessage message={status} />

      {allTools.error && <ApiErrorAlert error={allTools.error} onRetry={allTools.reload} />}
      {allTools.data && <CheckForm org={org.slug} tools={allTools.data.items} preselect={preselect} />}

      {editing && (
        <EntryForm
          key={editing.entry?.id ?? 'new'}
          org={org.slug}
          entry={editing.entry}
          onSaved={onSaved}
          onCancel={() => {
            const back = editing.entry ? `details-${editing.entry.id}` : 'add-tool';
            setEditing(null);
            focusLater(back);
          }}
        />
      )}

      <h2>Tools in the catalogue</h2>
      {canManage && !editing && (
        <Button
          type="button"
          id="add-tool"
          onClick={() => {
            setSelected(null);
            setEditing({ entry: null });
          }}
        >
          Add a tool
        </Button>
      )}

      <Form onSubmit={onSearch} role="search" aria-label="Search the tool catalogue" className="gb-inline-form margin-top-2" large>
        <TextField id="catalogue-search" label="Search by name, supplier or use" type="search" value={search} onChange={setSearch} />
        <SelectField id="catalogue-status" label="Status" value={statusFilter} onChange={(v) => setStatusFilter(v as CatalogueStatus | '')} options={STATUS_FILTERS} />
        <Button type="submit">Search</Button>
      </Form>

      {selected && !editing && (
        <EntryDetails
          entry={selected}
          canManage={canManage}
          onAsk={() => setPreselect({ toolId: selected.id, at: Date.now() })}
          onEdit={() => setEditing({ entry: selected })}
          onArchive={() => {
            setArchiveError(null);
            setArchiving(selected);
          }}
          onClose={() => {
            const back = `details-${selected.id}`;
            setSelected(null);
            focusLater(back);
          }}
        />
      )}

      {tools.error && <ApiErrorAlert error={tools.error} onRetry={tools.reload} />}
      {!tools.data && !tools.error && <p role="status">Loading the catalogue…</p>}
      {tools.data && (
        <>
          <p aria-live="polite">
            {tools.data.total === 1 ? '1 tool' : `${tools.data.total} tools`}
            {filtered && ' matching your search'}
          </p>
          {tools.data.items.length > 0 && (
            <Table caption={`AI tools reviewed by ${org.name}`} fullWidth scrollable>
              <thead>
                <tr>
                  <th scope="col">Tool</th>
                  <th scope="col">Status</th>
                  <th scope="col">Information that may go in</th>
                  <th scope="col">Paid or free</th>
                  <th scope="col">Review date</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {tools.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      {entry.name}
                      <br />
                      <span className="gb-muted">{entry.vendor}</span>
                    </th>
                    <td>
                      <StatusTag tone={STATUS_TONES[entry.status]}>{STATUS_LABELS[entry.status]}</StatusTag>
                    </td>
                    <td>{DATA_ALLOWED_LABELS[entry.dataAllowed]}</td>
                    <td>{PRICING_LABELS[entry.pricing]}</td>
                    <td>
                      {entry.reviewDate ? (
                        <>
                          <time dateTime={entry.reviewDate}>{formatDay(entry.reviewDate)}</time>
                          {entry.reviewDate < today && ' (overdue)'}
                        </>
                      ) : (
                        'None set'
                      )}
                    </td>
                    <td className="gb-actions">
                      <Button
                        type="button"
                        unstyled
                        id={`details-${entry.id}`}
                        onClick={() => {
                          setEditing(null);
                          setSelected(entry);
                        }}
                      >
                        Details<span className="usa-sr-only"> of {entry.name}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}

      {archiving && (
        <ConfirmDialog
          title={`Archive ${archiving.name}?`}
          confirmLabel="Archive tool"
          onConfirm={() => void onArchive()}
          onCancel={() => setArchiving(null)}
          busy={busy}
          error={archiveError}
        >
          <p>
            {archiving.name} will leave the catalogue: staff who ask about it will be told not to use it. Its record in the inventory and its history
            stay.
          </p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

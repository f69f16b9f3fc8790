/**
 * The concern triage queue (R-REPORT): what the public reported, newest first, with filters by
 * status and kind. System owners see the concerns about their own systems; auditors read.
 */
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Pagination, Table } from '@trussworks/react-uswds';
import { listConcerns, type ConcernCategory, type ConcernStatus } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusTag } from '../../components/status-tag';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { CATEGORY_LABELS, CONCERN_STATUS_LABELS, CONCERN_STATUS_TONES } from './citizen-labels';

const PAGE_SIZE = 25;
const OPEN = 'new,triaged,investigating';

export function ConcernsPage() {
  const org = useOrganisation();
  const { pathname } = useLocation();
  const [status, setStatus] = useState<string>(OPEN);
  const [category, setCategory] = useState<ConcernCategory | ''>('');
  const [page, setPage] = useState(1);
  const concerns = useApiData(
    (signal) => listConcerns(org.slug, { status: status || undefined, category: category || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [org.slug, status, category, page],
  );
  const totalPages = concerns.data ? Math.max(1, Math.ceil(concerns.data.total / PAGE_SIZE)) : 1;

  return (
    <Page title="Concerns">
      <p className="usa-intro">
        Problems the public reported about {org.name}’s AI through the public site. Assign each one, look into it, answer the person and close it. What people wrote
        stays here; the public pages show only counts.
      </p>
      <div className="grid-row grid-gap">
        <SelectField
          className="grid-col-12 tablet:grid-col-4"
          id="concern-status"
          label="Status"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: OPEN, label: 'Open (new, triaged, investigating)' },
            { value: '', label: 'Any status' },
            ...(Object.keys(CONCERN_STATUS_LABELS) as ConcernStatus[]).map((s) => ({ value: s, label: CONCERN_STATUS_LABELS[s] })),
          ]}
        />
        <SelectField
          className="grid-col-12 tablet:grid-col-4"
          id="concern-category"
          label="Kind of problem"
          value={category}
          onChange={(v) => {
            setCategory(v as ConcernCategory | '');
            setPage(1);
          }}
          options={[{ value: '', label: 'Any kind' }, ...(Object.keys(CATEGORY_LABELS) as ConcernCategory[]).map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
        />
      </div>
      {concerns.error && <ApiErrorAlert error={concerns.error} onRetry={concerns.reload} />}
      {!concerns.data && !concerns.error && <p role="status">Loading concerns…</p>}
      {concerns.data && concerns.data.items.length === 0 && <p>No concerns match.</p>}
      {concerns.data && concerns.data.items.length > 0 && (
        <>
          <Table caption={`Concerns, newest first (${concerns.data.total} in all)`} fullWidth scrollable>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Kind</th>
                <th scope="col">AI system</th>
                <th scope="col">Status</th>
                <th scope="col">Assigned to</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {concerns.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/concerns/${c.id}`}>{c.reference}</Link>
                  </th>
                  <td>{CATEGORY_LABELS[c.category]}</td>
                  <td>{c.system?.name ?? 'Not named'}</td>
                  <td>
                    <StatusTag tone={CONCERN_STATUS_TONES[c.status]}>{CONCERN_STATUS_LABELS[c.status]}</StatusTag>
                  </td>
                  <td>{c.assignee?.name ?? 'Nobody'}</td>
                  <td>
                    <DateTime value={c.submittedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          {totalPages > 1 && (
            <Pagination
              pathname={pathname}
              currentPage={page}
              totalPages={totalPages}
              onClickNext={() => setPage((p) => Math.min(totalPages, p + 1))}
              onClickPrevious={() => setPage((p) => Math.max(1, p - 1))}
              onClickPageNumber={(_event, n) => setPage(n)}
            />
          )}
        </>
      )}
    </Page>
  );
}

/**
 * The redress queue (R-REDRESS): requests for an explanation, a human review or an appeal, open
 * ones first and the soonest deadline first, with the time left in words and overdue ones flagged.
 */
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Pagination, Table } from '@trussworks/react-uswds';
import { listRedressRequests, type RedressKind } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusTag } from '../../components/status-tag';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { KIND_LABELS, OUTCOME_LABELS, REDRESS_STATUS_LABELS, timeLeftText } from './citizen-labels';

const PAGE_SIZE = 25;

type Filter = 'open' | 'overdue' | 'decided' | 'all';
const FILTERS: Record<Filter, { label: string; query: { status?: string; overdue?: 'true' } }> = {
  open: { label: 'Open (received, in progress)', query: { status: 'received,in_progress' } },
  overdue: { label: 'Overdue', query: { overdue: 'true' } },
  decided: { label: 'Decided or closed', query: { status: 'decided,closed' } },
  all: { label: 'All', query: {} },
};

export function RedressRequestsPage() {
  const org = useOrganisation();
  const { pathname } = useLocation();
  const [filter, setFilter] = useState<Filter>('open');
  const [kind, setKind] = useState<RedressKind | ''>('');
  const [page, setPage] = useState(1);
  const requests = useApiData(
    (signal) => listRedressRequests(org.slug, { ...FILTERS[filter].query, kind: kind || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [org.slug, filter, kind, page],
  );
  const totalPages = requests.data ? Math.max(1, Math.ceil(requests.data.total / PAGE_SIZE)) : 1;

  return (
    <Page title="Redress requests">
      <p className="usa-intro">
        People who ask for an explanation of a decision, a human review or an appeal. Each request has a deadline; overdue requests are escalated to
        administrators and governance officers by email.
      </p>
      <div className="grid-row grid-gap">
        <SelectField
          className="grid-col-12 tablet:grid-col-4"
          id="redress-filter"
          label="Show"
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(1);
          }}
          options={(Object.keys(FILTERS) as Filter[]).map((f) => ({ value: f, label: FILTERS[f].label }))}
        />
        <SelectField
          className="grid-col-12 tablet:grid-col-4"
          id="redress-kind"
          label="Type"
          value={kind}
          onChange={(v) => {
            setKind(v as RedressKind | '');
            setPage(1);
          }}
          options={[{ value: '', label: 'Any type' }, ...(Object.keys(KIND_LABELS) as RedressKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))]}
        />
      </div>
      {requests.error && <ApiErrorAlert error={requests.error} onRetry={requests.reload} />}
      {!requests.data && !requests.error && <p role="status">Loading requests…</p>}
      {requests.data && requests.data.items.length === 0 && <p>No requests match.</p>}
      {requests.data && requests.data.items.length > 0 && (
        <>
          <Table caption={`Redress requests (${requests.data.total} in all)`} fullWidth scrollable>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Type</th>
                <th scope="col">AI system</th>
                <th scope="col">Status</th>
                <th scope="col">Deadline</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/redress/${r.id}`}>{r.reference}</Link>
                  </th>
                  <td>{KIND_LABELS[r.kind]}</td>
                  <td>{r.system.name}</td>
                  <td>
                    {REDRESS_STATUS_LABELS[r.status]}
                    {r.outcome && <> · {OUTCOME_LABELS[r.outcome]}</>}
                  </td>
                  <td>
                    <DateTime value={r.dueAt} dateOnly />
                    {(r.status === 'received' || r.status === 'in_progress') && (
                      <>
                        {' '}
                        <StatusTag tone={r.overdue ? 'error' : r.daysLeft <= 5 ? 'warning' : 'info'}>{timeLeftText(r.daysLeft, r.overdue)}</StatusTag>
                      </>
                    )}
                  </td>
                  <td>{r.assignee?.name ?? 'Nobody'}</td>
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

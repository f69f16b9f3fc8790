/**
 * The inventory: every AI system of the organisation, searched, filtered, sorted and paged. All of
 * that lives in the address (?q=&lifecycle=idea,proposed&page=2 …), so a link shows the same list
 * and back/forward step through earlier searches.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form, Pagination, Table } from '@trussworks/react-uswds';
import { Link, useLocation, useSearchParams } from 'react-router';
import { listSystems, listUnits, type AiSystemSummary } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusTag } from '../../components/status-tag';
import { TextField } from '../../components/text-field';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { canCreateSystems } from './inventory-rules';
import { EuTierTag, LifecycleTag } from './inventory-tags';
import { FilterForm } from './system-filters';
import { countFilters, defaults, isFiltered, ORDER_LABELS, PAGE_SIZE, readParams, SORT_LABELS, toQuery, toSearchParams, type ListParams } from './systems-list-params';
import { useOrgTiers } from './use-org-tiers';
import './inventory.css';

/** Cut at a word boundary; the detail page has the whole text. */
function truncate(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function SystemsListPage() {
  const org = useOrganisation();
  const session = useSession();
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  const params = readParams(searchParams);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const systems = useApiData((signal) => listSystems(org.slug, toQuery(params), signal), [org.slug, key]);
  const units = useApiData((signal) => listUnits(org.slug, signal), [org.slug]);
  const orgTiers = useOrgTiers(org.slug);
  const totalPages = systems.data ? Math.max(1, Math.ceil(systems.data.total / PAGE_SIZE)) : 1;
  const filterCount = countFilters(params);
  // Open when a link or an earlier visit set filters or a sort, so the person sees what shapes the list.
  const [filtersOpen, setFiltersOpen] = useState(() => filterCount > 0 || params.sort !== defaults.sort || params.order !== defaults.order);

  const go = (next: ListParams) => setSearchParams(toSearchParams(next));
  const toPage = (page: number) => {
    go({ ...params, page });
    requestAnimationFrame(() => resultsRef.current?.focus());
  };

  return (
    <Page title="AI systems">
      <p className="usa-intro">Every AI system {org.name} uses, is building or has considered, and where each one is in its lifecycle.</p>
      {canCreateSystems(org.roles) && (
        <p>
          <Link to="/systems/new" className="usa-button">
            Add an AI system
          </Link>
        </p>
      )}

      <SearchForm key={`search-${key}`} params={params} onSearch={(q) => go({ ...params, q, page: 1 })} />

      <div className="usa-accordion usa-accordion--bordered margin-bottom-4">
        <h2 className="usa-accordion__heading">
          <button type="button" className="usa-accordion__button" aria-expanded={filtersOpen} aria-controls="inventory-filters" onClick={() => setFiltersOpen((o) => !o)}>
            Filter and sort
            {filterCount > 0 && ` (${filterCount === 1 ? '1 filter' : `${filterCount} filters`} on)`}
          </button>
        </h2>
        <div id="inventory-filters" className="usa-accordion__content" hidden={!filtersOpen}>
          <FilterForm
            key={`filters-${key}`}
            params={params}
            units={units.data?.items ?? []}
            orgTiers={orgTiers}
            userId={session.user.id}
            onApply={(next) => go({ ...next, q: params.q, page: 1 })}
            onClear={() => go({ ...defaults, q: params.q })}
          />
        </div>
      </div>

      <h2 ref={resultsRef} tabIndex={-1}>
        Results
      </h2>
      {systems.error && <ApiErrorAlert error={systems.error} onRetry={systems.reload} />}
      {systems.loading && <p role="status">Loading AI systems…</p>}
      <p role="status">{systems.data && !systems.loading ? countText(systems.data.total, params, totalPages) : ''}</p>
      {systems.data && systems.data.items.length > 0 && <SystemsTable items={systems.data.items} orgName={org.name} params={params} />}
      {systems.data && totalPages > 1 && (
        <Pagination
          pathname={pathname}
          currentPage={Math.min(params.page, totalPages)}
          totalPages={totalPages}
          onClickNext={() => toPage(Math.min(totalPages, params.page + 1))}
          onClickPrevious={() => toPage(Math.max(1, params.page - 1))}
          onClickPageNumber={(_event, n) => toPage(n)}
        />
      )}
    </Page>
  );
}

function countText(total: number, params: ListParams, totalPages: number): string {
  const filtered = isFiltered(params);
  if (total === 0) return filtered ? 'No AI systems match your search and filters.' : 'No AI systems have been registered yet.';
  const count = total === 1 ? '1 AI system' : `${total} AI systems`;
  const which = filtered ? `${count} ${total === 1 ? 'matches' : 'match'} your search and filters.` : `${count}.`;
  return totalPages > 1 ? `${which} Page ${Math.min(params.page, totalPages)} of ${totalPages}.` : which;
}

function SearchForm({ params, onSearch }: { params: ListParams; onSearch: (q: string) => void }) {
  const [q, setQ] = useState(params.q);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(q.trim());
  };
  return (
    <Form onSubmit={onSubmit} role="search" aria-label="Search AI systems" className="gb-inline-form" large>
      <TextField id="system-search" label="Search by name, purpose or description" type="search" value={q} onChange={setQ} />
      <Button type="submit">Search</Button>
    </Form>
  );
}

function tierCell({ classification }: AiSystemSummary): ReactNode {
  if (!classification) return 'Not screened';
  return classification.euTier ? <EuTierTag tier={classification.euTier} /> : 'Not assessed';
}

function SystemsTable({ items, orgName, params }: { items: AiSystemSummary[]; orgName: string; params: ListParams }) {
  // The EU tier column appears when the server reports screening results at all.
  const showTier = items.some((s) => s.classification !== undefined);
  return (
    <Table caption={`AI systems in ${orgName}, sorted by ${SORT_LABELS[params.sort].toLowerCase()}: ${ORDER_LABELS[params.sort][params.order]}`} fullWidth scrollable>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Purpose</th>
          <th scope="col">Unit</th>
          <th scope="col">Owner</th>
          <th scope="col">Stage</th>
          {showTier && <th scope="col">EU AI Act tier</th>}
          <th scope="col">Last changed</th>
        </tr>
      </thead>
      <tbody>
        {items.map((system) => (
          <tr key={system.id}>
            <th scope="row">
              <Link to={`/systems/${system.id}`} className="usa-link">
                {system.name}
              </Link>
              {system.archivedAt && (
                <>
                  {' '}
                  <StatusTag tone="neutral">Archived</StatusTag>
                </>
              )}
            </th>
            <td>{truncate(system.purpose)}</td>
            <td>{system.unit?.name ?? 'No unit'}</td>
            <td>{system.owner.displayName}</td>
            <td>
              <LifecycleTag stage={system.lifecycle} />
            </td>
            {showTier && <td>{tierCell(system)}</td>}
            <td>
              <DateTime value={system.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

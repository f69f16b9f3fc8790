/**
 * The history of a system: every version (who, when, what kind of change, which fields, why), and
 * a comparison of any two versions field by field. The chosen pair is in the address (?from=&to=).
 */
import { useState, type FormEvent } from 'react';
import { Button, Form, Grid, Pagination, Table } from '@trussworks/react-uswds';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import {
  DECISION_ROLES,
  diffSystemVersions,
  getSystem,
  LIFECYCLE_STAGES,
  listSystemVersions,
  listUnits,
  SOURCING,
  VISIBILITIES,
  type AiSystem,
  type SystemDiff,
  type SystemVersion,
} from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../format';
import { useOrganisation, useSession } from '../../session';
import { useApiData } from '../../use-api';
import { DECISION_ROLE_LABELS, fieldLabel, LIFECYCLE_LABELS, oneOf, SOURCING_LABELS, VERSION_KIND_LABELS, VISIBILITY_LABELS } from './inventory-labels';
import './inventory.css';

const PAGE_SIZE = 50;

const positive = (value: string | null): number | null => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : null;
};

type Names = { units: ReadonlyMap<string, string>; people: ReadonlyMap<string, string> };

/** A snapshot value as a person reads it: lists joined, Yes/No, names instead of ids, "—" for nothing. */
function readable(field: string, value: unknown, names: Names): string {
  if (field === 'archivedAt') return typeof value === 'string' ? `Yes, on ${formatDateTime(value)}` : 'No';
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length > 0 ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : '—';
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'unitId') return names.units.get(value) ?? 'A unit that no longer exists';
  if (field === 'ownerId') return names.people.get(value) ?? `Another member (${value})`;
  if (field === 'lifecycle' && oneOf(LIFECYCLE_STAGES, value)) return LIFECYCLE_LABELS[value];
  if (field === 'sourcing' && oneOf(SOURCING, value)) return SOURCING_LABELS[value];
  if (field === 'decisionRole' && oneOf(DECISION_ROLES, value)) return DECISION_ROLE_LABELS[value];
  if (field === 'publicVisibility' && oneOf(VISIBILITIES, value)) return VISIBILITY_LABELS[value];
  return value;
}

export function SystemHistoryPage() {
  const { systemId = '' } = useParams();
  const org = useOrganisation();
  const session = useSession();
  const [searchParams] = useSearchParams();
  const page = positive(searchParams.get('page')) ?? 1;
  const from = positive(searchParams.get('from'));
  const to = positive(searchParams.get('to'));

  const system = useApiData((signal) => getSystem(org.slug, systemId, signal), [org.slug, systemId]);
  const versions = useApiData(
    (signal) => listSystemVersions(org.slug, systemId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [org.slug, systemId, page],
  );
  const units = useApiData((signal) => listUnits(org.slug, signal), [org.slug]);

  const names: Names = {
    units: new Map((units.data?.items ?? []).map((u) => [u.id, u.name])),
    people: new Map([
      [session.user.id, session.user.displayName],
      ...(versions.data?.items ?? []).flatMap((v) => (v.actor.type === 'user' && v.actor.id ? [[v.actor.id, v.actor.name] as [string, string]] : [])),
      ...(system.data ? [[system.data.owner.id, system.data.owner.displayName] as [string, string]] : []),
    ]),
  };

  const name = system.data?.name;
  const error = system.error ?? versions.error;
  return (
    <Page title={name ? `History of ${name}` : 'History'}>
      {system.data && (
        <p>
          <Link to={`/systems/${system.data.id}`} className="usa-link">
            Back to {system.data.name}
          </Link>
        </p>
      )}
      {error && (
        <ApiErrorAlert
          error={error}
          onRetry={
            error.status === 404
              ? undefined
              : () => {
                  system.reload();
                  versions.reload();
                }
          }
        />
      )}
      {!error && !versions.data && <p role="status">Loading the history…</p>}
      {versions.data && system.data && (
        <>
          <p className="usa-intro">
            Every change to the system made a new version. There {versions.data.total === 1 ? 'is 1 version' : `are ${versions.data.total} versions`}.
          </p>
          {versions.data.total > 1 && (
            <Compare key={`${from ?? ''}-${to ?? ''}`} system={system.data} total={versions.data.total} from={from} to={to} names={names} />
          )}
          <VersionsTable system={system.data} versions={versions.data.items} />
          <VersionPages page={page} total={versions.data.total} />
        </>
      )}
    </Page>
  );
}

function VersionPages({ page, total }: { page: number; total: number }) {
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (totalPages <= 1) return null;
  const toPage = (n: number) => {
    const next = new URLSearchParams(searchParams);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    setSearchParams(next);
    requestAnimationFrame(() => document.getElementById('versions-heading')?.focus());
  };
  return (
    <Pagination
      pathname={pathname}
      currentPage={Math.min(page, totalPages)}
      totalPages={totalPages}
      onClickNext={() => toPage(Math.min(totalPages, page + 1))}
      onClickPrevious={() => toPage(Math.max(1, page - 1))}
      onClickPageNumber={(_event, n) => toPage(n)}
    />
  );
}

function VersionsTable({ system, versions }: { system: AiSystem; versions: SystemVersion[] }) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading" tabIndex={-1}>
        Versions
      </h2>
      <Table caption={`Versions of ${system.name}, newest first`} fullWidth scrollable>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What happened</th>
            <th scope="col">Changed</th>
            <th scope="col">Reason</th>
            <th scope="col">Compare</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>
                <DateTime value={v.createdAt} />
              </td>
              <td>{v.actor.name}</td>
              <td>
                {VERSION_KIND_LABELS[v.kind]}
                {v.kind === 'transitioned' && typeof v.snapshot['lifecycle'] === 'string' && oneOf(LIFECYCLE_STAGES, v.snapshot['lifecycle']) && (
                  <> to {LIFECYCLE_LABELS[v.snapshot['lifecycle']]}</>
                )}
              </td>
              <td>{v.kind === 'created' ? 'Everything (first version)' : v.changedFields.map(fieldLabel).join(', ') || '—'}</td>
              <td>{v.reason ?? '—'}</td>
              <td>
                {v.version > 1 ? (
                  <Link to={`?from=${v.version - 1}&to=${v.version}`} className="usa-link">
                    With version {v.version - 1}
                    <span className="usa-sr-only"> (what changed in version {v.version})</span>
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

type CompareProps = { system: AiSystem; total: number; from: number | null; to: number | null; names: Names };

function Compare({ system, total, from, to, names }: CompareProps) {
  const org = useOrganisation();
  const [, setSearchParams] = useSearchParams();
  const [draftFrom, setDraftFrom] = useState(String(from ?? total - 1));
  const [draftTo, setDraftTo] = useState(String(to ?? total));
  const [error, setError] = useState<string | undefined>(undefined);
  const chosen = from !== null && to !== null;
  const diff = useApiData(
    (signal) => (from !== null && to !== null ? diffSystemVersions(org.slug, system.id, from, to, signal) : Promise.resolve(null)),
    [org.slug, system.id, from, to],
  );

  const options = Array.from({ length: total }, (_, i) => total - i).map((n) => ({ value: String(n), label: `Version ${n}` }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draftFrom === draftTo) {
      setError('Choose two different versions.');
      return;
    }
    setError(undefined);
    setSearchParams({ from: draftFrom, to: draftTo });
    requestAnimationFrame(() => document.getElementById('diff-heading')?.focus());
  };

  return (
    <section aria-labelledby="compare-heading" className="gb-panel">
      <h2 id="compare-heading" className="margin-top-0">
        Compare two versions
      </h2>
      <Form onSubmit={onSubmit} noValidate large className="gb-filters">
        <Grid row gap>
          <Grid tablet={{ col: 6 }} col={12}>
            <SelectField id="compare-from" label="Earlier version" value={draftFrom} onChange={setDraftFrom} options={options} />
          </Grid>
          <Grid tablet={{ col: 6 }} col={12}>
            <SelectField id="compare-to" label="Later version" value={draftTo} onChange={setDraftTo} options={options} error={error} />
          </Grid>
        </Grid>
        <Button type="submit">Compare versions</Button>
      </Form>
      {chosen && (
        <>
          <h3 id="diff-heading" tabIndex={-1}>
            Changes from version {from} to version {to}
          </h3>
          {diff.error && <ApiErrorAlert error={diff.error} heading="These versions could not be compared" />}
          {diff.loading && <p role="status">Comparing…</p>}
          {diff.data && !diff.loading && <DiffTable diff={diff.data} names={names} />}
        </>
      )}
    </section>
  );
}

function DiffTable({ diff, names }: { diff: SystemDiff; names: Names }) {
  if (diff.changes.length === 0) return <p role="status">Nothing differs between these two versions.</p>;
  return (
    <Table caption={`What differs between version ${diff.from} and version ${diff.to}`} fullWidth scrollable className="gb-diff">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before (version {diff.from})</th>
          <th scope="col">After (version {diff.to})</th>
        </tr>
      </thead>
      <tbody>
        {diff.changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{fieldLabel(change.field)}</th>
            <td>{readable(change.field, change.before, names)}</td>
            <td>{readable(change.field, change.after, names)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

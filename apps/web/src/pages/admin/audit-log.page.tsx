import { Fragment, useState, type FormEvent } from 'react';
import { Alert, Button, Form, Grid, Table } from '@trussworks/react-uswds';
import { listAuditEvents, toApiError, verifyAuditChain, type ApiError, type AuditEvent, type AuditQuery } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { TextField } from '../../components/text-field';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

const PAGE_SIZE = 50;

type Filters = { action: string; entityType: string; from: string; to: string };
const emptyFilters: Filters = { action: '', entityType: '', from: '', to: '' };

/** Dates go to the server as bare YYYY-MM-DD; it reads "to" as the whole of that day. */
function toQuery(filters: Filters): AuditQuery {
  const query: AuditQuery = { limit: PAGE_SIZE };
  if (filters.action.trim()) query.action = filters.action.trim();
  if (filters.entityType.trim()) query.entityType = filters.entityType.trim();
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

export function AuditLogPage() {
  const org = useOrganisation();
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [applied, setApplied] = useState<Filters>(emptyFilters);
  const [older, setOlder] = useState<{ items: AuditEvent[]; nextBefore: number | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const [filterError, setFilterError] = useState<string | undefined>(undefined);

  const first = useApiData((signal) => listAuditEvents(org.slug, toQuery(applied), signal), [org.slug, applied]);
  const events = [...(first.data?.items ?? []), ...(older?.items ?? [])];
  const nextBefore = older ? older.nextBefore : (first.data?.nextBefore ?? null);

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setFilterError('The “to” date must be the same as or after the “from” date.');
      return;
    }
    setFilterError(undefined);
    setOlder(null);
    setOlderError(null);
    setApplied({ ...draft });
  };

  const onClear = () => {
    setDraft(emptyFilters);
    setFilterError(undefined);
    setOlder(null);
    setApplied(emptyFilters);
  };

  const loadOlder = async () => {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await listAuditEvents(org.slug, { ...toQuery(applied), before: nextBefore });
      setOlder((current) => ({ items: [...(current?.items ?? []), ...page.items], nextBefore: page.nextBefore }));
    } catch (error) {
      setOlderError(toApiError(error));
    } finally {
      setLoadingOlder(false);
    }
  };

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Page title="Audit log">
      <p className="usa-intro">Every change made in {org.name}, newest first. Each event is chained to the one before it, so a changed or deleted event shows up in the check below.</p>
      <ChainStatus org={org.slug} />

      <h2>Filter events</h2>
      <Form onSubmit={onFilter} noValidate large className="gb-filters">
        <Grid row gap>
          <Grid tablet={{ col: 6 }} col={12}>
            <TextField id="filter-action" label="Action starts with" hint="For example member. or invitation.created" value={draft.action} onChange={set('action')} autoComplete="off" />
          </Grid>
          <Grid tablet={{ col: 6 }} col={12}>
            <TextField id="filter-entity-type" label="Entity type" hint="For example membership" value={draft.entityType} onChange={set('entityType')} autoComplete="off" />
          </Grid>
          <Grid tablet={{ col: 6 }} col={12}>
            <TextField id="filter-from" label="From date" type="date" value={draft.from} onChange={set('from')} />
          </Grid>
          <Grid tablet={{ col: 6 }} col={12}>
            <TextField id="filter-to" label="To date" type="date" value={draft.to} onChange={set('to')} error={filterError} />
          </Grid>
        </Grid>
        <Button type="submit">Apply filters</Button>
        <Button type="button" outline onClick={onClear}>
          Clear filters
        </Button>
      </Form>

      <h2>Events</h2>
      {first.error && <ApiErrorAlert error={first.error} onRetry={first.reload} />}
      {first.loading && <p role="status">Loading events…</p>}
      {first.data && events.length === 0 && <p>No events match these filters.</p>}
      {events.length > 0 && <EventsTable events={events} />}
      {olderError && <ApiErrorAlert error={olderError} heading="Older events could not be loaded" />}
      {!first.loading && nextBefore !== null && (
        <Button type="button" outline onClick={() => void loadOlder()} disabled={loadingOlder} className="margin-top-2">
          {loadingOlder ? 'Loading older events…' : 'Load older events'}
        </Button>
      )}
      {first.data && events.length > 0 && nextBefore === null && <p className="margin-top-2">These are all the events that match.</p>}
    </Page>
  );
}

function ChainStatus({ org }: { org: string }) {
  const chain = useApiData((signal) => verifyAuditChain(org, signal), [org]);
  if (chain.error) return <ApiErrorAlert error={chain.error} heading="The audit chain could not be checked" onRetry={chain.reload} />;
  if (!chain.data || chain.loading) return <p role="status">Checking the audit chain…</p>;
  const { ok, events, brokenAt, reason } = chain.data;
  if (ok) {
    return (
      <Alert type="success" headingLevel="h2" heading={`Chain intact: ${events} ${events === 1 ? 'event' : 'events'}`} role="status" validation>
        <p className="usa-alert__text">Every event’s hash matches its content and the event before it.</p>
      </Alert>
    );
  }
  const where = brokenAt ? ` at event #${brokenAt.seq}` : '';
  return (
    <Alert type="error" headingLevel="h2" heading={`Chain broken${where}: ${reason ?? 'no reason given'}`} role="alert" validation>
      <p className="usa-alert__text">
        The record from this event onwards cannot be trusted as it stands. Keep a copy of the database as it is now and tell whoever is responsible for
        information security.
      </p>
    </Alert>
  );
}

function EventsTable({ events }: { events: AuditEvent[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table caption="Audit events, newest first" fullWidth scrollable>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When</th>
          <th scope="col">Action</th>
          <th scope="col">Entity</th>
          <th scope="col">By</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const expanded = open.has(event.id);
          const detailsId = `event-details-${event.id}`;
          return (
            <Fragment key={event.id}>
              <tr>
                <th scope="row">{event.seq}</th>
                <td>
                  <DateTime value={event.occurredAt} />
                </td>
                <td>
                  <code className="gb-code">{event.action}</code>
                </td>
                <td>{event.entityType}</td>
                <td>
                  {event.actorLabel} <span className="text-base-dark">({event.actorType})</span>
                </td>
                <td>
                  <Button type="button" unstyled aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined} onClick={() => toggle(event.id)}>
                    {expanded ? 'Hide' : 'Show'}
                    <span className="usa-sr-only"> details of event {event.seq}</span>
                  </Button>
                </td>
              </tr>
              {expanded && (
                <tr id={detailsId}>
                  <td colSpan={6}>
                    <EventDetails event={event} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  return (
    <div className="grid-row grid-gap-2">
      <div className="tablet:grid-col-6">
        <dl className="gb-dl">
          <dt>Before</dt>
          <dd>
            <Values value={event.before} />
          </dd>
        </dl>
      </div>
      <div className="tablet:grid-col-6">
        <dl className="gb-dl">
          <dt>After</dt>
          <dd>
            <Values value={event.after} />
          </dd>
        </dl>
      </div>
      <div className="grid-col-12">
        <dl className="gb-dl gb-dl--meta">
          <dt>Entity ID</dt>
          <dd>{event.entityId ? <code className="gb-id">{event.entityId}</code> : '—'}</dd>
          <dt>Request</dt>
          <dd>{event.requestId ? <code>{event.requestId}</code> : '—'}</dd>
          <dt>IP address</dt>
          <dd>{event.ip ?? '—'}</dd>
          <dt>Hash</dt>
          <dd>
            <code className="gb-id">{event.hash}</code>
          </dd>
        </dl>
      </div>
    </div>
  );
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** A JSON object as a definition list, one field per entry; anything else as it is. */
function Values({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>Nothing recorded</>;
  if (typeof value !== 'object' || Array.isArray(value)) return <code className="gb-value">{show(value)}</code>;
  const entries = Object.entries(value);
  if (entries.length === 0) return <>No fields</>;
  return (
    <dl className="gb-dl gb-dl--values">
      {entries.map(([key, v]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>
            <code className="gb-value">{show(v)}</code>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Pagination, Table } from '@trussworks/react-uswds';
import { useLocation } from 'react-router';
import { listOutbox, type OutboxMessage, type OutboxStatus } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusTag, type Tone } from '../../components/status-tag';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

const PAGE_SIZE = 25;

const tone: Record<OutboxStatus, Tone> = { held: 'warning', queued: 'info', sent: 'success', failed: 'error' };

export function OutboxPage() {
  const org = useOrganisation();
  const { pathname } = useLocation();
  const [page, setPage] = useState(1);
  const [reading, setReading] = useState<OutboxMessage | null>(null);
  const outbox = useApiData((signal) => listOutbox(org.slug, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [org.slug, page]);
  const totalPages = outbox.data ? Math.max(1, Math.ceil(outbox.data.total / PAGE_SIZE)) : 1;

  return (
    <Page title="Outbox">
      <p className="usa-intro">
        Email Glassbox has sent for {org.name}: invitations, password resets and notifications. When no mail server is set up, messages are held here
        so you can pass them on yourself.
      </p>

      {reading && (
        <MessageView
          message={reading}
          onClose={() => {
            const id = reading.id;
            setReading(null);
            requestAnimationFrame(() => document.getElementById(`read-${id}`)?.focus());
          }}
        />
      )}

      {outbox.error && <ApiErrorAlert error={outbox.error} onRetry={outbox.reload} />}
      {!outbox.data && !outbox.error && <p role="status">Loading messages…</p>}
      {outbox.data && outbox.data.items.length === 0 && <p>No email has been sent yet.</p>}
      {outbox.data && outbox.data.items.length > 0 && (
        <>
          <Table caption={`Outgoing email, newest first (${outbox.data.total} in all)`} fullWidth scrollable>
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Sent</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.items.map((message) => (
                <tr key={message.id}>
                  <td>{message.toAddress}</td>
                  <th scope="row">{message.subject}</th>
                  <td>
                    <StatusTag tone={tone[message.status]}>{message.status}</StatusTag>
                  </td>
                  <td>
                    <DateTime value={message.createdAt} />
                  </td>
                  <td>
                    <DateTime value={message.sentAt} fallback="Not sent" />
                  </td>
                  <td>
                    <Button type="button" unstyled id={`read-${message.id}`} onClick={() => setReading(message)}>
                      Read<span className="usa-sr-only"> “{message.subject}” to {message.toAddress}</span>
                    </Button>
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

function MessageView({ message, onClose }: { message: OutboxMessage; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [message.id]);
  return (
    <section className="gb-message margin-bottom-4" aria-labelledby="message-heading">
      <h2 id="message-heading" ref={headingRef} tabIndex={-1} className="margin-top-0">
        {message.subject}
      </h2>
      <dl className="gb-dl gb-dl--meta">
        <dt>To</dt>
        <dd>{message.toAddress}</dd>
        <dt>Status</dt>
        <dd>
          <StatusTag tone={tone[message.status]}>{message.status}</StatusTag>
        </dd>
        <dt>Created</dt>
        <dd>
          <DateTime value={message.createdAt} />
        </dd>
        <dt>Sent</dt>
        <dd>
          <DateTime value={message.sentAt} fallback="Not sent" />
        </dd>
      </dl>
      {message.error && (
        <Alert type="error" headingLevel="h3" heading="Sending failed" validation>
          <p className="usa-alert__text">{message.error}</p>
        </Alert>
      )}
      <pre className="gb-mail-body">{message.textBody}</pre>
      <Button type="button" outline onClick={onClose}>
        Close message
      </Button>
    </section>
  );
}

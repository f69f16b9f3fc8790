/**
 * Public consultations (R-DIALOGUE, R-ENGAGE): every comment period the organisation has opened on
 * a proposed AI system, with its dates, state and the comments waiting for moderation.
 */
import { Link } from 'react-router';
import { Table } from '@trussworks/react-uswds';
import { listConsultations } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DateTime } from '../../components/date-time';
import { Page } from '../../components/page';
import { StatusTag } from '../../components/status-tag';
import { hasAnyRole } from '../../roles';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';
import { CONSULTATION_MANAGER_ROLES, STATE_LABELS, STATE_TONES } from './consultation-labels';

export function ConsultationsPage() {
  const org = useOrganisation();
  const list = useApiData((signal) => listConsultations(org.slug, { limit: 200, offset: 0 }, signal), [org.slug]);
  return (
    <Page title="Public consultations">
      <p className="usa-intro">
        Ask the public what they think before an AI system is used: open a comment period with guiding questions, publish the comments you approve, and answer with a
        summary once it closes. Residents comment on the public site without an account.
      </p>
      {hasAnyRole(org.roles, CONSULTATION_MANAGER_ROLES) && (
        <p>
          <Link to="/consultations/new" className="usa-button">
            Open a consultation
          </Link>
        </p>
      )}
      <p>
        <a className="usa-link" href={`/${org.slug}/consultations`}>
          See the public page
        </a>
      </p>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <p role="status">Loading consultations…</p>}
      {list.data && list.data.items.length === 0 && <p>No consultation yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <Table caption={`Consultations, latest first (${list.data.total} in all)`} fullWidth scrollable>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">AI system</th>
              <th scope="col">State</th>
              <th scope="col">Opens</th>
              <th scope="col">Closes</th>
              <th scope="col">Waiting for moderation</th>
              <th scope="col">Published comments</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                </th>
                <td>{c.system.name}</td>
                <td>
                  <StatusTag tone={STATE_TONES[c.state]}>{STATE_LABELS[c.state]}</StatusTag>
                </td>
                <td>
                  <DateTime value={c.opensAt} />
                </td>
                <td>
                  <DateTime value={c.closesAt} />
                </td>
                <td>{c.comments.pending}</td>
                <td>{c.comments.approved}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
}

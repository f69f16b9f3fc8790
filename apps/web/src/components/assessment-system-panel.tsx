/** The system page's assessments panel: the assessments it needs, where each stands, and the way to all of them. */
import { Link } from 'react-router';
import { listSystemAssessments } from '../api';
import { statusLabel, statusTone } from '../pages/assessments/assessment-labels';
import { useOrganisation } from '../session';
import { useApiData } from '../use-api';
import { StatusTag } from './status-tag';

export function AssessmentSystemPanel({ systemId }: { systemId: string }) {
  const org = useOrganisation();
  const data = useApiData((signal) => listSystemAssessments(org.slug, systemId, signal), [org.slug, systemId]);
  const d = data.data;
  return (
    <section aria-labelledby="assessments-heading" className="gb-panel">
      <h2 id="assessments-heading" className="margin-top-0">
        Assessments
      </h2>
      {data.error && <p>The assessments could not be loaded: {data.error.message}</p>}
      {!d && !data.error && <p>Loading the assessments…</p>}
      {d && d.needed.length === 0 && <p>No assessment is needed at the moment{d.items.length > 0 ? `; ${d.items.length} recorded` : ''}.</p>}
      {d && d.needed.length > 0 && (
        <ul className="usa-list">
          {d.needed.map((n) => {
            const latest = n.latest ?? n.assessment ?? null;
            return (
              <li key={n.templateKey}>
                {latest ? (
                  <Link to={latest.status === 'approved' ? `/assessments/${latest.id}/result` : `/assessments/${latest.id}`} className="usa-link">
                    {n.title}
                  </Link>
                ) : (
                  <strong>{n.title}</strong>
                )}
                : {latest ? <StatusTag tone={statusTone(latest.status)}>{statusLabel(latest.status)}</StatusTag> : 'not started'}
                {latest?.level && ` · level ${latest.level}`}
                {latest?.reassessmentDue && (
                  <>
                    {' '}
                    <StatusTag tone="warning">Reassessment due</StatusTag>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Link to={`/systems/${systemId}/assessments`} className="usa-button usa-button--outline">
        Assessments of this system
      </Link>
    </section>
  );
}

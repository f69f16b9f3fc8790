/** The system page's way to its obligations, saying how many are still to do (one progress call). */
import { Link } from 'react-router';
import { getSystemObligationProgress } from '../../api';
import { useOrganisation } from '../../session';
import { useApiData } from '../../use-api';

export function ObligationsLink({ systemId, className = 'usa-button usa-button--outline' }: { systemId: string; className?: string }) {
  const org = useOrganisation();
  const progress = useApiData((signal) => getSystemObligationProgress(org.slug, systemId, signal), [org.slug, systemId]);
  const p = progress.data;
  const left = p ? p.total - p.done : null;
  return (
    <Link to={`/systems/${systemId}/obligations`} className={className}>
      Obligations{left === null ? '' : p?.total === 0 ? ' (none yet)' : ` (${left} open)`}
    </Link>
  );
}

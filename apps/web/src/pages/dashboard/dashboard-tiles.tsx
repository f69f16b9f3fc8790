/**
 * The home page's overview of the organisation, for every member: systems by EU AI Act tier and by
 * lifecycle stage, overdue obligations and systems never screened, each count linking to the
 * inventory list filtered to match. One call: the organisation's progress, whose counts leave out
 * archived systems exactly as the inventory list does by default.
 */
import { Link } from 'react-router';
import { EU_TIERS, getOrganisationObligationProgress, LIFECYCLE_STAGES, type EuTier, type Lifecycle, type OrganisationObligationProgress } from '../../api';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { useApiData } from '../../use-api';
import { EU_TIER_LABELS, LIFECYCLE_LABELS } from '../inventory/inventory-labels';
import './dashboard.css';

type Overview = {
  progress: OrganisationObligationProgress;
  byTier: Record<EuTier, number>;
  byStage: Record<Lifecycle, number>;
};

async function loadOverview(org: string, signal: AbortSignal): Promise<Overview> {
  const progress = await getOrganisationObligationProgress(org, signal);
  return {
    progress,
    byTier: Object.fromEntries(EU_TIERS.map((tier) => [tier, progress.systems.byEuTier[tier] ?? 0])) as Record<EuTier, number>,
    byStage: Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, progress.systems.byLifecycle[stage] ?? 0])) as Record<Lifecycle, number>,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function DashboardTiles({ org, orgName }: { org: string; orgName: string }) {
  const overview = useApiData((signal) => loadOverview(org, signal), [org]);
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{orgName} at a glance</h2>
      {overview.error && <ApiErrorAlert error={overview.error} onRetry={overview.reload} heading="The overview could not be loaded" />}
      {!overview.data && !overview.error && <p role="status">Loading the overview…</p>}
      {overview.data && <Tiles data={overview.data} />}
    </section>
  );
}

function Tiles({ data }: { data: Overview }) {
  const { progress, byTier, byStage } = data;
  return (
    <>
      <ul className="gb-tiles" aria-label="Attention needed">
        <li className="gb-tile">
          <h3 className="gb-tile__heading">Obligations overdue</h3>
          <p className="gb-tile__number">{progress.obligations.overdue}</p>
          <p className="gb-tile__text">
            {plural(progress.systems.withOpenBeforeDeployment, 'system has', 'systems have')} before-deployment obligations still open. Open a system’s
            obligations to see which are due.
          </p>
        </li>
        <li className="gb-tile">
          <h3 className="gb-tile__heading">Systems missing a screening</h3>
          <p className="gb-tile__number">{progress.systems.missingScreening}</p>
          <p className="gb-tile__text">
            {progress.systems.missingScreening === 0 ? (
              'Every system has been screened.'
            ) : (
              <Link to="/systems?screened=no" className="usa-link">
                Show the {plural(progress.systems.missingScreening, 'system', 'systems')} never screened
              </Link>
            )}
          </p>
        </li>
      </ul>
      <div className="grid-row grid-gap-4">
        <div className="tablet:grid-col-6">
          <CountList
            heading="Systems by EU AI Act tier"
            rows={EU_TIERS.map((tier) => ({ key: tier, label: EU_TIER_LABELS[tier], count: byTier[tier], to: `/systems?euTier=${tier}` }))}
          />
        </div>
        <div className="tablet:grid-col-6">
          <CountList
            heading="Systems by lifecycle stage"
            rows={LIFECYCLE_STAGES.map((stage) => ({ key: stage, label: LIFECYCLE_LABELS[stage], count: byStage[stage], to: `/systems?lifecycle=${stage}` }))}
          />
        </div>
      </div>
    </>
  );
}

type Row = { key: string; label: string; count: number; to: string };

function CountList({ heading, rows }: { heading: string; rows: Row[] }) {
  const id = `tiles-${heading.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="gb-tile gb-tile--list">
      <h3 id={id} className="gb-tile__heading">
        {heading}
      </h3>
      <ul className="usa-list usa-list--unstyled" aria-labelledby={id}>
        {rows.map((row) => (
          <li key={row.key} className="gb-tile__row">
            <Link to={row.to} className="usa-link">
              <span className="gb-tile__count">{row.count}</span> {row.label}
              <span className="usa-sr-only"> (show {row.count === 1 ? 'this system' : 'these systems'})</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

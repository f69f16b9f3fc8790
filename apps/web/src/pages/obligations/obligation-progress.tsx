/** How far a system is with its obligations: a bar and the counts by status, overall and by phase. */
import { OBLIGATION_PHASES, OBLIGATION_STATUSES, type Obligation } from '../../api';
import { isDone, OBLIGATION_STATUS_LABELS, PHASE_LABELS } from './obligation-labels';

export function ObligationProgress({ items }: { items: Obligation[] }) {
  const done = items.filter((o) => isDone(o.status)).length;
  const overdue = items.filter((o) => o.overdue).length;
  return (
    <section aria-labelledby="progress-heading" className="gb-panel margin-bottom-4">
      <h2 id="progress-heading" className="margin-top-0">
        Progress
      </h2>
      <label htmlFor="obligations-progress" className="display-block margin-bottom-1">
        {done} of {items.length} obligations done (met or not applicable)
      </label>
      <progress id="obligations-progress" className="gb-progress" max={items.length} value={done}>
        {done} of {items.length}
      </progress>
      {overdue > 0 && (
        <p className="text-bold">
          {overdue} overdue obligation{overdue === 1 ? '' : 's'}.
        </p>
      )}
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption className="usa-sr-only">Obligations by phase and status</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            {OBLIGATION_STATUSES.map((s) => (
              <th key={s} scope="col">
                {OBLIGATION_STATUS_LABELS[s]}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {OBLIGATION_PHASES.map((phase) => {
            const inPhase = items.filter((o) => o.phase === phase);
            return (
              <tr key={phase}>
                <th scope="row">{PHASE_LABELS[phase]}</th>
                {OBLIGATION_STATUSES.map((s) => (
                  <td key={s}>{inPhase.filter((o) => o.status === s).length}</td>
                ))}
                <td>{inPhase.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The history of a concern or request, oldest first; internal entries are marked as such. */
import type { CaseEvent } from '../../api';
import { DateTime } from '../../components/date-time';
import { EVENT_LABELS } from './citizen-labels';

export function CaseHistory({ events, statusLabel, assigneeName }: { events: CaseEvent[]; statusLabel: (s: string) => string; assigneeName: (id: string) => string }) {
  return (
    <section aria-labelledby="history-heading" className="margin-top-4">
      <h2 id="history-heading">History</h2>
      <ol className="gb-case-history">
        {events.map((e, i) => (
          <li key={`${e.at}-${i}`} className="margin-bottom-2">
            <DateTime value={e.at} /> · {e.actorName} · <strong>{EVENT_LABELS[e.kind] ?? e.kind}</strong>
            {e.internal && <span className="text-base"> (internal, not shown to the person)</span>}
            {e.kind === 'status' && e.toStatus && <>: {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}{statusLabel(e.toStatus)}</>}
            {e.kind === 'assigned' && <>: {e.body ? assigneeName(e.body) : 'nobody'}</>}
            {e.body && e.kind !== 'assigned' && e.kind !== 'status' && <p className="gb-preserve-lines margin-y-05">{e.body}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

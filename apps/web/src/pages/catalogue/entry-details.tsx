/** Everything the catalogue says about one tool, with the actions the person may take. */
import { useEffect, useRef } from 'react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import type { CatalogueEntry } from '../../api';
import { StatusTag } from '../../components/status-tag';
import { DATA_ALLOWED_LABELS, formatDay, lifecycleText, PRICING_LABELS, STATUS_LABELS, STATUS_TONES, todayText } from './catalogue-labels';

type Props = {
  entry: CatalogueEntry;
  canManage: boolean;
  onAsk: () => void;
  onEdit: () => void;
  onArchive: () => void;
  onClose: () => void;
};

function UseList({ uses, none }: { uses: readonly string[]; none: string }) {
  if (uses.length === 0) return <>{none}</>;
  return (
    <ul className="usa-list margin-top-0">
      {uses.map((use) => (
        <li key={use}>{use}</li>
      ))}
    </ul>
  );
}

export function EntryDetails({ entry, canManage, onAsk, onEdit, onArchive, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [entry.id]);
  const overdue = entry.reviewDate !== null && entry.reviewDate < todayText();

  return (
    <section className="gb-message margin-bottom-4" aria-labelledby="entry-heading">
      <h2 id="entry-heading" ref={headingRef} tabIndex={-1} className="margin-top-0">
        {entry.name}
      </h2>
      <p>
        <StatusTag tone={STATUS_TONES[entry.status]}>{STATUS_LABELS[entry.status]}</StatusTag>
        {entry.archivedAt && (
          <>
            {' '}
            <StatusTag tone="neutral">Archived</StatusTag>
          </>
        )}
      </p>
      {entry.description && <p>{entry.description}</p>}
      <dl className="gb-dl">
        <dt>Supplier</dt>
        <dd>{entry.vendor}</dd>
        {entry.status === 'approved_with_conditions' && (
          <>
            <dt>Conditions</dt>
            <dd className="gb-value">{entry.conditions}</dd>
          </>
        )}
        <dt>Permitted uses</dt>
        <dd>
          <UseList uses={entry.permittedUses} none="None listed." />
        </dd>
        <dt>Prohibited uses</dt>
        <dd>
          <UseList uses={entry.prohibitedUses} none="None listed." />
        </dd>
        <dt>Information that may go in</dt>
        <dd>{DATA_ALLOWED_LABELS[entry.dataAllowed]}</dd>
        <dt>Data-processing agreement</dt>
        <dd>{entry.dpaInPlace ? 'In place' : 'None'}</dd>
        <dt>Paid or free</dt>
        <dd>{PRICING_LABELS[entry.pricing]}</dd>
        <dt>Data-protection terms</dt>
        <dd className="gb-value">{entry.dataProtectionTerms || 'No terms recorded.'}</dd>
        <dt>Review date</dt>
        <dd>
          {entry.reviewDate ? (
            <>
              <time dateTime={entry.reviewDate}>{formatDay(entry.reviewDate)}</time>
              {overdue && ' (overdue: the approval needs re-checking)'}
            </>
          ) : (
            'None set'
          )}
        </dd>
        <dt>Who to ask</dt>
        <dd>{entry.contact || 'Not recorded'}</dd>
        <dt>In the AI-system inventory</dt>
        <dd>
          {entry.system ? (
            <>
              <Link to={`/systems/${entry.system.slug}`} className="usa-link">
                {entry.system.name}
              </Link>{' '}
              ({lifecycleText(entry.system.lifecycle)})
            </>
          ) : (
            'Not linked'
          )}
        </dd>
      </dl>
      <ButtonGroup className="margin-top-3">
        {!entry.archivedAt && (
          <Button type="button" onClick={onAsk}>
            Ask about this tool
          </Button>
        )}
        {canManage && !entry.archivedAt && (
          <>
            <Button type="button" outline onClick={onEdit}>
              Edit<span className="usa-sr-only"> {entry.name}</span>
            </Button>
            <Button type="button" secondary onClick={onArchive}>
              Archive<span className="usa-sr-only"> {entry.name}</span>
            </Button>
          </>
        )}
        <Button type="button" unstyled onClick={onClose}>
          Close details
        </Button>
      </ButtonGroup>
    </section>
  );
}

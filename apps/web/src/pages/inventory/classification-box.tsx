/** What the latest screening decided about a system, shown once it has been screened. */
import { Fragment, type ReactNode } from 'react';
import { SummaryBox, SummaryBoxContent, SummaryBoxHeading } from '@trussworks/react-uswds';
import type { AiSystem, SystemClassification } from '../../api';
import { DateTime } from '../../components/date-time';
import { useOrganisation } from '../../session';
import { OMB_HIGH_IMPACT_LABELS, orgTierLabel, yesNo } from './inventory-labels';
import { EuTierTag } from './inventory-tags';
import { useOrgTiers } from './use-org-tiers';

/** Nothing until the system has been screened (until then the server sends `classification: null`). */
export function ClassificationBox({ system }: { system: AiSystem }) {
  return system.classification ? <Classification c={system.classification} /> : null;
}

function Classification({ c }: { c: SystemClassification }) {
  const org = useOrganisation();
  const { labels } = useOrgTiers(org.slug);
  const rows: Array<[string, ReactNode]> = [];
  if (c.euTier) rows.push(['EU AI Act tier', <EuTierTag key="eu" tier={c.euTier} />]);
  if (c.orgTier) rows.push([`${org.name} tier`, orgTierLabel(c.orgTier, labels)]);
  if (c.ombHighImpact) rows.push(['US OMB high-impact use', OMB_HIGH_IMPACT_LABELS[c.ombHighImpact]]);
  if (c.friaRequired !== null) rows.push(['Fundamental rights impact assessment required', yesNo(c.friaRequired)]);
  if (c.euRegistrationRequired !== null) rows.push(['Registration in the EU database required', yesNo(c.euRegistrationRequired)]);
  return (
    <SummaryBox className="margin-bottom-4">
      <SummaryBoxHeading headingLevel="h2">Classification</SummaryBoxHeading>
      <SummaryBoxContent>
        {rows.length > 0 && (
          <dl className="gb-dl gb-dl--meta">
            {rows.map(([term, value]) => (
              <Fragment key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
        )}
        <p className="margin-bottom-0">
          Screened on <DateTime value={c.screenedAt} dateOnly />.
        </p>
      </SummaryBoxContent>
    </SummaryBox>
  );
}

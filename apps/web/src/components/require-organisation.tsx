/** Pages about an organisation's records say so plainly when the person belongs to none yet. */
import type { ReactNode } from 'react';
import { useCurrentOrganisation } from '../session';
import { Page } from './page';

export function RequireOrganisation({ children }: { children: ReactNode }) {
  const org = useCurrentOrganisation();
  if (!org) {
    return (
      <Page title="No organisation yet">
        <p className="usa-intro">You are not a member of any organisation yet, so there is nothing to show here. Ask an administrator to invite you.</p>
      </Page>
    );
  }
  return <>{children}</>;
}

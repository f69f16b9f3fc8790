/**
 * The frame for signed-in pages. Sends signed-out visitors to sign-in (remembering where they were
 * going) and remounts the page when the current organisation changes, so it reloads its data.
 */
import { Fragment } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionContext } from '../session';
import { SiteHeader } from './site-header';

export function SignedInLayout() {
  const { state, reload } = useSessionContext();
  const location = useLocation();

  if (state.status === 'signed-out') {
    if (state.reason === 'signed-out') return <Navigate to="/sign-in" replace state={{ notice: 'You have signed out.' }} />;
    const here = location.pathname + location.search;
    const to = here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
    const notice = state.reason === 'expired' ? 'Your session has ended. Sign in again to continue.' : undefined;
    return <Navigate to={to} replace state={notice ? { notice } : undefined} />;
  }

  if (state.status !== 'signed-in') {
    return (
      <main id="main-content" tabIndex={-1} className="grid-container padding-y-4">
        {state.status === 'loading' ? (
          <p role="status">Loading Glassbox…</p>
        ) : (
          <>
            <h1>Glassbox is not available</h1>
            <Alert type="error" headingLevel="h2" role="alert">
              {state.message}
            </Alert>
            <Button type="button" onClick={reload} className="margin-top-2">
              Try again
            </Button>
          </>
        )}
      </main>
    );
  }

  const { session } = state;
  return (
    <>
      <SiteHeader session={session} />
      <main id="main-content" tabIndex={-1} className="grid-container padding-y-4">
        <Fragment key={session.currentOrganisation ?? 'none'}>
          <Outlet />
        </Fragment>
      </main>
    </>
  );
}

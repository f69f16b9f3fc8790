/** The frame for pages used before signing in: sign-in, password reset, invitations. */
import { Header, Title } from '@trussworks/react-uswds';
import { Link, Outlet } from 'react-router';

export function PublicLayout() {
  return (
    <>
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to="/">Glassbox</Link>
            </Title>
          </div>
        </div>
      </Header>
      <main id="main-content" tabIndex={-1} className="grid-container padding-y-4">
        <div className="grid-row">
          <div className="grid-col-12 tablet:grid-col-8 desktop:grid-col-6">
            <Outlet />
          </div>
        </div>
      </main>
    </>
  );
}

import { Link } from 'react-router';
import { Page } from '../components/page';
import { adminNav, primaryNav, visibleItems } from '../nav';
import { hasAnyRole, roleLabel } from '../roles';
import { DashboardTiles } from './dashboard/dashboard-tiles';
import { SYSTEM_WRITER_ROLES } from './inventory/inventory-rules';
import { useCurrentOrganisation, useSession } from '../session';

export function HomePage() {
  const session = useSession();
  const org = useCurrentOrganisation();
  const roles = org?.roles ?? [];
  const destinations = [
    ...visibleItems(primaryNav, roles).filter((item) => item.path !== '/' && item.path !== '/admin'),
    ...visibleItems(adminNav, roles),
  ];

  return (
    <Page title="Home" heading={`Welcome, ${session.user.displayName}`}>
      {org ? (
        <>
          <p className="usa-intro">You are working in {org.name}.</p>
          <h2>Your roles in {org.name}</h2>
          {roles.length > 0 ? (
            <ul className="usa-list">
              {roles.map((role) => (
                <li key={role}>{roleLabel(role)}</li>
              ))}
            </ul>
          ) : (
            <p>You have no roles in this organisation yet. Ask an administrator to give you one.</p>
          )}
        </>
      ) : (
        <p className="usa-intro">You are not a member of any organisation yet. Ask an administrator to invite you.</p>
      )}

      {org && <DashboardTiles org={org.slug} orgName={org.name} />}

      <h2>What you can do</h2>
      <ul className="usa-list">
        {destinations.map((item) => (
          <li key={item.path}>
            <Link to={item.path} className="usa-link">
              {item.label}
            </Link>
            {item.description && <>: {item.description}</>}
          </li>
        ))}
        {hasAnyRole(roles, SYSTEM_WRITER_ROLES) && (
          <li>
            <Link to="/systems/new" className="usa-link">
              Add an AI system
            </Link>
            : record a system you use, are building or are thinking about.
          </li>
        )}
        <li>
          <Link to="/change-password" className="usa-link">
            Change your password
          </Link>
        </li>
      </ul>
      {session.organisations.length > 1 && <p>You belong to {session.organisations.length} organisations. Use the organisation menu at the top of the page to switch.</p>}
    </Page>
  );
}

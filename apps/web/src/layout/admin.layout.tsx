/** The admin area: a side navigation of the sections this person may use, and the section itself. */
import { Grid, SideNav } from '@trussworks/react-uswds';
import { NavLink, Outlet } from 'react-router';
import { adminNav, visibleItems } from '../nav';
import { useCurrentOrganisation } from '../session';

export function AdminLayout() {
  const org = useCurrentOrganisation();
  const items = visibleItems(adminNav, org?.roles ?? []);
  if (items.length === 0) return <Outlet />;
  return (
    <div className="grid-row grid-gap-4">
      <Grid desktop={{ col: 3 }} col={12} className="margin-bottom-4">
        <nav aria-label="Admin sections">
          <SideNav
            items={items.map((item) => (
              <NavLink key={item.path} to={item.path} className={({ isActive }) => (isActive ? 'usa-current' : '')}>
                {item.label}
              </NavLink>
            ))}
          />
        </nav>
      </Grid>
      <Grid desktop={{ col: 9 }} col={12}>
        <Outlet />
      </Grid>
    </div>
  );
}

/** The signed-in header: product and organisation name, primary navigation, organisation switcher, user menu. */
import { useEffect, useState } from 'react';
import { Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import FocusTrap from 'focus-trap-react';
import { Link, NavLink, useLocation } from 'react-router';
import type { Session } from '../api';
import { headerEntries, primaryNav, visibleItems } from '../nav';
import { currentOrganisationOf } from '../session';
import { NavGroupMenu } from './nav-group-menu';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

export function SiteHeader({ session }: { session: Session }) {
  const [mobileOpen, setMobileOpen] = useState(false);
  const [navElement, setNavElement] = useState<HTMLElement | null>(null);
  const { pathname } = useLocation();
  const org = currentOrganisationOf(session);

  useEffect(() => setMobileOpen(false), [pathname]);

  const items = [
    ...headerEntries(visibleItems(primaryNav, org?.roles ?? [])).map((entry) =>
      entry.kind === 'group' ? (
        <NavGroupMenu key={entry.id} id={entry.id} label={entry.label} items={entry.items} />
      ) : (
        <NavLink key={entry.item.path} to={entry.item.path} end={entry.item.end} className={({ isActive }) => `usa-nav-link${isActive ? ' usa-current' : ''}`}>
          <span>{entry.item.label}</span>
        </NavLink>
      ),
    ),
    <UserMenu key="user" session={session} />,
  ];

  return (
    <Header basic showMobileOverlay={mobileOpen}>
      <div className="usa-nav-container">
        <div className="usa-navbar">
          <Title>
            <Link to="/">Glassbox</Link>
            {org && <span className="gb-org-name">{org.name}</span>}
          </Title>
          <NavMenuButton label="Menu" aria-controls="primary-nav" aria-expanded={mobileOpen} onClick={() => setMobileOpen(true)} />
        </div>
        <PrimaryNav
          ref={setNavElement}
          id="primary-nav"
          aria-label="Primary"
          items={items}
          mobileExpanded={mobileOpen}
          onToggleMobileNav={() => setMobileOpen(false)}
        >
          <OrgSwitcher session={session} />
        </PrimaryNav>
        {/* On small screens the open menu is a drawer: keep focus inside it until it closes. */}
        <FocusTrap
          active={mobileOpen && navElement !== null}
          containerElements={navElement ? [navElement] : []}
          focusTrapOptions={{
            escapeDeactivates: true,
            clickOutsideDeactivates: true,
            onDeactivate: () => setMobileOpen(false),
            // The drawer hides a moment before the trap lets go (after following a link in it);
            // without a fallback, focus-trap throws when it finds nothing to focus.
            fallbackFocus: () => navElement ?? document.body,
          }}
        />
      </div>
    </Header>
  );
}

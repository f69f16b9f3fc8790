/** One dropdown of the primary navigation (nav.ts NAV_GROUPS): a button that opens its links. */
import { Menu, NavDropDownButton } from '@trussworks/react-uswds';
import { NavLink, matchPath, useLocation } from 'react-router';
import type { NavItem } from '../nav';
import { useDropdown } from './use-dropdown';

export function NavGroupMenu({ id, label, items }: { id: string; label: string; items: readonly NavItem[] }) {
  const { open, toggle, buttonRef } = useDropdown();
  const { pathname } = useLocation();
  const menuId = `nav-group-${id}`;
  // The button is marked current when the page belongs to one of its links.
  const current = items.some((item) => matchPath({ path: item.path, end: item.end ?? false }, pathname) !== null);
  return (
    <>
      <NavDropDownButton ref={buttonRef} label={label} menuId={menuId} isOpen={open} onToggle={toggle} isCurrent={current} />
      <Menu
        id={menuId}
        isOpen={open}
        items={items.map((item) => (
          <NavLink key={item.path} to={item.path} end={item.end} className={({ isActive }) => (isActive ? 'usa-current' : '')}>
            {item.label}
          </NavLink>
        ))}
      />
    </>
  );
}

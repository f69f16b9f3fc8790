/** The signed-in person's menu in the header: change password and sign out. */
import { useState } from 'react';
import { Menu, NavDropDownButton } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { signOut, type Session } from '../api';
import { useSessionContext } from '../session';
import { useDropdown } from './use-dropdown';

const MENU_ID = 'user-menu';

export function UserMenu({ session }: { session: Session }) {
  const { endSession } = useSessionContext();
  const { open, toggle, buttonRef } = useDropdown();
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // The session is over as far as this browser is concerned; the cookie expires on its own.
    }
    endSession();
  };

  return (
    <>
      <NavDropDownButton
        ref={buttonRef}
        label={session.user.displayName}
        menuId={MENU_ID}
        isOpen={open}
        onToggle={toggle}
      />
      <Menu
        id={MENU_ID}
        isOpen={open}
        items={[
          <Link key="password" to="/change-password">
            Change password
          </Link>,
          <button key="sign-out" type="button" className="gb-menu-button" onClick={() => void onSignOut()} disabled={signingOut}>
            Sign out
          </button>,
        ]}
      />
    </>
  );
}

/** The signed-in person's menu in the header: change password and sign out. */
import { useEffect, useRef, useState } from 'react';
import { Menu, NavDropDownButton } from '@trussworks/react-uswds';
import { Link, useLocation } from 'react-router';
import { signOut, type Session } from '../api';
import { useSessionContext } from '../session';

const MENU_ID = 'user-menu';

export function UserMenu({ session }: { session: Session }) {
  const { endSession } = useSessionContext();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const button = buttonRef.current;
    const container = button?.closest('li');
    const onPointer = (event: PointerEvent) => {
      if (container && event.target instanceof Node && !container.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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
        onToggle={() => setOpen((o) => !o)}
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

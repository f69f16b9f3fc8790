/**
 * Open/closed state of a header dropdown (USWDS NavDropDownButton + Menu): closes on navigation, on
 * a pointer press outside its list item, and on Escape (which returns focus to the button).
 */
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

export function useDropdown() {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
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

  return { open, toggle: () => setOpen((o) => !o), buttonRef };
}

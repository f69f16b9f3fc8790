/**
 * Wraps every route: the skip link, and focus moved to the new page's h1 after client-side
 * navigation so screen-reader and keyboard users start at the top of what changed.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router';

export function RootLayout() {
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main-content');
    if (!main) return;
    // Focus rather than follow the fragment, which the router would treat as navigation.
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };

  return (
    <>
      <a className="usa-skipnav" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <Outlet />
    </>
  );
}

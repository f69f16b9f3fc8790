import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { noticeFrom } from './forms';

/**
 * A notice handed over by the previous page in the navigation state (saved, added, discarded) is
 * shown once: passed to `show` after the first render so the live region announces it, then dropped
 * from history so a reload does not repeat it.
 */
export function useHandedOverNotice(show: (message: string) => void): void {
  const location = useLocation();
  const navigate = useNavigate();
  const notice = noticeFrom(location.state);
  useEffect(() => {
    if (!notice) return;
    show(notice);
    void navigate(location.pathname + location.search, { replace: true, state: null });
  }, [notice, show, navigate, location.pathname, location.search]);
}

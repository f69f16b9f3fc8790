/**
 * Who is signed in. Loads the session once at start, keeps the CSRF token in the API client in
 * step, and drops to "signed out" when any signed-in call answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getSession, setCsrfToken, setUnauthorizedHandler, toApiError, type Session, type SessionOrganisation } from './api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** Why there is no session decides what the sign-in page says: nothing, "signed out" or "session ended". */
  | { status: 'signed-out'; reason: 'none' | 'signed-out' | 'expired' }
  | { status: 'signed-in'; session: Session };

type SessionContextValue = {
  state: SessionState;
  setSession: (session: Session | null) => void;
  /** After sign-out: the signed-in layout then sends the person to sign-in with a notice. */
  endSession: () => void;
  reload: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setState({ status: 'signed-in', session });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setState(apiError.status === 401 ? { status: 'signed-out', reason: 'none' } : { status: 'error', message: apiError.message });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : current));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const setSession = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    setState(session ? { status: 'signed-in', session } : { status: 'signed-out', reason: 'none' });
  }, []);

  const endSession = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, setSession, endSession, reload }), [state, setSession, endSession, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext must be used inside <SessionProvider>.');
  return value;
}

/** The signed-in session; only for components rendered under the signed-in layout. */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in') throw new Error('useSession needs a signed-in session.');
  return state.session;
}

export function currentOrganisationOf(session: Session): SessionOrganisation | null {
  return session.organisations.find((o) => o.slug === session.currentOrganisation) ?? null;
}

export function useCurrentOrganisation(): SessionOrganisation | null {
  return currentOrganisationOf(useSession());
}

/** The current organisation for pages that cannot work without one (guarded by RequireRoles). */
export function useOrganisation(): SessionOrganisation {
  const org = useCurrentOrganisation();
  if (!org) throw new Error('This page needs a current organisation.');
  return org;
}

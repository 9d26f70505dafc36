import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { restoreSession, Session, setCurrentSession } from './session-store';

interface SessionContextValue {
  session: Session | null;
  /** True while a reloaded page asks the server whether its session goes on. */
  restoring: boolean;
  /** Why the person was last signed out, shown once on the sign-in page. */
  signedOutReason: string | null;
  signIn(session: Session): void;
  /** Forgets the session on this page; ending it on the server is the caller's (see Shell). */
  signOut(reason?: string): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({
  children,
  initial,
}: {
  children: ReactNode;
  /** A session to start with (tests); without it, the refresh cookie is tried once. */
  initial?: Session | null;
}) {
  const [session, setSession] = useState<Session | null>(() => {
    if (initial !== undefined) setCurrentSession(initial);
    return initial ?? null;
  });
  const [restoring, setRestoring] = useState(initial === undefined);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  useEffect(() => {
    if (!restoring) return;
    let cancelled = false;
    void restoreSession().then((restored) => {
      if (cancelled) return;
      setCurrentSession(restored);
      setSession(restored);
      setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, [restoring]);

  const signIn = useCallback((next: Session) => {
    setCurrentSession(next);
    setSignedOutReason(null);
    setSession(next);
  }, []);

  const signOut = useCallback((reason?: string) => {
    setCurrentSession(null);
    setSignedOutReason(reason ?? null);
    setSession(null);
  }, []);

  const value = useMemo(
    () => ({ session, restoring, signedOutReason, signIn, signOut }),
    [session, restoring, signedOutReason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside a SessionProvider');
  return value;
}

import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { clearSession, loadSession, saveSession, Session } from './session-storage';

interface SessionContextValue {
  session: Session | null;
  /** Why the person was last signed out, shown once on the sign-in page. */
  signedOutReason: string | null;
  signIn(session: Session): void;
  signOut(reason?: string): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({
  children,
  initial,
}: {
  children: ReactNode;
  initial?: Session | null;
}) {
  const [session, setSession] = useState<Session | null>(() =>
    initial === undefined ? loadSession() : initial,
  );
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setSignedOutReason(null);
    setSession(next);
  }, []);

  const signOut = useCallback((reason?: string) => {
    clearSession();
    setSignedOutReason(reason ?? null);
    setSession(null);
  }, []);

  const value = useMemo(
    () => ({ session, signedOutReason, signIn, signOut }),
    [session, signedOutReason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside a SessionProvider');
  return value;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'scr.session';

/** The saved session, or null when there is none or it has expired. */
export function loadSession(
  storage: Storage = window.localStorage,
  now = Date.now(),
): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || !(Date.parse(session.expiresAt) > now)) {
      storage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = window.localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = window.localStorage): void {
  storage.removeItem(KEY);
}

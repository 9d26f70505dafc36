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

/**
 * The access token lives in this module's memory only, never in localStorage or sessionStorage,
 * where any script on the page could read it. After a reload, restoreSession asks the server for a
 * new one with the httpOnly refresh cookie set at sign-in, which scripts cannot read either.
 */
let current: Session | null = null;

export function currentSession(): Session | null {
  return current;
}

export function currentToken(): string | null {
  return current?.token ?? null;
}

export function setCurrentSession(session: Session | null): void {
  current = session;
}

export const REFRESH_URL = '/api/auth/refresh';

/** The session the refresh cookie still holds, or null when there is none (or it has ended). */
export async function restoreSession(fetchImpl: typeof fetch = fetch): Promise<Session | null> {
  try {
    const response = await fetchImpl(REFRESH_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    // 204: no refresh cookie, nothing to restore; 401: the session has ended.
    if (response.status !== 200) return null;
    const session = (await response.json()) as Session;
    return session.token ? session : null;
  } catch {
    return null;
  }
}

import { currentToken, restoreSession, setCurrentSession } from './session-store';

const session = {
  token: 'abc',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: '1', email: 'a@b.org', displayName: 'A', role: 'ADMIN' },
};

describe('session store', () => {
  afterEach(() => setCurrentSession(null));

  it('keeps the token in memory, out of localStorage and sessionStorage', () => {
    setCurrentSession(session);
    expect(currentToken()).toBe('abc');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    setCurrentSession(null);
    expect(currentToken()).toBeNull();
  });

  it('restores a session with the refresh cookie, sending the cookie and nothing else', async () => {
    const fetchImpl = jest.fn(
      async () => new Response(JSON.stringify(session), { status: 200 }),
    ) as unknown as typeof fetch;
    await expect(restoreSession(fetchImpl)).resolves.toEqual(session);
    expect(fetchImpl).toHaveBeenCalledWith('/api/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  });

  it('answers null when the server refuses or cannot be reached', async () => {
    const refused = jest.fn(
      async () => new Response('{}', { status: 401 }),
    ) as unknown as typeof fetch;
    await expect(restoreSession(refused)).resolves.toBeNull();
    const nothing = jest.fn(
      async () => new Response(null, { status: 204 }),
    ) as unknown as typeof fetch;
    await expect(restoreSession(nothing)).resolves.toBeNull();
    const offline = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(restoreSession(offline)).resolves.toBeNull();
  });
});

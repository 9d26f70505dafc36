import { clearSession, loadSession, saveSession, Session } from './session-storage';

const session: Session = {
  token: 'abc',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: '1', email: 'a@b.org', displayName: 'A', role: 'ADMIN' },
};

describe('session storage', () => {
  beforeEach(() => window.localStorage.clear());

  it('round-trips a session that has not expired', () => {
    saveSession(session);
    expect(loadSession(window.localStorage, Date.parse('2029-12-31T23:59:59Z'))).toEqual(session);
  });

  it('forgets an expired session', () => {
    saveSession(session);
    expect(loadSession(window.localStorage, Date.parse('2030-01-01T00:00:01Z'))).toBeNull();
    expect(window.localStorage.length).toBe(0);
  });

  it('forgets a corrupted entry instead of failing', () => {
    window.localStorage.setItem('scr.session', '{not json');
    expect(loadSession()).toBeNull();
  });

  it('clears on sign-out', () => {
    saveSession(session);
    clearSession();
    expect(loadSession()).toBeNull();
  });
});

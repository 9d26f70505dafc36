import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ROLE_LABELS, RoleName } from '@scr/shared';
import { NavLink, Outlet } from 'react-router';
import { CURRENT_USER, SIGN_OUT, useSession } from '../auth';

const SECTIONS = [
  { to: '/reviews', label: 'Reviews' },
  { to: '/corpus', label: 'Corpus' },
  { to: '/collections', label: 'Collections' },
  { to: '/briefings', label: 'Briefings' },
];
/** The report library, for those who bring reports in or read them. */
const REPORTS_SECTION = { to: '/reports', label: 'Reports' };
const REPORT_ROLES = ['ANALYST', 'TRAINER', 'ADMIN'];

export function Shell() {
  const { session, signOut } = useSession();
  const client = useApolloClient();
  // Confirms the saved token is still accepted and picks up a changed name or role.
  const { data } = useQuery(CURRENT_USER);
  const user = data?.me ?? session?.user;
  const roleLabel = user ? (ROLE_LABELS[user.role as RoleName] ?? user.role) : '';
  const [endSession, { loading: signingOut }] = useMutation(SIGN_OUT);
  const sections = [
    ...SECTIONS,
    ...(REPORT_ROLES.includes(user?.role ?? '') ? [REPORTS_SECTION] : []),
    ...(user?.role === 'ADMIN' ? [{ to: '/accounts', label: 'Accounts' }] : []),
  ];

  const handleSignOut = async () => {
    // The server ends the session and clears the refresh cookie; the page forgets it either way.
    await endSession().catch(() => undefined);
    signOut();
    await client.clearStore();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <span className="shell__brand">SCR Workbench</span>
        <nav aria-label="Main" className="shell__nav">
          {sections.map((section) => (
            <NavLink key={section.to} to={section.to} className="shell__nav-link">
              {section.label}
            </NavLink>
          ))}
        </nav>
        {user && (
          <div className="shell__user">
            <span className="shell__user-name" data-testid="signed-in-user">
              {user.displayName}
              {roleLabel !== user.displayName && (
                <span className="shell__user-role">{roleLabel}</span>
              )}
            </span>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void handleSignOut()}
              disabled={signingOut}
            >
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

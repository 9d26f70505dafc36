import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../features/auth/session-context';
import { CURRENT_USER, SIGN_IN } from '../features/auth/sign-in.graphql';
import { loadSession, Session } from '../features/auth/session-storage';
import { App } from './App';

const user = {
  __typename: 'User' as const,
  id: 'u1',
  email: 'lead@partnership.org',
  displayName: 'Lee Lead',
  role: 'REVIEWER' as const,
};
const session: Session = { token: 't0k3n', expiresAt: '2099-01-01T00:00:00.000Z', user };
const currentUser = { request: { query: CURRENT_USER }, result: { data: { me: user } } };

function renderApp(mocks: MockedProviderProps['mocks'], initial: Session | null, path = '/') {
  return render(
    <MockedProvider mocks={mocks}>
      <SessionProvider initial={initial}>
        <MemoryRouter initialEntries={[path]}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

describe('App', () => {
  beforeEach(() => window.localStorage.clear());

  it('signs in with email and password and opens the reviews screen', async () => {
    const signIn = {
      request: {
        query: SIGN_IN,
        variables: { email: 'lead@partnership.org', password: 'a long password' },
      },
      result: {
        data: {
          login: {
            __typename: 'AuthPayload' as const,
            token: 't0k3n',
            expiresAt: session.expiresAt,
            user,
          },
        },
      },
    };
    renderApp([signIn, currentUser], null);
    await userEvent.type(screen.getByLabelText('Email'), ' lead@partnership.org ');
    await userEvent.type(screen.getByLabelText('Password'), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Reviews' })).toBeInTheDocument();
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('Lee Lead');
    expect(loadSession()?.token).toBe('t0k3n');
  });

  it('shows the server’s reason when sign-in is refused, and clears the password', async () => {
    const refused = {
      request: {
        query: SIGN_IN,
        variables: { email: 'lead@partnership.org', password: 'wrong password' },
      },
      result: {
        errors: [
          new GraphQLError('The email or password is not correct.', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ],
      },
    };
    renderApp([refused], null);
    await userEvent.type(screen.getByLabelText('Email'), 'lead@partnership.org');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.keyboard('{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The email or password is not correct.',
    );
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(loadSession()).toBeNull();
  });

  it('navigates between the three sections, each with an empty state that says what will appear', async () => {
    renderApp([currentUser, currentUser], session, '/reviews');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(screen.getByRole('region', { name: 'No reviews yet' })).toBeInTheDocument();

    await userEvent.click(within(nav).getByRole('link', { name: 'Corpus' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Corpus' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'No published reviews yet' })).toHaveTextContent(
      'reviews behind every figure',
    );

    await userEvent.click(within(nav).getByRole('link', { name: 'Briefings' }));
    expect(screen.getByRole('region', { name: 'No briefings yet' })).toHaveTextContent(
      'Practice-issue briefings',
    );
    expect(within(nav).getByRole('link', { name: 'Briefings' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('signs out back to the sign-in screen and forgets the session', async () => {
    renderApp([currentUser], session, '/corpus');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(loadSession()).toBeNull();
  });

  it('says so for an address that does not exist', () => {
    renderApp([currentUser], session, '/nowhere');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

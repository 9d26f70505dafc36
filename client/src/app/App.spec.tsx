import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import {
  CURRENT_USER,
  currentToken,
  Session,
  SessionProvider,
  SIGN_IN,
  SIGN_OUT,
} from '../features/auth';
import { PRACTICE_ISSUE_SETS } from '../features/briefings';
import { CORPUS_FIGURES, CORPUS_THEMES } from '../features/corpus';
import { REVIEW_LIST } from '../features/reviews';
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
const reviewList = (nodes: object[]) => ({
  request: { query: REVIEW_LIST, variables: { first: 100 } },
  result: {
    data: {
      reviews: {
        __typename: 'ReviewConnection' as const,
        totalCount: nodes.length,
        edges: nodes.map((node) => ({ __typename: 'ReviewEdge' as const, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
      },
    },
  },
});
const noReviews = reviewList([]);

const emptyTable = { __typename: 'PrevalenceTable' as const, denominator: 0, rows: [] };
const emptyCorpus = [
  { request: { query: CORPUS_THEMES }, result: { data: { themes: [] } } },
  {
    request: {
      query: CORPUS_FIGURES,
      variables: {
        filter: undefined,
        good: { effects: ['SUPPORTS_GOOD_PRACTICE'] },
        problems: { effects: ['MAKES_PROBLEMS_MORE_LIKELY'] },
      },
    },
    result: {
      data: { characteristics: emptyTable, goodPractice: emptyTable, problems: emptyTable },
    },
  },
];

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
  beforeEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
  });

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
    renderApp([signIn, currentUser, noReviews], null);
    await userEvent.type(screen.getByLabelText('Email'), ' lead@partnership.org ');
    await userEvent.type(screen.getByLabelText('Password'), 'a long password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Reviews' })).toBeInTheDocument();
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('Lee Lead');
    expect(currentToken()).toBe('t0k3n');
    // The token stays in the page's memory, where no other script finds it after a reload.
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
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
    expect(currentToken()).toBeNull();
  });

  it('navigates between the three sections, each with an empty state that says what will appear', async () => {
    const noPracticeSets = {
      request: { query: PRACTICE_ISSUE_SETS },
      result: { data: { practiceIssueSets: [] } },
    };
    renderApp(
      [currentUser, currentUser, noReviews, ...emptyCorpus, noPracticeSets],
      session,
      '/reviews',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await screen.findByRole('region', { name: 'No reviews yet' })).toBeInTheDocument();

    await userEvent.click(within(nav).getByRole('link', { name: 'Corpus' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Corpus' })).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'No published reviews yet' }),
    ).toHaveTextContent('reviews behind every figure');

    await userEvent.click(within(nav).getByRole('link', { name: 'Briefings' }));
    expect(await screen.findByRole('region', { name: 'No briefings yet' })).toHaveTextContent(
      'Practice-issue briefings',
    );
    expect(within(nav).getByRole('link', { name: 'Briefings' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('signs out on the server, back to the sign-in screen, and forgets the session', async () => {
    let revoked = false;
    const signOut = {
      request: { query: SIGN_OUT },
      result: () => {
        revoked = true;
        return { data: { signOut: true } };
      },
    };
    renderApp([currentUser, signOut], session, '/corpus');
    expect(currentToken()).toBe('t0k3n');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(revoked).toBe(true);
    expect(currentToken()).toBeNull();
  });

  it('offers administrators the accounts screen, and no one else', async () => {
    const admin = { ...user, role: 'ADMIN' as const };
    renderApp(
      [{ request: { query: CURRENT_USER }, result: { data: { me: admin } } }],
      { ...session, user: admin },
      '/corpus',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Accounts' })).toHaveAttribute(
      'href',
      '/accounts',
    );
  });

  it('keeps the accounts screen out of a reviewer’s navigation', async () => {
    renderApp([currentUser], session, '/corpus');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await screen.findByTestId('signed-in-user');
    expect(within(nav).queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();
  });

  it('lists the reviews the user can see, with their stage and the user’s role', async () => {
    const review = {
      __typename: 'Review' as const,
      id: 'r1',
      reference: 'NSCP-SCR-2024-01',
      title: 'Child M',
      partnership: 'Northmoor Safeguarding Children Partnership',
      type: 'SERIOUS_CASE_REVIEW' as const,
      status: 'ANALYSIS' as const,
      periodStart: '2021-09-01',
      periodEnd: '2023-08-31',
      updatedAt: '2026-11-01T10:00:00.000Z',
      myRole: 'LEAD_REVIEWER' as const,
    };
    renderApp([currentUser, reviewList([review])], session, '/reviews');
    const table = await screen.findByRole('table', { name: /1 review you can see/ });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('NSCP-SCR-2024-01');
    expect(row).toHaveTextContent('Serious case review');
    expect(row).toHaveTextContent('Sept 2021 – Aug 2023');
    expect(row).toHaveTextContent('Analysis');
    expect(row).toHaveTextContent('Lead reviewer');
  });

  it('says so for an address that does not exist', () => {
    renderApp([currentUser], session, '/nowhere');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

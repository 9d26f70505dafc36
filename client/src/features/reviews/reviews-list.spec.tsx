import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Session, SessionProvider } from '../auth';
import { REVIEW_LIST } from './reviews.graphql';
import { ReviewsPage } from './ReviewsPage';

const sessionAs = (role: string): Session => ({
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'lee@partnership.org', displayName: 'Lee Lead', role },
});

const review = (id: string, title: string, status = 'ANALYSIS', type = 'SERIOUS_CASE_REVIEW') => ({
  __typename: 'Review' as const,
  id,
  reference: `NSCP-${id}`,
  title,
  partnership: 'Northmoor Safeguarding Children Partnership',
  type,
  status,
  periodStart: '2021-09-01',
  periodEnd: '2023-08-31',
  updatedAt: '2026-11-01T10:00:00.000Z',
  myRole: 'LEAD_REVIEWER' as const,
});

const childM = review('r1', 'Child M');
const childQ = review('r2', 'Child Q', 'SCOPING', 'RAPID_REVIEW');

const list = (variables: object, nodes: object[]) => ({
  request: { query: REVIEW_LIST, variables },
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

function Address() {
  const location = useLocation();
  return <p data-testid="address">{location.search}</p>;
}

function renderList(mocks: MockedProviderProps['mocks'], path = '/reviews', role = 'REVIEWER') {
  return render(
    <MockedProvider mocks={mocks}>
      <SessionProvider initial={sessionAs(role)}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/reviews"
              element={
                <>
                  <ReviewsPage />
                  <Address />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

describe('the reviews list', () => {
  it('restores the search and filters from the address and asks the server for them', async () => {
    renderList(
      [list({ first: 100, filter: { search: 'child', statuses: ['ANALYSIS'] } }, [childM])],
      '/reviews?q=child&stage=ANALYSIS',
    );
    expect(await screen.findByRole('table', { name: /Matching reviews/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 review matches');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('child');
    expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveValue('ANALYSIS');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('');
  });

  it('filters by type, keeping the filter in the address', async () => {
    renderList([
      list({ first: 100 }, [childM, childQ]),
      list({ first: 100, filter: { types: ['RAPID_REVIEW'] } }, [childQ]),
    ]);
    expect(await screen.findByRole('table', { name: /2 reviews you can see/ })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Rapid review');

    expect(await screen.findByText('1 review matches')).toHaveRole('status');
    const table = screen.getByRole('table', { name: /Matching reviews/ });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table).toHaveTextContent('Child Q');
    expect(table).not.toHaveTextContent('Child M');
    expect(screen.getByTestId('address')).toHaveTextContent('?type=RAPID_REVIEW');
  });

  it('searches once the typing pauses, not at every key', async () => {
    // Only the finished words are mocked: a request per keystroke would find no answer.
    renderList([
      list({ first: 100 }, [childM, childQ]),
      list({ first: 100, filter: { search: 'Child Q' } }, [childQ]),
    ]);
    await screen.findByRole('table', { name: /2 reviews/ });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'Child Q');
    expect(screen.getByTestId('address')).toBeEmptyDOMElement();

    expect(await screen.findByText('1 review matches')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Matching reviews/ });
    expect(table).toHaveTextContent('Child Q');
    expect(table).not.toHaveTextContent('Child M');
    expect(screen.getByTestId('address')).toHaveTextContent('?q=Child+Q');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when nothing matches, and clears the filters back to every review', async () => {
    renderList(
      [
        list({ first: 100, filter: { search: 'Baby T', types: ['LEARNING_REVIEW'] } }, []),
        list({ first: 100 }, [childM]),
      ],
      '/reviews?q=Baby+T&type=LEARNING_REVIEW',
    );
    const empty = await screen.findByRole('region', { name: 'No reviews match' });
    expect(empty).toHaveTextContent(
      'None of the reviews you can see matches “Baby T” of the type learning review.',
    );
    expect(screen.queryByRole('region', { name: 'No reviews yet' })).not.toBeInTheDocument();

    await userEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));

    expect(await screen.findByRole('table', { name: /1 review you can see/ })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(screen.getByTestId('address')).toBeEmptyDOMElement();
  });

  it('says so when there are no reviews at all', async () => {
    renderList([list({ first: 100 }, [])]);
    expect(await screen.findByRole('region', { name: 'No reviews yet' })).toHaveTextContent(
      'Start one with “New review”.',
    );
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('offers a new review to reviewers and administrators only', async () => {
    const { unmount } = renderList([list({ first: 100 }, [childM])], '/reviews', 'ADMIN');
    expect(await screen.findByRole('button', { name: 'New review' })).toBeInTheDocument();
    unmount();

    renderList([list({ first: 100 }, [childM])], '/reviews', 'ANALYST');
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'New review' })).not.toBeInTheDocument();
  });
});

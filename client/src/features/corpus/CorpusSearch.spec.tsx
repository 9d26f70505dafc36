import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { SEARCH_FINDINGS, SIMILAR_FINDINGS } from './corpus-search.graphql';
import { corpusFiltersFromParams } from './corpus-filters';
import { CorpusSearch } from './CorpusSearch';

const hit = (
  id: string,
  title: string,
  snippet: string,
  reference: string,
  partnership: string,
) => ({
  __typename: 'FindingHit' as const,
  rank: 0.5,
  snippet,
  finding: {
    __typename: 'CorpusFinding' as const,
    id,
    title,
    category: 'MANAGEMENT_SYSTEMS',
    reference: `${reference}-F1`,
    source: 'REVIEW' as const,
    passage: null as { __typename: 'CorpusPassage'; pageNumber: number } | null,
  },
  review: {
    __typename: 'CorpusReview' as const,
    id: `s-${id}`,
    reviewId: 'r1',
    currentlyPublished: true,
    readable: true,
    reference,
    title: `Review ${reference}`,
    partnership,
    publicationYear: 2024,
  },
});

const FILTER = { partnership: 'Northmoor' };

function search(query: string, result: object) {
  return {
    request: { query: SEARCH_FINDINGS, variables: { query, filter: FILTER, first: 50 } },
    ...result,
  };
}

function Address() {
  return <p data-testid="address">{useLocation().search}</p>;
}

function Screen() {
  const params = new URLSearchParams(useLocation().search);
  return <CorpusSearch filters={corpusFiltersFromParams(params)} />;
}

function renderSearch(mocks: MockedProviderProps['mocks'], path = '/corpus?partnership=Northmoor') {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/corpus"
            element={
              <>
                <Screen />
                <Address />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('searching the published findings', () => {
  it('sends the words on Enter with the filters, keeps them in the address and marks the matches', async () => {
    const user = userEvent.setup();
    const { container } = renderSearch([
      search('escalation', {
        result: {
          data: {
            searchFindings: [
              hit(
                'f1',
                'Escalation was not used',
                'staff did not use the <mark>escalation</mark> policy &lt;script&gt;alert(1)&lt;/script&gt; <b>x</b>',
                'NM-2024-01',
                'Northmoor',
              ),
            ],
          },
        },
      }),
    ]);
    await user.type(screen.getByLabelText('Words in the published findings'), 'escalation{Enter}');
    expect(screen.getByTestId('address')).toHaveTextContent('?partnership=Northmoor&q=escalation');
    const item = (await screen.findByRole('heading', { name: 'Escalation was not used' })).closest(
      'li',
    )!;
    expect(screen.getByRole('status')).toHaveTextContent('1 finding matches “escalation”.');
    expect(within(item).getByText(/NM-2024-01, Northmoor/)).toHaveTextContent(
      'NM-2024-01, Northmoor · 2. Patterns in human–management system operation',
    );
    const snippet = item.querySelector('.corpus-search__snippet')!;
    expect(snippet.querySelectorAll('mark')).toHaveLength(1);
    expect(snippet.querySelector('mark')).toHaveTextContent('escalation');
    expect(snippet.querySelector('script, b')).toBeNull();
    expect(snippet).toHaveTextContent(
      'staff did not use the escalation policy <script>alert(1)</script> <b>x</b>',
    );
    expect(container.querySelector('script')).toBeNull();
  });

  it('says a coded report’s finding is a report’s, with its page, and offers no "more like this"', async () => {
    const user = userEvent.setup();
    const review = hit(
      'f1',
      'Escalation was not used',
      '<mark>escalation</mark>',
      'NM-1',
      'Northmoor',
    );
    const fromReport = hit(
      'f9',
      'Concerns were not escalated',
      'did not <mark>escalate</mark>',
      'Child B report',
      'Eastvale',
    );
    fromReport.finding.source = 'REPORT' as never;
    fromReport.finding.passage = { __typename: 'CorpusPassage', pageNumber: 2 };
    fromReport.review.readable = false;
    renderSearch([
      search('escalation', { result: { data: { searchFindings: [review, fromReport] } } }),
    ]);
    await user.type(screen.getByLabelText('Words in the published findings'), 'escalation{Enter}');
    const reportItem = (
      await screen.findByRole('heading', { name: 'Concerns were not escalated' })
    ).closest('li')!;
    expect(within(reportItem).getByText(/Child B report/)).toHaveTextContent(
      'Report · Child B report, page 2, Eastvale · 2. Patterns in human–management system operation',
    );
    expect(within(reportItem).queryByRole('button', { name: 'More like this' })).toBeNull();
    const reviewItem = screen
      .getByRole('heading', { name: 'Escalation was not used' })
      .closest('li')!;
    expect(within(reviewItem).getByText(/NM-1, Northmoor/)).toHaveTextContent(
      /^Review · NM-1, Northmoor/,
    );
    expect(within(reviewItem).getByRole('button', { name: 'More like this' })).toBeInTheDocument();
  });

  it('links a hit to its review only while the review may be opened', async () => {
    const reopened = hit(
      'f2',
      'Drift in planning',
      '<mark>drift</mark>',
      'NM-2023-07',
      'Northmoor',
    );
    reopened.review = { ...reopened.review, readable: false, currentlyPublished: false };
    renderSearch(
      [
        search('drift', {
          result: {
            data: {
              searchFindings: [
                hit(
                  'f1',
                  'Drift at the front door',
                  '<mark>drift</mark>',
                  'NM-2024-01',
                  'Northmoor',
                ),
                reopened,
              ],
            },
          },
        }),
      ],
      '/corpus?partnership=Northmoor&q=drift',
    );
    const open = (await screen.findByRole('heading', { name: 'Drift at the front door' })).closest(
      'li',
    )!;
    expect(within(open).getByRole('link', { name: 'Open NM-2024-01' })).toHaveAttribute(
      'href',
      '/reviews/r1',
    );
    const closed = screen.getByRole('heading', { name: 'Drift in planning' }).closest('li')!;
    expect(within(closed).queryByRole('link')).toBeNull();
    expect(within(closed).getByText('reopened for correction')).toBeInTheDocument();
  });

  it('runs the search in the address when the page opens, and lists findings like a hit', async () => {
    const user = userEvent.setup();
    renderSearch(
      [
        search('drift', {
          result: {
            data: {
              searchFindings: [
                hit('f1', 'Drift in planning', '<mark>drift</mark>', 'NM-1', 'Northmoor'),
              ],
            },
          },
        }),
        {
          request: { query: SIMILAR_FINDINGS, variables: { findingId: 'f1', first: 5 } },
          result: {
            data: {
              similarFindings: [
                hit('f9', 'Plans left to drift', 'plans <mark>left</mark>', 'SV-7', 'Southvale'),
              ],
            },
          },
        },
      ],
      '/corpus?partnership=Northmoor&q=drift',
    );
    expect(screen.getByLabelText('Words in the published findings')).toHaveValue('drift');
    await screen.findByRole('heading', { name: 'Drift in planning' });
    await user.click(screen.getByRole('button', { name: 'More like this' }));
    const similar = screen.getByRole('region', { name: 'Findings like Drift in planning' });
    expect(await within(similar).findByText('Plans left to drift')).toBeInTheDocument();
    expect(within(similar).getByText(/SV-7, Southvale/)).toBeInTheDocument();
    expect(within(similar).getByText('left').tagName).toBe('MARK');
  });

  it('says so when nothing matches', async () => {
    renderSearch(
      [search('zebra', { result: { data: { searchFindings: [] } } })],
      '/corpus?partnership=Northmoor&q=zebra',
    );
    expect(
      await screen.findByText(
        'No published findings match “zebra”. Try other words or widen the filters.',
      ),
    ).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('shows the server’s reason when the search is refused', async () => {
    const long = 'a'.repeat(501);
    renderSearch(
      [
        search(long, {
          result: {
            errors: [
              new GraphQLError('query: at most 500 characters (got 501).', {
                extensions: { code: 'BAD_USER_INPUT' },
              }),
            ],
          },
        }),
      ],
      `/corpus?partnership=Northmoor&q=${long}`,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The search could not be run: query: at most 500 characters (got 501).',
    );
  });

  it('sends nothing without words, and clears the search from the address', async () => {
    const user = userEvent.setup();
    renderSearch(
      [search('drift2', { result: { data: { searchFindings: [] } } })],
      '/corpus?partnership=Northmoor&q=drift2',
    );
    const box = screen.getByLabelText('Words in the published findings');
    await user.clear(box);
    await user.type(box, '{Enter}');
    expect(screen.getByTestId('address')).toHaveTextContent(/^\?partnership=Northmoor$/);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

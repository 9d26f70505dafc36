import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Session, SessionProvider } from '../auth';
import { CORPUS_FIGURES, CORPUS_THEMES } from './corpus.graphql';
import { SEARCH_FINDINGS } from './corpus-search.graphql';
import { CorpusPage } from './CorpusPage';

const session: Session = {
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'sam@analysis.org', displayName: 'Sam Analyst', role: 'ANALYST' },
};

const table = (denominator: number) => ({
  __typename: 'PrevalenceTable' as const,
  denominator,
  rows: [
    {
      __typename: 'PrevalenceRow' as const,
      key: 'domestic-abuse',
      label: 'Domestic abuse',
      count: 3,
      percent: 50,
    },
  ],
});

const themes = {
  request: { query: CORPUS_THEMES },
  result: {
    data: {
      themes: [
        {
          __typename: 'Theme' as const,
          key: 'domestic-abuse',
          kind: 'CASE_CHARACTERISTIC',
          label: 'Domestic abuse',
        },
      ],
    },
  },
  maxUsageCount: 10,
};

function figures(filter: object | undefined) {
  const base = filter ?? {};
  return {
    request: {
      query: CORPUS_FIGURES,
      variables: {
        filter,
        good: { ...base, effects: ['SUPPORTS_GOOD_PRACTICE'] },
        problems: { ...base, effects: ['MAKES_PROBLEMS_MORE_LIKELY'] },
      },
    },
    result: { data: { characteristics: table(6), goodPractice: table(6), problems: table(6) } },
    maxUsageCount: 10,
  };
}

function search(filter: object | undefined, title: string) {
  return {
    request: { query: SEARCH_FINDINGS, variables: { query: 'drift', filter, first: 50 } },
    result: {
      data: {
        searchFindings: [
          {
            __typename: 'FindingHit' as const,
            rank: 1,
            snippet: '<mark>drift</mark>',
            finding: {
              __typename: 'CorpusFinding' as const,
              id: title,
              title,
              category: 'TOOLS',
              reference: 'F1',
            },
            review: {
              __typename: 'CorpusReview' as const,
              id: 's1',
              reviewId: 'r1',
              currentlyPublished: true,
              readable: true,
              reference: 'NM-1',
              title: 'A review',
              partnership: 'Northmoor',
              publicationYear: 2024,
            },
          },
        ],
      },
    },
  };
}

function Address() {
  return <p data-testid="address">{useLocation().search}</p>;
}

describe('the corpus screen’s search', () => {
  it('keeps the search words when a filter changes, and searches again with the new filter', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider
        mocks={[
          themes,
          figures(undefined),
          figures({ themeKeys: ['domestic-abuse'] }),
          search(undefined, 'Drift everywhere'),
          search({ themeKeys: ['domestic-abuse'] }, 'Drift with domestic abuse'),
        ]}
      >
        <SessionProvider initial={session}>
          <MemoryRouter initialEntries={['/corpus?q=drift']}>
            <Routes>
              <Route
                path="/corpus"
                element={
                  <>
                    <CorpusPage />
                    <Address />
                  </>
                }
              />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </MockedProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Drift everywhere' })).toBeInTheDocument();
    await screen.findAllByRole('option', { name: 'Domestic abuse' });
    await user.selectOptions(screen.getByLabelText('All of these themes (AND)'), 'domestic-abuse');
    expect(screen.getByTestId('address')).toHaveTextContent('?all=domestic-abuse&q=drift');
    expect(
      await screen.findByRole('heading', { name: 'Drift with domestic abuse' }),
    ).toBeInTheDocument();
  });
});

import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Session, SessionProvider } from '../auth';
import { CORPUS_REVIEWS } from './corpus.graphql';

const analyst: Session = {
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'sam@analysis.org', displayName: 'Sam Analyst', role: 'ANALYST' },
};

/** Renders a corpus part with the mocked server, signed in as an analyst. */
export function renderWithServer(mocks: MockedProviderProps['mocks'], element: ReactNode) {
  return render(
    <MockedProvider mocks={mocks}>
      <SessionProvider initial={analyst}>
        <MemoryRouter>{element}</MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

/** The reviews query answered with one review, for exactly this filter. */
export function reviewsMock(filter: object, title = 'Child A') {
  return {
    request: { query: CORPUS_REVIEWS, variables: { filter, first: 200 } },
    result: {
      data: {
        corpusReviews: {
          __typename: 'CorpusReviewConnection' as const,
          totalCount: 1,
          edges: [
            {
              __typename: 'CorpusReviewEdge' as const,
              node: {
                __typename: 'CorpusReview' as const,
                id: 's1',
                reviewId: 'r1',
                source: 'REVIEW' as const,
                reportId: null,
                reference: 'DEMO-SYN-001',
                title,
                partnership: 'Northmoor',
                type: 'RAPID_REVIEW',
                publicationYear: 2024,
                currentlyPublished: true,
                readable: true,
              },
            },
          ],
        },
      },
    },
  };
}

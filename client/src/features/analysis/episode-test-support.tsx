import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { ReactElement } from 'react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import type { ReviewContext } from '../reviews/review-context';

export const REVIEW_ID = 'r1';

const context: ReviewContext = {
  review: {
    id: REVIEW_ID,
    reference: 'NSCP-1',
    title: 'Child M',
    partnership: 'Northmoor',
    type: 'SERIOUS_CASE_REVIEW',
    status: 'ANALYSIS',
    methodology: 'LEARNING_TOGETHER',
    periodStart: '2021-09-01',
    periodEnd: '2023-08-31',
    version: 1,
    myRole: 'LEAD_REVIEWER',
    myCapabilities: ['read', 'edit'],
  },
  canEdit: true,
  canReadRealNames: true,
};

/** Renders a screen of the Episodes tab inside a review, as the review layout would. */
export function renderInReview(
  screen: ReactElement,
  { mocks, path, route }: { mocks: MockedProviderProps['mocks']; path: string; route: string },
) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/reviews/:reviewId" element={<Outlet context={context} />}>
            <Route path={route} element={screen} />
            {route !== 'episodes/:episodeId' && (
              <Route path="episodes/:episodeId" element={<p>Editor of the new episode</p>} />
            )}
          </Route>
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

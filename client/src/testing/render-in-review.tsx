import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { ReactNode } from 'react';
import { createMemoryRouter, Outlet, RouteObject, RouterProvider, useLocation } from 'react-router';
import type { ReviewContext } from '../app/review-context';

export const REVIEW_ID = 'r1';

/** A review as the review layout hands it to its tabs. */
export function reviewContext(overrides: Partial<ReviewContext> = {}): ReviewContext {
  return {
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
      myCapabilities: ['read', 'readRealNames', 'comment', 'edit', 'respond'],
    },
    canEdit: true,
    canReadRealNames: true,
    canRespond: true,
    isAdministrator: false,
    ...overrides,
  };
}

function WhereAmI() {
  return <p data-testid="location">{useLocation().pathname}</p>;
}

/**
 * Renders screens of a review's tabs as the app does: in a data router (so editors can hold back
 * navigation), under `/reviews/r1`, with the layout's context. Paths not given render their name.
 */
export function renderInReview(
  routes: { path: string; element: ReactNode }[],
  path: string,
  mocks: MockedProviderProps['mocks'],
  context: ReviewContext = reviewContext(),
) {
  const children: RouteObject[] = routes.map(({ path: routePath, element }) => ({
    path: routePath,
    element,
  }));
  for (const other of ['episodes/:episodeId', 'findings/:findingId', 'chronology']) {
    if (!routes.some((route) => route.path === other)) {
      children.push({ path: other, element: <p>Screen {other}</p> });
    }
  }
  const router = createMemoryRouter(
    [
      {
        path: '/reviews/:reviewId',
        element: (
          <>
            <Outlet context={context} />
            <WhereAmI />
          </>
        ),
        children,
      },
    ],
    { initialEntries: [path] },
  );
  return {
    router,
    ...render(
      <MockedProvider mocks={mocks}>
        <RouterProvider router={router} />
      </MockedProvider>,
    ),
  };
}

import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import {
  ADD_TO_COLLECTION,
  COLLECTION_PAGE,
  COLLECTION_REVIEW_CHOICES,
  REMOVE_FROM_COLLECTION,
} from './collections.graphql';
import { CollectionPage } from './CollectionPage';

const review = (id: string, title: string, status = 'PUBLISHED') => ({
  __typename: 'Review' as const,
  id,
  reference: `NSCP-${id}`,
  title,
  partnership: 'Northmoor',
  status,
});
const childM = review('r1', 'Child M');
const childQ = review('r2', 'Child Q', 'ANALYSIS');
const childR = review('r3', 'Child R');

const page = (reviews: object[], editable = true) => ({
  request: { query: COLLECTION_PAGE, variables: { id: 'c1' } },
  result: {
    data: {
      collection: {
        __typename: 'Collection' as const,
        id: 'c1',
        name: 'Neglect audit 2026',
        description: 'Four neglect cases',
        createdAt: '2026-11-20T10:00:00.000Z',
        editable,
        canAnalyse: editable,
        reviews,
      },
    },
  },
});
const choices = (nodes: object[], filter?: object) => ({
  request: { query: COLLECTION_REVIEW_CHOICES, variables: { first: 25, filter } },
  result: {
    data: {
      reviews: {
        __typename: 'ReviewConnection' as const,
        totalCount: nodes.length,
        edges: nodes.map((node) => ({ __typename: 'ReviewEdge' as const, node })),
      },
    },
  },
});
const changed = (
  query: typeof ADD_TO_COLLECTION | typeof REMOVE_FROM_COLLECTION,
  reviewIds: string[],
  reviews: object[],
) => {
  const field = query === ADD_TO_COLLECTION ? 'addToCollection' : 'removeFromCollection';
  return {
    request: { query, variables: { collectionId: 'c1', reviewIds } },
    result: { data: { [field]: { __typename: 'Collection' as const, id: 'c1', reviews } } },
  };
};

function renderPage(mocks: MockedProviderProps['mocks']) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/collections/c1']}>
        <Routes>
          <Route path="/collections/:collectionId" element={<CollectionPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

const table = () => screen.getByRole('table');

describe('CollectionPage', () => {
  it('lists its reviews with links to analyse them in the corpus and to its learning briefing', async () => {
    renderPage([page([childM, childQ]), choices([childM, childQ, childR])]);
    expect(await screen.findByRole('heading', { name: 'Neglect audit 2026' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Analyse in the corpus' })).toHaveAttribute(
      'href',
      '/corpus?collection=c1&live=1',
    );
    expect(screen.getByRole('link', { name: 'Learning briefing' })).toHaveAttribute(
      'href',
      '/collections/c1/briefing',
    );
    expect(within(table()).getByRole('link', { name: 'NSCP-r1' })).toHaveAttribute(
      'href',
      '/reviews/r1',
    );
    expect(within(table()).getAllByRole('row')).toHaveLength(3);
  });

  it('adds the reviews ticked among those found, leaving out those already in it', async () => {
    renderPage([
      page([childM]),
      choices([childM, childQ, childR]),
      choices([childQ], { search: 'Child Q' }),
      changed(ADD_TO_COLLECTION, ['r2'], [childM, childQ]),
    ]);
    const found = await screen.findByRole('group', { name: '3 reviews' });
    expect(within(found).getByRole('checkbox', { name: /NSCP-r1/ })).toBeDisabled();
    await userEvent.type(
      screen.getByLabelText('Find reviews by reference, title or partnership'),
      'Child Q',
    );
    await userEvent.click(await screen.findByRole('checkbox', { name: /NSCP-r2 Child Q/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add the chosen review' }));
    expect(await within(table()).findByRole('link', { name: 'NSCP-r2' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add the chosen reviews' })).toBeDisabled();
  });

  it('takes a review out, and puts it back with Undo', async () => {
    renderPage([
      page([childM, childQ]),
      choices([childM, childQ]),
      changed(REMOVE_FROM_COLLECTION, ['r1'], [childQ]),
      changed(ADD_TO_COLLECTION, ['r1'], [childM, childQ]),
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Take NSCP-r1 out of the collection' }),
    );
    expect(await screen.findByText(/NSCP-r1 “Child M” was taken out/)).toBeInTheDocument();
    expect(within(table()).queryByRole('link', { name: 'NSCP-r1' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(table()).findByRole('link', { name: 'NSCP-r1' })).toBeInTheDocument();
    expect(screen.queryByText(/was taken out/)).not.toBeInTheDocument();
  });

  it('offers those who may not change it neither adding nor taking out', async () => {
    renderPage([page([childM], false)]);
    expect(await screen.findByRole('heading', { name: 'Neglect audit 2026' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Take .* out/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Add reviews' })).not.toBeInTheDocument();
    expect(screen.getByText(/Only the collection’s owner or an administrator/)).toBeInTheDocument();
  });
});

import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { COLLECTION_LIST, CREATE_COLLECTION } from './collections.graphql';
import { CollectionsPage } from './CollectionsPage';

const collection = (id: string, name: string, reviewIds: string[], editable = true) => ({
  __typename: 'Collection' as const,
  id,
  name,
  description: 'Four neglect cases audited by the partnership',
  createdAt: '2026-11-20T10:00:00.000Z',
  editable,
  reviews: reviewIds.map((reviewId) => ({ __typename: 'Review' as const, id: reviewId })),
});

const listed = (collections: object[]) => ({
  request: { query: COLLECTION_LIST },
  result: { data: { collections } },
});

function renderPage(mocks: MockedProviderProps['mocks']) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/collections']}>
        <Routes>
          <Route path="/collections" element={<CollectionsPage />} />
          <Route path="/collections/:collectionId" element={<h1>The new collection</h1>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('CollectionsPage', () => {
  it('explains what a collection is for when there is none', async () => {
    renderPage([listed([])]);
    const empty = await screen.findByRole('region', { name: 'No collections yet' });
    expect(empty).toHaveTextContent(/audit round/);
    expect(empty).toHaveTextContent(/national sample/);
  });

  it('lists the collections with the number of reviews the user may read, each a link', async () => {
    renderPage([
      listed([
        collection('c1', 'Neglect audit 2026', ['r1', 'r2']),
        collection('c2', 'National sample', ['r3'], false),
      ]),
    ]);
    const list = await screen.findByRole('list', { name: 'Collections' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0]).getByRole('link', { name: 'Neglect audit 2026' })).toHaveAttribute(
      'href',
      '/collections/c1',
    );
    expect(items[0]).toHaveTextContent('2 reviews you may read');
    expect(items[0]).toHaveTextContent('you may change it');
    expect(items[1]).toHaveTextContent('1 review you may read');
    expect(items[1]).not.toHaveTextContent('you may change it');
  });

  it('asks for a name before creating, then creates the collection and opens it', async () => {
    const create = {
      request: {
        query: CREATE_COLLECTION,
        variables: { input: { name: 'Neglect audit 2026', description: 'Four cases' } },
      },
      result: {
        data: {
          createCollection: { __typename: 'Collection', id: 'c9', name: 'Neglect audit 2026' },
        },
      },
    };
    renderPage([listed([]), create, listed([collection('c9', 'Neglect audit 2026', [])])]);
    await userEvent.click(await screen.findByRole('button', { name: 'New collection' }));
    const dialog = screen.getByRole('dialog', { name: 'New collection' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the collection' }));
    const name = within(dialog).getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Give the collection a name/);
    expect(name).toHaveFocus();

    await userEvent.type(name, '  Neglect audit 2026 ');
    await userEvent.type(within(dialog).getByLabelText('Description'), 'Four cases');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the collection' }));
    expect(await screen.findByRole('heading', { name: 'The new collection' })).toBeInTheDocument();
  });

  it("shows the server's reason when the collection is not created", async () => {
    const refused = {
      request: {
        query: CREATE_COLLECTION,
        variables: { input: { name: 'Round', description: null } },
      },
      result: {
        errors: [
          new GraphQLError('name must be shorter', { extensions: { code: 'BAD_USER_INPUT' } }),
        ],
      },
    };
    renderPage([listed([]), refused]);
    await userEvent.click(await screen.findByRole('button', { name: 'New collection' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Round');
    await userEvent.click(screen.getByRole('button', { name: 'Create the collection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The collection was not created: name must be shorter',
    );
  });
});

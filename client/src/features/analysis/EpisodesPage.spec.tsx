import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EpisodesPage } from './EpisodesPage';
import { EPISODE_LIST, EPISODE_LIST_REORDER } from './episodes.graphql';
import { renderInReview, REVIEW_ID } from '../../testing/render-in-review';

const episode = (id: string, ordinal: number, title: string, extra: object = {}) => ({
  __typename: 'PracticeEpisode' as const,
  id,
  ordinal,
  title,
  startDate: '2022-04-23',
  endDate: '2022-05-31',
  appraisal: 'GOOD' as const,
  viewFromTheTunnel: 'What the social worker knew.',
  version: 1,
  events: [{ __typename: 'TimelineEvent' as const, id: `${id}-e1` }],
  factors: [{ __typename: 'ContributoryFactor' as const, id: `${id}-f1` }],
  ...extra,
});

const list = {
  request: { query: EPISODE_LIST, variables: { id: REVIEW_ID } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: REVIEW_ID,
        episodes: [
          episode('a', 1, 'New birth visit'),
          episode('b', 2, 'The front-door decision', {
            appraisal: 'NOT_APPRAISED',
            viewFromTheTunnel: null,
            factors: [],
          }),
          episode('c', 3, 'The strategy discussion'),
        ],
      },
    },
  },
};

const titlesInOrder = () =>
  within(screen.getByRole('list', { name: 'Key practice episodes, in order' }))
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

describe('EpisodesPage', () => {
  it('lists the episodes in order with their appraisal in words and what they lack', async () => {
    renderInReview([{ path: 'episodes', element: <EpisodesPage /> }], '/reviews/r1/episodes', [
      list,
    ]);
    expect(await screen.findByText('New birth visit')).toBeInTheDocument();
    expect(titlesInOrder()).toEqual([
      'New birth visit',
      'The front-door decision',
      'The strategy discussion',
    ]);
    const second = screen.getAllByRole('listitem')[1];
    expect(within(second).getByText('KPE 2')).toBeInTheDocument();
    expect(within(second).getByText('23 Apr 2022 – 31 May 2022')).toBeInTheDocument();
    expect(within(second).getByText('Not yet appraised')).toBeInTheDocument();
    expect(within(second).getByText('1 event · 0 factors')).toBeInTheDocument();
    expect(
      within(second).getByText(
        /To complete: not yet appraised; no view from the tunnel; no contributory factors/,
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getAllByRole('listitem')[0]).getByText('Good practice'),
    ).toBeInTheDocument();
  });

  it('downloads the key practice episode table as CSV with the signed-in token', async () => {
    const fetchMock = jest.fn(async () => ({
      ok: true,
      headers: new Headers({
        'content-disposition': 'attachment; filename="R1-key-practice-episodes.csv"',
      }),
      blob: async () => new Blob(['Episode']),
    }));
    const original = {
      fetch: global.fetch,
      create: URL.createObjectURL,
      revoke: URL.revokeObjectURL,
    };
    global.fetch = fetchMock as never;
    URL.createObjectURL = jest.fn(() => 'blob:kpe');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      renderInReview([{ path: 'episodes', element: <EpisodesPage /> }], '/reviews/r1/episodes', [
        list,
      ]);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Download the KPE table (CSV)' }),
      );
      expect(fetchMock).toHaveBeenCalledWith(
        `/api/reviews/${REVIEW_ID}/kpe-table.csv`,
        expect.anything(),
      );
      await waitFor(() => expect(click).toHaveBeenCalled());
    } finally {
      global.fetch = original.fetch;
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      click.mockRestore();
    }
  });

  it('moves an episode down at once and sends the whole new order', async () => {
    const reorder = {
      request: {
        query: EPISODE_LIST_REORDER,
        variables: { reviewId: REVIEW_ID, episodeIds: ['b', 'a', 'c'] },
      },
      result: {
        data: {
          reorderEpisodes: [
            { __typename: 'PracticeEpisode' as const, id: 'b', ordinal: 1 },
            { __typename: 'PracticeEpisode' as const, id: 'a', ordinal: 2 },
            { __typename: 'PracticeEpisode' as const, id: 'c', ordinal: 3 },
          ],
        },
      },
      delay: 50,
    };
    renderInReview([{ path: 'episodes', element: <EpisodesPage /> }], '/reviews/r1/episodes', [
      list,
      reorder,
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move KPE 1, New birth visit, down' }),
    );
    expect(titlesInOrder()).toEqual([
      'The front-door decision',
      'New birth visit',
      'The strategy discussion',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      '“New birth visit” moved to position 2 of 3.',
    );
    expect(
      await screen.findByRole('button', { name: 'Move KPE 2, New birth visit, up' }),
    ).toBeEnabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts the order back and says why when the server refuses it', async () => {
    const refused = {
      request: {
        query: EPISODE_LIST_REORDER,
        variables: { reviewId: REVIEW_ID, episodeIds: ['a', 'c', 'b'] },
      },
      result: { errors: [new GraphQLError('You may read this review but not change it.')] },
      delay: 20,
    };
    renderInReview([{ path: 'episodes', element: <EpisodesPage /> }], '/reviews/r1/episodes', [
      list,
      refused,
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move KPE 3, The strategy discussion, up' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The episodes were not reordered, so they keep their order: You may read this review but not change it.',
    );
    expect(titlesInOrder()).toEqual([
      'New birth visit',
      'The front-door decision',
      'The strategy discussion',
    ]);
  });

  it('explains a key practice episode when there is none', async () => {
    const empty = {
      ...list,
      result: { data: { review: { __typename: 'Review' as const, id: REVIEW_ID, episodes: [] } } },
    };
    renderInReview([{ path: 'episodes', element: <EpisodesPage /> }], '/reviews/r1/episodes', [
      empty,
    ]);
    expect(
      await screen.findByRole('heading', { name: 'No key practice episodes yet' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/a moment or a period that mattered/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chronology' })).toHaveAttribute(
      'href',
      '/reviews/r1/chronology',
    );
  });
});

import { MockedResponse } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FindingsPage } from './FindingsPage';
import { FINDING_LIST, FINDING_LIST_CREATE, FINDING_LIST_REORDER } from './finding.graphql';
import { renderInReview, REVIEW_ID } from '../../testing/render-in-review';

const finding = (id: string, ordinal: number, title: string, evidence = 1) => ({
  __typename: 'Finding' as const,
  id,
  ordinal,
  title,
  statement: `${title}, which makes harm likely.`,
  category: 'TOOLS' as const,
  categoryLabel: 'Human–tool operation',
  questions: ['What will the board do?'],
  episodes: Array.from({ length: evidence }, (_, n) => ({
    __typename: 'PracticeEpisode' as const,
    id: `${id}-ep${n}`,
  })),
  factors: [],
  events: [],
});
const front = finding('f1', 1, 'Front-door decisions');
const lead = finding('f2', 2, 'Nobody holds the case');
const men = finding('f3', 3, 'Men stay out of view', 0);

const list = (findings: object[]) => ({
  request: { query: FINDING_LIST, variables: { reviewId: REVIEW_ID } },
  result: { data: { review: { __typename: 'Review' as const, id: REVIEW_ID, findings } } },
});
const reorder = (findingIds: string[], outcome: 'ok' | 'refused') => ({
  request: { query: FINDING_LIST_REORDER, variables: { reviewId: REVIEW_ID, findingIds } },
  delay: 150,
  result:
    outcome === 'ok'
      ? {
          data: {
            reorderFindings: findingIds.map((id, n) => ({
              __typename: 'Finding' as const,
              id,
              ordinal: n + 1,
            })),
          },
        }
      : { errors: [new GraphQLError('You may not change this review.')] },
});

const titles = () =>
  within(screen.getAllByRole('list')[0])
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

const renderPage = (mocks: MockedResponse[]) =>
  renderInReview(
    [
      { path: 'findings', element: <FindingsPage /> },
      { path: 'findings/:findingId', element: <p>Editor open</p> },
    ],
    `/reviews/${REVIEW_ID}/findings`,
    mocks,
  );

describe('FindingsPage', () => {
  it('lists each finding with its number, statement, category and evidence', async () => {
    renderPage([list([front, men])]);
    const first = (await screen.findByText('Front-door decisions')).closest('li')!;
    expect(first).toHaveTextContent('Finding 1');
    expect(first).toHaveTextContent('Front-door decisions, which makes harm likely.');
    expect(first).toHaveTextContent('Typology Human–tool operation');
    expect(first).toHaveTextContent(
      'Evidence: 1 episode · 0 factors · 0 events · 1 question for the board',
    );
    expect(first).not.toHaveTextContent('Rests on no evidence');
    const second = screen.getByText('Men stay out of view').closest('li')!;
    expect(second).toHaveTextContent('Finding 2');
    expect(second).toHaveTextContent('Rests on no evidence yet');
  });

  it('moves a finding down at once and sends the whole new order', async () => {
    renderPage([list([front, lead, men]), reorder(['f2', 'f1', 'f3'], 'ok')]);
    await screen.findByText('Front-door decisions');
    await userEvent.click(screen.getByRole('button', { name: 'Move finding 1 down' }));
    expect(titles()).toEqual([
      'Nobody holds the case',
      'Front-door decisions',
      'Men stay out of view',
    ]);
    await waitFor(() =>
      expect(screen.getByText('Front-door decisions').closest('li')).toHaveTextContent('Finding 2'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(titles()).toEqual([
      'Nobody holds the case',
      'Front-door decisions',
      'Men stay out of view',
    ]);
  });

  it('puts the order back and says why when the server refuses it', async () => {
    renderPage([list([front, lead, men]), reorder(['f1', 'f3', 'f2'], 'refused')]);
    await screen.findByText('Front-door decisions');
    await userEvent.click(screen.getByRole('button', { name: 'Move finding 3 up' }));
    expect(titles()).toEqual([
      'Front-door decisions',
      'Men stay out of view',
      'Nobody holds the case',
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The order was not changed: You may not change this review.',
    );
    expect(titles()).toEqual([
      'Front-door decisions',
      'Nobody holds the case',
      'Men stay out of view',
    ]);
  });

  it('explains what a finding is when there are none', async () => {
    renderPage([list([])]);
    expect(await screen.findByRole('heading', { name: 'No findings yet' })).toBeInTheDocument();
    expect(screen.getByText(/not “the social worker failed to …”/)).toBeInTheDocument();
  });

  it('creates a finding from its title and category and opens it', async () => {
    const create = {
      request: {
        query: FINDING_LIST_CREATE,
        variables: {
          reviewId: REVIEW_ID,
          input: {
            title: 'Each event judged on its own',
            category: 'HUMAN_REASONING',
            effect: 'SUPPORTS_GOOD_PRACTICE',
          },
        },
      },
      result: {
        data: {
          createFinding: {
            __typename: 'Finding' as const,
            id: 'f9',
            ordinal: 2,
            title: 'Each event judged on its own',
            category: 'HUMAN_REASONING' as const,
          },
        },
      },
    };
    renderPage([list([front]), create, list([front])]);
    await userEvent.click(await screen.findByRole('button', { name: 'New finding' }));
    await userEvent.type(screen.getByLabelText('Title'), 'Each event judged on its own');
    await userEvent.click(screen.getByRole('radio', { name: /human judgement and reasoning/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create and open' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/good practice or makes problems/);
    await userEvent.click(screen.getByRole('radio', { name: 'Contributes to good practice' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create and open' }));
    expect(await screen.findByText('Editor open')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/reviews/${REVIEW_ID}/findings/f9`);
  });
});

import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { IssueOrder, PracticeSetPage } from './PracticeSetPage';
import {
  COLLECTIONS_FOR_SET,
  PRACTICE_ISSUE_SET,
  PUBLISHED_REVIEWS,
  UPDATE_PRACTICE_ISSUE_SET,
} from './practice-issues.graphql';

const issues = [
  {
    __typename: 'PracticeIssue' as const,
    id: 'i1',
    number: 1,
    title: 'Early help',
    statement: null,
  },
  {
    __typename: 'PracticeIssue' as const,
    id: 'i2',
    number: 2,
    title: 'Referrals',
    statement: null,
  },
  { __typename: 'PracticeIssue' as const, id: 'i3', number: 3, title: 'Strategy', statement: null },
];

describe('IssueOrder', () => {
  it('moves an issue with its buttons and with Alt+Arrow keys, giving the whole new order', async () => {
    const onMove = jest.fn();
    render(
      <MemoryRouter>
        <IssueOrder set={{ issues }} onMove={onMove} busy={false} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('button', { name: 'Move Early help up' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Move Early help down' }));
    expect(onMove).toHaveBeenLastCalledWith(['i2', 'i1', 'i3'], 'i1');
    screen.getByRole('link', { name: 'Strategy' }).focus();
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(onMove).toHaveBeenLastCalledWith(['i1', 'i3', 'i2'], 'i3');
  });
});

describe('PracticeSetPage', () => {
  it('shows the counted side-box facts and tells the trainer of a withdrawn review', async () => {
    const mocks = [
      {
        request: { query: PRACTICE_ISSUE_SET, variables: { id: 's1' } },
        result: {
          data: {
            practiceIssueSet: {
              __typename: 'PracticeIssueSet' as const,
              id: 's1',
              title: 'Practice issues from case reviews',
              purpose: null,
              gathering: null,
              participantCount: 194,
              closingSource: null,
              collectionId: null,
              reviewIds: ['r1'],
              version: 1,
              basis: {
                __typename: 'PracticeSetBasis' as const,
                reviewCount: 38,
                firstPublishedAt: '2014-05-01T00:00:00.000Z',
                lastPublishedAt: '2015-04-30T00:00:00.000Z',
                sentence: '38 reviews published between May 2014 and April 2015',
              },
              withdrawnReviews: [
                {
                  __typename: 'WithdrawnLinkedReview' as const,
                  reviewId: 'r9',
                  reference: 'SCR-09',
                  withdrawnAt: '2015-06-01T00:00:00.000Z',
                },
              ],
              issues,
              printedDocument: JSON.stringify({ title: 'Practice issues', blocks: [] }),
            },
          },
        },
      },
      {
        request: { query: PUBLISHED_REVIEWS },
        result: {
          data: {
            corpusReviews: {
              __typename: 'CorpusReviewConnection' as const,
              totalCount: 0,
              edges: [],
            },
          },
        },
      },
      {
        request: { query: COLLECTIONS_FOR_SET },
        result: { data: { collections: [] } },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={['/briefings/sets/s1']}>
          <Routes>
            <Route path="/briefings/sets/:setId" element={<PracticeSetPage />} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>,
    );
    expect(await screen.findByRole('region', { name: 'Side box facts' })).toHaveTextContent(
      '3 practice issues. The briefings are based on analysis of 38 reviews published between May 2014 and April 2015',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A review this set drew on was withdrawn from the corpus and is no longer counted: SCR-09.',
    );
    expect(screen.getByRole('list', { name: 'Practice issues in order' })).toHaveTextContent(
      '1.Early help',
    );
  });
});

describe('PracticeSetPage: the collection and the downloads', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  const setOf = (collectionId: string | null, reviewCount: number, sentence: string) => ({
    __typename: 'PracticeIssueSet' as const,
    id: 's1',
    title: 'Practice issues from case reviews',
    purpose: null,
    gathering: null,
    participantCount: null,
    closingSource: null,
    collectionId,
    reviewIds: [],
    version: collectionId ? 2 : 1,
    basis: {
      __typename: 'PracticeSetBasis' as const,
      reviewCount,
      firstPublishedAt: reviewCount ? '2014-05-01T00:00:00.000Z' : null,
      lastPublishedAt: reviewCount ? '2015-04-30T00:00:00.000Z' : null,
      sentence,
    },
    withdrawnReviews: [],
    issues,
    printedDocument: JSON.stringify({ title: 'Practice issues', blocks: [] }),
  });

  it('lets the trainer choose the collection the set draws on and shows the recounted side box', async () => {
    const mocks = [
      {
        request: { query: PRACTICE_ISSUE_SET, variables: { id: 's1' } },
        result: { data: { practiceIssueSet: setOf(null, 0, 'no published reviews yet') } },
      },
      {
        request: { query: PUBLISHED_REVIEWS },
        result: {
          data: {
            corpusReviews: {
              __typename: 'CorpusReviewConnection' as const,
              totalCount: 0,
              edges: [],
            },
          },
        },
      },
      {
        request: { query: COLLECTIONS_FOR_SET },
        result: {
          data: {
            collections: [
              { __typename: 'Collection' as const, id: 'c1', name: 'Audit round 2015' },
              { __typename: 'Collection' as const, id: 'c2', name: 'Neglect reviews' },
            ],
          },
        },
      },
      {
        request: {
          query: UPDATE_PRACTICE_ISSUE_SET,
          variables: {
            id: 's1',
            expectedVersion: 1,
            input: {
              title: 'Practice issues from case reviews',
              purpose: '',
              gathering: '',
              participantCount: null,
              closingSource: '',
              collectionId: 'c2',
              reviewIds: [],
            },
          },
        },
        result: {
          data: {
            updatePracticeIssueSet: {
              __typename: 'PracticeIssueSet' as const,
              id: 's1',
              version: 2,
            },
          },
        },
      },
      {
        request: { query: PRACTICE_ISSUE_SET, variables: { id: 's1' } },
        result: {
          data: {
            practiceIssueSet: setOf(
              'c2',
              38,
              '38 reviews published between May 2014 and April 2015',
            ),
          },
        },
      },
    ];
    const fetched: string[] = [];
    global.fetch = jest.fn(async (url: RequestInfo | URL) => {
      fetched.push(String(url));
      return new Response('{}', { status: 500, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={['/briefings/sets/s1']}>
          <Routes>
            <Route path="/briefings/sets/:setId" element={<PracticeSetPage />} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>,
    );
    const facts = await screen.findByRole('region', { name: 'Side box facts' });
    expect(facts).toHaveTextContent('based on analysis of no published reviews yet');

    const collection = screen.getByRole('combobox', { name: 'Collection the set draws on' });
    expect(await within(collection).findByRole('option', { name: 'Neglect reviews' })).toBeTruthy();
    expect(collection).toHaveValue('');
    await userEvent.selectOptions(collection, 'Neglect reviews');
    await userEvent.click(screen.getByRole('button', { name: 'Save the set' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(
      await within(facts).findByText('38 reviews published between May 2014 and April 2015'),
    ).toBeInTheDocument();

    const downloads = screen.getByRole('group', { name: 'Download the whole set' });
    await userEvent.click(within(downloads).getByRole('button', { name: 'Word (.docx)' }));
    expect(await screen.findByText('The download failed (500).')).toBeInTheDocument();
    expect(fetched).toEqual(['/api/practice-issue-sets/s1/briefing.docx']);
  });
});

import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { ReviewContext } from '../../app/review-context';
import { CaseGroupCommentsPage } from './CaseGroupCommentsPage';
import { CommentsPanel } from './CommentsPanel';
import {
  ADD_COMMENT,
  CASE_GROUP_COMMENTS,
  RESOLVE_COMMENT,
  SIGN_OFF_ANALYSIS,
} from './comments.graphql';

const CASE_GROUP = ['read', 'readRealNames', 'comment'];
const OBSERVER = ['read', 'readRealNames'];
const LEAD = ['read', 'readRealNames', 'comment', 'edit', 'manage'];

const comment = (id: string, overrides: object = {}) => ({
  __typename: 'Comment' as const,
  id,
  eventId: null,
  episodeId: null,
  findingId: 'n1',
  authorName: 'Casey Health Visitor',
  body: 'The health visitor knew of the new partner.',
  createdAt: '2026-11-02T10:15:00Z',
  resolvedAt: null,
  resolvedBy: null,
  ...overrides,
});

const review = (comments: object[], overrides: object = {}) => ({
  __typename: 'Review' as const,
  id: 'r1',
  version: 3,
  caseGroupSignedOffAt: null,
  caseGroupSignedOffBy: null,
  comments,
  episodes: [
    {
      __typename: 'PracticeEpisode' as const,
      id: 'k1',
      ordinal: 1,
      title: 'The strategy discussion',
    },
  ],
  findings: [
    { __typename: 'Finding' as const, id: 'n1', ordinal: 1, title: 'Who lives in the home' },
  ],
  ...overrides,
});

const commentsQuery = (state: string, comments: object[], overrides: object = {}) => ({
  request: { query: CASE_GROUP_COMMENTS, variables: { reviewId: 'r1', state } },
  result: { data: { review: review(comments, overrides) } },
});

function renderWith(
  element: React.ReactElement,
  mocks: MockedProviderProps['mocks'],
  capabilities: string[],
) {
  const context = {
    review: { id: 'r1', myCapabilities: capabilities },
    canEdit: capabilities.includes('edit'),
    canReadRealNames: true,
  } as unknown as ReviewContext;
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/reviews/r1/here']}>
        <Routes>
          <Route path="/reviews/:reviewId" element={<Outlet context={context} />}>
            <Route path="here" element={element} />
            <Route path="findings/:findingId" element={<h1>Finding editor</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('CommentsPanel', () => {
  it('lets a case group member comment on a finding, from an empty panel, with the keyboard', async () => {
    const added = comment('c1', { body: 'The GP letter is missing.' });
    renderWith(
      <CommentsPanel target={{ findingId: 'n1' }} />,
      [
        commentsQuery('ALL', [comment('c0', { findingId: 'n2' })]),
        {
          request: {
            query: ADD_COMMENT,
            variables: {
              reviewId: 'r1',
              input: { findingId: 'n1', body: 'The GP letter is missing.' },
            },
          },
          result: { data: { addComment: added } },
        },
        commentsQuery('ALL', [comment('c0', { findingId: 'n2' }), added]),
      ],
      CASE_GROUP,
    );
    const panel = await screen.findByRole('region', { name: 'Case group comments' });
    expect(await within(panel).findByText('No comments on this finding yet.')).toBeVisible();

    await userEvent.click(within(panel).getByRole('button', { name: 'Add comment' }));
    expect(within(panel).getByRole('alert')).toHaveTextContent('Write the comment first.');

    await userEvent.type(
      within(panel).getByRole('textbox', { name: 'Your comment on this finding' }),
      '  The GP letter is missing.',
    );
    await userEvent.keyboard('{Tab}{Enter}');
    const item = await within(panel).findByRole('listitem');
    expect(item).toHaveTextContent('The GP letter is missing.');
    expect(item).toHaveTextContent('Open');
    expect(within(panel).queryByRole('button', { name: 'Mark resolved' })).not.toBeInTheDocument();
    expect(
      within(panel).getByRole('textbox', { name: 'Your comment on this finding' }),
    ).toHaveValue('');
  });

  it('shows an observer the comments without the means to add one', async () => {
    renderWith(
      <CommentsPanel target={{ episodeId: 'k1' }} />,
      [commentsQuery('ALL', [comment('c1', { findingId: null, episodeId: 'k1' })])],
      OBSERVER,
    );
    expect(await screen.findByText('The health visitor knew of the new partner.')).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add comment' })).not.toBeInTheDocument();
  });
});

describe('CaseGroupCommentsPage', () => {
  it('lets the lead reviewer resolve an open comment, which then shows among the resolved', async () => {
    const resolved = comment('c1', {
      resolvedAt: '2026-11-03T09:00:00Z',
      resolvedBy: 'Lee Lead',
    });
    renderWith(
      <CaseGroupCommentsPage />,
      [
        commentsQuery('OPEN', [comment('c1')]),
        {
          request: { query: RESOLVE_COMMENT, variables: { id: 'c1', resolved: true } },
          result: { data: { resolveComment: resolved } },
        },
        commentsQuery('OPEN', []),
        commentsQuery('RESOLVED', [resolved]),
      ],
      LEAD,
    );
    const list = await screen.findByRole('list', { name: 'Comments' });
    expect(
      within(list).getByRole('link', { name: 'on finding 1 “Who lives in the home”' }),
    ).toHaveAttribute('href', '/reviews/r1/findings/n1');
    expect(screen.getByText('1 open comment')).toBeVisible();

    await userEvent.click(within(list).getByRole('button', { name: 'Mark resolved' }));
    expect(await screen.findByRole('region', { name: 'No open comments' })).toBeVisible();

    // The filter is a radio group: the arrow keys move through it.
    screen.getByRole('radio', { name: 'Open' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Resolved' })).toBeChecked();
    expect(await screen.findByText(/Resolved by Lee Lead/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeVisible();
  });

  it('gives a case group member the list without resolving, and says the sign-off is awaited', async () => {
    renderWith(<CaseGroupCommentsPage />, [commentsQuery('OPEN', [comment('c1')])], CASE_GROUP);
    expect(await screen.findByText('The health visitor knew of the new partner.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Mark resolved' })).not.toBeInTheDocument();
    const signOff = screen.getByRole('region', { name: 'Sign-off on the analysis' });
    expect(signOff).toHaveTextContent('The case group has not signed off the analysis yet.');
    expect(within(signOff).queryByRole('button')).not.toBeInTheDocument();
  });

  it("lets the lead reviewer record the case group's sign-off", async () => {
    const signed = {
      __typename: 'Review' as const,
      id: 'r1',
      version: 4,
      caseGroupSignedOffAt: '2026-11-04T14:30:00Z',
      caseGroupSignedOffBy: 'Lee Lead',
    };
    renderWith(
      <CaseGroupCommentsPage />,
      [
        commentsQuery('OPEN', []),
        {
          request: { query: SIGN_OFF_ANALYSIS, variables: { reviewId: 'r1' } },
          result: { data: { signOffAnalysis: signed } },
        },
        commentsQuery('OPEN', [], signed),
      ],
      LEAD,
    );
    const signOff = await screen.findByRole('region', { name: 'Sign-off on the analysis' });
    await userEvent.click(
      within(signOff).getByRole('button', { name: 'Record the case group’s sign-off' }),
    );
    expect(
      await within(signOff).findByText(/The case group signed off the analysis on 4 Nov 2026/),
    ).toHaveTextContent('(recorded by Lee Lead)');
    expect(within(signOff).getByRole('button', { name: 'Withdraw the sign-off' })).toBeVisible();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInReview, REVIEW_ID } from '../../testing/render-in-review';
import { ReviewConversations } from './ReviewConversations';
import { REVIEW_CONVERSATION_ADD, REVIEW_CONVERSATIONS } from './setup.graphql';

const conversation = {
  __typename: 'ReviewConversation' as const,
  id: 'c1',
  kind: 'PRACTITIONERS' as const,
  format: 'GROUP_LEARNING_EVENT' as const,
  heldOn: '2024-03',
  precision: 'MONTH' as const,
  participants: [
    { __typename: 'ConversationParticipant' as const, role: 'Health visitor', agencyId: 'a1' },
  ],
  familyPersonIds: [],
  familyDescription: null,
  notes: 'The caseload at the time.',
  episodeIds: ['k1'],
  version: 1,
};

const listed = (conversations: (typeof conversation)[]) => ({
  request: { query: REVIEW_CONVERSATIONS, variables: { reviewId: REVIEW_ID } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: REVIEW_ID,
        agencies: [{ __typename: 'Agency' as const, id: 'a1', name: 'Health visiting' }],
        people: [{ __typename: 'Person' as const, id: 'p1', pseudonym: 'Mother' }],
        episodes: [
          { __typename: 'PracticeEpisode' as const, id: 'k1', ordinal: 1, title: 'The referral' },
        ],
        conversations,
      },
    },
  },
});

describe('ReviewConversations', () => {
  it('records a learning event with a partial date, a participant by role and the episode it informs', async () => {
    const add = {
      request: {
        query: REVIEW_CONVERSATION_ADD,
        variables: {
          reviewId: REVIEW_ID,
          input: {
            kind: 'PRACTITIONERS',
            format: 'GROUP_LEARNING_EVENT',
            heldOn: '2024-03',
            participants: [{ role: 'Health visitor', agencyId: 'a1' }],
            familyPersonIds: [],
            familyDescription: null,
            notes: 'The caseload at the time.',
            episodeIds: ['k1'],
          },
        },
      },
      result: {
        data: { addReviewConversation: { __typename: 'ReviewConversation' as const, id: 'c1' } },
      },
    };
    renderInReview(
      [{ path: 'setup', element: <ReviewConversations /> }],
      `/reviews/${REVIEW_ID}/setup`,
      [listed([]), add, listed([conversation])],
    );
    expect(await screen.findByText('No conversations recorded yet.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Record a conversation' });
    await userEvent.selectOptions(within(form).getByLabelText('Format'), 'Group or learning event');
    await userEvent.type(within(form).getByLabelText(/^Date/), '2024-03');
    await userEvent.type(within(form).getByLabelText('Participant’s role'), 'Health visitor');
    await userEvent.selectOptions(within(form).getByLabelText('Their agency'), 'Health visiting');
    await userEvent.type(within(form).getByLabelText('Notes'), 'The caseload at the time.');
    await userEvent.click(within(form).getByRole('checkbox', { name: '1. The referral' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Record conversation' }));
    const list = await screen.findByRole('list', { name: 'Conversations' });
    expect(list).toHaveTextContent('Took part: Health visitor (Health visiting)');
    expect(list).toHaveTextContent('Group or learning event, Mar 2024');
  });
});

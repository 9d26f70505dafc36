import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderInReview, REVIEW_ID } from '../../testing/render-in-review';
import { ReviewConversations } from './ReviewConversations';
import {
  REVIEW_CONVERSATION_ADD,
  REVIEW_CONVERSATION_UPDATE,
  REVIEW_CONVERSATIONS,
} from './setup.graphql';

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
  familyPersonIds: [] as string[],
  familyDescription: null as string | null,
  notes: 'The caseload at the time.',
  episodeIds: ['k1'] as string[],
  version: 1,
};

const listed = (conversations: (typeof conversation)[]) => ({
  request: { query: REVIEW_CONVERSATIONS, variables: { reviewId: REVIEW_ID } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: REVIEW_ID,
        agencies: [
          { __typename: 'Agency' as const, id: 'a1', name: 'Health visiting' },
          { __typename: 'Agency' as const, id: 'a2', name: 'Children’s social care' },
        ],
        people: [
          { __typename: 'Person' as const, id: 'p1', pseudonym: 'Mother' },
          { __typename: 'Person' as const, id: 'p2', pseudonym: 'Child M' },
        ],
        episodes: [
          { __typename: 'PracticeEpisode' as const, id: 'k1', ordinal: 1, title: 'The referral' },
          { __typename: 'PracticeEpisode' as const, id: 'k2', ordinal: 2, title: 'The visit' },
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
    await userEvent.type(within(form).getByLabelText(/^Date/), '03/2024');
    await userEvent.click(within(form).getByRole('button', { name: 'Add a participant' }));
    expect(within(form).getByLabelText('Participant 1: role')).toHaveFocus();
    await userEvent.keyboard('Health visitor');
    await userEvent.selectOptions(
      within(form).getByLabelText('Participant 1: agency'),
      'Health visiting',
    );
    await userEvent.type(within(form).getByLabelText('Notes'), 'The caseload at the time.');
    await userEvent.click(within(form).getByRole('checkbox', { name: '1. The referral' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Record conversation' }));
    const list = await screen.findByRole('list', { name: 'Conversations' });
    expect(list).toHaveTextContent('Took part (1 participant): Health visitor (Health visiting)');
    expect(list).toHaveTextContent('Mar 2024: With practitioners, group or learning event');
    expect(within(list).getByRole('link', { name: '1. The referral' })).toHaveAttribute(
      'href',
      `/reviews/${REVIEW_ID}/episodes/k1`,
    );
  });

  it('shows family members by pseudonym and the episodes, and edits a conversation: participants as a list, family ticked, episodes changed', async () => {
    const input = {
      kind: 'PRACTITIONERS',
      format: 'GROUP_LEARNING_EVENT',
      heldOn: '2024-03',
      precision: 'MONTH',
      participants: [
        { role: 'Health visitor', agencyId: 'a1' },
        { role: 'Social worker', agencyId: 'a2' },
      ],
      familyPersonIds: ['p1'],
      familyDescription: 'Maternal grandmother',
      notes: 'The caseload at the time.',
      episodeIds: ['k1', 'k2'],
    };
    const saved = {
      ...conversation,
      participants: [
        ...conversation.participants,
        {
          __typename: 'ConversationParticipant' as const,
          role: 'Social worker',
          agencyId: 'a2',
        },
      ],
      familyPersonIds: ['p1'],
      familyDescription: 'Maternal grandmother',
      episodeIds: ['k1', 'k2'],
      version: 2,
    };
    const update = {
      request: {
        query: REVIEW_CONVERSATION_UPDATE,
        variables: { id: 'c1', expectedVersion: 1, input },
      },
      result: {
        data: {
          updateReviewConversation: {
            __typename: 'ReviewConversation' as const,
            id: 'c1',
            version: 2,
          },
        },
      },
    };
    renderInReview(
      [{ path: 'setup', element: <ReviewConversations /> }],
      `/reviews/${REVIEW_ID}/setup`,
      [listed([conversation]), update, listed([saved])],
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit the conversation: With practitioners, group or learning event, Mar 2024',
      }),
    );
    const form = screen.getByRole('form', {
      name: 'Edit the conversation: With practitioners, group or learning event, Mar 2024',
    });
    expect(within(form).getByLabelText('With')).toHaveFocus();
    expect(within(form).getByLabelText(/^Date/)).toHaveValue('03/2024');
    expect(within(form).getByLabelText('Participant 1: role')).toHaveValue('Health visitor');
    expect(within(form).getByRole('checkbox', { name: '1. The referral' })).toBeChecked();
    await userEvent.click(within(form).getByRole('button', { name: 'Add a participant' }));
    await userEvent.type(within(form).getByLabelText('Participant 2: role'), 'Social worker');
    await userEvent.selectOptions(
      within(form).getByLabelText('Participant 2: agency'),
      'Children’s social care',
    );
    // A third row, added and removed again, is not sent.
    await userEvent.click(within(form).getByRole('button', { name: 'Add a participant' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Remove participant 3' }));
    expect(within(form).queryByLabelText('Participant 3: role')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Mother' }));
    await userEvent.type(
      within(form).getByLabelText('Family members, in words'),
      'Maternal grandmother',
    );
    await userEvent.click(within(form).getByRole('checkbox', { name: '2. The visit' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() =>
      expect(list).toHaveTextContent(
        'Took part (2 participants): Health visitor (Health visiting); Social worker (Children’s social care)',
      ),
    );
    expect(list).toHaveTextContent('Family: Mother; Maternal grandmother');
    expect(within(list).getByRole('link', { name: '2. The visit' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: /^Edit the conversation/ })).not.toBeInTheDocument();
  });

  it('says plainly when someone else saved the conversation first, keeps what was typed, and saves again on their version', async () => {
    const input = (notes: string) => ({
      kind: 'PRACTITIONERS',
      format: 'GROUP_LEARNING_EVENT',
      heldOn: '2024-03',
      precision: 'MONTH',
      participants: [{ role: 'Health visitor', agencyId: 'a1' }],
      familyPersonIds: [],
      familyDescription: null,
      notes,
      episodeIds: ['k1'],
    });
    const theirs = { ...conversation, notes: 'Their notes.', version: 2 };
    const stale = {
      request: {
        query: REVIEW_CONVERSATION_UPDATE,
        variables: { id: 'c1', expectedVersion: 1, input: input('My notes.') },
      },
      result: {
        errors: [
          new GraphQLError('Someone else saved this conversation first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: { id: 'c1', notes: 'Their notes.', version: 2 },
            },
          }),
        ],
      },
    };
    const again = {
      request: {
        query: REVIEW_CONVERSATION_UPDATE,
        variables: { id: 'c1', expectedVersion: 2, input: input('My notes.') },
      },
      result: {
        data: {
          updateReviewConversation: {
            __typename: 'ReviewConversation' as const,
            id: 'c1',
            version: 3,
          },
        },
      },
    };
    renderInReview(
      [{ path: 'setup', element: <ReviewConversations /> }],
      `/reviews/${REVIEW_ID}/setup`,
      [
        listed([conversation]),
        stale,
        listed([theirs]),
        again,
        listed([{ ...theirs, notes: 'My notes.', version: 3 }]),
      ],
    );
    await userEvent.click(await screen.findByRole('button', { name: /^Edit the conversation/ }));
    const form = screen.getByRole('form', { name: /^Edit the conversation/ });
    await userEvent.clear(within(form).getByLabelText('Notes'));
    await userEvent.type(within(form).getByLabelText('Notes'), 'My notes.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const notice = await within(form).findByRole('alert');
    expect(notice).toHaveTextContent(
      'Someone else saved this conversation while you were editing, so your changes were not saved.',
    );
    expect(within(form).getByLabelText('Notes')).toHaveValue('My notes.');
    // Loading theirs puts their saved notes in the form, on their version.
    await userEvent.click(within(form).getByRole('button', { name: 'Load their version' }));
    await waitFor(() => expect(within(form).getByLabelText('Notes')).toHaveValue('Their notes.'));
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.clear(within(form).getByLabelText('Notes'));
    await userEvent.type(within(form).getByLabelText('Notes'), 'My notes.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() =>
      expect(
        screen.queryByRole('form', { name: /^Edit the conversation/ }),
      ).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(list).toHaveTextContent('My notes.'));
  });
});

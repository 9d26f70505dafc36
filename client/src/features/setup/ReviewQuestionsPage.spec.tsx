import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderInReview, reviewContext, REVIEW_ID } from '../../testing/render-in-review';
import { ReviewQuestionsPage } from './ReviewQuestionsPage';
import {
  REVIEW_QUESTION_ADD,
  REVIEW_QUESTION_REMOVE,
  REVIEW_QUESTION_REORDER,
  REVIEW_QUESTION_UPDATE,
  REVIEW_QUESTIONS,
} from './setup.graphql';

const question = (id: string, ordinal: number, text: string) => ({
  __typename: 'ReviewQuestion' as const,
  id,
  ordinal,
  text,
  version: 1,
});
const sharing = question('q1', 1, 'How well did agencies share information?');
const voice = question('q2', 2, 'Was the voice of the child heard?');

const listed = (questions: ReturnType<typeof question>[]) => ({
  request: { query: REVIEW_QUESTIONS, variables: { reviewId: REVIEW_ID } },
  result: { data: { review: { __typename: 'Review' as const, id: REVIEW_ID, questions } } },
});

const render = (mocks: Parameters<typeof renderInReview>[2], canEdit = true) =>
  renderInReview(
    [{ path: 'setup', element: <ReviewQuestionsPage /> }],
    `/reviews/${REVIEW_ID}/setup`,
    mocks,
    reviewContext({ canEdit }),
  );

describe('ReviewQuestionsPage', () => {
  it('says when there are no questions yet, and adds one from the keyboard', async () => {
    const add = {
      request: {
        query: REVIEW_QUESTION_ADD,
        variables: { reviewId: REVIEW_ID, input: { text: 'Was the voice of the child heard?' } },
      },
      result: { data: { addReviewQuestion: voice } },
    };
    render([listed([]), add, listed([voice])]);
    expect(await screen.findByText('No review questions yet.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Add a review question' });
    await userEvent.type(
      within(form).getByLabelText('New question'),
      ' Was the voice of the child heard? ',
    );
    await userEvent.keyboard('{Tab}{Enter}');
    const list = await screen.findByRole('list', { name: 'Review questions' });
    expect(within(list).getByText('Was the voice of the child heard?')).toBeInTheDocument();
    expect(within(form).getByLabelText('New question')).toHaveValue('');
  });

  it('moves a question down, sending the whole new order', async () => {
    const reorder = {
      request: {
        query: REVIEW_QUESTION_REORDER,
        variables: { reviewId: REVIEW_ID, questionIds: ['q2', 'q1'] },
      },
      result: {
        data: {
          reorderReviewQuestions: [
            { __typename: 'ReviewQuestion' as const, id: 'q2', ordinal: 1 },
            { __typename: 'ReviewQuestion' as const, id: 'q1', ordinal: 2 },
          ],
        },
      },
    };
    render([
      listed([sharing, voice]),
      reorder,
      listed([
        { ...voice, ordinal: 1 },
        { ...sharing, ordinal: 2 },
      ]),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Move question 1 down' }));
    const list = screen.getByRole('list', { name: 'Review questions' });
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
        'Was the voice of the child heard?',
      ),
    );
  });

  it('asks before removing, saying what else it changes, and keeps it when told to', async () => {
    const dryRun = {
      request: { query: REVIEW_QUESTION_REMOVE, variables: { id: 'q1', dryRun: true } },
      result: {
        data: {
          removeReviewQuestion: {
            __typename: 'RemovalResult' as const,
            removed: false,
            consequences: ['1 finding will no longer say they answer it'],
          },
        },
      },
    };
    render([listed([sharing]), dryRun, listed([sharing])]);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove question 1' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove question 1?' });
    expect(dialog).toHaveTextContent('1 finding will no longer say they answer it.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText('How well did agencies share information?')).toBeInTheDocument();
  });

  it('shows the questions without the controls to someone who may only read', async () => {
    render([listed([sharing])], false);
    expect(await screen.findByText('How well did agencies share information?')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a review question' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
  });

  it('when someone else saved the question first, puts their text in the field and keeps yours to re-apply', async () => {
    const update = (expectedVersion: number) => ({
      request: {
        query: REVIEW_QUESTION_UPDATE,
        variables: {
          id: 'q1',
          expectedVersion,
          input: { text: 'How well did agencies share what they knew?' },
        },
      },
    });
    const theirs = { ...sharing, text: 'Did agencies share information in time?', version: 2 };
    const stale = {
      ...update(1),
      result: {
        errors: [
          new GraphQLError('Someone else saved this question first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: { id: 'q1', text: theirs.text, version: 2 },
            },
          }),
        ],
      },
    };
    const mine = { ...sharing, text: 'How well did agencies share what they knew?', version: 3 };
    const again = { ...update(2), result: { data: { updateReviewQuestion: mine } } };
    render([listed([sharing]), stale, listed([theirs]), again, listed([mine])]);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit question 1' }));
    const form = screen.getByRole('form', { name: 'Edit question 1' });
    const field = within(form).getByLabelText('Question 1');
    await userEvent.clear(field);
    await userEvent.type(field, 'How well did agencies share what they knew?');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const notice = await within(form).findByRole('alert');
    expect(notice).toHaveTextContent(
      'Someone else saved this question while you were editing, so your change was not saved.',
    );
    expect(notice).toHaveTextContent('How well did agencies share what they knew?');
    expect(field).toHaveValue('Did agencies share information in time?');
    await userEvent.click(within(notice).getByRole('button', { name: 'Use my text again' }));
    expect(field).toHaveValue('How well did agencies share what they knew?');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Edit question 1' })).not.toBeInTheDocument(),
    );
    const list = screen.getByRole('list', { name: 'Review questions' });
    await waitFor(() =>
      expect(
        within(list).getByText('How well did agencies share what they knew?'),
      ).toBeInTheDocument(),
    );
  });
});

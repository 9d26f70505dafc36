import { MockedProviderProps } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderInReview } from '../../testing/render-in-review';
import type { ReviewContext } from '../../app/review-context';
import {
  BOARD_RESPONSE,
  BOARD_RESPONSE_ADD_ACTION,
  BOARD_RESPONSE_UPDATE_ACTION,
} from './board-response.graphql';
import { BoardResponsePage } from './BoardResponsePage';

const reviewId = 'r1';
const context = {
  review: { id: reviewId, myCapabilities: ['read', 'edit'] },
  canEdit: true,
  canReadRealNames: false,
  canRespond: true,
} as unknown as ReviewContext;

const police = { __typename: 'Agency' as const, id: 'a-police', name: 'Moorshire Police' };
const housing = { __typename: 'Agency' as const, id: 'a-housing', name: 'Northmoor Housing' };
const overdueAction = {
  __typename: 'BoardAction' as const,
  id: 'ba1',
  findingId: 'f1',
  description: 'Show an incomplete DASH assessment as incomplete on the child notification.',
  dueDate: '2024-06-30',
  status: 'IN_PROGRESS' as const,
  overdue: true,
  droppedReason: null,
  impactNote: null,
  version: 1,
  owningAgency: police,
};
const droppedAction = {
  __typename: 'BoardAction' as const,
  id: 'ba2',
  findingId: 'f1',
  description: 'Add a tenancy marker for risky adults.',
  dueDate: '2025-03-31',
  status: 'DROPPED' as const,
  overdue: false,
  droppedReason: 'Overtaken by the housing register review.',
  impactNote: null,
  version: 1,
  owningAgency: housing,
};
const reviewWith = (actions: object[]) => ({
  request: { query: BOARD_RESPONSE, variables: { id: reviewId } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: reviewId,
        agencies: [police, housing],
        findings: [
          {
            __typename: 'Finding' as const,
            id: 'f1',
            ordinal: 1,
            title: 'Front-door decisions made without the agencies that know the family',
            categoryLabel: 'Multi-agency working in response to incidents and crises',
            boardActions: actions,
          },
        ],
      },
    },
  },
});

function renderPage(mocks: MockedProviderProps['mocks'], reviewContext: ReviewContext = context) {
  return renderInReview(
    [{ path: 'board', element: <BoardResponsePage /> }],
    `/reviews/${reviewId}/board`,
    mocks,
    reviewContext,
  );
}

describe('BoardResponsePage', () => {
  it('adds an action to a finding, asking for the reason of a dropped action before sending it', async () => {
    const add = {
      request: {
        query: BOARD_RESPONSE_ADD_ACTION,
        variables: {
          findingId: 'f1',
          input: {
            description: 'Add a tenancy marker for risky adults.',
            owningAgencyId: 'a-housing',
            dueDate: null,
            status: 'DROPPED',
            droppedReason: 'Overtaken by the housing register review.',
            impactNote: null,
          },
        },
      },
      result: { data: { addBoardAction: droppedAction } },
    };
    renderPage([reviewWith([overdueAction]), add, reviewWith([overdueAction, droppedAction])]);

    expect(await screen.findByTestId('board-summary')).toHaveTextContent(
      '1 action · 0 done · 1 overdue',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add an action to finding 1' }));
    const form = screen.getByRole('heading', { name: 'New action on finding 1' })
      .parentElement as HTMLElement;
    await userEvent.type(
      within(form).getByLabelText('What the board will do'),
      'Add a tenancy marker for risky adults.',
    );
    await userEvent.selectOptions(
      within(form).getByLabelText('Owning agency'),
      'Northmoor Housing',
    );
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'Dropped');
    const reason = within(form).getByLabelText('Why it was dropped (required)');
    expect(reason).toBeRequired();

    await userEvent.click(within(form).getByRole('button', { name: 'Add the action' }));
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('A dropped action needs a reason: say why the board dropped it.'),
    );
    expect(reason).toHaveFocus();

    await userEvent.type(reason, 'Overtaken by the housing register review.');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the action' }));

    const actions = await screen.findByRole('list', { name: 'Actions on finding 1' });
    expect(
      await within(actions).findByText('Add a tenancy marker for risky adults.'),
    ).toBeVisible();
    expect(within(actions).getAllByRole('listitem')).toHaveLength(2);
    expect(within(actions).getByText('Overtaken by the housing register review.')).toBeVisible();
    expect(screen.getByTestId('board-summary')).toHaveTextContent('2 actions · 0 done · 1 overdue');
    expect(screen.queryByRole('heading', { name: 'New action on finding 1' })).toBeNull();
  });

  it('saves an edit against the version shown, and after a conflict shows theirs and saves over it', async () => {
    const input = {
      description: 'Mark an incomplete DASH assessment on the child notification.',
      owningAgencyId: 'a-police',
      dueDate: '2024-06-30',
      status: 'IN_PROGRESS',
      droppedReason: null,
      impactNote: null,
    };
    const theirs = { ...overdueAction, description: 'Audit DASH completion monthly.', version: 2 };
    const stale = {
      request: {
        query: BOARD_RESPONSE_UPDATE_ACTION,
        variables: { id: 'ba1', expectedVersion: 1, input },
      },
      result: {
        errors: [
          new GraphQLError('Someone else saved this board action first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: { id: 'ba1', description: theirs.description, version: 2 },
            },
          }),
        ],
      },
    };
    const saved = {
      request: {
        query: BOARD_RESPONSE_UPDATE_ACTION,
        variables: { id: 'ba1', expectedVersion: 2, input },
      },
      result: {
        data: {
          updateBoardAction: { ...overdueAction, description: input.description, version: 3 },
        },
      },
    };
    renderPage([reviewWith([overdueAction]), stale, reviewWith([theirs]), saved]);

    await userEvent.click(await screen.findByRole('button', { name: /^Edit / }));
    const description = screen.getByLabelText('What the board will do');
    await userEvent.clear(description);
    await userEvent.type(description, input.description);
    await userEvent.click(screen.getByRole('button', { name: 'Save the action' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else saved this action while you were editing, so your change was not saved. It now reads “Audit DASH completion monthly.”',
    );
    expect(screen.getByLabelText('What the board will do')).toHaveValue(input.description);

    await userEvent.click(screen.getByRole('button', { name: 'Save the action' }));
    expect(await screen.findByText(input.description)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Save the action' })).toBeNull();
  });

  it('flags overdue actions in words and filters to them', async () => {
    renderPage([reviewWith([overdueAction, droppedAction])]);
    const actions = await screen.findByRole('list', { name: 'Actions on finding 1' });
    const [first, second] = within(actions).getAllByRole('listitem');
    expect(first).toHaveTextContent('Overdue');
    expect(first).toHaveTextContent('30 Jun 2024 (past due)');
    expect(second).not.toHaveTextContent('Overdue');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Overdue actions only' }));
    expect(within(actions).getAllByRole('listitem')).toHaveLength(1);
    expect(actions).toHaveTextContent('Show an incomplete DASH assessment');
  });

  it('says when there are no findings yet, and where to write them', async () => {
    const none = reviewWith([]);
    none.result.data.review.findings = [];
    renderPage([none]);
    const empty = await screen.findByRole('region', { name: 'No findings yet' });
    expect(within(empty).getByRole('link', { name: 'findings' })).toHaveAttribute(
      'href',
      `/reviews/${reviewId}/findings`,
    );
  });

  it('stays editable for the review team once the review is published and read-only', async () => {
    const published = {
      review: { id: reviewId, status: 'PUBLISHED', myCapabilities: ['read', 'respond'] },
      canEdit: false,
      canReadRealNames: false,
      canRespond: true,
    } as unknown as ReviewContext;
    renderPage([reviewWith([overdueAction])], published);
    expect(await screen.findByRole('button', { name: 'Add an action to finding 1' })).toBeVisible();
    expect(screen.getByRole('button', { name: /^Edit / })).toBeVisible();
  });

  it('offers readers no changes', async () => {
    const reader = {
      review: { id: reviewId, status: 'PUBLISHED', myCapabilities: ['read'] },
      canEdit: false,
      canReadRealNames: false,
      canRespond: false,
    } as unknown as ReviewContext;
    renderPage([reviewWith([overdueAction])], reader);
    expect(await screen.findByText(overdueAction.description)).toBeVisible();
    expect(screen.queryByRole('button', { name: /Add an action|^Edit / })).toBeNull();
  });
});

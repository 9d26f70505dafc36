import { MockedProviderProps } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInReview } from '../../testing/render-in-review';
import { RegistersPage } from './RegistersPage';
import { REGISTERS, REGISTERS_ADD_PERSON, REGISTERS_EVENT_CONTACTS } from './registers.graphql';
import { ReviewContext } from './review-context';

const reviewId = 'r1';
const person = (id: string, pseudonym: string, name: string | null, household: string) => ({
  __typename: 'Person' as const,
  id,
  pseudonym,
  name,
  relationship: pseudonym === 'Child M' ? 'Subject child' : 'Mother',
  household,
});
const childM = person('p1', 'Child M', 'Maisie Ward', 'Household 1');
const mother = person('p2', 'Mother', 'Leanne Ward', 'Household 1');
const police = {
  __typename: 'Agency' as const,
  id: 'a1',
  name: 'Northmoor Police',
  sector: 'POLICE' as const,
};

const registers = (people: ReturnType<typeof person>[]) => ({
  request: { query: REGISTERS, variables: { id: reviewId } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: reviewId,
        agencies: [police],
        people,
        relationships:
          people.length > 1
            ? [
                {
                  __typename: 'PersonRelationship' as const,
                  id: 't1',
                  fromPersonId: 'p2',
                  kind: 'PARENT_OF' as const,
                  toPersonId: 'p1',
                },
              ]
            : [],
      },
    },
  },
});
const contacts = {
  request: { query: REGISTERS_EVENT_CONTACTS, variables: { reviewId, after: null } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: reviewId,
        events: {
          __typename: 'TimelineEventConnection' as const,
          totalCount: 4,
          edges: [1, 2, 3, 4].map((n) => ({
            __typename: 'TimelineEventEdge' as const,
            node: {
              __typename: 'TimelineEvent' as const,
              id: `e${n}`,
              agency: { __typename: 'Agency' as const, id: police.id, name: police.name },
              people: [{ __typename: 'Person' as const, id: 'p1' }],
            },
          })),
          pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
        },
      },
    },
  },
};

function renderRegisters(mocks: MockedProviderProps['mocks'], canReadRealNames: boolean) {
  const context = { canEdit: true, canReadRealNames } as ReviewContext;
  return renderInReview(
    [{ path: 'registers', element: <RegistersPage /> }],
    `/reviews/${reviewId}/registers`,
    mocks,
    context,
  );
}

describe('RegistersPage', () => {
  it('adds a person to the register, real name kept in the private column, and draws them', async () => {
    const addMother = {
      request: {
        query: REGISTERS_ADD_PERSON,
        variables: {
          reviewId,
          input: {
            pseudonym: 'Mother',
            relationship: 'Mother',
            household: 'Household 1',
            name: 'Leanne Ward',
          },
        },
      },
      result: { data: { addPerson: mother } },
    };
    renderRegisters([registers([childM]), contacts, addMother, registers([childM, mother])], true);

    const form = await screen.findByRole('form', { name: 'Add a person' });
    await userEvent.type(within(form).getByLabelText('Pseudonym'), ' Mother ');
    await userEvent.type(within(form).getByLabelText('Relationship to the child'), 'Mother');
    await userEvent.type(within(form).getByLabelText('Household'), 'Household 1');
    await userEvent.type(within(form).getByLabelText('Real name'), 'Leanne Ward');
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));

    const table = screen.getByRole('table', { name: /family members/i });
    expect(await within(table).findByRole('cell', { name: 'Leanne Ward' })).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: /real name.*private to members/i }),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Pseudonym')).toHaveValue('');
    expect(
      screen.getByRole('img', { name: /^Mother\. Mother\. Household: Household 1\./ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: /^Child M\..*Seen by Northmoor Police \(4 events\)\.$/,
      }),
    ).toBeInTheDocument();
  });

  it('shows no real name, column or field to someone not allowed to read them', async () => {
    renderRegisters([registers([childM, mother]), contacts], false);

    const table = await screen.findByRole('table', { name: /family members/i });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(
      within(table).queryByRole('columnheader', { name: /real name/i }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Real name')).not.toBeInTheDocument();
    expect(screen.queryByText(/Maisie Ward|Leanne Ward/)).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Child M\. Subject child\./ })).toBeInTheDocument();
  });

  it('invites the first entry when the people register is empty', async () => {
    renderRegisters([registers([]), contacts], true);
    expect(
      await screen.findByRole('heading', { name: 'No one is on the people register yet' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Family network' })).not.toBeInTheDocument();
  });
});

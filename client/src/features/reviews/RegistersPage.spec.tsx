import { MockedProviderProps } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderInReview } from '../../testing/render-in-review';
import { RegistersPage } from './RegistersPage';
import {
  REGISTERS,
  REGISTERS_ADD_PERSON,
  REGISTERS_EVENT_CONTACTS,
  REGISTERS_UPDATE_AGENCY,
  REGISTERS_UPDATE_PERSON,
} from './registers.graphql';
import { ReviewContext } from '../../app/review-context';

const reviewId = 'r1';
const counts = { seen: 0, seenAlone: 0, spokenTo: 0, mentioned: 0, total: 0 };
const person = (
  id: string,
  pseudonym: string,
  name: string | null,
  household: string,
  byAgency: (typeof counts & { agencyId: string })[] = [],
) => ({
  __typename: 'Person' as const,
  id,
  pseudonym,
  name,
  aliases: [] as string[],
  relationship: pseudonym === 'Child M' ? 'Subject child' : 'Mother',
  household,
  sex: 'NOT_KNOWN' as const,
  bornOn: null,
  ageAtPeriodStart: null,
  diedOn: null,
  deceased: false,
  isSubjectChild: pseudonym === 'Child M',
  households: [
    {
      __typename: 'HouseholdMembership' as const,
      id: `h-${id}`,
      household,
      from: null,
      to: null,
      knownToAgencies: true,
      note: null,
    },
  ],
  contactSummary: {
    __typename: 'ContactSummary' as const,
    ...byAgency.reduce(
      (sum, c) => ({
        seen: sum.seen + c.seen,
        seenAlone: sum.seenAlone + c.seenAlone,
        spokenTo: sum.spokenTo + c.spokenTo,
        mentioned: sum.mentioned + c.mentioned,
        total: sum.total + c.total,
      }),
      counts,
    ),
    byAgency: byAgency.map((c) => ({ __typename: 'AgencyContactCounts' as const, ...c })),
  },
  version: 1,
});
const childM = person('p1', 'Child M', 'Maisie Ward', 'Household 1');
const mother = person('p2', 'Mother', 'Leanne Ward', 'Household 1');
const police = {
  __typename: 'Agency' as const,
  id: 'a1',
  name: 'Northmoor Police',
  sector: 'POLICE' as const,
  version: 1,
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
                  separated: false,
                  endedOn: null,
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

function renderRegisters(
  mocks: MockedProviderProps['mocks'],
  canReadRealNames: boolean,
  tab: 'people' | 'family' | 'agencies' | '' = 'people',
) {
  const context = { canEdit: true, canReadRealNames } as ReviewContext;
  return renderInReview(
    [{ path: 'registers/:tab?', element: <RegistersPage /> }],
    `/reviews/${reviewId}/registers/${tab}`,
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
            sex: 'FEMALE',
            bornOn: '1994-04',
            ageAtPeriodStart: null,
            diedOn: null,
            deceased: false,
            isSubjectChild: false,
            households: [
              {
                household: 'Household 1',
                from: '2022-04-03',
                to: null,
                knownToAgencies: false,
                note: null,
              },
            ],
            name: 'Leanne Ward',
            aliases: [],
          },
        },
      },
      result: { data: { addPerson: mother } },
    };
    renderRegisters([registers([childM]), contacts, addMother, registers([childM, mother])], true);

    const form = await screen.findByRole('form', { name: 'Add a person' });
    await userEvent.type(within(form).getByLabelText('Pseudonym'), ' Mother ');
    await userEvent.type(within(form).getByLabelText('Relationship to the child'), 'Mother');
    await userEvent.selectOptions(within(form).getByLabelText('Sex'), 'FEMALE');
    await userEvent.type(within(form).getByLabelText('Born'), 'April 1994');
    await userEvent.click(within(form).getByRole('button', { name: 'Add a household' }));
    const household = within(form).getByRole('group', { name: 'Household 1' });
    await userEvent.type(within(household).getByLabelText('Household'), 'Household 1');
    await userEvent.type(within(household).getByLabelText('From'), '3/4/2022');
    await userEvent.click(within(household).getByLabelText('Known to agencies'));
    await userEvent.type(within(form).getByLabelText('Real name'), 'Leanne Ward');
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));

    const table = screen.getByRole('table', { name: /family members/i });
    expect(await within(table).findByRole('cell', { name: 'Leanne Ward' })).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: /real name.*private to members/i }),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Pseudonym')).toHaveValue('');
    await userEvent.click(screen.getByRole('tab', { name: 'Family network and relationships' }));
    expect(
      screen.getByRole('img', { name: /^Mother\. Mother\. Household: Household 1\./ }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: /^Child M\..*Seen by Northmoor Police \(4 events\)\.$/,
      }),
    ).toBeInTheDocument();
  });

  it('renames an agency against the version read, letting the user choose when someone saved first', async () => {
    const update = (expectedVersion: number) => ({
      request: {
        query: REGISTERS_UPDATE_AGENCY,
        variables: {
          id: 'a1',
          expectedVersion,
          input: { name: 'Moorshire Police', sector: 'POLICE' },
        },
      },
    });
    const stale = {
      ...update(1),
      result: {
        errors: [
          new GraphQLError('Someone else saved this agency first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: { id: 'a1', name: 'Northmoor Constabulary', sector: 'POLICE', version: 2 },
            },
          }),
        ],
      },
    };
    const saved = {
      ...update(2),
      result: {
        data: { updateAgency: { ...police, name: 'Moorshire Police', version: 3 } },
      },
    };
    renderRegisters([registers([childM]), contacts, stale, saved], true, 'agencies');

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Northmoor Police' }));
    const form = screen.getByRole('form', { name: 'Edit Northmoor Police' });
    await userEvent.clear(within(form).getByLabelText('Agency name'));
    await userEvent.type(within(form).getByLabelText('Agency name'), 'Moorshire Police');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Someone else saved this agency first',
    });
    expect(within(dialog).getByText('Northmoor Constabulary')).toBeInTheDocument();
    expect(within(dialog).queryByText('Sector')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the chosen version' }));

    expect(await screen.findByRole('cell', { name: 'Moorshire Police' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
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
    expect(screen.queryByText(/also known as/i)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit Mother' }));
    const form = screen.getByRole('form', { name: 'Edit Mother' });
    expect(within(form).queryByLabelText('Also known as')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Family network and relationships' }));
    expect(screen.queryByText(/Maisie Ward|Leanne Ward/)).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Child M\. Subject child\./ })).toBeInTheDocument();
  });

  it('edits the other names a person was known by, beside the real name, each once and trimmed', async () => {
    const { contactSummary: _counts, ...motherFields } = mother;
    const save = {
      request: {
        query: REGISTERS_UPDATE_PERSON,
        variables: {
          id: 'p2',
          expectedVersion: 1,
          input: {
            pseudonym: 'Mother',
            relationship: 'Mother',
            sex: 'NOT_KNOWN',
            bornOn: null,
            ageAtPeriodStart: null,
            diedOn: null,
            deceased: false,
            isSubjectChild: false,
            households: [
              {
                household: 'Household 1',
                from: null,
                to: null,
                knownToAgencies: true,
                note: null,
              },
            ],
            name: 'Leanne Ward',
            aliases: ['Lee', 'Jay'],
          },
        },
      },
      result: {
        data: { updatePerson: { ...motherFields, aliases: ['Lee', 'Jay'], version: 2 } },
      },
    };
    const alsoKnownAs = { ...mother, aliases: ['Lee', 'Jay'], version: 2 };
    renderRegisters(
      [registers([childM, mother]), contacts, save, registers([childM, alsoKnownAs])],
      true,
    );

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Mother' }));
    const form = screen.getByRole('form', { name: 'Edit Mother' });
    const field = within(form).getByLabelText('Also known as');
    expect(field).toHaveValue('');
    expect(field).toHaveAccessibleDescription(/separated by commas/);
    await userEvent.type(field, ' Lee ,, Jay, lee ');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    const table = screen.getByRole('table', { name: /family members/i });
    expect(
      await within(table).findByRole('cell', { name: 'Leanne Ward (also known as Lee, Jay)' }),
    ).toBeInTheDocument();
  });

  it('compares the other names with theirs as typed when someone else saved the person first', async () => {
    const input = {
      pseudonym: 'Mother',
      relationship: 'Mother',
      sex: 'NOT_KNOWN',
      bornOn: null,
      ageAtPeriodStart: null,
      diedOn: null,
      deceased: false,
      isSubjectChild: false,
      households: [
        { household: 'Household 1', from: null, to: null, knownToAgencies: true, note: null },
      ],
      name: 'Leanne Ward',
      aliases: ['Lee', 'Jay'],
    };
    const stale = {
      request: {
        query: REGISTERS_UPDATE_PERSON,
        variables: { id: 'p2', expectedVersion: 1, input },
      },
      result: {
        errors: [
          new GraphQLError('Someone else saved this person first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: {
                id: 'p2',
                pseudonym: 'Mother',
                relationship: 'Birth mother',
                name: 'Leanne Ward',
                aliases: ['Lee', 'Jay'],
                sex: 'NOT_KNOWN',
                deceased: false,
                isSubjectChild: false,
                version: 2,
              },
            },
          }),
        ],
      },
    };
    renderRegisters([registers([childM, mother]), contacts, stale], true);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Mother' }));
    const form = screen.getByRole('form', { name: 'Edit Mother' });
    await userEvent.type(within(form).getByLabelText('Also known as'), 'Lee, Jay');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: /saved this person first/i });
    expect(within(dialog).getByText('Birth mother')).toBeInTheDocument();
    expect(within(dialog).queryByText('Also known as')).not.toBeInTheDocument();
  });

  it('refuses more other names than a person may have, saying so', async () => {
    renderRegisters([registers([childM, mother]), contacts], true);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit Mother' }));
    const form = screen.getByRole('form', { name: 'Edit Mother' });
    const many = Array.from({ length: 21 }, (_, i) => `Name ${i + 1}`).join(', ');
    await userEvent.click(within(form).getByLabelText('Also known as'));
    await userEvent.paste(many);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Also known as: at most 20 names, please',
    );
  });

  it('marks in the person × agency table who was seen, seen alone, spoken to or only mentioned', async () => {
    const seenChild = person('p1', 'Child M', null, 'Household 1', [
      { ...counts, agencyId: 'a1', seen: 2, seenAlone: 1, mentioned: 1, total: 4 },
    ]);
    const unseenMan = person('p3', 'Mr B', null, 'Household 1', [
      { ...counts, agencyId: 'a1', spokenTo: 1, mentioned: 3, total: 4 },
    ]);
    renderRegisters([registers([seenChild, unseenMan]), contacts], false, 'family');

    const table = await screen.findByRole('table', { name: /by agency and by contact/i });
    expect(
      within(table).getByRole('cell', { name: '2 seen, 1 seen alone, 1 only mentioned' }),
    ).toHaveTextContent('●2 ◉1 ○1');
    expect(
      within(table).getByRole('cell', { name: '1 spoken to, 3 only mentioned' }),
    ).toHaveTextContent('☎1 ○3');
    expect(within(table).getByRole('rowheader', { name: 'Mr B — never seen' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Child M' })).toBeInTheDocument();
    const key = screen.getByLabelText('Key to the marks');
    for (const word of ['seen', 'seen alone', 'spoken to', 'only mentioned'])
      expect(within(key).getByText(new RegExp(`^${word}$`))).toBeInTheDocument();
  });

  it('invites the first entry when the people register is empty', async () => {
    renderRegisters([registers([]), contacts], true, 'family');
    expect(
      await screen.findByRole('heading', { name: 'No one is on the people register yet' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Family network' })).not.toBeInTheDocument();
  });

  it('puts people, the family network and agencies on tabs, each at its own address, moved through with the arrow keys', async () => {
    renderRegisters([registers([childM, mother]), contacts], true, '');
    const people = await screen.findByRole('tab', { name: 'People' });
    expect(screen.getByTestId('location')).toHaveTextContent(
      `/reviews/${reviewId}/registers/people`,
    );
    expect(screen.getByRole('tablist', { name: 'Registers' })).toBeInTheDocument();
    expect(people).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'People' })).toContainElement(
      screen.getByRole('table', { name: /family members/i }),
    );
    expect(screen.queryByRole('table', { name: /agencies involved/i })).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Agencies' })).toHaveAttribute('tabindex', '-1');

    people.focus();
    await userEvent.keyboard('{ArrowRight}');
    const family = screen.getByRole('tab', { name: 'Family network and relationships' });
    expect(family).toHaveFocus();
    expect(screen.getByTestId('location')).toHaveTextContent(
      `/reviews/${reviewId}/registers/family`,
    );
    expect(family).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: 'Family network' })).toBeInTheDocument();

    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Agencies' })).toHaveFocus();
    expect(screen.getByTestId('location')).toHaveTextContent(
      `/reviews/${reviewId}/registers/agencies`,
    );
    expect(await screen.findByRole('cell', { name: 'Northmoor Police' })).toBeInTheDocument();

    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'People' })).toHaveFocus();
    expect(screen.getByTestId('location')).toHaveTextContent(
      `/reviews/${reviewId}/registers/people`,
    );
  });
});

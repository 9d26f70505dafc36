import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { ChronologyRow, ChronologyTable } from './ChronologyTable';
import { CHRONOLOGY_TABLE_UPDATE_EVENT } from './chronology-table.graphql';
import { UNDO_MS } from './use-event-actions';
import { addMock, copyMock, peopleMock, removeMocks, restoreMock } from './event-editing.mocks';

const police = { id: 'a-police', name: 'Police' };
const health = { id: 'a-health', name: 'Health visiting' };

const events: ChronologyRow[] = [
  {
    id: 'e-visit',
    occurredOn: '2014-04-03',
    precision: 'DAY',
    sortDate: '2014-04-03',
    endDate: '2014-04-03',
    timeOfDay: '10:15',
    title: 'Home visit',
    description: 'Mother anxious about housing',
    source: 'HV notes',
    version: 3,
    agency: health,
    linkedEvents: [{ id: 'e-police-visit', agency: { name: 'Police' } }],
  },
  {
    id: 'e-call',
    occurredOn: '2014-02',
    precision: 'MONTH',
    sortDate: '2014-02-01',
    endDate: '2014-02-28',
    timeOfDay: null,
    title: 'Call from neighbour',
    description: null,
    source: null,
    version: 1,
    agency: police,
  },
];

// jsdom lays nothing out: give the scrolling body a window and each row a height, and let
// scrollTo move the window, so the virtualiser behaves as in a browser.
const ROW_HEIGHT = 50;
const WINDOW_HEIGHT = 600;
const original = Object.fromEntries(
  ['clientHeight', 'offsetHeight', 'scrollHeight', 'scrollTop'].map((name) => [
    name,
    Object.getOwnPropertyDescriptor(HTMLElement.prototype, name),
  ]),
);
const originalScrollTo = Element.prototype.scrollTo;
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => WINDOW_HEIGHT,
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get: () => ROW_HEIGHT,
  });
  const contentHeight = (element: Element): number => {
    if (element.getAttribute('role') === 'row') return ROW_HEIGHT;
    const style = (element as HTMLElement).style;
    const padding = parseFloat(style.paddingTop || '0') + parseFloat(style.paddingBottom || '0');
    return Array.from(element.children).reduce((sum, child) => sum + contentHeight(child), padding);
  };
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return contentHeight(this);
    },
  });
  const scrolled = new WeakMap<Element, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return scrolled.get(this) ?? 0;
    },
    set(this: HTMLElement, top: number) {
      scrolled.set(this, top);
    },
  });
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    this.scrollTop = typeof options === 'number' ? options : (options?.top ?? 0);
    // A browser reports the scroll afterwards, not during the call.
    setTimeout(() => act(() => void this.dispatchEvent(new Event('scroll'))), 0);
  } as Element['scrollTo'];
});
afterAll(() => {
  for (const [name, descriptor] of Object.entries(original)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else Reflect.deleteProperty(HTMLElement.prototype, name);
  }
  Element.prototype.scrollTo = originalScrollTo;
});

function renderTable(
  mocks: MockedProviderProps['mocks'],
  {
    rows = events,
    canEdit = true,
    onSaved = jest.fn(),
    people = undefined as { id: string; pseudonym: string; isSubjectChild: boolean }[] | undefined,
  } = {},
) {
  render(
    <MockedProvider mocks={mocks}>
      <ChronologyTable
        reviewId="r1"
        events={rows}
        agencies={[police, health]}
        people={people}
        canEdit={canEdit}
        onSaved={onSaved}
      />
    </MockedProvider>,
  );
  return { onSaved };
}

const bodyRows = () => within(screen.getAllByRole('rowgroup')[1]).getAllByRole('row');
const rowOf = (title: string) =>
  bodyRows().find((row) => within(row).queryByText(title)) as HTMLElement;

function updateMock(
  id: string,
  expectedVersion: number,
  input: Record<string, unknown>,
  result: Partial<ChronologyRow>,
) {
  return {
    request: { query: CHRONOLOGY_TABLE_UPDATE_EVENT, variables: { id, expectedVersion, input } },
    result: {
      data: {
        updateTimelineEvent: {
          __typename: 'TimelineEvent' as const,
          linkedEvents: [],
          ...events.find((event) => event.id === id),
          ...result,
          agency: result.agency ? { __typename: 'Agency' as const, ...result.agency } : null,
        },
      },
    },
  };
}

describe('ChronologyTable', () => {
  it('shows the events in date order and sorts by a column from its header', async () => {
    const user = userEvent.setup();
    renderTable([], { canEdit: false });
    expect(screen.getByRole('table', { name: 'Chronology' })).toHaveAttribute('aria-rowcount', '3');
    expect(screen.getByText('2 of 2 events')).toBeInTheDocument();
    expect(bodyRows().map((row) => row.textContent)).toEqual([
      'Feb 2014PoliceCall from neighbour—Not recorded',
      '3 Apr 201410:15Health visitingHome visitMother anxious about housingAlso recorded by PoliceHV notes',
    ]);
    expect(screen.getByRole('columnheader', { name: /Record reference/ })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /^Source/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /Date/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(screen.getByRole('button', { name: /Agency/ }));
    expect(screen.getByRole('columnheader', { name: /Agency/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByRole('columnheader', { name: /Date/ })).not.toHaveAttribute('aria-sort');
    expect(within(bodyRows()[0]).getByText('Health visiting')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Agency/ }));
    expect(screen.getByRole('columnheader', { name: /Agency/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(within(bodyRows()[0]).getByText('Police')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
  });

  it('filters by words and by agency, saying how many are shown', async () => {
    const user = userEvent.setup();
    renderTable([]);
    await user.type(screen.getByLabelText('Words in the entry or source'), 'housing');
    expect(await screen.findByText('1 of 2 events')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(1);
    await user.clear(screen.getByLabelText('Words in the entry or source'));
    await user.selectOptions(screen.getByLabelText('Agency'), 'Police');
    expect(await screen.findByText('1 of 2 events')).toBeInTheDocument();
    expect(within(bodyRows()[0]).getByText('Call from neighbour')).toBeInTheDocument();
  });

  it('edits a row in place, saves it with Enter, and undoes the change', async () => {
    const user = userEvent.setup();
    const mocks = [
      updateMock(
        'e-visit',
        3,
        {
          occurredOn: '2014-04',
          precision: 'APPROXIMATE',
          timeOfDay: '10:15',
          agencyId: 'a-police',
          title: 'Joint home visit',
          description: 'Mother anxious about housing',
          source: 'HV notes',
        },
        {
          occurredOn: '2014-04',
          precision: 'APPROXIMATE',
          title: 'Joint home visit',
          agency: police,
          version: 4,
        },
      ),
      updateMock(
        'e-visit',
        4,
        {
          occurredOn: '2014-04-03',
          precision: 'DAY',
          timeOfDay: '10:15',
          agencyId: 'a-health',
          title: 'Home visit',
          description: 'Mother anxious about housing',
          source: 'HV notes',
        },
        {},
      ),
    ];
    const { onSaved } = renderTable(mocks);
    act(() => rowOf('Home visit').focus());
    await user.keyboard('{Enter}');

    const date = screen.getByLabelText('Date');
    expect(date).toHaveFocus();
    await user.clear(date);
    await user.type(date, '2014-04');
    await user.click(screen.getByLabelText('Approximate'));
    await user.selectOptions(
      screen.getByLabelText('Agency', { selector: 'select[id$="agencyId"]' }),
      'Police',
    );
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Joint home visit{Enter}');

    expect(await screen.findByText(/Saved “Joint home visit”/)).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('Change undone: “Home visit” is as it was.'),
    ).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it('chooses the contact with each person, offering seen alone for the child', async () => {
    const user = userEvent.setup();
    const withPeople: ChronologyRow[] = [
      {
        ...events[1],
        peopleContacts: [{ contact: 'MENTIONED', person: { id: 'p-partner' } }],
      },
    ];
    const people = [
      { id: 'p-child', pseudonym: 'Child M', isSubjectChild: true },
      { id: 'p-mother', pseudonym: 'Mother', isSubjectChild: false },
      { id: 'p-partner', pseudonym: 'Mr B', isSubjectChild: false },
    ];
    const mocks = [
      updateMock(
        'e-call',
        1,
        {
          occurredOn: '2014-02',
          precision: null,
          timeOfDay: null,
          agencyId: 'a-police',
          title: 'Call from neighbour',
          description: null,
          source: null,
          personContacts: [
            { personId: 'p-partner', contact: 'MENTIONED' },
            { personId: 'p-child', contact: 'SEEN_ALONE' },
            { personId: 'p-mother', contact: 'SPOKEN_TO' },
          ],
        },
        { version: 2 },
      ),
    ];
    renderTable(mocks, { rows: withPeople, people });
    act(() => rowOf('Call from neighbour').focus());
    await user.keyboard('{Enter}');

    const picker = screen.getByRole('group', { name: 'People and contact' });
    expect(within(picker).getByLabelText('Mr B')).toHaveValue('MENTIONED');
    expect(
      within(within(picker).getByLabelText('Mother')).queryByRole('option', {
        name: 'Seen alone',
      }),
    ).not.toBeInTheDocument();
    await user.selectOptions(within(picker).getByLabelText('Child M'), 'Seen alone');
    await user.selectOptions(
      within(picker).getByLabelText('Mother'),
      'Spoken to (phone or message)',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Saved “Call from neighbour”/)).toBeInTheDocument();
  });

  it('cancels an edit with Escape, leaving the row as it was', async () => {
    const user = userEvent.setup();
    const { onSaved } = renderTable([]);
    await user.dblClick(within(rowOf('Call from neighbour')).getByText('Call from neighbour'));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveFocus();
    await user.type(title, ' (second call)');
    await user.keyboard('{Escape}');

    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();
    expect(rowOf('Call from neighbour')).toHaveFocus();
    expect(screen.queryByText(/second call/)).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal in the row and keeps what was typed', async () => {
    const user = userEvent.setup();
    const refused = {
      request: {
        query: CHRONOLOGY_TABLE_UPDATE_EVENT,
        variables: {
          id: 'e-call',
          expectedVersion: 1,
          input: {
            occurredOn: '2014-02',
            precision: null,
            timeOfDay: null,
            agencyId: 'a-police',
            title: 'Call from neighbour',
            description: null,
            source: 'Police log 4471',
          },
        },
      },
      result: { errors: [new GraphQLError('You may only read this review')] },
    };
    const { onSaved } = renderTable([refused]);
    await user.click(screen.getByRole('button', { name: 'Edit “Call from neighbour”' }));
    await user.type(screen.getByLabelText('Record reference'), 'Police log 4471');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('You may only read this review');
    expect(screen.getByLabelText('Record reference')).toHaveValue('Police log 4471');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the version it read, and on a conflict says so and saves again over their version', async () => {
    const user = userEvent.setup();
    const input = {
      occurredOn: '2014-02',
      precision: null,
      timeOfDay: null,
      agencyId: 'a-police',
      title: 'Call from the neighbour',
      description: null,
      source: null,
    };
    const stale = {
      request: {
        query: CHRONOLOGY_TABLE_UPDATE_EVENT,
        variables: { id: 'e-call', expectedVersion: 1, input },
      },
      result: {
        errors: [
          new GraphQLError('Someone else saved this event first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: { id: 'e-call', title: 'Neighbour phoned police', version: 2 },
            },
          }),
        ],
      },
    };
    const { onSaved } = renderTable([
      stale,
      updateMock('e-call', 2, input, { title: 'Call from the neighbour', version: 3 }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Edit “Call from neighbour”' }));
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Call from the neighbour');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else saved this entry while you were editing, so your change was not saved. It now reads “Neighbour phoned police”.',
    );
    expect(screen.getByLabelText('Title')).toHaveValue('Call from the neighbour');
    expect(onSaved).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Saved “Call from the neighbour”/)).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it('says what to correct before sending a date it cannot read', async () => {
    const user = userEvent.setup();
    renderTable([]);
    await user.click(screen.getByRole('button', { name: 'Edit “Home visit”' }));
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2014-02-30');
    await user.click(screen.getByLabelText('Title'));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '"2014-02-30" is not a day of the calendar.',
    );
    expect(date).toHaveValue('2014-02-30');
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveFocus();
  });

  it('keeps 5,000 rows out of the page but the window, and moves through them by keyboard', async () => {
    const user = userEvent.setup();
    const many: ChronologyRow[] = Array.from({ length: 5000 }, (_, i) => {
      const day = new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10);
      return {
        id: `e${i}`,
        version: 1,
        occurredOn: day,
        precision: 'DAY',
        sortDate: day,
        endDate: day,
        title: `Event ${i + 1}`,
      };
    });
    renderTable([], { rows: many });
    expect(screen.getByText('5,000 of 5,000 events')).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '5001');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '2');

    act(() => rendered[0].focus());
    await user.keyboard('{ArrowDown}');
    expect(rowOf('Event 2')).toHaveFocus();
    await user.keyboard('{End}');
    expect(await screen.findByText('Event 5000')).toBeInTheDocument();
    expect(rowOf('Event 5000')).toHaveFocus();
    expect(rowOf('Event 5000')).toHaveAttribute('aria-rowindex', '5001');
    expect(bodyRows().length).toBeLessThan(40);
    await user.keyboard('{Home}');
    expect(rowOf('Event 1')).toHaveFocus();
  });

  it('adds an event by hand from a form with a UK date, its people and its source', async () => {
    const user = userEvent.setup();
    const input = {
      occurredOn: '2014-05-07',
      precision: 'DAY',
      timeOfDay: null,
      agencyId: 'a-police',
      title: 'Welfare check',
      description: 'Officers saw the child',
      personIds: ['p-child'],
      source: 'Police log 77',
    };
    const { onSaved } = renderTable([peopleMock(), addMock(input, police)]);
    await user.click(screen.getByRole('button', { name: 'Add an event' }));
    const dialog = screen.getByRole('dialog', { name: 'Add an event' });
    const date = within(dialog).getByLabelText('Date');
    expect(date).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Add the event' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Give the date, such as 03/04/2014, 04/2014 or 2014.',
    );
    expect(date).toHaveAttribute('aria-invalid', 'true');
    await user.type(date, '07/05/2014');
    expect(within(dialog).getByText(/Read as 7 May 2014 \(a day\)/)).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Agency'), 'Police');
    await user.type(within(dialog).getByLabelText('Title'), 'Welfare check');
    await user.click(within(dialog).getByLabelText('Description'));
    await user.paste('Officers saw the child');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Child A' }));
    await user.type(within(dialog).getByLabelText('Record reference'), 'Police log 77');
    await user.click(within(dialog).getByRole('button', { name: 'Add the event' }));
    expect(await screen.findByText('Added “Welfare check”.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSaved).toHaveBeenCalled();
  });

  it('duplicates a row into the form, its people ticked, and adds the copy', async () => {
    const user = userEvent.setup();
    const input = {
      occurredOn: '2014-04-10',
      precision: 'DAY',
      timeOfDay: '10:15',
      agencyId: 'a-health',
      title: 'Home visit',
      description: 'Mother anxious about housing',
      personIds: ['p-mother'],
      source: 'HV notes',
    };
    const { onSaved } = renderTable([
      peopleMock(),
      copyMock('e-visit', ['p-mother']),
      addMock(input, health),
    ]);
    await user.click(screen.getByRole('button', { name: 'Duplicate “Home visit”' }));
    const dialog = screen.getByRole('dialog', { name: 'Duplicate “Home visit”' });
    expect(within(dialog).getByLabelText('Date')).toHaveValue('03/04/2014');
    expect(within(dialog).getByLabelText('Agency')).toHaveValue('a-health');
    expect(within(dialog).getByLabelText('Title')).toHaveValue('Home visit');
    expect(within(dialog).getByLabelText('Record reference')).toHaveValue('HV notes');
    expect(await within(dialog).findByRole('checkbox', { name: 'Mother' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Child A' })).not.toBeChecked();
    await user.clear(within(dialog).getByLabelText('Date'));
    await user.type(within(dialog).getByLabelText('Date'), '10/04/2014');
    await user.click(within(dialog).getByRole('button', { name: 'Add the event' }));
    expect(await screen.findByText('Added “Home visit”.')).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalled();
  });

  it('deletes a row after saying what it takes with it, and brings it back with Undo', async () => {
    const user = userEvent.setup();
    const { onSaved } = renderTable([
      ...removeMocks('e-call', ['1 key practice episode will lose linked events']),
      restoreMock(
        'e-call',
        { occurredOn: '2014-02', precision: 'MONTH', title: 'Call from neighbour' },
        police,
      ),
    ]);
    await user.click(
      screen.getByRole('button', { name: 'Delete the event “Call from neighbour”' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Remove the event “Call from neighbour”?',
    });
    expect(dialog).toHaveTextContent('1 key practice episode will lose linked events');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/Deleted “Call from neighbour”/)).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('“Call from neighbour” is back, with its links.'),
    ).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it('no longer offers Undo once its time has passed', async () => {
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      renderTable(removeMocks('e-call', []));
      await user.click(
        screen.getByRole('button', { name: 'Delete the event “Call from neighbour”' }),
      );
      await user.click(await screen.findByRole('button', { name: 'Remove' }));
      expect(await screen.findByRole('button', { name: 'Undo' })).toBeInTheDocument();
      act(() => jest.advanceTimersByTime(UNDO_MS + 100));
      expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows compact rows, one expanded on demand or all at once', async () => {
    const user = userEvent.setup();
    const long =
      'Mother anxious about housing; the landlord has served notice and she fears the family will be split up between relatives.';
    renderTable([], {
      rows: events.map((event) =>
        event.id === 'e-call'
          ? { ...event, description: 'Noise at night' }
          : { ...event, description: long },
      ),
    });
    const description = () => screen.getByText(long);
    expect(description()).toHaveClass('chronology-table__description--clamped');
    // A short description has nothing more to show.
    expect(
      screen.queryByRole('button', { name: /of “Call from neighbour”/ }),
    ).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show all of “Home visit”' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(description()).not.toHaveClass('chronology-table__description--clamped');
    expect(screen.getByRole('button', { name: 'Show less of “Home visit”' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Show less of “Home visit”' }));
    expect(description()).toHaveClass('chronology-table__description--clamped');
    await user.click(screen.getByRole('button', { name: 'Expand all rows' }));
    expect(description()).not.toHaveClass('chronology-table__description--clamped');
    expect(screen.getByText('Noise at night')).not.toHaveClass(
      'chronology-table__description--clamped',
    );
    await user.click(screen.getByRole('button', { name: 'Collapse all rows' }));
    expect(description()).toHaveClass('chronology-table__description--clamped');
  });

  it('fills the height of the browser window below it, not a fixed 48rem box', () => {
    const innerHeight = window.innerHeight;
    window.innerHeight = 1200;
    try {
      const many: ChronologyRow[] = Array.from({ length: 60 }, (_, i) => ({
        id: `e${i}`,
        version: 1,
        occurredOn: '2014-01-01',
        precision: 'DAY',
        sortDate: '2014-01-01',
        endDate: '2014-01-01',
        title: `Event ${i + 1}`,
      }));
      renderTable([], { rows: many });
      // jsdom puts the table at the top of the page: all but a margin of 24px is the table's.
      expect(screen.getByRole('table').style.height).toBe('calc(1176px)');
    } finally {
      window.innerHeight = innerHeight;
    }
  });
});

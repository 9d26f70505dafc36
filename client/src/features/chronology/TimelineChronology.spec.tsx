import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { CHRONOLOGY_CREATE_EPISODE } from './chronology.graphql';
import { addMock, copyMock, peopleMock, removeMocks, restoreMock } from './event-editing.mocks';
import { ChronologyEvent } from './timeline-loading';
import { TimelineChronology } from './TimelineChronology';

const POLICE = { __typename: 'Agency' as const, id: 'a-police', name: 'Moorshire Police' };
const HEALTH = { __typename: 'Agency' as const, id: 'a-health', name: 'Northmoor Health' };

function event(
  id: string,
  occurredOn: string,
  precision: ChronologyEvent['precision'],
  agency: typeof POLICE | null,
  title: string,
  sortDate = occurredOn,
  endDate = occurredOn,
): ChronologyEvent {
  return {
    id,
    occurredOn,
    precision,
    sortDate,
    endDate,
    timeOfDay: null,
    title,
    description: `${title}, in detail`,
    source: 'Case records',
    version: 1,
    agency,
    linkedEvents: [],
    peopleContacts: [],
  };
}

const EVENTS = [
  event('e1', '2022-03', 'MONTH', HEALTH, 'Health visitor contacts', '2022-03-01', '2022-03-31'),
  event('e2', '2022-04-14', 'DAY', POLICE, 'Domestic abuse incident'),
  event('e3', '2022-06-01', 'DAY', null, 'Strategy discussion'),
];

const createEpisode = {
  request: {
    query: CHRONOLOGY_CREATE_EPISODE,
    variables: {
      reviewId: 'r1',
      input: {
        title: 'The first incident',
        startDate: '2022-04-01',
        endDate: '2022-06-30',
        eventIds: ['e2', 'e3'],
      },
    },
  },
  result: {
    data: {
      createEpisode: {
        __typename: 'PracticeEpisode' as const,
        id: 'kpe-9',
        ordinal: 2,
        title: 'The first incident',
        startDate: '2022-04-01',
        endDate: '2022-06-30',
      },
    },
  },
};

function renderTimeline(
  canEdit = true,
  mocks: MockedProviderProps['mocks'] = [],
  onChanged: () => void = jest.fn(),
  events = EVENTS,
) {
  return render(
    <MockedProvider mocks={[createEpisode, ...(mocks ?? [])]}>
      <MemoryRouter initialEntries={['/reviews/r1/chronology']}>
        <Routes>
          <Route
            path="/reviews/r1/chronology"
            element={
              <TimelineChronology
                reviewId="r1"
                events={events}
                agencies={[POLICE, HEALTH]}
                episodes={[
                  {
                    id: 'kpe-1',
                    ordinal: 1,
                    title: 'Mother’s low mood',
                    startDate: '2022-03-01',
                    endDate: '2022-03-31',
                  },
                ]}
                canEdit={canEdit}
                onChanged={onChanged}
              />
            }
          />
          <Route path="/reviews/r1/episodes/:id" element={<h1>Episode opened</h1>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

beforeAll(() => {
  // jsdom draws nothing; the marks are painted on a canvas, which it lacks.
  HTMLCanvasElement.prototype.getContext = () => null;
});

describe('TimelineChronology', () => {
  it('shows a lane per agency, an Unattributed lane, and the episode as a link', () => {
    renderTimeline();
    const lanes = within(screen.getByRole('list', { name: 'Lanes' })).getAllByRole('listitem');
    expect(lanes.map((lane) => lane.textContent)).toEqual([
      'Moorshire Police1 event',
      'Northmoor Health1 event',
      'Unattributed1 event',
    ]);
    expect(
      screen.getByRole('link', {
        name: 'KPE 1 Mother’s low mood, 1 Mar 2022 to 31 Mar 2022',
      }),
    ).toHaveAttribute('href', '/reviews/r1/episodes/kpe-1');
  });

  it('moves through the events in date order with the keyboard and announces each', async () => {
    renderTimeline();
    const timeline = screen.getByRole('application');
    act(() => timeline.focus());
    const status = () => document.querySelector('.timeline__announcer')!.textContent;
    expect(status()).toBe('Mar 2022, Northmoor Health: Health visitor contacts. Event 1 of 3.');
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    expect(status()).toBe('14 Apr 2022, Moorshire Police: Domestic abuse incident. Event 2 of 3.');
    fireEvent.keyDown(timeline, { key: 'ArrowDown' });
    expect(status()).toBe('Mar 2022, Northmoor Health: Health visitor contacts. Event 1 of 3.');
    fireEvent.keyDown(timeline, { key: 'End' });
    fireEvent.keyDown(timeline, { key: 'Enter' });
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(details).toHaveTextContent('1 Jun 2022 (dated to the day) · Unattributed');
    expect(details).toHaveTextContent('Strategy discussion, in detail');
    expect(details).toHaveTextContent('Record reference: Case records');
  });

  it('selects a typed period and makes a key practice episode of its events', async () => {
    const user = userEvent.setup();
    renderTimeline();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-04-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-06-30' } });
    expect(screen.getByText('2 events selected, 1 Apr 2022 to 30 Jun 2022')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Make a key practice episode from these' }),
    );
    await user.type(screen.getByLabelText('Title of the episode'), 'The first incident');
    await user.click(screen.getByRole('button', { name: 'Make the episode' }));
    expect(await screen.findByRole('heading', { name: 'Episode opened' })).toBeInTheDocument();
  });

  it('takes only events dated wholly inside the period, and offers those partly inside to add', async () => {
    const user = userEvent.setup();
    const yearOnly = event(
      'e4',
      '2022',
      'YEAR',
      POLICE,
      'Father’s conviction',
      '2022-01-01',
      '2022-12-31',
    );
    const mayToJuly = event(
      'e5',
      '2022-05',
      'APPROXIMATE',
      null,
      'Moved in',
      '2022-04-01',
      '2022-07-31',
    );
    const withYear = {
      ...createEpisode,
      request: {
        ...createEpisode.request,
        variables: {
          ...createEpisode.request.variables,
          input: { ...createEpisode.request.variables.input, eventIds: ['e2', 'e3', 'e4'] },
        },
      },
    };
    renderTimeline(true, [withYear], jest.fn(), [...EVENTS, yearOnly, mayToJuly]);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-04-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-06-30' } });
    expect(
      screen.getByText(
        '2 events selected, 1 Apr 2022 to 30 Jun 2022; 2 more only partly inside it',
      ),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Make a key practice episode from these' }),
    );
    const dialog = screen.getByRole('dialog');
    const partial = within(dialog).getByRole('group', {
      name: 'Dated only in part to this period',
    });
    const boxes = within(partial).getAllByRole('checkbox');
    expect(boxes.map((box) => box.closest('label')!.textContent)).toEqual([
      ' 2022, Moorshire Police: Father’s conviction',
      ' c. May 2022, Unattributed: Moved in',
    ]);
    expect(within(dialog).getByText(/^2 events,/)).toBeInTheDocument();
    await user.click(boxes[0]);
    expect(within(dialog).getByText(/^3 events,/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Title of the episode'), 'The first incident');
    await user.click(screen.getByRole('button', { name: 'Make the episode' }));
    expect(await screen.findByRole('heading', { name: 'Episode opened' })).toBeInTheDocument();
  });

  it('offers no episode to a reader who may not edit', () => {
    renderTimeline(false);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-12-31' } });
    expect(screen.getByText(/^3 events selected/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Make a key practice episode from these' }),
    ).not.toBeInTheDocument();
  });

  it('adds an event by hand', async () => {
    const user = userEvent.setup();
    const onChanged = jest.fn();
    const input = {
      occurredOn: '2022-05',
      precision: 'APPROXIMATE',
      timeOfDay: null,
      agencyId: null,
      title: 'Mother moved to her sister’s',
      description: null,
      personIds: [],
      source: 'Conversation with the family',
    };
    renderTimeline(true, [peopleMock(), addMock(input, null)], onChanged);
    await user.click(screen.getByRole('button', { name: 'Add an event' }));
    const dialog = screen.getByRole('dialog', { name: 'Add an event' });
    await user.type(within(dialog).getByLabelText('Date'), '05/2022');
    await user.click(within(dialog).getByRole('radio', { name: 'Approximate' }));
    expect(within(dialog).getByText(/Read as c\. May 2022 \(approximate\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Title'));
    await user.paste('Mother moved to her sister’s');
    await user.click(within(dialog).getByLabelText('Record reference'));
    await user.paste('Conversation with the family');
    await user.click(within(dialog).getByRole('button', { name: 'Add the event' }));
    expect(await screen.findByText('Added “Mother moved to her sister’s”.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('duplicates an event of the selected period from the form prefilled with it', async () => {
    const user = userEvent.setup();
    const onChanged = jest.fn();
    const input = {
      occurredOn: '2022-04-15',
      precision: 'DAY',
      timeOfDay: null,
      agencyId: 'a-police',
      title: 'Domestic abuse incident',
      description: 'Domestic abuse incident, in detail',
      personIds: ['p-child', 'p-mother'],
      source: 'Case records',
    };
    renderTimeline(
      true,
      [peopleMock(), copyMock('e2', ['p-child', 'p-mother']), addMock(input, POLICE)],
      onChanged,
    );
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-04-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-04-30' } });
    const listed = screen.getByRole('list', { name: 'The selected events' });
    expect(
      within(listed)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['14 Apr 2022, Moorshire Police: Domestic abuse incident']);
    await user.click(
      within(listed).getByRole('button', { name: 'Duplicate “Domestic abuse incident”' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Duplicate “Domestic abuse incident”' });
    expect(within(dialog).getByLabelText('Date')).toHaveValue('14/04/2022');
    expect(within(dialog).getByLabelText('Agency')).toHaveValue('a-police');
    expect(await within(dialog).findByRole('checkbox', { name: 'Child A' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Mother' })).toBeChecked();
    await user.clear(within(dialog).getByLabelText('Date'));
    await user.type(within(dialog).getByLabelText('Date'), '15 April 2022');
    await user.click(within(dialog).getByRole('button', { name: 'Add the event' }));
    expect(await screen.findByText('Added “Domestic abuse incident”.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('deletes an event of the selected period once confirmed, and undoes the deletion', async () => {
    const user = userEvent.setup();
    const onChanged = jest.fn();
    renderTimeline(
      true,
      [
        ...removeMocks('e3', ['1 finding will lose evidence']),
        restoreMock(
          'e3',
          { occurredOn: '2022-06-01', precision: 'DAY', title: 'Strategy discussion' },
          null,
        ),
      ],
      onChanged,
    );
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-06-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-06-30' } });
    await user.click(
      screen.getByRole('button', { name: 'Delete the event “Strategy discussion”' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Remove the event “Strategy discussion”?',
    });
    expect(dialog).toHaveTextContent('1 finding will lose evidence');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText(/Deleted “Strategy discussion”/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('“Strategy discussion” is back, with its links.'),
    ).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('offers no adding, duplicating or deleting to a reader who may not edit', () => {
    renderTimeline(false);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-12-31' } });
    expect(screen.queryByRole('button', { name: 'Add an event' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Duplicate/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });
});

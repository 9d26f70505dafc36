import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { CHRONOLOGY_CREATE_EPISODE } from './chronology.graphql';
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

function renderTimeline(canEdit = true) {
  return render(
    <MockedProvider mocks={[createEpisode]}>
      <MemoryRouter initialEntries={['/reviews/r1/chronology']}>
        <Routes>
          <Route
            path="/reviews/r1/chronology"
            element={
              <TimelineChronology
                reviewId="r1"
                events={EVENTS}
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
    expect(details).toHaveTextContent('Source: Case records');
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

  it('offers no episode to a reader who may not edit', () => {
    renderTimeline(false);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2022-12-31' } });
    expect(screen.getByText(/^3 events selected/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Make a key practice episode from these' }),
    ).not.toBeInTheDocument();
  });
});

import { filterEvents, NO_EVENT_FILTER } from './finding-event-filter';

const police = { id: 'police', name: 'Northmoor Police' };
const health = { id: 'health', name: 'Health visiting' };
const events = [
  {
    id: 'e1',
    title: 'DASH risk assessment graded standard',
    description: 'Mother declined questions',
    sortDate: '2022-04-02',
    endDate: '2022-04-02',
    agency: police,
  },
  {
    id: 'e2',
    title: 'Health visitor telephones the MASH',
    description: null,
    sortDate: '2022-04-25',
    endDate: '2022-04-25',
    agency: health,
  },
  {
    id: 'e3',
    title: 'Missed appointment',
    description: 'Child not brought',
    sortDate: '2022-05-01',
    endDate: '2022-05-31',
    agency: health,
  },
];
const ids = (found: { id: string }[]) => found.map((event) => event.id);

describe('filterEvents', () => {
  it('keeps everything when nothing is asked for', () => {
    expect(ids(filterEvents(events, NO_EVENT_FILTER))).toEqual(['e1', 'e2', 'e3']);
  });

  it('needs every word, in the title, description or agency, whatever the case', () => {
    expect(ids(filterEvents(events, { ...NO_EVENT_FILTER, text: 'mother DASH' }))).toEqual(['e1']);
    expect(ids(filterEvents(events, { ...NO_EVENT_FILTER, text: 'northmoor' }))).toEqual(['e1']);
  });

  it('keeps one agency’s events', () => {
    expect(ids(filterEvents(events, { ...NO_EVENT_FILTER, agencyId: 'health' }))).toEqual([
      'e2',
      'e3',
    ]);
  });

  it('keeps events that overlap the period, including a month that reaches into it', () => {
    expect(
      ids(filterEvents(events, { ...NO_EVENT_FILTER, from: '2022-04-10', to: '2022-05-10' })),
    ).toEqual(['e2', 'e3']);
    expect(ids(filterEvents(events, { ...NO_EVENT_FILTER, to: '2022-04-24' }))).toEqual(['e1']);
  });
});

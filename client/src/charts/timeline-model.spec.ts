import {
  assignLanes,
  buildTimelineModel,
  DAY_MS,
  eventsInPeriod,
  extentOf,
  hitTest,
  packRow,
  partitionByPeriod,
  stepInDateOrder,
  stepLane,
  TimelineItem,
  UNATTRIBUTED,
} from './timeline-model';

const POLICE = { id: 'p', name: 'Police' };
const HEALTH = { id: 'h', name: 'Health' };
const SCHOOL = { id: 's', name: 'School' };

function item(
  id: string,
  occurredOn: string,
  precision: TimelineItem['precision'],
  agency: { id: string; name: string } | null,
  sortDate = occurredOn,
  endDate = occurredOn,
): TimelineItem {
  return { id, occurredOn, precision, sortDate, endDate, title: `Event ${id}`, agency };
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('assignLanes', () => {
  it('gives each agency a lane in the order given, and events without one an Unattributed lane last', () => {
    const items = [item('1', '2022-01-01', 'DAY', HEALTH), item('2', '2022-01-02', 'DAY', null)];
    const { lanes, laneOf } = assignLanes(items, [POLICE, HEALTH]);
    expect(lanes).toEqual([
      { agencyId: 'p', name: 'Police' },
      { agencyId: 'h', name: 'Health' },
      { agencyId: null, name: UNATTRIBUTED },
    ]);
    expect(laneOf).toEqual([1, 2]);
  });

  it('adds a lane for an agency only the events name, and no Unattributed lane when all have one', () => {
    const { lanes, laneOf } = assignLanes([item('1', '2022-01-01', 'DAY', SCHOOL)], [POLICE]);
    expect(lanes.map((lane) => lane.name)).toEqual(['Police', 'School']);
    expect(laneOf).toEqual([1]);
  });
});

describe('extentOf', () => {
  it('places a day at its midday, as a point', () => {
    expect(extentOf(item('1', '2022-04-03', 'DAY', null))).toEqual({
      point: true,
      fuzzy: false,
      start: utc(2022, 4, 3) + DAY_MS / 2,
      end: utc(2022, 4, 3) + DAY_MS / 2,
      drawStart: utc(2022, 4, 3) + DAY_MS / 2,
      drawEnd: utc(2022, 4, 3) + DAY_MS / 2,
    });
  });

  it('spans a month and a year from their first day to the end of their last', () => {
    const month = extentOf(item('1', '2022-02', 'MONTH', null, '2022-02-01', '2022-02-28'));
    expect([month.point, month.start, month.end]).toEqual([
      false,
      utc(2022, 2, 1),
      utc(2022, 3, 1),
    ]);
    const year = extentOf(item('2', '2020', 'YEAR', null, '2020-01-01', '2020-12-31'));
    expect([year.start, year.end, year.drawStart, year.drawEnd]).toEqual([
      utc(2020, 1, 1),
      utc(2021, 1, 1),
      utc(2020, 1, 1),
      utc(2021, 1, 1),
    ]);
  });

  it('widens an approximate date by a quarter of its span, and at least a fortnight, for its faded edges', () => {
    const year = extentOf(item('1', '2021', 'APPROXIMATE', null, '2021-01-01', '2021-12-31'));
    expect(year.fuzzy).toBe(true);
    expect(year.drawStart).toBe(utc(2021, 1, 1) - (365 * DAY_MS) / 4);
    expect(year.drawEnd).toBe(utc(2022, 1, 1) + (365 * DAY_MS) / 4);
    const day = extentOf(item('2', '2021-06-10', 'APPROXIMATE', null));
    expect([day.start, day.end]).toEqual([utc(2021, 6, 10), utc(2021, 6, 11)]);
    expect(day.drawStart).toBe(utc(2021, 6, 10) - 14 * DAY_MS);
    expect(day.drawEnd).toBe(utc(2021, 6, 11) + 14 * DAY_MS);
  });
});

describe('packRow', () => {
  it('puts a bar in the first row that is free by its start, else in the row that ends soonest', () => {
    const rows = [-Infinity, -Infinity, -Infinity];
    expect(packRow(rows, 0, 10)).toBe(1);
    expect(packRow(rows, 5, 20)).toBe(2);
    expect(packRow(rows, 10, 12)).toBe(1);
    expect(packRow(rows, 11, 30)).toBe(3);
    expect(packRow(rows, 11, 40)).toBe(1);
    expect(rows).toEqual([40, 20, 30]);
  });
});

describe('keyboard order', () => {
  // In date order, as the server sends them: lanes Police 0, Health 1, School 2.
  const model = buildTimelineModel(
    [
      item('a', '2022-01-05', 'DAY', POLICE),
      item('b', '2022-02-01', 'DAY', HEALTH),
      item('c', '2022-03', 'MONTH', SCHOOL, '2022-03-01', '2022-03-31'),
      item('d', '2022-03-20', 'DAY', POLICE),
      item('e', '2022-06-01', 'DAY', SCHOOL),
    ],
    [POLICE, HEALTH, SCHOOL],
  );
  const id = (index: number | null) => (index === null ? null : model.items[index].id);

  it('moves left and right through the whole chronology in date order, stopping at either end', () => {
    expect(id(stepInDateOrder(model, null, 1))).toBe('a');
    expect(id(stepInDateOrder(model, null, -1))).toBe('e');
    expect(id(stepInDateOrder(model, 1, 1))).toBe('c');
    expect(id(stepInDateOrder(model, 4, 1))).toBe('e');
    expect(id(stepInDateOrder(model, 0, -1))).toBe('a');
  });

  it('moves up and down to the event of the next lane nearest in time, skipping empty lanes', () => {
    expect(id(stepLane(model, 3, 1))).toBe('b');
    expect(id(stepLane(model, 1, 1))).toBe('c');
    expect(id(stepLane(model, 4, -1))).toBe('b');
    expect(id(stepLane(model, 2, -1))).toBe('b');
    expect(id(stepLane(model, 0, -1))).toBe('a');
    const gap = buildTimelineModel(
      [item('x', '2022-01-01', 'DAY', POLICE), item('y', '2022-01-02', 'DAY', SCHOOL)],
      [POLICE, HEALTH, SCHOOL],
    );
    expect(gap.items[stepLane(gap, 0, 1)!].id).toBe('y');
  });
});

describe('selecting a period', () => {
  const events = [
    item('before', '2022-02-28', 'DAY', POLICE),
    item('first-day', '2022-03-01', 'DAY', POLICE),
    item('month', '2022-02', 'MONTH', HEALTH, '2022-02-01', '2022-02-28'),
    item('overlapping-year', '2022', 'YEAR', HEALTH, '2022-01-01', '2022-12-31'),
    item('last-day', '2022-03-31', 'DAY', null),
    item('after', '2022-04-01', 'DAY', null),
  ];
  const march: [number, number] = [utc(2022, 3, 1), utc(2022, 4, 1)];

  it('takes the days inside it and the spans that overlap it, not those that only touch it', () => {
    const model = buildTimelineModel(events, [POLICE, HEALTH]);
    expect(eventsInPeriod(model, ...march).map((i) => model.items[i].id)).toEqual([
      'first-day',
      'overlapping-year',
      'last-day',
    ]);
  });

  it('selects only the events whose whole date lies inside it, and sets apart those that overlap it', () => {
    const more = [
      ...events,
      item('march', '2022-03', 'MONTH', HEALTH, '2022-03-01', '2022-03-31'),
      item('roughly-spring', '2022-03', 'APPROXIMATE', HEALTH, '2022-03-01', '2022-05-31'),
    ];
    const { inside, partial } = partitionByPeriod(more, ...march);
    expect(inside.map((e) => e.id)).toEqual(['first-day', 'last-day', 'march']);
    expect(partial.map((e) => e.id)).toEqual(['overlapping-year', 'roughly-spring']);
    const wholeYear = partitionByPeriod(more, utc(2022, 1, 1), utc(2023, 1, 1));
    expect(wholeYear.inside.map((e) => e.id)).toContain('overlapping-year');
    expect(wholeYear.partial).toEqual([]);
  });
});

describe('hitTest', () => {
  const model = buildTimelineModel(
    [
      item('a', '2022-01-01', 'DAY', POLICE),
      item('b', '2022-01-03', 'DAY', POLICE),
      item('m', '2022-01', 'MONTH', POLICE, '2022-01-01', '2022-01-31'),
    ],
    [POLICE],
  );
  it('finds the nearest mark in the row under the pointer, within the tolerance', () => {
    const near = (index: number | null) => (index === null ? null : model.items[index].id);
    expect(near(hitTest(model, 0, 0, utc(2022, 1, 2) + DAY_MS, DAY_MS))).toBe('b');
    expect(near(hitTest(model, 0, 0, utc(2022, 1, 10), DAY_MS))).toBeNull();
    expect(near(hitTest(model, 0, 1, utc(2022, 1, 10), DAY_MS))).toBe('m');
    expect(near(hitTest(model, 0, 2, utc(2022, 1, 10), DAY_MS))).toBeNull();
  });
});

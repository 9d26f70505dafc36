import { scaleUtc } from 'd3-scale';
import { axisTicks, NARROWEST_DOMAIN_MS, tickLabels, timelineDomain } from './timeline-axis';

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d));
const DAY_MS = 86_400_000;

function view(from: number, to: number, width = 1000) {
  return scaleUtc()
    .domain([new Date(from), new Date(to)])
    .range([0, width]);
}

describe('tickLabels', () => {
  it('writes years, and months with the year on the first and at each new year', () => {
    expect(tickLabels([utc(2021, 1), utc(2022, 1), utc(2023, 1)])).toEqual([
      '2021',
      '2022',
      '2023',
    ]);
    expect(tickLabels([utc(2022, 10), utc(2022, 11), utc(2022, 12), utc(2023, 1)])).toEqual([
      'Oct 2022',
      'Nov',
      'Dec',
      '2023',
    ]);
  });

  it('keeps the year at day zoom: on the first tick and at a new year, the 1 January as a day', () => {
    expect(tickLabels([utc(2023, 6, 3), utc(2023, 6, 4), utc(2023, 6, 5)])).toEqual([
      '3 Jun 2023',
      '4 Jun',
      '5 Jun',
    ]);
    expect(tickLabels([utc(2023, 12, 30), utc(2023, 12, 31), utc(2024, 1, 1)])).toEqual([
      '30 Dec 2023',
      '31 Dec',
      '1 Jan 2024',
    ]);
    expect(tickLabels([utc(2023, 6, 29), utc(2023, 7, 1), utc(2023, 7, 3)])).toEqual([
      '29 Jun 2023',
      '1 Jul',
      '3 Jul',
    ]);
  });
});

describe('axisTicks', () => {
  it('shows the year on the first tick of a view a few days wide', () => {
    const { labels } = axisTicks(view(utc(2023, 6, 2).getTime(), utc(2023, 6, 12).getTime()), 11);
    expect(labels[0]).toMatch(/^\d{1,2} Jun 2023$/);
    expect(labels.slice(1).every((label) => /^\d{1,2} Jun$/.test(label))).toBe(true);
  });

  it('never repeats a label when one event is all there is, however close the view', () => {
    const midday = utc(2023, 6, 3).getTime() + DAY_MS / 2;
    const domain = timelineDomain([midday, midday], null);
    expect(domain[1] - domain[0]).toBeGreaterThanOrEqual(NARROWEST_DOMAIN_MS);
    const base = view(...domain);
    for (const zoom of [1, 2, 4, 8]) {
      const x = base
        .copy()
        .domain([
          new Date(midday - (midday - domain[0]) / zoom),
          new Date(midday + (domain[1] - midday) / zoom),
        ]);
      const { ticks, labels } = axisTicks(x, 11);
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels[0]).toMatch(/2023$/);
    }
  });

  it('does not show the hours of a day, whose labels would repeat', () => {
    const from = utc(2023, 6, 3).getTime();
    const { labels } = axisTicks(view(from, from + 2 * DAY_MS), 11);
    expect(labels).toEqual(['3 Jun 2023', '4 Jun', '5 Jun']);
  });
});

describe('axisTicks over years', () => {
  it('keeps every quarter of every year, the month names coming back each year', () => {
    const { labels } = axisTicks(
      view(utc(2020, 1).getTime(), utc(2022, 12, 31).getTime(), 1200),
      14,
    );
    expect(labels).toEqual([
      '2020',
      'Apr',
      'Jul',
      'Oct',
      '2021',
      'Apr',
      'Jul',
      'Oct',
      '2022',
      'Apr',
      'Jul',
      'Oct',
    ]);
  });
});

describe('timelineDomain', () => {
  it('takes in the period under review when it reaches beyond the events', () => {
    const [from, to] = timelineDomain(
      [utc(2022, 3).getTime(), utc(2022, 6).getTime()],
      [utc(2021, 9).getTime(), utc(2023, 9).getTime()],
    );
    expect(from).toBeLessThan(utc(2021, 9).getTime());
    expect(to).toBeGreaterThan(utc(2023, 9).getTime());
  });
});

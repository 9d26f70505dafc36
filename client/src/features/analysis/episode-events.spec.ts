import { inDateOrder, matchesSearch, withinPeriod } from './episode-events';

const event = {
  id: 'e1',
  occurredOn: '2022-04',
  precision: 'MONTH',
  sortDate: '2022-04-01',
  endDate: '2022-04-30',
  title: 'Police called to a domestic incident',
  agency: { name: 'Moorshire Police' },
};

describe('episode events', () => {
  it('counts a partial date as within a period it overlaps', () => {
    expect(withinPeriod(event, '2022-04-23', '2022-05-31')).toBe(true);
    expect(withinPeriod(event, '2022-05-01', '2022-05-31')).toBe(false);
    expect(withinPeriod(event, '', '2022-03-31')).toBe(false);
    expect(withinPeriod(event, '', '')).toBe(true);
  });

  it('finds every word of the search in the title or agency', () => {
    expect(matchesSearch(event, 'moorshire DOMESTIC')).toBe(true);
    expect(matchesSearch(event, 'police school')).toBe(false);
    expect(matchesSearch(event, '  ')).toBe(true);
  });

  it('orders by date', () => {
    expect(
      inDateOrder([
        { sortDate: '2022-05-01', title: 'b' },
        { sortDate: '2022-04-01', title: 'z' },
        { sortDate: '2022-04-01', title: 'a' },
      ]).map((e) => e.title),
    ).toEqual(['a', 'z', 'b']);
  });
});

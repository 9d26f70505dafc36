import { isCalendarDay, parsePartialDate } from './partial-date';

describe('parsePartialDate', () => {
  it('reads a day, a month and a year with their own precision', () => {
    expect(parsePartialDate('2014-04-03')).toEqual({
      value: '2014-04-03',
      precision: 'DAY',
      sortDate: '2014-04-03',
      endDate: '2014-04-03',
    });
    expect(parsePartialDate('2014-02')).toEqual({
      value: '2014-02',
      precision: 'MONTH',
      sortDate: '2014-02-01',
      endDate: '2014-02-28',
    });
    expect(parsePartialDate('2016-02')).toMatchObject({ endDate: '2016-02-29' });
    expect(parsePartialDate('2013')).toEqual({
      value: '2013',
      precision: 'YEAR',
      sortDate: '2013-01-01',
      endDate: '2013-12-31',
    });
  });

  it('takes APPROXIMATE with any granularity', () => {
    expect(parsePartialDate('2013', 'APPROXIMATE')).toMatchObject({
      precision: 'APPROXIMATE',
      sortDate: '2013-01-01',
    });
    expect(parsePartialDate('2014-05', 'APPROXIMATE')).toMatchObject({
      precision: 'APPROXIMATE',
      endDate: '2014-05-31',
    });
  });

  it.each([
    ['2014-02-30', undefined, 'is not a day of the calendar'],
    ['2014-13', undefined, 'has no month 13'],
    ['14-02-03', undefined, 'is not a date of the form'],
    ['03/04/2014', undefined, 'is not a date of the form'],
    ['1066-10-14', undefined, 'implausible year'],
    ['2014-02', 'DAY', 'precision DAY does not fit "2014-02" (a month date)'],
    ['2014-02-03', 'MONTH', 'precision MONTH does not fit'],
    ['2014', 'MONTH', 'precision MONTH does not fit'],
  ] as const)('refuses %s with precision %s', (value, precision, reason) => {
    expect(parsePartialDate(value, precision)).toContain(reason);
  });

  it('knows calendar days', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('2023-02')).toBe(false);
  });
});

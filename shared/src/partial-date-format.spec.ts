import { formatPartialDate } from './partial-date-format';

describe('formatPartialDate', () => {
  it.each([
    ['2014-04-03', 'DAY', '3 Apr 2014'],
    ['2014-09', 'MONTH', 'Sept 2014'],
    ['2014', 'YEAR', '2014'],
    ['2014-05', 'APPROXIMATE', 'c. May 2014'],
  ])('shows %s (%s) as %s', (date, precision, shown) => {
    expect(formatPartialDate(date, precision)).toBe(shown);
  });
});

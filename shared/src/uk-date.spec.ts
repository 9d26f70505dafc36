import { readUkDate } from './uk-date';

describe('readUkDate', () => {
  it.each([
    ['03/04/2014', '2014-04-03', 'DAY', null],
    ['3/4/2014', '2014-04-03', 'DAY', null],
    ['3.4.14', '2014-04-03', 'DAY', null],
    ['03-04-2014', '2014-04-03', 'DAY', null],
    ['3 April 2014', '2014-04-03', 'DAY', null],
    ['3rd April 2014', '2014-04-03', 'DAY', null],
    ['3 Apr 14', '2014-04-03', 'DAY', null],
    ['April 3, 2014', '2014-04-03', 'DAY', null],
    ['2014-04-03', '2014-04-03', 'DAY', null],
    ['03/04/2014 14:30', '2014-04-03', 'DAY', '14:30'],
    ['03/04/2014 2.15pm', '2014-04-03', 'DAY', '14:15'],
    ['2014-04-03T09:05', '2014-04-03', 'DAY', '09:05'],
    ['Apr 2014', '2014-04', 'MONTH', null],
    ['April 2014', '2014-04', 'MONTH', null],
    ['Sept 2014', '2014-09', 'MONTH', null],
    ['04/2014', '2014-04', 'MONTH', null],
    ['2014', '2014', 'YEAR', null],
    ['early 2014', '2014', 'APPROXIMATE', null],
    ['c. 2013', '2013', 'APPROXIMATE', null],
    ['circa 2013', '2013', 'APPROXIMATE', null],
    ['approx. May 2014', '2014-05', 'APPROXIMATE', null],
    ['about 3 May 2014', '2014-05-03', 'APPROXIMATE', null],
    ['late 99', null, null, null],
  ])('reads %s', (text, occurredOn, precision, time) => {
    const read = readUkDate(text);
    if (occurredOn === null) {
      expect(typeof read).toBe('string');
      return;
    }
    expect(read).toEqual({ occurredOn, precision, time });
  });

  it('reads two-digit years 00–69 as this century and 70–99 as the last', () => {
    expect(readUkDate('1/2/69')).toMatchObject({ occurredOn: '2069-02-01' });
    expect(readUkDate('1/2/70')).toMatchObject({ occurredOn: '1970-02-01' });
  });

  it.each([
    ['31/02/2014', 'is not a day of the calendar'],
    ['13/13/2014', 'has no month 13'],
    ['03/04/2014 25:00', 'is not a time of day'],
    ['yesterday', 'is not a date this workbench can read'],
    ['', 'the date is empty'],
  ])('explains why %s is not a date', (text, reason) => {
    expect(readUkDate(text)).toContain(reason);
  });
});

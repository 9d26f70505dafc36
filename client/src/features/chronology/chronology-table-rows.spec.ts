import {
  ChronologyRow,
  countLabel,
  filterRows,
  NO_AGENCY,
  sortRows,
} from './chronology-table-rows';

const police = { id: 'a-police', name: 'Police' };
const health = { id: 'a-health', name: 'Health visiting' };

function row(id: string, fields: Partial<ChronologyRow>): ChronologyRow {
  return {
    id,
    occurredOn: '2014-04-03',
    precision: 'DAY',
    sortDate: '2014-04-03',
    endDate: '2014-04-03',
    title: id,
    version: 1,
    ...fields,
  };
}

const ids = (rows: ChronologyRow[]) => rows.map((r) => r.id);

describe('sortRows', () => {
  const rows = [
    row('year', {
      occurredOn: '2014',
      precision: 'YEAR',
      sortDate: '2014-01-01',
      endDate: '2014-12-31',
      agency: police,
    }),
    row('april-day-2', { occurredOn: '2014-04-01', sortDate: '2014-04-01', source: 'Case notes' }),
    row('approx', {
      occurredOn: '2014-04',
      precision: 'APPROXIMATE',
      sortDate: '2014-04-01',
      endDate: '2014-04-30',
    }),
    row('april', {
      occurredOn: '2014-04',
      precision: 'MONTH',
      sortDate: '2014-04-01',
      endDate: '2014-04-30',
      agency: health,
    }),
    row('april-day', {
      occurredOn: '2014-04-01',
      sortDate: '2014-04-01',
      agency: police,
      source: 'case notes',
    }),
    row('january-day', { occurredOn: '2014-01-01', sortDate: '2014-01-01', timeOfDay: '09:30' }),
  ];

  it('puts partial dates at the start of their period, finer precision first, then the order given', () => {
    expect(ids(sortRows(rows, { key: 'date', direction: 'ascending' }))).toEqual([
      'january-day',
      'year',
      'april-day-2',
      'april-day',
      'april',
      'approx',
    ]);
  });

  it('reverses the dates when descending but keeps ties in the order given', () => {
    expect(ids(sortRows(rows, { key: 'date', direction: 'descending' }))).toEqual([
      'approx',
      'april',
      'april-day-2',
      'april-day',
      'year',
      'january-day',
    ]);
  });

  it('sorts a day’s untimed record before its timed ones', () => {
    const day = [
      row('afternoon', { timeOfDay: '15:00' }),
      row('untimed', {}),
      row('morning', { timeOfDay: '08:05' }),
    ];
    expect(ids(sortRows(day, { key: 'date', direction: 'ascending' }))).toEqual([
      'untimed',
      'morning',
      'afternoon',
    ]);
  });

  it('sorts by agency name, chronologically within an agency, with no agency last either way', () => {
    expect(ids(sortRows(rows, { key: 'agency', direction: 'ascending' }))).toEqual([
      'april',
      'year',
      'april-day',
      'january-day',
      'april-day-2',
      'approx',
    ]);
    expect(ids(sortRows(rows, { key: 'agency', direction: 'descending' }))).toEqual([
      'year',
      'april-day',
      'april',
      'january-day',
      'april-day-2',
      'approx',
    ]);
  });

  it('sorts by source ignoring case, keeping the tie in chronological order', () => {
    expect(ids(sortRows(rows, { key: 'source', direction: 'ascending' })).slice(0, 2)).toEqual([
      'april-day-2',
      'april-day',
    ]);
  });

  it('sorts titles as a reader would, numbers by value', () => {
    const titled = [
      row('b', { title: 'Visit 10' }),
      row('a', { title: 'visit 9' }),
      row('c', { title: 'Assessment' }),
    ];
    expect(ids(sortRows(titled, { key: 'title', direction: 'ascending' }))).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(ids(sortRows(titled, { key: 'title', direction: 'descending' }))).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('leaves the rows it was given untouched', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'title', direction: 'descending' });
    expect(rows).toEqual(copy);
  });
});

describe('filterRows', () => {
  const rows = [
    row('1', { title: 'Home visit', description: 'Mother anxious about housing', agency: health }),
    row('2', { title: 'Strategy discussion', source: 'Police log 4471', agency: police }),
    row('3', { title: 'Café referral to Early Help' }),
  ];

  it('keeps rows holding every word typed, in any of title, description and source, any case', () => {
    expect(ids(filterRows(rows, { words: 'HOUSING visit', agencyId: '' }))).toEqual(['1']);
    expect(ids(filterRows(rows, { words: 'log 4471', agencyId: '' }))).toEqual(['2']);
    expect(ids(filterRows(rows, { words: 'visit strategy', agencyId: '' }))).toEqual([]);
  });

  it('matches words without regard to accents', () => {
    expect(ids(filterRows(rows, { words: 'cafe', agencyId: '' }))).toEqual(['3']);
  });

  it('keeps one agency’s rows, or those with no agency', () => {
    expect(ids(filterRows(rows, { words: '', agencyId: police.id }))).toEqual(['2']);
    expect(ids(filterRows(rows, { words: '', agencyId: NO_AGENCY }))).toEqual(['3']);
    expect(ids(filterRows(rows, { words: '  ', agencyId: '' }))).toEqual(['1', '2', '3']);
  });
});

describe('countLabel', () => {
  it('says how many are shown of how many', () => {
    expect(countLabel(63, 63)).toBe('63 of 63 events');
    expect(countLabel(0, 1)).toBe('0 of 1 event');
    expect(countLabel(12, 10000)).toBe('12 of 10,000 events');
  });
});

import { draftFromRow, inputFromDraft, inputFromRow, rowFromSaved } from './chronology-table-edit';
import type { ChronologyRow } from './chronology-table-rows';

const row: ChronologyRow = {
  id: 'e1',
  occurredOn: '2014-04',
  precision: 'APPROXIMATE',
  sortDate: '2014-04-01',
  endDate: '2014-04-30',
  timeOfDay: null,
  title: 'Home visit',
  description: null,
  source: 'HV notes',
  version: 1,
  agency: { id: 'a1', name: 'Health visiting' },
};

describe('inline edit values', () => {
  it('reads a row into the editor and back unchanged', () => {
    const draft = draftFromRow(row);
    expect(draft).toEqual({
      occurredOn: '04/2014',
      approximate: true,
      timeOfDay: '',
      agencyId: 'a1',
      title: 'Home visit',
      description: '',
      source: 'HV notes',
    });
    expect(inputFromDraft(draft)).toEqual(inputFromRow(row));
  });

  it('leaves the precision to the date when it is not approximate, and empties to null', () => {
    const input = inputFromDraft({
      occurredOn: ' 2014-04-03 ',
      approximate: false,
      timeOfDay: '09:30',
      agencyId: '',
      title: '  Strategy meeting ',
      description: '  ',
      source: '',
    });
    expect(input).toEqual({
      occurredOn: '2014-04-03',
      precision: null,
      timeOfDay: '09:30',
      agencyId: null,
      title: 'Strategy meeting',
      description: null,
      source: null,
    });
  });

  it('reads the date day-month-year, as UK chronologies write it', () => {
    const draft = draftFromRow(row);
    expect(
      inputFromDraft({ ...draft, occurredOn: '03/04/2014', approximate: false }),
    ).toMatchObject({
      occurredOn: '2014-04-03',
      precision: null,
    });
    expect(
      inputFromDraft({ ...draft, occurredOn: 'April 2014', approximate: false }),
    ).toMatchObject({ occurredOn: '2014-04' });
    expect(draftFromRow({ ...row, occurredOn: '2014-04-03', precision: 'DAY' }).occurredOn).toBe(
      '03/04/2014',
    );
  });

  it('says what to correct in the date, time or title', () => {
    const draft = draftFromRow(row);
    expect(inputFromDraft({ ...draft, occurredOn: '2014-02-30' })).toEqual({
      field: 'occurredOn',
      message: '"2014-02-30" is not a day of the calendar.',
    });
    expect(inputFromDraft({ ...draft, occurredOn: '' })).toEqual({
      field: 'occurredOn',
      message:
        'Give the date as dd/mm/yyyy, or mm/yyyy or yyyy when only the month or year is known.',
    });
    expect(inputFromDraft({ ...draft, timeOfDay: '25:00' })).toEqual({
      field: 'timeOfDay',
      message: 'Give the time of day as HH:MM, such as 09:30.',
    });
    expect(inputFromDraft({ ...draft, title: ' ' })).toEqual({
      field: 'title',
      message: 'Give the entry a title.',
    });
  });
});

describe('the row someone else saved', () => {
  it('takes their columns over the row as read, for Undo to put back', () => {
    const theirs = rowFromSaved(row, {
      id: 'e1',
      occurredOn: '2014-05-02',
      precision: 'DAY',
      timeOfDay: '09:30',
      agencyId: 'a2',
      title: 'Joint visit',
      description: 'With the police',
      source: null,
      version: 4,
    });
    expect(inputFromRow(theirs)).toEqual({
      occurredOn: '2014-05-02',
      precision: 'DAY',
      timeOfDay: '09:30',
      agencyId: 'a2',
      title: 'Joint visit',
      description: 'With the police',
      source: null,
    });
    expect(theirs.version).toBe(4);
    expect(rowFromSaved(row, {}).agency).toEqual(row.agency);
  });
});

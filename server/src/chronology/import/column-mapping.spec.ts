import { detectMapping, mappingProblems } from './column-mapping';

describe('detectMapping', () => {
  it('finds the usual headings of a social care chronology', () => {
    expect(
      detectMapping(['Date', 'Time', 'Contact Type', 'Details', 'Worker', 'Record Ref']),
    ).toEqual({
      date: 'Date',
      time: 'Time',
      title: 'Contact Type',
      description: 'Details',
      author: 'Worker',
      source: 'Record Ref',
    });
  });

  it('finds a health chronology’s headings, whatever their case and spacing', () => {
    expect(
      detectMapping([
        'EVENT_DATE',
        'Summary of event',
        'Narrative',
        'Organisation',
        'Practitioner',
      ]),
    ).toEqual({
      date: 'EVENT_DATE',
      title: 'Summary of event',
      description: 'Narrative',
      agency: 'Organisation',
      author: 'Practitioner',
    });
  });

  it('leaves a field unmapped when nothing looks like it', () => {
    expect(detectMapping(['When', 'What happened'])).toEqual({ date: 'When' });
  });
});

describe('mappingProblems', () => {
  it('wants a date and an entry, and only headings the file has', () => {
    expect(mappingProblems({ title: 'Entry' }, ['Entry', 'Notes'])).toEqual([
      'no column is mapped to the date; the file\'s headings are "Entry", "Notes"',
    ]);
    expect(mappingProblems({ date: 'Datum', title: 'Entry' }, ['Date', 'Entry'])).toEqual([
      'date: the file has no column "Datum"',
    ]);
    expect(mappingProblems({ date: 'Date', description: 'Notes' }, ['Date', 'Notes'])).toEqual([]);
  });
});

import { nounFor, plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(2, 'row')).toBe('2 rows');
    expect(plural(1, 'agency', 'agencies')).toBe('1 agency');
    expect(plural(3, 'agency', 'agencies')).toBe('3 agencies');
    expect(plural(1204, 'event')).toBe('1,204 events');
  });

  it('gives the noun alone for sentences that put the count elsewhere', () => {
    expect(nounFor(1, 'person', 'people')).toBe('person');
    expect(nounFor(5, 'person', 'people')).toBe('people');
  });
});

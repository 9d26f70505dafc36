import {
  filtersFromParams,
  hasFilters,
  listVariables,
  NO_FILTERS,
  paramsFromFilters,
} from './reviews-list-filters';

describe('reviews list filters in the address', () => {
  it('reads the search, stage and type from the query string', () => {
    expect(
      filtersFromParams(new URLSearchParams('q=child+m&stage=ANALYSIS&type=RAPID_REVIEW')),
    ).toEqual({ search: 'child m', stage: 'ANALYSIS', type: 'RAPID_REVIEW' });
  });

  it('ignores a stage or type the server does not know', () => {
    expect(filtersFromParams(new URLSearchParams('stage=FINISHED&type=inquiry'))).toEqual(
      NO_FILTERS,
    );
  });

  it('writes only what is set, so a clear list has a clean address', () => {
    expect(paramsFromFilters(NO_FILTERS).toString()).toBe('');
    expect(paramsFromFilters({ search: '  ', stage: 'DRAFTING', type: null }).toString()).toBe(
      'stage=DRAFTING',
    );
    expect(
      paramsFromFilters({
        search: 'Northmoor',
        stage: null,
        type: 'SERIOUS_CASE_REVIEW',
      }).toString(),
    ).toBe('q=Northmoor&type=SERIOUS_CASE_REVIEW');
  });

  it('reads back what it wrote', () => {
    const filters = {
      search: 'NSCP 2024',
      stage: 'SCOPING' as const,
      type: 'LEARNING_REVIEW' as const,
    };
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });
});

describe('listVariables', () => {
  it('sends no filter when nothing is filtered', () => {
    expect(hasFilters({ ...NO_FILTERS, search: '   ' })).toBe(false);
    expect(listVariables({ ...NO_FILTERS, search: '   ' })).toEqual({ first: 100 });
  });

  it('sends the trimmed search and the chosen stage and type as lists', () => {
    expect(listVariables({ search: ' child ', stage: 'ANALYSIS', type: 'RAPID_REVIEW' })).toEqual({
      first: 100,
      filter: { search: 'child', statuses: ['ANALYSIS'], types: ['RAPID_REVIEW'] },
    });
    expect(listVariables({ search: '', stage: null, type: 'RAPID_REVIEW' })).toEqual({
      first: 100,
      filter: { types: ['RAPID_REVIEW'] },
    });
  });
});

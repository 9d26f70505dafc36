import {
  corpusFilterInput,
  corpusFiltersFromParams,
  matrixQuery,
  NO_CORPUS_FILTERS,
  paramsFromCorpusFilters,
} from './corpus-filters';

const ROUND = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

describe('the corpus filters in the address', () => {
  it('keeps the collection as ?collection= and sends it as collectionId', () => {
    const filters = corpusFiltersFromParams(
      new URLSearchParams(`type=RAPID_REVIEW&collection=${ROUND}&all=neglect`),
    );
    expect(filters).toEqual({
      ...NO_CORPUS_FILTERS,
      types: ['RAPID_REVIEW'],
      collectionId: ROUND,
      allThemes: ['neglect'],
    });
    expect(paramsFromCorpusFilters(filters).toString()).toBe(
      `type=RAPID_REVIEW&collection=${ROUND}&all=neglect`,
    );
    expect(corpusFilterInput(filters)).toEqual({
      reviewTypes: ['RAPID_REVIEW'],
      collectionId: ROUND,
      themeKeys: ['neglect'],
    });
  });

  it('keeps live=1 only with a collection, and sends live with it', () => {
    const live = corpusFiltersFromParams(new URLSearchParams(`collection=${ROUND}&live=1`));
    expect(live).toEqual({ ...NO_CORPUS_FILTERS, collectionId: ROUND, live: true });
    expect(paramsFromCorpusFilters(live).toString()).toBe(`collection=${ROUND}&live=1`);
    expect(corpusFilterInput(live)).toEqual({ collectionId: ROUND, live: true });
    expect(corpusFiltersFromParams(new URLSearchParams('live=1')).live).toBe(false);
    expect(corpusFilterInput({ ...NO_CORPUS_FILTERS, live: true })).toBeUndefined();
  });

  it('keeps one source as ?source= and sends it; both sources, or none, are the default', () => {
    const reports = corpusFiltersFromParams(new URLSearchParams('source=REPORT&all=neglect'));
    expect(reports).toEqual({ ...NO_CORPUS_FILTERS, sources: ['REPORT'], allThemes: ['neglect'] });
    expect(paramsFromCorpusFilters(reports).toString()).toBe('source=REPORT&all=neglect');
    expect(corpusFilterInput(reports)).toEqual({ sources: ['REPORT'], themeKeys: ['neglect'] });
    expect(new URLSearchParams(matrixQuery(reports)).getAll('sources')).toEqual(['REPORT']);
    for (const query of ['source=REPORT&source=REVIEW', 'source=nonsense', '']) {
      const filters = corpusFiltersFromParams(new URLSearchParams(query));
      expect(filters.sources).toEqual(['REVIEW', 'REPORT']);
      expect(paramsFromCorpusFilters(filters).toString()).toBe('');
      expect(corpusFilterInput(filters)).toBeUndefined();
    }
  });

  it('ignores a collection that is not an id, as it does a malformed day', () => {
    const filters = corpusFiltersFromParams(
      new URLSearchParams('collection=audit-round&from=2024-13&partnership=Northmoor'),
    );
    expect(filters).toEqual({ ...NO_CORPUS_FILTERS, partnership: 'Northmoor' });
    expect(corpusFilterInput({ ...NO_CORPUS_FILTERS, collectionId: '' })).toBeUndefined();
  });

  it('writes the matrix download’s query string with the server’s field names, lists repeated', () => {
    expect(matrixQuery(NO_CORPUS_FILTERS)).toBe('');
    const filters = corpusFiltersFromParams(
      new URLSearchParams(
        `type=RAPID_REVIEW&type=LEARNING_REVIEW&from=2024-01-01&to=2025-12-31&partnership=North+%26+moor&collection=${ROUND}&all=neglect&all=domestic-abuse&any=drift&not=neglect-x`,
      ),
    );
    const query = new URLSearchParams(matrixQuery(filters));
    expect([...query.entries()]).toEqual([
      ['reviewTypes', 'RAPID_REVIEW'],
      ['reviewTypes', 'LEARNING_REVIEW'],
      ['publishedFrom', '2024-01-01'],
      ['publishedTo', '2025-12-31'],
      ['partnership', 'North & moor'],
      ['collectionId', ROUND],
      ['themeKeys', 'neglect'],
      ['themeKeys', 'domestic-abuse'],
      ['anyThemeKeys', 'drift'],
      ['withoutThemeKeys', 'neglect-x'],
    ]);
  });
});

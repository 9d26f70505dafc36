/** The corpus screen, for the app's routes. */
export { CorpusPage } from './CorpusPage';
/** The corpus screen's queries, for tests that mock the server. */
export { CORPUS_FIGURES, CORPUS_THEMES } from './corpus.graphql';
export { SEARCH_FINDINGS } from './corpus-search.graphql';
/** A search snippet shown as text, its matches marked (the report library's search uses it). */
export { Snippet } from './CorpusSearch';
/** Published findings matching a search, for the report library's search box. */
export { FindingSearchResults } from './FindingSearchResults';

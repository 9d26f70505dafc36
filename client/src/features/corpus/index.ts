/** The corpus screen, for the app's routes. */
export { CorpusPage } from './CorpusPage';
/** The corpus screen's queries, for tests that mock the server. */
export { CORPUS_FIGURES, CORPUS_THEMES } from './corpus.graphql';

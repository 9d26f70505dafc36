/** The corpus screen, for the app's routes. */
export { CorpusPage } from './CorpusPage';

/** The collections screens, for the app's routes. */
export { CollectionPage } from './CollectionPage';
export { CollectionsPage } from './CollectionsPage';

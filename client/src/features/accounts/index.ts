/** The accounts screen, for the app's routes. */
export { AccountsPage } from './AccountsPage';

/** The report library's screen, for the app's routes. */
export { ReportsPage } from './ReportsPage';
/** Its query, for tests that mock the server. */
export { REPORTS } from './reports.graphql';

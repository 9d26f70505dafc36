/** The report library's screen and its reader, for the app's routes. */
export { ReportsPage } from './ReportsPage';
export { ReportReader } from './ReportReader';
/** Its queries, for tests that mock the server. */
export { REPORTS, REPORT_READER, SEARCH_REPORTS } from './reports.graphql';

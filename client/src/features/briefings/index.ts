/** The briefings screens, for the app's routes. */
export { BriefingsPage } from './BriefingsPage';
export { PracticeSetPage } from './PracticeSetPage';
export { PracticeIssueEditor } from './PracticeIssueEditor';
/** The briefings screens' queries, for tests that mock the server. */
export { PRACTICE_ISSUE_SETS } from './practice-issues.graphql';

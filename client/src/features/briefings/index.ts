/** The briefings screen, for the app's routes. */
export { BriefingsPage } from './BriefingsPage';

/**
 * The reviews list and the layout around a review's tabs, for the app's routes. The review's own
 * screens (home, registers) are loaded lazily by the app from their files.
 */
export { ReviewLayout } from './ReviewLayout';
export { ReviewsPage } from './ReviewsPage';
export { REVIEW_LIST } from './reviews.graphql';

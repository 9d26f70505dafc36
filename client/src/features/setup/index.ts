/**
 * The review's set-up: its questions (terms of reference). The screen is loaded lazily by the
 * app from its file.
 */
export { REVIEW_QUESTIONS } from './setup.graphql';

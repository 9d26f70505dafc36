import './setup.css';
import { ReviewConversations } from './ReviewConversations';
import { ReviewQuestionsPage } from './ReviewQuestionsPage';

/** The review's set-up: its questions (terms of reference) and its conversations. */
export function SetupPage() {
  return (
    <>
      <ReviewQuestionsPage />
      <ReviewConversations />
    </>
  );
}

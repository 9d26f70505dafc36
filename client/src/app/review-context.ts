import { useOutletContext } from 'react-router';
import { ReviewHeaderQuery } from '../gql/graphql';

export type ReviewHeader = NonNullable<ReviewHeaderQuery['review']>;

export interface ReviewContext {
  review: ReviewHeader;
  /** The signed-in user may change the review's records. */
  canEdit: boolean;
  /** The signed-in user may see real names in the people register. */
  canReadRealNames: boolean;
  /** The signed-in user may record the board's response (also once the review is published). */
  canRespond: boolean;
  /** The signed-in user is an administrator (withdraws published reviews from the corpus). */
  isAdministrator: boolean;
}

/** The review whose tab is open, as the review layout loaded it. */
export function useReview(): ReviewContext {
  return useOutletContext<ReviewContext>();
}

import { QueryFailedError } from 'typeorm';
import { AppError, badInput } from './app-error';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  uq_review_reference: 'A review with this reference already exists.',
  uq_agency_review_name: 'This review already has an agency of that name.',
  uq_person_relationship: 'These two people already have that relationship.',
  ck_review_period: 'periodEnd must not be before periodStart.',
  ck_practice_episode_dates: 'endDate must not be before startDate.',
  ck_board_action_dropped: 'A dropped action needs a reason (droppedReason).',
  ck_person_relationship_distinct: 'A person cannot be related to themselves.',
};

/**
 * Database refusals that a user's input caused, as BAD_USER_INPUT: a malformed id, a duplicate, a
 * broken reference, a failed check. Anything else is left to surface as an internal error.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  const known = driverError.constraint ? CONSTRAINT_MESSAGES[driverError.constraint] : undefined;
  switch (driverError.code) {
    case '22P02':
    case '22007':
    case '22008':
      return badInput(`A value is not of the right form: ${error.message}.`);
    case '23505':
      return badInput(
        known ??
          `That would duplicate an existing record (${driverError.detail ?? driverError.constraint}).`,
      );
    case '23503':
      return badInput(
        known ??
          `That refers to a record that does not exist (${driverError.detail ?? driverError.constraint}).`,
      );
    case '23514':
      return badInput(known ?? `That breaks the rule ${driverError.constraint}.`);
    default:
      return null;
  }
}

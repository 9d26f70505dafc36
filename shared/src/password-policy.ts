export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Returns a sentence a person can act on when the password is not acceptable, or null when it is.
 * Server and client both call this so that the sign-up form and the API never disagree.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length}).`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  }
  if (password.trim().length === 0) {
    return 'Password must not be only spaces.';
  }
  return null;
}

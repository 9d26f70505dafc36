import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses a password one character short, naming the minimum', () => {
    const problem = passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH - 1));
    expect(problem).toContain(`at least ${PASSWORD_MIN_LENGTH} characters`);
    expect(problem).toContain(`it has ${PASSWORD_MIN_LENGTH - 1}`);
  });

  it('accepts a password of exactly the minimum length', () => {
    expect(passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(passwordProblem('🔒'.repeat(PASSWORD_MIN_LENGTH - 1))).not.toBeNull();
  });

  it('refuses a password made only of spaces', () => {
    expect(passwordProblem(' '.repeat(20))).toBe('Password must not be only spaces.');
  });

  it('refuses an absurdly long password', () => {
    expect(passwordProblem('x'.repeat(1000))).toContain('at most');
  });
});

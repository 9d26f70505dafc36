import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { SIGN_IN } from './sign-in.graphql';
import { useSession } from './session-context';

function messageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? 'Sign-in failed.';
  return 'The server could not be reached. Check that SCR Workbench is running, then try again.';
}

export function SignInPage() {
  const { signIn, signedOutReason } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [login, { loading }] = useMutation(SIGN_IN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (data) signIn(data.login);
    } catch (caught) {
      setError(messageOf(caught));
      setPassword('');
    }
  };

  const notice = error ?? signedOutReason;
  return (
    <main className="sign-in">
      <form
        className="sign-in__card"
        onSubmit={submit}
        aria-labelledby="sign-in-title"
        noValidate={false}
      >
        <p className="sign-in__product">SCR Workbench</p>
        <h1 id="sign-in-title">Sign in</h1>
        <p className="sign-in__lede">
          Case reviews the systems way: chronology, key practice episodes, contributory factors and
          findings, in one place.
        </p>
        {notice && (
          <p className="notice notice--error" role="alert">
            {notice}
          </p>
        )}
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="sign-in__help">
          First time here? The administrator's password is printed once by the server on its first
          start, unless it was set with <code>SCR_ADMIN_EMAIL</code> and{' '}
          <code>SCR_ADMIN_PASSWORD</code>.
        </p>
      </form>
    </main>
  );
}

/** What the app and the other features use of signing in: the page, the session and its token. */
export { SignInPage } from './SignInPage';
export { SessionProvider, useSession } from './session-context';
export { currentToken, type Session, type SessionUser } from './session-store';
export { CURRENT_USER, SIGN_IN, SIGN_OUT } from './sign-in.graphql';

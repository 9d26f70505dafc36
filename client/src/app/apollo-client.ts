import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';

export interface ApolloClientOptions {
  uri?: string;
  getToken(): string | null;
  /** Called when the server no longer accepts the token (expired, account removed). */
  onUnauthenticated(message: string): void;
}

export function createApolloClient({
  uri = '/graphql',
  getToken,
  onUnauthenticated,
}: ApolloClientOptions) {
  const auth = new SetContextLink((prevContext) => {
    const token = getToken();
    return token ? { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } } : {};
  });
  const signOutWhenRefused = new ErrorLink(({ error, operation }) => {
    if (['SignIn', 'SignOut'].includes(operation.operationName ?? '')) return;
    if (!CombinedGraphQLErrors.is(error)) return;
    const refused = error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (refused && getToken()) onUnauthenticated(refused.message);
  });
  return new ApolloClient({
    link: ApolloLink.from([signOutWhenRefused, auth, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}

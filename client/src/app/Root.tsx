import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { SessionProvider, useSession } from '../features/auth/session-context';
import { loadSession } from '../features/auth/session-storage';
import { createApolloClient } from './apollo-client';
import { App } from './App';

function ApolloWithSession() {
  const { signOut } = useSession();
  const client = useMemo(
    () =>
      createApolloClient({
        getToken: () => loadSession()?.token ?? null,
        onUnauthenticated: (message) => signOut(message),
      }),
    [signOut],
  );
  return (
    <ApolloProvider client={client}>
      <App />
    </ApolloProvider>
  );
}

export function Root() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <ApolloWithSession />
      </BrowserRouter>
    </SessionProvider>
  );
}

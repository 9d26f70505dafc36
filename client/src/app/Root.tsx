import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { currentToken, SessionProvider, useSession } from '../features/auth';
import { createApolloClient } from './apollo-client';
import { App } from './App';

function ApolloWithSession() {
  const { signOut } = useSession();
  const client = useMemo(
    () =>
      createApolloClient({
        getToken: currentToken,
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

// A data router, so that an editor with unsaved changes can hold back any navigation (useBlocker),
// the browser's Back button included. The app's own routes stay declared in App.
const router = createBrowserRouter([{ path: '*', element: <ApolloWithSession /> }]);

export function Root() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}

import type { ApolloClient, FetchPolicy, TypedDocumentNode } from '@apollo/client';

/** One page of a review's `events` connection, whatever fields the screen selects. */
export interface EventsPage<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The pages of a review's chronology from the cursor `after` on (from the start when it is null),
 * one request at a time, until the last page or until the caller stops asking. `pageOf` reads the
 * connection from the query's answer; an answer without it (the review is gone) throws `missing`.
 */
export async function* eventPages<TData, TVariables extends { after?: string | null }, T>({
  client,
  query,
  variables,
  after,
  pageOf,
  fetchPolicy,
  missing,
}: {
  client: ApolloClient;
  query: TypedDocumentNode<TData, TVariables>;
  /** The query's variables but the cursor. */
  variables: Omit<TVariables, 'after'>;
  after: string | null;
  pageOf: (data: TData | undefined) => EventsPage<T> | null | undefined;
  fetchPolicy: Extract<FetchPolicy, 'network-only' | 'no-cache'>;
  missing: string;
}): AsyncGenerator<{ page: EventsPage<T>; more: boolean }> {
  let cursor = after;
  for (;;) {
    const result: { data?: TData } = await client.query({
      query,
      variables: { ...variables, after: cursor } as unknown as TVariables,
      fetchPolicy,
    });
    const page = pageOf(result.data);
    if (!page) throw new Error(missing);
    const more = page.pageInfo.hasNextPage && Boolean(page.pageInfo.endCursor);
    yield { page, more };
    if (!more) return;
    cursor = page.pageInfo.endCursor ?? null;
  }
}

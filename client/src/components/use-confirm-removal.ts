import type {
  ApolloCache,
  InternalRefetchQueriesInclude,
  MutationUpdaterFunction,
  OperationVariables,
  TypedDocumentNode,
} from '@apollo/client';
import { useMutation } from '@apollo/client/react';

/** What `<ConfirmRemoval>` needs of one removal: what else it would change, and the removal. */
export interface Removal {
  consequences: () => Promise<string[]>;
  remove: () => Promise<unknown>;
}

export interface RemovalOptions<TData, TVariables extends OperationVariables> {
  /**
   * Where the answer of a dry run lists what else the removal would change. Given for a mutation
   * that takes `dryRun`, which `consequences` then runs with `dryRun: true` and `remove` with
   * `dryRun: false`; left out for one without, whose removal changes nothing else.
   */
  consequencesOf?: (data: TData) => readonly string[];
  /** What the removal, once done, reads again or changes in the cache; never the dry run. */
  refetchQueries?: InternalRefetchQueriesInclude;
  awaitRefetchQueries?: boolean;
  update?: MutationUpdaterFunction<TData, TVariables, ApolloCache>;
}

/**
 * The wiring between a removal mutation and `<ConfirmRemoval>`: returns, for the variables of one
 * thing to remove, the `consequences` and `remove` that the button asks for, as in
 * `<ConfirmRemoval what="…" {...removalOf({ id })} />`.
 */
export function useConfirmRemoval<TData, TVariables extends OperationVariables>(
  mutation: TypedDocumentNode<TData, TVariables>,
  { consequencesOf, ...afterRemoval }: RemovalOptions<TData, TVariables> = {},
): (variables: Omit<TVariables, 'dryRun'>) => Removal {
  const [mutate] = useMutation(mutation);
  const withDryRun = (variables: Omit<TVariables, 'dryRun'>, dryRun: boolean) =>
    (consequencesOf ? { ...variables, dryRun } : variables) as TVariables;
  return (variables) => ({
    consequences: async () => {
      if (!consequencesOf) return [];
      const { data } = await mutate({ variables: withDryRun(variables, true) });
      return data ? [...consequencesOf(data as TData)] : [];
    },
    remove: () => mutate({ variables: withDryRun(variables, false), ...afterRemoval }),
  });
}

import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/**
 * What a query costs before it runs: each field 1, plus what the field declares as its own cost
 * (`complexity` on its decorator: a number, or a function of its arguments and its children's
 * cost); a list costs its children once per element it may hold — `first` where the field takes
 * it, whether written in the query or passed as a variable, else its declared default size.
 */
export const COST = {
  /** Elements assumed in a list that takes no `first` and declares no size of its own. */
  listSize: 20,
  /** A page whose `first` is not given holds this many (the pagination helper's default). */
  defaultPage: 50,
};

/** The own cost of the fields whose work is more than reading a few rows by key. */
export const QUERY_COSTS = {
  /** Compares a review's events pairwise: a third of the limit, so one query holds two at most. */
  duplicateCandidates: 10_000,
  /** A page of a long list (events, audit trail): a sort and a count over the whole list. */
  page: 50,
  /** The reviews list, which may search every review's text. */
  search: 200,
};

type Args = Record<string, unknown>;

function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Args,
): Args {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

function listSize(field: GraphQLField<unknown, unknown>, args: Args): number {
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = args.first;
    return typeof first === 'number' && first >= 0 ? first : COST.defaultPage;
  }
  const declared = field.extensions?.listSize;
  return typeof declared === 'number' ? declared : COST.listSize;
}

class CostCounter {
  private readonly fragments = new Map<string, SelectionSetNode>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Args,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        this.fragments.set(definition.name.value, definition.selectionSet);
    }
  }

  selectionCost(type: GraphQLCompositeType, selectionSet: SelectionSetNode): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.fieldCost(type, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : type;
        total += this.selectionCost(
          isCompositeType(condition) ? condition : type,
          selection.selectionSet,
        );
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        // A fragment spread inside itself is refused by validation; count it once here.
        if (!fragment || this.visiting.has(name)) continue;
        this.visiting.add(name);
        total += this.selectionCost(type, fragment);
        this.visiting.delete(name);
      }
    }
    return total;
  }

  private fieldCost(parent: GraphQLCompositeType, node: FieldNode): number {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = (parent as GraphQLObjectType).getFields()[node.name.value];
    if (!field) return 0;
    const args = argumentsOf(field, node, this.variables);
    const named = getNamedType(field.type);
    const children =
      node.selectionSet && isCompositeType(named)
        ? this.selectionCost(named, node.selectionSet)
        : 0;
    const nullable = getNullableType(field.type);
    // The edges of a connection are the page its field already counted.
    const isPageOfConnection = node.name.value === 'edges' && parent.name.endsWith('Connection');
    const size = isListType(nullable) && !isPageOfConnection ? listSize(field, args) : 1;
    const paged = field.args.some((arg) => arg.name === 'first') && !isListType(nullable);
    const multiplier = paged ? listSize(field, args) : size;
    const declared = field.extensions?.complexity;
    if (typeof declared === 'function')
      return declared({ type: parent, field, args, childComplexity: multiplier * children });
    return 1 + (typeof declared === 'number' ? declared : 0) + multiplier * children;
  }
}

/** The cost of the operation `operationName` (or the only one) of the document. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Args = {},
  operationName?: string | null,
): number {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations[0];
  if (!operation) return 0;
  const root =
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  return new CostCounter(schema, document, variables).selectionCost(root, operation.selectionSet);
}

/**
 * Refuses, with a 400 and before anything runs, an operation that costs more than `maxCost`,
 * counting the page sizes passed as variables too.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = queryCost(schema, document, request.variables ?? {}, operationName);
          if (cost > maxCost) {
            throw new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`, {
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                cost,
                maxCost,
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}

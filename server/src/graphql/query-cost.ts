import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';

/**
 * What a query costs before it runs, counted by graphql-query-complexity: each field 1, plus what
 * the field declares as its own cost (`complexity` on its decorator: a number, or a function of
 * its arguments and its children's cost); a list costs its children once per element it may
 * hold — `first` where the field takes it, whether written in the query or passed as a variable,
 * else its declared size (`@Extensions({ listSize })`), else COST.listSize.
 */
export const COST = {
  /** Elements assumed in a list that takes no `first` and declares no size of its own. */
  listSize: 20,
  /** A page whose `first` is not given holds this many (the pagination helper's default). */
  defaultPage: 50,
};

/** The own cost of the fields whose work is more than reading a few rows by key. */
export const QUERY_COSTS = {
  /** Reads the review's proposed duplicates: a third of the limit, so one query holds two at most. */
  duplicateCandidates: 10_000,
  /** A page of a long list (events, audit trail): a sort and a count over the whole list. */
  page: 50,
  /** The reviews list, which may search every review's text. */
  search: 200,
};

type Args = Record<string, unknown>;

function listSize(field: GraphQLField<unknown, unknown>, args: Args): number {
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = args.first;
    return typeof first === 'number' && first >= 0 ? first : COST.defaultPage;
  }
  const declared = field.extensions?.listSize;
  return typeof declared === 'number' ? declared : COST.listSize;
}

/**
 * Lists and pages: the children's cost times the elements the list may hold, plus the field's
 * own. Other fields are left to the next estimator. The edges of a connection are the page its
 * field already counted.
 */
const listSizeEstimator: ComplexityEstimator = (options) => {
  const { type, field, args, childComplexity } = options;
  const isList =
    isListType(getNullableType(field.type)) &&
    !(field.name === 'edges' && type.name.endsWith('Connection'));
  const isPage = field.args.some((arg) => arg.name === 'first');
  if (!isList && !isPage) return undefined;
  const size = listSize(field, args);
  const declared = field.extensions?.complexity;
  if (typeof declared === 'function')
    return declared({ ...options, childComplexity: size * childComplexity });
  return 1 + (typeof declared === 'number' ? declared : 0) + size * childComplexity;
};

/**
 * The schema's description of itself costs nothing: it is as large as the schema, not the data,
 * and production servers turn it off. Development tools (and the input sweep test) ask for all of it.
 */
const introspectionEstimator: ComplexityEstimator = ({ type, field }) =>
  type.name.startsWith('__') || field.name === '__schema' || field.name === '__type'
    ? 0
    : undefined;

const ESTIMATORS = [
  introspectionEstimator,
  listSizeEstimator,
  fieldExtensionsEstimator(),
  simpleEstimator({ defaultComplexity: 1 }),
];

/** A value of the type that coerces without error, for a required variable the caller left out. */
function placeholder(type: GraphQLInputType): unknown {
  const named = getNullableType(type);
  if (isListType(named)) return [];
  if (isEnumType(named)) return named.getValues()[0]?.name;
  if (isInputObjectType(named)) {
    const value: Args = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = placeholder(field.type);
    }
    return value;
  }
  if (named.name === 'Int' || named.name === 'Float') return 0;
  if (named.name === 'Boolean') return false;
  return '0';
}

/**
 * The variables to count with: the caller's, and for a required one left out a placeholder (the
 * request is refused before it runs anyway), so that the rest of the query is still counted.
 */
function variablesFor(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Args,
): Args {
  const values: Args = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] !== undefined || definition.defaultValue) continue;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type && isNonNullType(type)) values[name] = placeholder(type);
  }
  return values;
}

/**
 * The cost of the operation `operationName` (or the only one) of the document; 0 when its
 * variables do not fit their types, which the server refuses with a 400 before anything runs.
 */
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
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variablesFor(schema, operation, variables),
      operationName: operation.name?.value,
      estimators: ESTIMATORS,
    });
  } catch (error) {
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
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

import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLFormattedError } from 'graphql';
import { AppError } from '../common/app-error';
import { fromDatabaseError } from '../common/database-errors';
import { AppConfig } from '../config/app-config';
import { databaseErrorForLog } from '../logging/safe-error';
import { expensiveOperationsPlugin } from './expensive-operations';
import { queryCostPlugin } from './query-cost';

/** Limits that keep one request from exhausting the server, whatever the query. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5000,
  maxCost: 30_000,
};

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Counted by the parser itself (parseOptions below), whose refusal is a 400 like any syntax
    // error; armor's own count throws from a plugin hook, which Apollo answers with a 500.
    maxTokens: { enabled: false },
    // Counted by queryCostPlugin below, which knows the schema's declared costs and list sizes
    // and reads page sizes passed as variables; armor's count sees neither.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  });
  const protection = armor.protect();
  const production = config.NODE_ENV === 'production';
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // graphql-armor resolves @apollo/server's ESM typings, Nest its CommonJS ones: same runtime objects.
    plugins: [
      ...(protection.plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>),
      queryCostPlugin(QUERY_LIMITS.maxCost) as unknown as NonNullable<
        ApolloDriverConfig['plugins']
      >[number],
      expensiveOperationsPlugin() as unknown as NonNullable<ApolloDriverConfig['plugins']>[number],
      // HTTP caching hints are not used here, and the plugin wraps every field resolver.
      ApolloServerPluginCacheControlDisabled() as unknown as NonNullable<
        ApolloDriverConfig['plugins']
      >[number],
    ],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const original = unwrapResolverError(error);
      const appError = original instanceof AppError ? original : fromDatabaseError(original);
      if (appError) {
        return {
          ...formatted,
          message: appError.message,
          extensions: { ...appError.details, code: appError.code },
        };
      }
      // Nest logs other resolver errors itself; a database error passes through the app's filter
      // unlogged, and is logged here without the values it quotes.
      const dbError = databaseErrorForLog(original);
      if (dbError) logger.error({ dbError }, 'A database statement failed');
      const code = formatted.extensions?.code;
      if (production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) {
        return {
          message: 'Something went wrong on the server; the error has been logged.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        };
      }
      return formatted;
    },
  };
}

import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AnalysisModule } from './analysis/analysis.module';
import { AuditTrailModule } from './audit/audit-trail.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BundlesModule } from './bundles/bundles.module';
import { PublicationModule } from './publication/publication.module';
import { ChronologyModule } from './chronology/chronology.module';
import { CorpusModule } from './corpus/corpus.module';
import { LearningBriefingsModule } from './documents/learning-briefings/learning-briefings.module';
import { DocumentsModule } from './documents/documents.module';
import { PracticeIssuesModule } from './documents/practice-issues/practice-issues.module';
import { GraphqlContext } from './graphql/graphql-context';
import { RequestLoadersFactory } from './common/request-loaders';
import { RequestLoadersModule } from './common/request-loaders.module';
import { FindingsModule } from './findings/findings.module';
import { ReviewSetupModule } from './review-setup/review-setup.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ThemesModule } from './themes/themes.module';
import { AppErrorFilter } from './common/app-error.filter';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { loggerOptions } from './logging/logger-options';
import { SettingsModule } from './settings/settings.module';
import { InitialDataService } from './setup/initial-data.service';
import { SetupRepository } from './setup/setup.repository';
import { GeneratedCorpusRepository } from './corpus-generator/generated-corpus.repository';
import { UsersModule } from './users/users.module';
import { ReportsModule } from './reports/reports.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** A connected, migrated data source (see prepareDatabase). */
  dataSource: DataSource;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        RequestLoadersModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [RequestLoadersFactory],
          useFactory: (loaders: RequestLoadersFactory) => ({
            ...graphqlOptions(config),
            context: ({ req, res }: Pick<GraphqlContext, 'req' | 'res'>): GraphqlContext => ({
              req,
              res,
              loaders: loaders.create(),
            }),
          }),
        }),
        SettingsModule,
        UsersModule,
        AuthModule,
        HealthModule,
        AuditModule,
        ThemesModule,
        ReviewsModule,
        ChronologyModule,
        AnalysisModule,
        FindingsModule,
        ReviewSetupModule,
        AuditTrailModule,
        BundlesModule,
        PublicationModule,
        CorpusModule,
        LearningBriefingsModule,
        DocumentsModule,
        PracticeIssuesModule,
        ReportsModule,
      ],
      providers: [
        InitialDataService,
        SetupRepository,
        GeneratedCorpusRepository,
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}

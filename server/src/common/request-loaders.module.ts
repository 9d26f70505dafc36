import { Global, Module } from '@nestjs/common';
import { RequestLoadersFactory } from './request-loaders';

/**
 * The factory of every request's loaders, global so that each context's loaders provider can
 * register with it and the GraphQL context, the policy checks and REST routes can make loaders.
 */
@Global()
@Module({
  providers: [RequestLoadersFactory],
  exports: [RequestLoadersFactory],
})
export class RequestLoadersModule {}

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { BundlesController } from '../bundles/bundles.controller';
import { TimelineExportController } from '../chronology/export/timeline-export.controller';
import { ChronologyImportController } from '../chronology/import/chronology-import.controller';
import { RESOLVERS } from '../graphql/resolvers';
import { HealthController } from '../health/health.controller';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { SessionController } from './session.controller';

const CONTROLLERS = [
  HealthController,
  BundlesController,
  ChronologyImportController,
  TimelineExportController,
  SessionController,
];

function describeAccess(target: object, method: string): string {
  const handler = (target as Record<string, unknown>)[method] as object;
  if (
    Reflect.getMetadata(IS_PUBLIC, handler) ||
    Reflect.getMetadata(IS_PUBLIC, target.constructor)
  ) {
    return 'public';
  }
  const roles: string[] | undefined =
    Reflect.getMetadata(REQUIRED_ROLES, handler) ??
    Reflect.getMetadata(REQUIRED_ROLES, target.constructor);
  return roles ? roles.join(' | ') : 'any signed-in account';
}

const RESOLVER_TYPE = 'graphql:resolver_type';

function handlersOf(
  type: { prototype: object },
  isEndpoint: (handler: object) => boolean,
): [string, object][] {
  return Object.getOwnPropertyNames(type.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => [name, (type.prototype as Record<string, object>)[name]] as [string, object])
    .filter(([, handler]) => typeof handler === 'function' && isEndpoint(handler));
}

/**
 * Who may call what, for every resolver field and route. A change here is a change of permissions:
 * review the snapshot diff as such.
 */
describe('declared permissions of every endpoint', () => {
  it('matches the reviewed list', () => {
    const resolvers = RESOLVERS.flatMap((type) =>
      handlersOf(type, (h) => Reflect.getMetadata(RESOLVER_TYPE, h) !== undefined).map(
        ([name]) =>
          `${Reflect.getMetadata(RESOLVER_TYPE, type.prototype[name as keyof typeof type.prototype])} ${type.name}.${name}: ${describeAccess(type.prototype, name)}`,
      ),
    );
    const routes = CONTROLLERS.flatMap((type) =>
      handlersOf(type, (h) => Reflect.getMetadata(PATH_METADATA, h) !== undefined).map(
        ([name, handler]) => {
          const method =
            RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const path = [
            Reflect.getMetadata(PATH_METADATA, type),
            Reflect.getMetadata(PATH_METADATA, handler),
          ]
            .filter((p) => p && p !== '/')
            .join('/');
          return `${method} /${path}: ${describeAccess(type.prototype, name)}`;
        },
      ),
    );
    expect([...routes.sort(), ...resolvers.sort()]).toMatchSnapshot();
  });
});

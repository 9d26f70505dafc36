import { PATH_METADATA } from '@nestjs/common/constants';
import { BundlesController } from '../bundles/bundles.controller';
import { TimelineExportController } from '../chronology/export/timeline-export.controller';
import { ChronologyImportController } from '../chronology/import/chronology-import.controller';
import { RESOLVERS } from '../graphql/resolvers';
import { HealthController } from '../health/health.controller';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

const CONTROLLERS = [
  HealthController,
  BundlesController,
  ChronologyImportController,
  TimelineExportController,
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

function methodsOf(type: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(type.prototype).filter((name) => name !== 'constructor');
}

/**
 * Who may call what, for every resolver field and route. A change here is a change of permissions:
 * review the snapshot diff as such.
 */
describe('declared permissions of every endpoint', () => {
  it('matches the reviewed list', () => {
    const lines = [...RESOLVERS, ...CONTROLLERS].flatMap((type) => {
      const prefix = Reflect.getMetadata(PATH_METADATA, type);
      const name = prefix === undefined ? type.name : `/${prefix}`;
      return methodsOf(type).map(
        (method) => `${name}.${method}: ${describeAccess(type.prototype, method)}`,
      );
    });
    expect(lines.sort()).toMatchSnapshot();
  });
});

import { CorpusMatrixController } from '../corpus/corpus-matrix.controller';
import { PracticeIssueDownloadController } from '../documents/practice-issues/practice-issue-download.controller';
import { LearningBriefingDownloadController } from '../documents/learning-briefings/learning-briefing-download.controller';
import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { REVIEW_ROLES, ReviewRoleName } from '@scr/shared';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KpeTableController } from '../analysis/export/kpe-table.controller';
import { BundlesController } from '../bundles/bundles.controller';
import { TimelineExportController } from '../chronology/export/timeline-export.controller';
import { ChronologyImportController } from '../chronology/import/chronology-import.controller';
import { RESOLVERS } from '../graphql/resolvers';
import { HealthController } from '../health/health.controller';
import { capabilitiesFor } from '../reviews/review-access';
import { Role } from '../users/user.entity';
import { declaredPolicies, describePolicy, Policy } from './policy';
import { SessionController } from './session.controller';
import { ReviewReportController } from '../documents/report/review-report.controller';
import { ReportsController } from '../reports/reports.controller';

/** Every controller; the route list of docs/permissions.md is read from these. */
export const CONTROLLERS = [
  HealthController,
  BundlesController,
  ChronologyImportController,
  TimelineExportController,
  KpeTableController,
  SessionController,
  CorpusMatrixController,
  LearningBriefingDownloadController,
  PracticeIssueDownloadController,
  ReviewReportController,
  ReportsController,
];

export const PERMISSIONS_FILE = resolve(__dirname, '..', '..', '..', 'docs', 'permissions.md');

export const ACCOUNT_ROLES: Role[] = [Role.ADMIN, Role.REVIEWER, Role.ANALYST, Role.TRAINER];
export type ReviewRoleColumn = ReviewRoleName | 'none';
export const REVIEW_ROLE_COLUMNS: ReviewRoleColumn[] = [...REVIEW_ROLES, 'none'];

/** What a cell of the table says: allowed, refused, allowed once published, allowed on one's own. */
export type Cell = 'yes' | 'no' | 'if published' | 'own only' | 'live collection';

export interface Endpoint {
  /** `Query review`, `Mutation addMember`, `GET /api/reviews/:id/bundle.json` */
  operation: string;
  /** where it is declared: Class.method */
  handler: string;
  policies: Policy[];
}

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

function handlersOf(type: { prototype: object }): [string, object][] {
  return Object.getOwnPropertyNames(type.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => [name, (type.prototype as Record<string, object>)[name]] as [string, object])
    .filter(([, handler]) => typeof handler === 'function');
}

/** Every GraphQL query and mutation and every REST route, with what it declares. */
export function endpoints(): Endpoint[] {
  const operations = RESOLVERS.flatMap((type) =>
    handlersOf(type)
      .filter(([, handler]) =>
        ['Query', 'Mutation', 'Subscription'].includes(Reflect.getMetadata(RESOLVER_TYPE, handler)),
      )
      .map(([name, handler]) => ({
        operation: `${Reflect.getMetadata(RESOLVER_TYPE, handler)} ${Reflect.getMetadata(RESOLVER_NAME, handler) ?? name}`,
        handler: `${type.name}.${name}`,
        policies: declaredPolicies(handler, type),
      })),
  );
  const routes = CONTROLLERS.flatMap((type) =>
    handlersOf(type)
      .filter(([, handler]) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map(([name, handler]) => {
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = [
          Reflect.getMetadata(PATH_METADATA, type),
          Reflect.getMetadata(PATH_METADATA, handler),
        ]
          .filter((p) => p && p !== '/')
          .join('/');
        return {
          operation: `${method} /${path}`,
          handler: `${type.name}.${name}`,
          policies: declaredPolicies(handler, type),
        };
      }),
  );
  const order = (e: Endpoint) => ['Query', 'Mutation'].indexOf(e.operation.split(' ')[0]);
  return [...operations, ...routes].sort(
    (a, b) =>
      (order(a) === -1 ? 2 : order(a)) - (order(b) === -1 ? 2 : order(b)) ||
      a.operation.localeCompare(b.operation),
  );
}

/** What the declaration allows an account of `accountRole` holding `reviewRole` on the review. */
export function cellFor(policy: Policy, accountRole: Role, reviewRole: ReviewRoleColumn): Cell {
  const role = reviewRole === 'none' ? null : reviewRole;
  switch (policy.kind) {
    case 'public':
    case 'signedIn':
      return 'yes';
    case 'roles':
      return policy.roles.includes(accountRole) ? 'yes' : 'no';
    case 'review':
      if (capabilitiesFor(accountRole, role, false).has(policy.capability)) return 'yes';
      if (capabilitiesFor(accountRole, role, true).has(policy.capability)) return 'if published';
      return 'no';
    case 'collectionOwner':
      return accountRole === Role.ADMIN ? 'yes' : 'own only';
    case 'corpus':
      return policy.roles.includes(accountRole) ? 'yes' : 'live collection';
  }
}

/** docs/permissions.md, as written by `npm run permissions -w @scr/server`. */
export function permissionsMarkdown(): string {
  const rows = endpoints().flatMap((endpoint) => {
    if (endpoint.policies.length !== 1)
      throw new Error(
        `${endpoint.handler} (${endpoint.operation}) declares ${endpoint.policies.length} permission rules; it must declare exactly one`,
      );
    const [policy] = endpoint.policies;
    return ACCOUNT_ROLES.map((accountRole, i) =>
      [
        i === 0 ? `\`${endpoint.operation}\`` : '',
        i === 0 ? describePolicy(policy) : '',
        accountRole,
        ...REVIEW_ROLE_COLUMNS.map((reviewRole) => cellFor(policy, accountRole, reviewRole)),
      ].join(' | '),
    );
  });
  return [
    '# Who may do what',
    '',
    '<!-- Written by `npm run permissions -w @scr/server` from the declarations next to each',
    '     operation (server/src/auth/policy.ts). Do not edit by hand: a test compares them. -->',
    '',
    'Every GraphQL query and mutation and every REST route declares one rule next to its',
    'definition; the AuthGuard enforces it before the operation runs, and refuses an operation',
    'that declares none. For each operation, each account role and each role on the review',
    '("none": not a member), the table says whether the call is let through:',
    '',
    '- **yes**: allowed; **no**: refused (FORBIDDEN, or UNAUTHENTICATED without a token);',
    '- **if published**: allowed when the review is PUBLISHED, refused while it is in progress;',
    '- **own only**: allowed on a collection the account created;',
    '- **live collection**: only a live analysis of a collection (`filter.live`, `live=true`)',
    '  whose every review the account may read. A live analysis asks that of every account role.',
    '',
    'Only `public` operations answer without a token. Analysts and trainers may hold no review role',
    'but OBSERVER, and then without real names (docs/decisions/0005-who-may-be-a-member.md); their',
    'other cells say what a membership row made before that rule would still give. "signed in"',
    'operations narrow what they return as their rule says. Operations may refuse further for',
    'reasons of content (a bundle with real names needs `manage`, see docs/bundle-format.md).',
    '',
    `| operation | rule | account role | ${REVIEW_ROLE_COLUMNS.join(' | ')} |`,
    `| --- | --- | --- | ${REVIEW_ROLE_COLUMNS.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(PERMISSIONS_FILE, permissionsMarkdown());
  process.stdout.write(`Wrote ${PERMISSIONS_FILE}\n`);
}

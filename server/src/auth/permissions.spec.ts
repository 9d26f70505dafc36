import { ExecutionContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Role } from '../users/user.entity';
import { endpoints, permissionsMarkdown, PERMISSIONS_FILE } from './permissions-table';
import { OnReview, SignedIn } from './policy';
import { policyOf } from './policy-enforcer';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

/**
 * Who may call what is declared next to each operation and printed in docs/permissions.md. A
 * change of permissions shows there, in review.
 */
describe('declared permissions', () => {
  it('has exactly one declaration on every query, mutation and route', () => {
    const list = endpoints();
    expect(list.length).toBeGreaterThan(50);
    const wrong = list
      .filter((e) => e.policies.length !== 1)
      .map((e) => `${e.operation} (${e.handler}): ${e.policies.length} declarations`);
    expect(wrong).toEqual([]);
  });

  it('agrees with docs/permissions.md (run `npm run permissions -w @scr/server` after a change)', () => {
    expect(readFileSync(PERMISSIONS_FILE, 'utf8')).toBe(permissionsMarkdown());
  });

  describe('the guard', () => {
    class Example {
      @Public()
      open() {}

      @Roles(Role.ADMIN)
      @SignedIn('twice declared')
      twice() {}

      undeclared() {}

      @OnReview('edit', { arg: 'reviewId' })
      edit() {}
    }
    const contextFor = (name: keyof Example) =>
      ({
        // eslint-disable-next-line @typescript-eslint/unbound-method -- the guard reads the handler's metadata and never calls it
        getHandler: () => Example.prototype[name],
        getClass: () => Example,
      }) as unknown as ExecutionContext;

    it('refuses an operation that declares no rule, or more than one', () => {
      expect(() => policyOf(contextFor('undeclared'))).toThrow(/declares 0 permission rules/);
      expect(() => policyOf(contextFor('twice'))).toThrow(/declares 2 permission rules/);
    });

    it('finds the one rule of an operation', () => {
      expect(policyOf(contextFor('open'))).toEqual({ kind: 'public' });
      expect(policyOf(contextFor('edit'))).toEqual({
        kind: 'review',
        capability: 'edit',
        from: { arg: 'reviewId' },
      });
    });
  });
});

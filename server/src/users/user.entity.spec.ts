import { ROLES } from '@scr/shared';
import { Role } from './user.entity';

describe('Role', () => {
  it('has exactly the roles of the shared vocabulary and the API contract', () => {
    expect(Object.values(Role)).toEqual([...ROLES]);
  });
});

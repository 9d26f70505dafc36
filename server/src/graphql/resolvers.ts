import { AuthResolver } from '../auth/auth.resolver';
import { UsersResolver } from '../users/users.resolver';

/** Every resolver class; the schema file is printed from this list. */
export const RESOLVERS = [AuthResolver, UsersResolver];

import { SetMetadata } from '@nestjs/common';
import { Role } from '../users/user.entity';

export const REQUIRED_ROLES = 'scr:requiredRoles';

/** Limits a resolver or route to accounts holding one of the given roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

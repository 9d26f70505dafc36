import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Role } from '../users/user.entity';
import { declarePolicy } from './policy';

export const REQUIRED_ROLES = 'scr:requiredRoles';

/** Limits a resolver or route to accounts holding one of the given roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), declarePolicy({ kind: 'roles', roles }));

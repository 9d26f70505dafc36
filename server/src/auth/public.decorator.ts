import { applyDecorators, SetMetadata } from '@nestjs/common';
import { declarePolicy } from './policy';

export const IS_PUBLIC = 'scr:isPublic';

/** Marks a resolver or route that answers without a signed-in user (sign-in, health). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), declarePolicy({ kind: 'public' }));
